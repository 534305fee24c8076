#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets up, builds and runs Pillars on the embedded example document.
# Usage: build-aux/run.sh [FILE.pillars]
set -euo pipefail
cd "$(dirname "$0")/.."

build-aux/deps.sh build
[ -f _build/build.ninja ] || meson setup _build >/dev/null
ninja -C _build >/dev/null

example="${1:-}"
if [ -z "$example" ]; then
  dir="${XDG_DATA_HOME:-$HOME/.local/share}/pillars"
  mkdir -p "$dir"
  example="$dir/Example.pillars"
  [ -f "$example" ] || _build/src/cli/pillars-cli demo "$example"
fi

if [ -x _build/src/app/pillars ]; then
  export GSETTINGS_SCHEMA_DIR="$PWD/_build/data"
  # The translations built in _build/po (the installed ones otherwise).
  export PILLARS_LOCALEDIR="$PWD/_build/po"
  if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    echo "No display: running the window under Xvfb (close with Ctrl+C)." >&2
    exec xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session -- _build/src/app/pillars "$example"
  fi
  exec _build/src/app/pillars "$example"
fi

_build/src/cli/pillars-cli info "$example"

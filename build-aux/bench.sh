#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmarks against pandoc and cmark (run by hand; see tests/bench/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
build-aux/deps.sh test
# The start-up comparison needs GNOME Text Editor and xdotool.
for p in gnome-text-editor xdotool; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="${missing:-} $p"
done
if [ -n "${missing:-}" ]; then apt-get install -y -qq --no-install-recommends $missing >/dev/null; fi
[ -f _build-bench/build.ninja ] || meson setup _build-bench --buildtype=release >/dev/null
ninja -C _build-bench >/dev/null
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session -- python3 tests/bench/bench.py _build-bench
fi
exec python3 tests/bench/bench.py _build-bench

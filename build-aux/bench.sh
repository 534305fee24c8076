#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmarks against pandoc and cmark (run by hand; see tests/bench/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
build-aux/deps.sh test
[ -f _build-bench/build.ninja ] || meson setup _build-bench --buildtype=release >/dev/null
ninja -C _build-bench >/dev/null
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session -- python3 tests/bench/bench.py _build-bench
fi
exec python3 tests/bench/bench.py _build-bench

#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets up, builds and runs every Pillars test (widget tests under Xvfb).
# Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

build-aux/deps.sh test || { echo "0 passed, 1 failed"; exit 1; }

builddir=_build-test
if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" -Dwerror=true >/dev/null || { echo "0 passed, 1 failed"; exit 1; }
fi
if ! ninja -C "$builddir"; then
  echo "0 passed, 1 failed"
  exit 1
fi

rm -f "$builddir/meson-logs/testlog.junit.xml" "$builddir/meson-logs/testlog.json"
xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session -- \
  meson test -C "$builddir" --print-errorlogs --num-processes 2 "$@"
status=$?

python3 build-aux/count-tests.py "$builddir/meson-logs"
counted=$?
if [ $status -ne 0 ] || [ $counted -ne 0 ]; then
  exit 1
fi

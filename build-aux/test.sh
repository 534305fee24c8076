#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets up, builds and runs every Pillars test (widget tests under Xvfb).
# Ends with one line: "N passed, N failed".
# Usage: build-aux/test.sh [--sanitize] [--build-only] [MESON TEST ARGS...]
#   --build-only  sets up and builds, runs nothing (CI builds the next pass
#               this way, niced, while the tests of the one before run)
#   --sanitize  builds in _build-sanitize with AddressSanitizer and
#               UndefinedBehaviorSanitizer and runs every test there, widget
#               tests included (options per test: tests/sanitizers/wrap.sh;
#               PILLARS_SANITIZE_APP_LEAKS=1 also checks the widget tests
#               for leaks, slowly). Valgrind's suite runs in the normal pass.
set -uo pipefail
cd "$(dirname "$0")/.."

sanitize=0
build_only=0
while [ $# -gt 0 ]; do
  case "$1" in
    --sanitize) sanitize=1 ;;
    --build-only) build_only=1 ;;
    *) break ;;
  esac
  shift
done

if [ $build_only = 0 ]; then
  build-aux/deps.sh test || { echo "0 passed, 1 failed"; exit 1; }
fi

builddir=_build-test
setup_args=(-Dwerror=true)
test_args=()
if [ $sanitize = 1 ]; then
  builddir=_build-sanitize
  # b_lundef=false: the sanitizers' runtime resolves some symbols late.
  setup_args+=(-Db_sanitize=address,undefined -Db_lundef=false)
  # Several times slower under the sanitizers.
  # Two suites stay in the normal pass, for CI's 20 minutes: the journeys
  # (and the accessibility walk) drive the app over AT-SPI for tens of
  # seconds each and check what a user meets, while the widget tests run the
  # same code under the sanitizers; the crash and power-cut harnesses run
  # alone, killing a child at chosen moments to check what reached the disk,
  # which the sanitizers do not change (the fault-injection harness, whose
  # error paths they do check, stays in this pass).
  test_args=(--timeout-multiplier 4 --wrapper "$PWD/tests/sanitizers/wrap.sh" --no-suite valgrind
             --no-suite journeys --no-suite crash)
fi

if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" "${setup_args[@]}" >/dev/null || { echo "0 passed, 1 failed"; exit 1; }
fi
if ! ninja -C "$builddir"; then
  echo "0 passed, 1 failed"
  exit 1
fi
if [ $build_only = 1 ]; then
  exit 0
fi

rm -f "$builddir"/meson-logs/testlog*.junit.xml "$builddir"/meson-logs/testlog*.json
xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session -- \
  meson test -C "$builddir" --print-errorlogs --num-processes 2 "${test_args[@]}" "$@"
status=$?

# With a wrapper, meson names its logs after it (testlog-wrap.sh.*, even
# with --logbase testlog); count-tests.py reads testlog.junit.xml and .json.
for ext in junit.xml json; do
  if [ -f "$builddir/meson-logs/testlog-wrap.sh.$ext" ]; then
    mv "$builddir/meson-logs/testlog-wrap.sh.$ext" "$builddir/meson-logs/testlog.$ext"
  fi
done

python3 build-aux/count-tests.py "$builddir/meson-logs"
counted=$?
if [ $status -ne 0 ] || [ $counted -ne 0 ]; then
  exit 1
fi

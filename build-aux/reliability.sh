#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The long run of the reliability harnesses (tests/reliability, suite
# 'reliability'; meson test runs them with 30 crash rounds):
#   build-aux/reliability.sh [ROUNDS]      (default 300)
# ROUNDS kill -9 rounds of the edit stream, ROUNDS/5 kills per pillars-cli
# command (new, demo, export), ROUNDS/2 simulated power cuts, and the I/O
# fault injection with every combination of call, error and persistence. Prints what each harness measured and exits non-zero on
# any failure.
set -uo pipefail
cd "$(dirname "$0")/.."

rounds="${1:-300}"
case "$rounds" in
  ''|*[!0-9]*) echo "Usage: build-aux/reliability.sh [ROUNDS]" >&2; exit 2 ;;
esac

build-aux/deps.sh build >/dev/null || exit 1
builddir=_build-reliability
if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" -Dwerror=true -Dapp=false >/dev/null || exit 1
fi
ninja -C "$builddir" >/dev/null || exit 1

start=$(date +%s)
PL_RELIABILITY_ROUNDS="$rounds" \
PL_RELIABILITY_CLI_ROUNDS=$(( rounds / 5 > 1 ? rounds / 5 : 1 )) \
PL_RELIABILITY_POWER_ROUNDS=$(( rounds / 2 > 1 ? rounds / 2 : 1 )) \
PL_RELIABILITY_ALL_FAULTS=1 \
  meson test -C "$builddir" --suite reliability --print-errorlogs --num-processes 1 \
    --timeout-multiplier 0
status=$?

echo
echo "Reliability, $rounds rounds, $(( $(date +%s) - start )) s:"
grep -hE '^# (crash safety|power loss|(new|demo|export-[a-z]+): [0-9]+ rounds|[a-z-]+: [0-9]+ runs)' \
  "$builddir/meson-logs/testlog.txt" | sed 's/^# /  /'
grep -hE '^not ok' "$builddir/meson-logs/testlog.txt" | sed 's/^/  /'
exit $status

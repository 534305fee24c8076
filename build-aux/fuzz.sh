#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer targets of tests/fuzz in their own build folder
# (clang, -Dfuzzing=true) and runs each for SECONDS (default 60), niced.
# Usage: build-aux/fuzz.sh [SECONDS] [TARGET...]
# Each target's corpus grows in $builddir/corpus/TARGET (seeded from
# tests/fuzz/corpus); a crash, a sanitizer report, a leak or a hang leaves
# its input in $builddir/findings/. One line per target is written to
# $builddir/fuzz-results.txt ("NAME passed|failed EXECS EXECS_PER_SECOND"),
# which build-aux/count-tests.py counts. Exit status 1 if any target failed.
set -uo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
builddir=${FUZZ_BUILDDIR:-_build-fuzz}
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(fuzz-markdown fuzz-open fuzz-matrix fuzz-import-docx)
fi
results="$builddir/fuzz-results.txt"

fail_all () {
  mkdir -p "$builddir"
  : > "$results"
  for t in "${targets[@]}"; do echo "$t failed 0 0" >> "$results"; done
  exit 1
}

if ! command -v clang >/dev/null; then
  echo "fuzz.sh: clang is needed (Debian: clang libclang-rt-14-dev; build-aux/deps.sh test)" >&2
  fail_all
fi
if [ ! -f "$builddir/build.ninja" ]; then
  CC=clang meson setup "$builddir" -Dfuzzing=true -Dapp=false -Dbuildtype=debugoptimized >/dev/null \
    || fail_all
fi
ninja_targets=()
for t in "${targets[@]}"; do ninja_targets+=("tests/fuzz/$t"); done
nice -n 19 ninja -C "$builddir" "${ninja_targets[@]}" >/dev/null || fail_all
# FUZZ_BUILD_ONLY=1: build the targets and stop (CI builds them while the
# sanitizer pass runs).
if [ "${FUZZ_BUILD_ONLY:-0}" = 1 ]; then
  exit 0
fi

run_target () {
  local t=$1 seeds max_len corpus findings log rc execs rate verdict
  case $t in
    fuzz-markdown) seeds=tests/fuzz/corpus/markdown; max_len=16384 ;;
    fuzz-open) seeds=tests/fuzz/corpus/open; max_len=65536 ;;
    fuzz-matrix) seeds=tests/fuzz/corpus/matrix; max_len=16384 ;;
    fuzz-import-docx) seeds=tests/fuzz/corpus/import-docx; max_len=65536 ;;
    *) echo "fuzz.sh: unknown target $t" >&2; echo "$t failed 0 0" > "$builddir/result-$t"; return 1 ;;
  esac
  corpus="$builddir/corpus/$t"
  findings="$builddir/findings/$t"
  log="$builddir/meson-logs/$t.log"
  mkdir -p "$corpus" "$findings" "$(dirname "$log")"
  # halt_on_error: the first report is a finding; leaks too (libFuzzer
  # checks them per input). A single input slower than 30 s is a hang.
  # A 16 MB quarantine (not 256) still catches use-after-free of recent
  # frees and keeps the exports' large buffers from costing a page fault
  # each time: a quarter faster, and 70 MB resident instead of 350.
  ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:abort_on_error=1:allocator_may_return_null=1:quarantine_size_mb=16:malloc_context_size=8 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  G_DEBUG=gc-friendly G_SLICE=always-malloc LC_ALL=C.UTF-8 \
    nice -n 19 "$builddir/tests/fuzz/$t" \
      -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -max_len=$max_len \
      -print_final_stats=1 -artifact_prefix="$findings/" \
      "$corpus" "$seeds" > "$log" 2>&1
  rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  if [ $rc -eq 0 ]; then
    verdict=passed
  else
    verdict=failed
    echo "fuzz.sh: $t found a problem (exit $rc); log: $log; input in $findings/" >&2
    grep -m 20 -E 'ERROR|SUMMARY|runtime error|Test unit written' "$log" >&2
  fi
  echo "$t $verdict ${execs:-0} ${rate:-0}" > "$builddir/result-$t"
  echo "$t: $verdict, ${execs:-0} executions in ${seconds} s (${rate:-0}/s), corpus $(ls "$corpus" | wc -l) inputs"
  [ $verdict = passed ]
}

# FUZZ_PARALLEL=1 runs the targets side by side (CI: the same seconds
# each, half the wall time, half the executions each on two cores).
status=0
pids=()
for t in "${targets[@]}"; do
  rm -f "$builddir/result-$t"
  if [ "${FUZZ_PARALLEL:-0}" = 1 ]; then
    run_target "$t" &
    pids+=($!)
  else
    run_target "$t" || status=1
  fi
done
for pid in "${pids[@]}"; do
  wait "$pid" || status=1
done
: > "$results"
for t in "${targets[@]}"; do
  cat "$builddir/result-$t" >> "$results" 2>/dev/null || { echo "$t failed 0 0" >> "$results"; status=1; }
done
exit $status

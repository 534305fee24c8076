#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# meson test --wrapper for the sanitizer pass (build-aux/test.sh --sanitize):
# the sanitizer options of one test, chosen by what it tests.
# Core, CLI and data tests: every ASan and UBSan report and every leak
# fails the test (fast stacks, no suppressions: none are needed).
# Widget tests: ASan and UBSan reports fail the test; leaks are checked
# only when PILLARS_SANITIZE_APP_LEAKS=1, because GTK's stack of libraries
# (fontconfig above all) keeps caches for the process's life, and telling
# them apart needs full stacks (tests/sanitizers/lsan.supp), which makes
# the widget tests three to eight times slower than CI can afford.
here=$(cd "$(dirname "$0")" && pwd)
asan=halt_on_error=1:abort_on_error=1
# The install test starts the installed app (a GTK program, like the
# widget tests): it is named among the arguments, after bash.
case "$*" in
  */tests/app/*|*/tests/install/check-install.sh*)
    if [ "${PILLARS_SANITIZE_APP_LEAKS:-0}" = 1 ]; then
      asan=$asan:detect_leaks=1:fast_unwind_on_malloc=0:malloc_context_size=8
    else
      asan=$asan:detect_leaks=0
    fi ;;
  *)
    asan=$asan:detect_leaks=1 ;;
esac
export ASAN_OPTIONS=$asan
export LSAN_OPTIONS=suppressions=$here/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:suppressions=$here/ubsan.supp
# GSlice's own allocator hides use-after-free and leaks from ASan.
export G_SLICE=always-malloc
exec "$@"

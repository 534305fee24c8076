#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Valgrind memcheck on pillars-cli exports of the example document in every
# format: no memory error and no definitely lost block (GLib's and the
# libraries' reachable caches are not errors). TAP, one test per format.
# Usage: valgrind-exports.sh PILLARS-CLI
set -u
cli=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export G_SLICE=always-malloc LC_ALL=C.UTF-8

formats=(md html docx odt csv)
echo "1..$(( ${#formats[@]} + 1 ))"
if "$cli" demo "$tmp/example.pillars" >/dev/null 2>"$tmp/demo.err"; then
  echo "ok 1 - demo document written"
else
  echo "not ok 1 - pillars-cli demo failed: $(cat "$tmp/demo.err")"
fi

n=1
for f in "${formats[@]}"; do
  n=$((n + 1))
  if valgrind --tool=memcheck --error-exitcode=99 --leak-check=full \
       --show-leak-kinds=definite --errors-for-leak-kinds=definite \
       --track-origins=no --quiet --log-file="$tmp/$f.vg" \
       "$cli" export "$tmp/example.pillars" --format "$f" -o "$tmp/example.$f" >/dev/null 2>"$tmp/$f.err"; then
    echo "ok $n - export --format $f: no memcheck errors, no definite leaks"
  else
    echo "not ok $n - export --format $f under valgrind memcheck (exit $?)"
    sed 's/^/# /' "$tmp/$f.err" "$tmp/$f.vg"
  fi
done

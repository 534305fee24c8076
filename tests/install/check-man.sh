#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The manual pages render without a groff warning and document what the
# programs' --help lists: every pillars-cli command, every pillars option.
# Usage: check-man.sh SOURCEDIR PILLARS-CLI [PILLARS]
set -euo pipefail
srcdir=$1
cli=$2
app=${3:-}
fail=0
for page in "$srcdir"/data/pillars.1 "$srcdir"/data/pillars-cli.1; do
  warnings=$(LC_ALL=C.UTF-8 groff -man -Tutf8 -ww -z "$page" 2>&1)
  [ -z "$warnings" ] || { echo "FAIL: groff warns on $page:"; echo "$warnings"; fail=1; }
  # man(1) itself formats it (what a user runs).
  LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$page" >/dev/null 2>&1 || { echo "FAIL: man -l $page"; fail=1; }
done
# The rendered page, without hyphenation, as plain text.
render() { LC_ALL=C.UTF-8 groff -man -Tutf8 -rHY=0 -P-cbou "$1" 2>/dev/null; }
cli_page=$(render "$srcdir/data/pillars-cli.1")
commands=$(LC_ALL=C.UTF-8 "$cli" --help | sed -n '/^Commands:/,/^$/p' | sed -n 's/^  \([a-z-]*\) .*/\1/p')
[ -n "$commands" ] || { echo "FAIL: no commands in pillars-cli --help"; exit 1; }
for c in $commands; do
  grep -qE "^       $c( |$)" <<<"$cli_page" || { echo "FAIL: pillars-cli.1 does not document the command '$c'"; fail=1; }
done
if [ -n "$app" ]; then
  app_page=$(render "$srcdir/data/pillars.1")
  options=$(GSETTINGS_BACKEND=memory LC_ALL=C.UTF-8 "$app" --help | sed -n 's/^  .*\(--[a-z-]*\) .*/\1/p' | grep -v '^--help')
  for o in $options; do
    grep -q -- "$o" <<<"$app_page" || { echo "FAIL: pillars.1 does not document $o"; fail=1; }
  done
fi
[ $fail = 0 ] && echo "manual pages ok"
exit $fail

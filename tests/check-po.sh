#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Every language in po/LINGUAS has a .po that msgfmt --check accepts (format
# specifiers, plural forms, header) and that is complete: no untranslated and
# no fuzzy message, so nobody sees English in the middle of French.
set -euo pipefail
cd "$1"
status=0
langs=$(grep -v '^#' po/LINGUAS | tr -s ' \n' '\n' | sed '/^$/d')
[ -n "$langs" ] || { echo "po/LINGUAS lists no language"; exit 1; }
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
for l in $langs; do
  po="po/$l.po"
  [ -f "$po" ] || { echo "$po: listed in po/LINGUAS but missing"; status=1; continue; }
  if ! stats=$(LC_ALL=C msgfmt --check --statistics -o "$tmp" "$po" 2>&1); then
    echo "$stats"; status=1; continue
  fi
  echo "$l: $stats"
  case "$stats" in
    *untranslated*|*fuzzy*) echo "$po is not complete"; status=1 ;;
  esac
  # Every message of the template is in the .po (it was merged after the
  # last change of the strings).
  missing=$(LC_ALL=C msgcmp --use-untranslated "$po" po/pillars.pot 2>&1 | grep -c 'this message is used but not defined' || true)
  [ "$missing" = 0 ] || { echo "$po misses $missing message(s) of po/pillars.pot: msgmerge --update $po po/pillars.pot"; status=1; }
done
exit $status

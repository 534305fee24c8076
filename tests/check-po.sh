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
sources=$(mktemp)
trap 'rm -f "$tmp" "$sources"' EXIT
# The messages of the sources as they are now (the keywords of meson's glib
# preset), so that a string added since po/pillars.pot was last regenerated
# counts as untranslated too.
xgettext --package-name=pillars -f po/POTFILES.in -D . -o "$sources" --from-code=UTF-8 \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dcgettext:2 \
  --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 --flag=N_:1:pass-c-format \
  --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format --flag=g_dngettext:2:pass-c-format \
  --flag=g_strdup_printf:1:c-format --flag=g_string_printf:2:c-format \
  --flag=g_string_append_printf:2:c-format --flag=g_set_error:4:c-format
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
  # Every message of the sources is translated in the .po.
  missing=$(LC_ALL=C msgcmp "$po" "$sources" 2>&1 | grep -c 'this message is used but not defined' || true)
  if [ "$missing" != 0 ]; then
    echo "$po lacks a translation for $missing message(s) of the sources; run"
    echo "  ninja -C _build pillars-pot && msgmerge --update $po po/pillars.pot"
    echo "and translate them (build-aux/po-todo.py list)"
    LC_ALL=C msgcmp "$po" "$sources" 2>&1 | grep -B1 'used but not defined' | head -n 10 || true
    status=1
  fi
done
exit $status

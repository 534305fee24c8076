#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Every file with translatable strings, anywhere in the tree (C sources in any
# folder under src/, templates in any folder under ui/, the desktop file,
# metainfo, schema and MIME type sources under data/), is in po/POTFILES.in, and every
# file listed there exists.
set -euo pipefail
cd "$1"
status=0
listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort)
for f in $listed; do
  [ -f "$f" ] || { echo "listed but missing: $f"; status=1; }
done
found=$( (grep -rlE --include='*.c' --include='*.h' '(\bN_|\b_|\bC_|\bNC_|ngettext|g_dngettext)\(' src 2>/dev/null || true
          grep -rl --include='*.ui' 'translatable="yes"' ui 2>/dev/null || true
          grep -rlE --include='*.in' '^_?(Name|Comment|Keywords|GenericName)=|<_?(name|summary|p|li|caption)>|translatable' data 2>/dev/null || true
          grep -rl --include='*.gschema.xml' '<summary>' data 2>/dev/null || true
          grep -rl --include='*.mime.xml' '<comment>' data 2>/dev/null || true) | sort -u)
for f in $found; do
  grep -qx "$f" <<<"$listed" || { echo "not in po/POTFILES.in: $f"; status=1; }
done
for f in $listed; do
  [ -f "$f" ] || continue
  grep -qx "$f" <<<"$found" || { echo "listed in po/POTFILES.in but has no translatable string: $f"; status=1; }
done
exit $status

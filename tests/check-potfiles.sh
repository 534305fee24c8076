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
# A C file counts when a marker is followed by a string literal ("_ (" in
# a macro definition or a comment is not a message). Builder files, desktop
# files, metainfo and schemas count wherever they are, outside the tests and
# the build folders: a template added under src/ or a desktop file under
# build-aux/ is found too.
tree_files () {
  find . \( -path ./.git -o -path './_build*' -o -path ./build -o -path ./tests -o -path ./po \
            -o -path ./.flatpak-builder -o -path ./subprojects \) -prune -o -type f \( "$@" \) -print |
    sed 's|^\./||'
}
found=$( ( (tree_files -name '*.c' -o -name '*.h') | xargs -r grep -lE \
             '(\bN_|\b_|\bC_|\bNC_|\bQ_|ngettext|g_dngettext|g_dpgettext2?|g_dgettext)[[:space:]]*\([[:space:]]*"' || true
          tree_files -name '*.ui' -o -name '*.ui.in' | xargs -r grep -l 'translatable="yes"' || true
          tree_files -name '*.desktop.in' -o -name '*.desktop' | xargs -r grep -lE '^_?(Name|Comment|Keywords|GenericName)=' || true
          tree_files -name '*.metainfo.xml*' -o -name '*.appdata.xml*' | xargs -r grep -lE '<_?(name|summary|p|li|caption|developer_name)[ >]|translatable' || true
          tree_files -name '*.gschema.xml*' | xargs -r grep -lE '<(summary|description)>' || true
          tree_files -name '*.mime.xml*' | xargs -r grep -l '<comment>' || true) | sort -u)
for f in $found; do
  grep -qx "$f" <<<"$listed" || { echo "not in po/POTFILES.in: $f"; status=1; }
done
for f in $listed; do
  [ -f "$f" ] || continue
  grep -qx "$f" <<<"$found" || { echo "listed in po/POTFILES.in but has no translatable string: $f"; status=1; }
done
# A message glued to a format macro ("#%" G_GINT64_FORMAT) is cut short
# by xgettext at the macro: its catalogue entry can never match.
glued=$( (tree_files -name '*.c' -o -name '*.h') | xargs -r grep -nE \
           '(\b_|\bN_|\bC_|ngettext)[[:space:]]*\(([^()]*,[[:space:]]*)?"[^"]*"[[:space:]]*(G_G|PRI|G_GSIZE|G_GUINT|G_GINT)' || true)
if [ -n "$glued" ]; then
  echo "translatable message glued to a format macro (format the number with %s first):"
  echo "$glued"
  status=1
fi
exit $status

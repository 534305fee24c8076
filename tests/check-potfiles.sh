#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Every source or template with translatable strings is in po/POTFILES.in,
# and every file listed there exists.
set -euo pipefail
cd "$1"
status=0
listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort)
for f in $listed; do
  [ -f "$f" ] || { echo "listed but missing: $f"; status=1; }
done
found=$( (grep -lE '\b(N_|_)\(' src/*/*.c 2>/dev/null || true; grep -l 'translatable="yes"' ui/*.ui 2>/dev/null || true) | sort)
for f in $found; do
  grep -qx "$f" <<<"$listed" || { echo "not in po/POTFILES.in: $f"; status=1; }
done
exit $status

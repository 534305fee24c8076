#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Validates the Flatpak manifest offline: valid JSON, accepted by
# flatpak-builder without warnings, and no sandbox holes.
set -euo pipefail
manifest="$1"
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$manifest"
manifest=$(realpath "$manifest")
# flatpak-builder keeps state in the current directory: use a scratch one.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
out=$(cd "$scratch" && flatpak-builder --show-manifest "$manifest" 2>&1)
if grep -q WARNING <<<"$out"; then
  echo "$out" | grep WARNING
  exit 1
fi
for hole in '--filesystem=host' '--filesystem=home' '--filesystem=/' '--socket=session-bus' '--device=all'; do
  if grep -q -- "$hole" "$manifest"; then
    echo "sandbox hole: $hole"
    exit 1
  fi
done
app_id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$manifest")
[ "$(basename "$manifest" .json)" = "$app_id" ] || { echo "file name does not match id $app_id"; exit 1; }
echo "manifest ok: $app_id"

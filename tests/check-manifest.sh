#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Validates the Flatpak manifest offline: valid JSON, accepted by
# flatpak-builder without warnings, no sandbox holes, finish-args no wider
# than Wayland with X11 fallback, IPC and DRI (documents come through the
# file chooser portal), every downloaded source pinned, tests run.
set -euo pipefail
manifest="$1"
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$manifest"
manifest=$(realpath "$manifest")
if ! command -v flatpak-builder >/dev/null; then
  echo "SKIP: flatpak-builder is not installed (build-aux/deps.sh test installs it)"
  exit 77
fi
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
python3 - "$manifest" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
bad = []
allowed = {"--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"}
extra = set(m.get("finish-args", [])) - allowed
if extra:
    bad.append("finish-args beyond Wayland/X11 fallback/IPC/DRI: %s" % ", ".join(sorted(extra)))
for mod in m["modules"]:
    for src in mod.get("sources", []):
        kind = src.get("type")
        if kind == "git" and not ("tag" in src and "commit" in src):
            bad.append("%s: git source without both tag and commit" % mod["name"])
        if kind in ("archive", "file") and "sha256" not in src:
            bad.append("%s: %s source without sha256" % (mod["name"], kind))
app = m["modules"][-1]
if not app.get("run-tests"):
    bad.append("%s: run-tests is not true" % app["name"])
for b in bad:
    print(b)
sys.exit(1 if bad else 0)
PY
app_id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$manifest")
[ "$(basename "$manifest" .json)" = "$app_id" ] || { echo "file name does not match id $app_id"; exit 1; }
echo "manifest ok: $app_id"

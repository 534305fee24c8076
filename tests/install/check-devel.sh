#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The -Ddevelopment=true flavour, configured beside this build without
# compiling the programs (that would take minutes): its own application id
# in config.h, its data files generated, valid and under ids of their own,
# so that it installs beside the release without overwriting any of the
# release's desktop entry, metainfo, icons, schema or MIME package, and
# keeps its settings at a path of its own.
# Usage: check-devel.sh SOURCEDIR RELEASE_BUILDDIR RELEASE_APP_ID
set -euo pipefail
srcdir=$(realpath "$1")
release=$(realpath "$2")
release_id=$3
devel_id="$release_id.Devel"
fail=0
problem() { echo "FAIL: $*"; fail=1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
meson setup "$work/build" "$srcdir" -Ddevelopment=true >"$work/setup.log" 2>&1 ||
  { cat "$work/setup.log"; echo "FAIL: meson setup -Ddevelopment=true"; exit 1; }
b="$work/build"
ninja -C "$b" "data/$devel_id.desktop" "data/$devel_id.metainfo.xml" "data/$devel_id.xml" \
  data/gschemas.compiled >"$work/ninja.log" 2>&1 || { cat "$work/ninja.log"; echo "FAIL: data files"; exit 1; }

grep -qx "#define APP_ID \"$devel_id\"" "$b/config.h" || problem "config.h does not define APP_ID as $devel_id"
grep -qx '#define DEVELOPMENT 1' "$b/config.h" || problem "config.h does not define DEVELOPMENT 1"
# The window takes libadwaita's "devel" style (the striped header bar) when
# DEVELOPMENT is set; checked here in the source, as no devel build runs.
grep -A1 -E '^ *if \(DEVELOPMENT\)' "$srcdir/src/app/window/pl-window.c" | grep -q 'add_css_class (.*"devel")' ||
  problem "the window does not add the devel style class under DEVELOPMENT"

desktop="$b/data/$devel_id.desktop"
desktop-file-validate "$desktop" || problem "desktop-file-validate"
appstreamcli validate --no-net "$b/data/$devel_id.metainfo.xml" >"$work/as.log" 2>&1 ||
  { cat "$work/as.log"; problem "appstreamcli validate"; }
grep -qx "Icon=$devel_id" "$desktop" || problem "devel desktop entry does not use the devel icon"
grep -q "^Exec=/.*/pillars " "$desktop" || problem "devel desktop entry does not start its own binary by path"
grep -q "<id>$devel_id</id>" "$b/data/$devel_id.metainfo.xml" || problem "devel metainfo id"
grep -q "<launchable type=\"desktop-id\">$devel_id.desktop</launchable>" "$b/data/$devel_id.metainfo.xml" ||
  problem "devel metainfo launchable"

# Both schemas compile together, with distinct ids and paths.
mkdir "$work/schemas"
cp "$b/data/$devel_id.gschema.xml" "$release/data/$release_id.gschema.xml" "$work/schemas/"
glib-compile-schemas --strict "$work/schemas" || problem "release and devel schemas do not compile together"
path_of() { sed -n 's/.*<schema id="[^"]*" path="\([^"]*\)".*/\1/p' "$1"; }
rel_path=$(path_of "$release/data/$release_id.gschema.xml")
dev_path=$(path_of "$b/data/$devel_id.gschema.xml")
[ -n "$dev_path" ] && [ "$rel_path" != "$dev_path" ] || problem "devel settings share the release's path $rel_path"

# What each flavour installs: no data file of the release is overwritten.
installed() {
  meson introspect --installed "$1" | python3 -c 'import json,sys; print("\n".join(sorted(json.load(sys.stdin).values())))'
}
installed "$release" >"$work/release.list"
installed "$b" >"$work/devel.list"
shared=$(comm -12 "$work/release.list" "$work/devel.list")
while IFS= read -r f; do
  case "$f" in
    */bin/pillars|*/bin/pillars-cli|*/man1/pillars.1|*/man1/pillars-cli.1|*/locale/*) ;;
    "") ;;
    *) problem "the devel build would overwrite the release's $f" ;;
  esac
done <<<"$shared"
for kind in applications/ metainfo/ icons/hicolor/scalable/apps/ icons/hicolor/symbolic/apps/ glib-2.0/schemas/ mime/packages/; do
  grep -q "$kind$devel_id" "$work/devel.list" || problem "the devel build installs nothing under $kind with its id"
done
icon=$(meson introspect --installed "$b" | python3 -c '
import json, sys
print("".join(k for k, v in json.load(sys.stdin).items() if v.endswith("/scalable/apps/" + sys.argv[1] + ".svg")))' "$devel_id")
[ -f "$icon" ] || problem "no devel icon installed"
cmp -s "$icon" "$srcdir/data/icons/io.github.pillars.Pillars.svg" && problem "the devel icon is the release icon"
[ $fail = 0 ] && echo "development flavour ok: $devel_id beside $release_id (shared: programs, manual pages, translations)"
exit $fail

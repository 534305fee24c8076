#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the build into a scratch DESTDIR and checks it is installed the
# way GNOME expects: every file where the desktop looks for it, the data
# files valid, the MIME type detected (by name and by content) and opened
# with Pillars, and the installed programs start.
# Usage: check-install.sh BUILDDIR SOURCEDIR APP_ID BUILD_APP(true|false)
#          PREFIX BINDIR DATADIR MANDIR LOCALEDIR   (as configured)
set -euo pipefail
builddir=$(realpath "$1")
srcdir=$(realpath "$2")
app_id=$3
build_app=$4
prefix=$5 bindir=$6 datadir=$7 mandir=$8 localedir=$9

fail=0
problem() { echo "FAIL: $*"; fail=1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dest="$work/destdir"

# --no-rebuild: meson test has built everything already, and a ninja run
# from inside a test would race the other tests.
DESTDIR="$dest" meson install -C "$builddir" --no-rebuild --quiet >"$work/install.log" 2>&1 ||
  { cat "$work/install.log"; echo "FAIL: meson install"; exit 1; }

root="$dest$prefix"
# Meson keeps these relative to the prefix unless they were given absolute.
under() { case "$1" in /*) echo "$dest$1" ;; *) echo "$root/$1" ;; esac; }
bindir=$(under "$bindir")
datadir=$(under "$datadir")
mandir=$(under "$mandir")
localedir=$(under "$localedir")

# ---- every file where GNOME looks for it ----
expect() { [ -f "$1" ] || problem "not installed: ${1#"$dest"}"; }
expect "$bindir/pillars-cli"
if [ "$build_app" = true ]; then
  expect "$bindir/pillars"
fi
expect "$datadir/applications/$app_id.desktop"
expect "$datadir/metainfo/$app_id.metainfo.xml"
expect "$datadir/icons/hicolor/scalable/apps/$app_id.svg"
expect "$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
expect "$datadir/glib-2.0/schemas/$app_id.gschema.xml"
expect "$datadir/mime/packages/$app_id.xml"
expect "$mandir/man1/pillars.1"
expect "$mandir/man1/pillars-cli.1"
for lang in $(sed 's/#.*//' "$srcdir/po/LINGUAS"); do
  mo="$localedir/$lang/LC_MESSAGES/pillars.mo"
  expect "$mo"
  [ -f "$mo" ] && { msgunfmt "$mo" >/dev/null || problem "not a message catalogue: ${mo#"$dest"}"; }
done
# Nothing else: a stray file (a static library, a header, a test) is a
# packaging bug.
while IFS= read -r f; do
  case "${f#"$root"/}" in
    bin/pillars|bin/pillars-cli) ;;
    share/applications/"$app_id".desktop|share/metainfo/"$app_id".metainfo.xml) ;;
    share/icons/hicolor/scalable/apps/"$app_id".svg) ;;
    share/icons/hicolor/symbolic/apps/"$app_id"-symbolic.svg) ;;
    share/glib-2.0/schemas/"$app_id".gschema.xml|share/mime/packages/"$app_id".xml) ;;
    share/man/man1/pillars.1|share/man/man1/pillars-cli.1) ;;
    share/locale/*/LC_MESSAGES/pillars.mo) ;;
    *) problem "unexpected file installed: ${f#"$dest"}" ;;
  esac
done < <(find "$dest" -type f)

# ---- the installed data files are valid and agree with each other ----
desktop="$datadir/applications/$app_id.desktop"
metainfo="$datadir/metainfo/$app_id.metainfo.xml"
desktop-file-validate "$desktop" || problem "desktop-file-validate"
appstreamcli validate --no-net "$metainfo" >"$work/as.log" 2>&1 || { cat "$work/as.log"; problem "appstreamcli validate"; }
key() { sed -n "s/^$1=//p" "$desktop" | head -n 1; }
[ "$(key Icon)" = "$app_id" ] || problem "desktop Icon=$(key Icon), the icon installed is $app_id"
exec_bin=$(key Exec | cut -d' ' -f1)
if [ "$build_app" = true ]; then
  case "$exec_bin" in
    /*) [ -x "$dest$exec_bin" ] || problem "desktop Exec=$exec_bin is not an installed program" ;;
    *) [ -x "$bindir/$exec_bin" ] || problem "desktop Exec=$exec_bin is not an installed program" ;;
  esac
fi
key MimeType | tr ';' '\n' | grep -qx 'application/x-pillars' || problem "desktop MimeType= lacks application/x-pillars"
grep -q "<id>$app_id</id>" "$metainfo" || problem "metainfo id is not $app_id"
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" || problem "metainfo launchable is not $app_id.desktop"
for b in pillars pillars-cli; do
  grep -q "<binary>$b</binary>" "$metainfo" || problem "metainfo does not provide $b"
done
# Screenshots are published from data/screenshots: each must exist there.
for shot in $(grep -o 'data/screenshots/[^<]*' "$metainfo"); do
  [ -f "$srcdir/$shot" ] || problem "metainfo screenshot missing from the tree: $shot"
done
glib-compile-schemas --strict --targetdir "$work" "$datadir/glib-2.0/schemas" || problem "installed schema does not compile"
gtk4-update-icon-cache --quiet --force --ignore-theme-index "$datadir/icons/hicolor" || problem "icon cache"
[ -f "$datadir/icons/hicolor/icon-theme.cache" ] || problem "no icon cache written"
for page in pillars pillars-cli; do
  warnings=$(LC_ALL=C.UTF-8 groff -man -Tutf8 -ww -z "$mandir/man1/$page.1" 2>&1)
  [ -z "$warnings" ] || problem "groff warns on $page.1: $warnings"
done

# ---- the MIME type: by name, by content, and who opens it ----
# A scratch XDG data dir with the system's base MIME definitions (for the
# SQLite parent type) and ours, compiled by update-mime-database.
orig_data_dirs=${XDG_DATA_DIRS:-/usr/local/share:/usr/share}
xdg="$work/xdg"
mkdir -p "$xdg/mime/packages" "$xdg/applications" "$work/config" "$work/home"
export XDG_DATA_DIRS="$xdg" XDG_DATA_HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_CONFIG_DIRS="$work/config"
# Only the parent type is taken from the system's definitions: compiling all
# of them takes seconds.
{
  echo '<?xml version="1.0" encoding="UTF-8"?>'
  echo '<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">'
  sed -n '/<mime-type type="application\/vnd.sqlite3">/,/<\/mime-type>/p' /usr/share/mime/packages/freedesktop.org.xml
  echo '</mime-info>'
} >"$xdg/mime/packages/sqlite.xml"
grep -q 'SQLite format 3' "$xdg/mime/packages/sqlite.xml" || problem "no application/vnd.sqlite3 in the system's MIME database"
cp "$datadir/mime/packages/$app_id.xml" "$xdg/mime/packages/"
cp "$desktop" "$xdg/applications/"
update-mime-database "$xdg/mime" || problem "update-mime-database"
update-desktop-database "$xdg/applications" || problem "update-desktop-database"
cli="$bindir/pillars-cli"
"$cli" demo "$work/strategy.pillars" >/dev/null || problem "installed pillars-cli cannot write the example"
cp "$work/strategy.pillars" "$work/strategy-without-extension"
sqlite3 "$work/plain.sqlite" 'CREATE TABLE t (x);'
cp "$work/plain.sqlite" "$work/plain-without-extension"
type_of() { gio info -a standard::content-type "$1" | sed -n 's/^ *standard::content-type: //p'; }
[ "$(type_of "$work/strategy.pillars")" = application/x-pillars ] ||
  problem "strategy.pillars is detected as $(type_of "$work/strategy.pillars")"
[ "$(type_of "$work/strategy-without-extension")" = application/x-pillars ] ||
  problem "a strategy without its extension is detected as $(type_of "$work/strategy-without-extension") (magic)"
[ "$(type_of "$work/plain-without-extension")" = application/vnd.sqlite3 ] ||
  problem "another SQLite database is detected as $(type_of "$work/plain-without-extension"), not application/vnd.sqlite3"
if [ "$build_app" = true ]; then
  # GIO only offers a desktop entry whose Exec= program is on PATH: the
  # installed one.
  default=$(PATH="$bindir:$PATH" gio mime application/x-pillars | sed -n 's/^Default application for .*: //p')
  [ "$default" = "$app_id.desktop" ] || problem "application/x-pillars opens with '$default', not $app_id.desktop"
fi
grep -q "Pillars" "$xdg/mime/application/x-pillars.xml" || problem "MIME comment not compiled"

# ---- the installed programs start ----
"$cli" --version | grep -q '^pillars-cli ' || problem "installed pillars-cli --version"
"$cli" check "$work/strategy.pillars" >/dev/null || problem "installed pillars-cli check"
if [ "$build_app" = true ]; then
  export GSETTINGS_SCHEMA_DIR="$work" GSETTINGS_BACKEND=memory
  "$bindir/pillars" --version | grep -qx "pillars [0-9.]*" || problem "installed pillars --version"
  # With a display (build-aux/test.sh runs under Xvfb), open the example
  # and wait for its first frame: the installed app really runs.
  if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
    # The desktop's own data (GTK's schemas, the icon theme) plus ours.
    if ! XDG_DATA_DIRS="$datadir:$orig_data_dirs" XDG_CONFIG_HOME="$work/config" \
         PILLARS_EXIT_AFTER_FIRST_FRAME=1 timeout 60 "$bindir/pillars" --report-first-frame \
           "$work/strategy.pillars" >"$work/app.log" 2>&1; then
      cat "$work/app.log"
      problem "the installed pillars did not draw a window"
    fi
  else
    echo "no display: the installed pillars was not opened on a document (only --version)"
  fi
fi

if [ $fail = 0 ]; then
  echo "installed tree ok: $app_id under $prefix"
fi
exit $fail

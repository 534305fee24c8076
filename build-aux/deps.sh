#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what Pillars needs on Debian 12, only what is missing.
# Usage: build-aux/deps.sh [build|test]
set -euo pipefail

build_pkgs=(build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libgtksourceview-5-dev
  libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev libsqlite3-dev libarchive-dev libfribidi-dev
  desktop-file-utils appstream librsvg2-common fonts-cantarell fonts-dejavu-core
  xvfb xauth dbus-x11 at-spi2-core sqlite3)
test_pkgs=(cmark pandoc poppler-utils libxml2-utils libarchive-tools unzip
  libreoffice-writer-nogui libreoffice-calc-nogui python3 flatpak-builder appstream-util
  valgrind clang libclang-rt-14-dev
  python3-pyatspi python3-dogtail xdotool imagemagick x11-xserver-utils x11-utils)

want=("${build_pkgs[@]}")
if [ "${1:-build}" = test ]; then
  want+=("${test_pkgs[@]}")
fi

missing=()
for p in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}" >&2
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

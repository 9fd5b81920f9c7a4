#!/usr/bin/env bash
# Install the Debian 12 packages that Keeper and its tests need.
#
# Idempotent: does nothing (and needs no network) when every package is already installed;
# otherwise runs `apt-get update` once and installs only the missing ones.
# Runs apt-get directly as root, through sudo otherwise. Never prompts.
set -euo pipefail

PACKAGES=(
    # Python and virtual environments
    python3 python3-venv python3-pip
    # burning and media
    xorriso ffmpeg
    # printing (CUPS with a PDF printer for the tests) and the CJK font for labels
    cups cups-client cups-bsd printer-driver-cups-pdf fonts-wqy-microhei
    # test helpers: PDF to text/images, barcode reading, fake udev devices, virtual X server
    poppler-utils zbar-tools umockdev xvfb
    # the desktop tests: the real app on Xvfb with a window manager, driven by xdotool,
    # screenshots of single windows (ImageMagick's import), xprop to see the WM is up
    xdotool openbox x11-utils imagemagick
    # the Debian package: its build (zstd members) and its test on a clean Debian 12 chroot
    # (tests/installer/test_deb_chroot.py), whose desktop entry bookworm's tools check
    zstd debootstrap desktop-file-utils
    # libraries the PySide6 wheels load (xcb platform plugin, EGL/GL, fonts, D-Bus, GLib)
    libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
    libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0
    libxcb-render-util0 libxcb-image0
    # database shell and device manager
    sqlite3 udev
    # PostgreSQL 15: the office server's engine, and its client library that psycopg loads;
    # the tests start their own throwaway clusters with its initdb/pg_ctl (tests/pg_cluster.py)
    postgresql-15 postgresql-client-15 libpq5
)

missing=()
for pkg in "${PACKAGES[@]}"; do
    status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
    if [[ "$status" != "install ok installed" ]]; then
        missing+=("$pkg")
    fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
    echo "install-deps: all ${#PACKAGES[@]} packages already installed"
    exit 0
fi

echo "install-deps: installing ${missing[*]}"

if [[ "$(id -u)" -eq 0 ]]; then
    SUDO=()
elif command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
else
    echo "install-deps: not root and sudo not found; install as root: ${missing[*]}" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
    "${missing[@]}" </dev/null

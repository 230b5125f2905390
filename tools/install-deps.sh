#!/usr/bin/env bash
# Installs the Debian 12 packages Studio Timer needs to build, run and test.
# Idempotent: does nothing when everything is present. As root it runs apt-get;
# otherwise it prints the exact command to run and fails.
set -euo pipefail

packages=(
    cmake ninja-build g++ make ccache pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-websockets-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    libqt6sql6-sqlite libqt6svg6 qt6-qpa-plugins qtkeychain-qt6-dev libgl-dev libsqlite3-dev
    xvfb xauth imagemagick dbus dbus-x11 gnome-keyring libsecret-tools
    desktop-file-utils appstream
    libx11-dev libxss-dev  # idle time for away detection (X11 screen saver extension)
    openssl  # the hub's wss:// test makes a self-signed certificate
    libssl-dev  # a hub makes its own TLS certificate with libcrypto (core/sync/SelfSignedCertificate)
    dpkg-dev file lintian man-db  # make package / package-check: shlibdeps, lintian, man pages
    clang libclang-rt-14-dev  # make fuzz: libFuzzer and the sanitizers' runtime for clang
    lld  # links every program several times faster than GNU ld (CMakeLists.txt)
    poppler-utils fonts-dejavu-core  # invoices: a font to draw with offscreen; pdftotext reads them
    bsdutils  # script(1): the import progress test runs the command line in a terminal
    postgresql libqt6sql6-psql  # the hub on PostgreSQL: the tests start their own server
)
# Node.js drives the interoperability tests with the official socket.io-client.
# Keep a Node.js that is already there (it may not come from Debian); else take Debian's.
if ! command -v node >/dev/null 2>&1; then packages+=(nodejs); fi
if ! command -v npm >/dev/null 2>&1; then packages+=(npm); fi

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$p")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    echo "Studio Timer needs these Debian packages: ${missing[*]}" >&2
    echo "Install them with:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
fi
echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends "${missing[@]}"

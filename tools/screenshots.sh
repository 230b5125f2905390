#!/usr/bin/env bash
# Screenshots for the README: starts the desktop app under Xvfb on fresh demo data, once in
# English and once in French (the system locale is what picks the language), and saves
# docs/screenshots/main-<lang>.png, history-<lang>.png and reports-<lang>.png; then once more in
# English with the dark palette: main-dark-en.png, history-dark-en.png, reports-dark-en.png.
#   tools/screenshots.sh            # uses build/app/studiotimer
#   BUILD_DIR=build-x tools/screenshots.sh
#   OUT_DIR=/tmp/shots tools/screenshots.sh   # somewhere else than docs/screenshots
set -euo pipefail
cd "$(dirname "$0")/.."
app="${BUILD_DIR:-build}/app/studiotimer"
if [ ! -x "$app" ]; then
    echo "No $app: build first (make build)." >&2
    exit 1
fi
command -v xvfb-run >/dev/null || { echo "xvfb-run is missing: run tools/install-deps.sh" >&2; exit 1; }

out=${OUT_DIR:-docs/screenshots}
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for shot in en fr dark-en; do
    lang=${shot#dark-}
    appearance=light
    [ "$shot" = "$lang" ] || appearance=dark
    case "$lang" in
        en) locale=en_US.UTF-8 ;;
        fr) locale=fr_FR.UTF-8 ;;
    esac
    # A desk user with a name, a private runtime dir, no real settings touched; light or dark
    # whatever the desktop running this prefers.
    env LC_ALL="$locale" LANG="$locale" LANGUAGE="$lang" USER=Alex \
        XDG_RUNTIME_DIR="$work/run" XDG_CONFIG_HOME="$work/config" \
        STUDIOTIMER_APPEARANCE="$appearance" \
        xvfb-run -a -s "-screen 0 1280x900x24" \
        "$app" --data-dir "$work/data-$shot" --demo-data --screenshots "$out"
    echo "Saved $out/{main,history,reports}-$shot.png"
done

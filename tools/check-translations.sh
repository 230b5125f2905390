#!/usr/bin/env bash
# Fails when a user-visible string of the sources has no French translation: refreshes a copy of
# translations/studiotimer_fr.ts from core/, ui/, invoice/ and app/ with lupdate (as the studiotimer_lupdate
# target does) and lists every entry left unfinished. The checked-in file is not touched.
#   check-translations.sh LUPDATE SOURCE_DIR
set -euo pipefail
lupdate=$1
root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$root/translations/studiotimer_fr.ts" "$work/fr.ts"
(cd "$root" && "$lupdate" -silent -locations relative -no-obsolete core ui invoice app -ts "$work/fr.ts") >/dev/null
# One line per unfinished message: its context and source text.
missing=$(awk '
    /<name>/ { ctx = $0; gsub(/.*<name>|<\/name>.*/, "", ctx) }
    /<source>/ { src = $0; gsub(/.*<source>|<\/source>.*/, "", src) }
    /type="unfinished"/ { print "  " ctx ": " src }
' "$work/fr.ts")
if [ -n "$missing" ]; then
    echo "French translations missing (run the studiotimer_lupdate target, then translate):"
    echo "$missing"
    exit 1
fi
echo "Every string has a French translation ($(grep -c '<source>' "$work/fr.ts") messages)."

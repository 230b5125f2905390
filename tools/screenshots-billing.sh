#!/usr/bin/env bash
# Screenshots of issue 12 for the README: a studio's last week on two clients' projects, made with
# the command line in a fresh data folder; then
#   docs/screenshots/timesheet-en.png  View → Week timesheet (Ctrl+T), last week, under Xvfb
#                                      (xdotool for the keys, ImageMagick's import for the window)
#   docs/screenshots/invoice-en.png    the first page of `studiotimer invoice`, drawn by pdftoppm
#   tools/screenshots-billing.sh       # uses build/app/studiotimer
#   BUILD_DIR=build-x OUT_DIR=/tmp/shots tools/screenshots-billing.sh
set -euo pipefail
cd "$(dirname "$0")/.."
app="${BUILD_DIR:-build}/app/studiotimer"
if [ ! -x "$app" ]; then
    echo "No $app: build first (make build)." >&2
    exit 1
fi
for tool in xvfb-run xdotool import pdftoppm; do
    command -v "$tool" >/dev/null || { echo "$tool is missing: run tools/install-deps.sh" >&2; exit 1; }
done

out=${OUT_DIR:-docs/screenshots}
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
data="$work/data"
export LC_ALL=en_US.UTF-8 LANG=en_US.UTF-8 LANGUAGE=en USER=Alex \
    XDG_RUNTIME_DIR="$work/run" XDG_CONFIG_HOME="$work/config" STUDIOTIMER_APPEARANCE=light
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
st() { "$app" --data-dir "$data" "$@" >/dev/null; }

st settings set studio.name "Blackbird Studios"
st settings set studio.address $'12 Harbour Road\nBristol BS1 4RN'
st settings set studio.taxNumber "GB 123 4567 89"
st clients add "Blue Label" --rate 90
st clients add "Nova"
st projects add "First Album" --client "Blue Label"
st projects add "Single" --client "Blue Label" --rate 72.50
st projects add "Demo" --client "Nova" --budget-hours 20

# Last week, Monday to Saturday (day 0 is Monday).
dow=$(date +%u)
monday=$(date -d "-$((dow - 1 + 7)) days" +%F)
day() { date -d "$monday +$1 days" +%F; }
add() { # add DAY FROM TO TASK [PROJECT]
    local d
    d=$(day "$1")
    if [ -n "${5:-}" ]; then
        st add "$4" --from "${d}T$2" --to "${d}T$3" --project "$5"
    else
        st add "$4" --from "${d}T$2" --to "${d}T$3"
    fi
}
add 0 10:00 13:00 Recording "First Album"
add 0 14:00 16:30 Mixing "First Album"
add 1 09:30 12:00 Recording "First Album"
add 1 12:00 13:00 Break
add 1 13:00 15:00 Recording "Single"
add 2 10:00 14:30 Mixing "Single"
add 2 15:00 16:00 Setup "Demo"
add 3 10:00 12:00 Mastering "First Album"
add 3 13:00 17:00 Recording "Demo"
add 4 09:00 13:15 Mixing "First Album"
add 4 14:00 15:30 Mastering "Single"
add 5 11:00 14:00 Recording "Demo"

# The invoice: Blue Label's week, by started quarter hours.
"$app" --data-dir "$data" invoice --client "Blue Label" --from "$(day 0)" --to "$(day 6)" \
    --rounding 15 --number 2026-041 -o "$work/invoice.pdf" >/dev/null
pdftoppm -png -r 90 -f 1 -l 1 -singlefile "$work/invoice.pdf" "$work/invoice"
# The page's top half holds everything (the rest of an A4 page is blank): that, with a margin.
convert "$work/invoice.png" -crop 100%x60%+0+0 +repage -trim +repage -bordercolor white \
    -border 32 "$out/invoice-en.png"
echo "Saved $out/invoice-en.png"

# The timesheet: the app under Xvfb, View → Week timesheet, then "Previous week" (the first
# button, focused when the window opens).
cat >"$work/shoot.sh" <<EOF
#!/usr/bin/env bash
set -euo pipefail
"$app" --data-dir "$data" &
app_pid=\$!
for _ in \$(seq 50); do
    main=\$(xdotool search --name '^Studio Timer\$' 2>/dev/null | head -1 || true)
    [ -n "\$main" ] && break
    sleep 0.2
done
sleep 1.5
xdotool windowfocus --sync "\$main" key ctrl+t
for _ in \$(seq 50); do
    sheet=\$(xdotool search --name '^Week timesheet\$' 2>/dev/null | head -1 || true)
    [ -n "\$sheet" ] && break
    sleep 0.2
done
xdotool windowfocus --sync "\$sheet" key space
sleep 1.5
import -window "\$sheet" "$out/timesheet-en.png"
kill \$app_pid
wait \$app_pid || true
EOF
chmod +x "$work/shoot.sh"
xvfb-run -a -s "-screen 0 1280x900x24" "$work/shoot.sh"
echo "Saved $out/timesheet-en.png"

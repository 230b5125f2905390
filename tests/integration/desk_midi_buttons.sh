#!/usr/bin/env bash
# contrib/desk/studiotimer-midi drives the real studiotimer binary from MIDI button presses
# (aseqdump's output format, fed on stdin), and refuses a bad configuration before doing anything.
#   desk_midi_buttons.sh STUDIOTIMER_BINARY STUDIOTIMER_MIDI_SCRIPT
set -uo pipefail
export STUDIOTIMER=$1
midi=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export STUDIOTIMER_DATA_DIR=$work/data QT_QPA_PLATFORM=offscreen
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
# status --json on one line, without the fields that change while a timer runs.
status() {
    "$STUDIOTIMER" status --json | sed -e 's/^ *//' -e '/"durationSeconds"/d' -e '/"durationMs"/d' -e '/"costCents"/d' |
        tr -d '\n'
}
expect_status() { # label, substrings...
    local label=$1 s; shift
    s=$(status)
    for want in "$@"; do
        case $s in *"$want"*) ;; *) fail "$label: status lacks $want: $s" ;; esac
    done
}
press() { # event lines as aseqdump prints them
    printf '%s\n' "$@" | "$midi" --config "$work/buttons.conf" --stdin
}

cat >"$work/buttons.conf" <<'CONF'
# A four-button pad on channel 1
port 20:0             # its ALSA port
note 36 start Recording   # the red pad
note 37 start Mixing --note "Vocal take 3"
note 38 pause-or-resume
cc 64 stop
CONF

press 'Waiting for data. Press Ctrl+C to end.' \
      'Source  Event                  Ch  Data' \
      ' 20:0   Note on                 0, note 36, velocity 100' \
      ' 20:0   Note off                0, note 36, velocity 0'
expect_status "note 36" '"running": true' '"taskType": "Recording"'

# A release sent as Note on with velocity 0, and an unbound note, change nothing.
press ' 20:0   Note on                 0, note 37, velocity 0' \
      ' 20:0   Note on                 0, note 99, velocity 90'
expect_status "release and unbound note" '"taskType": "Recording"'

press ' 20:0   Note on                 9, note 37, velocity 64'
expect_status "note 37 with a quoted note" '"taskType": "Mixing"' '"note": "Vocal take 3"'

press ' 20:0   Note on                 0, note 38, velocity 127'
expect_status "pause" '"paused": true'
press ' 20:0   Note on                 0, note 38, velocity 127'
expect_status "resume" '"paused": false' '"taskType": "Mixing"'

press ' 20:0   Control change          0, controller 64, value 0'
expect_status "pedal released" '"running": true'
press ' 20:0   Control change          0, controller 64, value 127'
expect_status "pedal pressed" '"running": false'

# Bad configurations: a clear error naming the line, exit 2, and no command is run.
"$STUDIOTIMER" start Recording >/dev/null
before=$(status)
check_refused() { # label, config line
    printf 'note 36 start Mixing\n%s\n' "$2" >"$work/bad.conf"
    local err
    err=$(printf ' 20:0   Note on                 0, note 36, velocity 100\n' |
        "$midi" --config "$work/bad.conf" --stdin 2>&1 >/dev/null)
    local rc=$?
    [ $rc -eq 2 ] || fail "$1: exit status $rc, expected 2"
    case $err in *"bad.conf:2:"*) ;; *) fail "$1: error does not name line 2: $err" ;; esac
    [ "$(status)" = "$before" ] || fail "$1: the timer changed"
}
check_refused "note out of range" 'note 200 start Mixing'
check_refused "unknown event" 'knob 3 stop'
check_refused "missing command" 'cc 12'
check_refused "unmatched quote" 'note 40 start Mixing --note "take 4'
check_refused "a typo in the command" 'note 41 strat Mixing'
check_refused "start without a task" 'note 42 start   # which one?'
check_refused "not a timer command" 'note 43 delete 1a2b3c4d'

if "$midi" --config "$work/missing.conf" --stdin </dev/null 2>/dev/null; then
    fail "a missing configuration was accepted"
fi

[ $failures -eq 0 ] && echo "PASS: studiotimer-midi" && exit 0
exit 1

#!/usr/bin/env bash
# Runs a command with a real Secret Service: a private D-Bus session bus and a gnome-keyring-daemon
# whose login keyring is created and unlocked from stdin, in a throwaway home, so the tests of the
# keychain code use the real thing and never touch the user's own keyring.
#   tests/support/with-keyring.sh COMMAND [ARGS...]
# (gnome-keyring 42 does not create a login keyring for an empty password without prompting, so
# the throwaway keyring gets a throwaway password.)
set -euo pipefail

if [ "${ST_KEYRING_SESSION:-}" != 1 ]; then
    for tool in dbus-run-session gnome-keyring-daemon dbus-send; do
        command -v "$tool" >/dev/null || { echo "with-keyring.sh: $tool is missing (make deps)" >&2; exit 1; }
    done
    export ST_KEYRING_SESSION=1
    exec dbus-run-session -- bash "$0" "$@"
fi

scratch=$(mktemp -d)
daemon=
cleanup() {
    if [ -n "$daemon" ]; then kill "$daemon" 2>/dev/null || true; wait "$daemon" 2>/dev/null || true; fi
    rm -rf "$scratch"
}
trap cleanup EXIT
export HOME="$scratch/home" XDG_DATA_HOME="$scratch/data" XDG_RUNTIME_DIR="$scratch/run"
mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

printf '%s' "studiotimer-test" | gnome-keyring-daemon --foreground --unlock --components=secrets \
    >"$scratch/daemon.log" 2>&1 &
daemon=$!

# Wait (at most 10 s) until the daemon owns the Secret Service name on the bus.
for _ in $(seq 100); do
    if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null |
        grep -q 'boolean true'; then
        break
    fi
    sleep 0.1
done

"$@"

#!/usr/bin/env bash
# Runs a command on a private D-Bus session bus that starts no services: the test sees only the
# services it registers itself (no real desktop portal, no keyring), and never the user's bus.
#   tests/support/with-session-bus.sh COMMAND [ARGS...]
set -euo pipefail
command -v dbus-run-session >/dev/null ||
    { echo "with-session-bus.sh: dbus-run-session is missing (make deps)" >&2; exit 1; }

config=$(mktemp)
trap 'rm -f "$config"' EXIT
cat >"$config" <<'XML'
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
XML
dbus-run-session --config-file="$config" -- "$@"

#!/usr/bin/env bash
# check-layers.sh BUILD_DIR HUB_BINARY: the layer probes of tests/layers/CMakeLists.txt.
set -uo pipefail
build=$1
hub=$2
failures=0

probe() { # probe TARGET allowed|forbidden HEADER
    local out
    out=$(cmake --build "$build" --target "$1" 2>&1)
    local status=$?
    if [ "$2" = allowed ]; then
        if [ $status -ne 0 ]; then
            echo "FAIL: $1 should compile:"; echo "$out" | tail -5; failures=$((failures + 1))
        else
            echo "ok: $1 compiles"
        fi
    elif [ $status -eq 0 ]; then
        echo "FAIL: $1 compiled, but $3 is not below that layer"; failures=$((failures + 1))
    elif ! grep -q "$3: No such file or directory" <<<"$out"; then
        echo "FAIL: $1 failed for another reason:"; echo "$out" | tail -5; failures=$((failures + 1))
    else
        echo "ok: $1 refused ($3 not found)"
    fi
}

probe probe_timer_sees_store allowed store/Database.h
probe probe_timer_sees_cli forbidden cli/CommandLine.h
probe probe_store_sees_timer forbidden timer/TimerService.h
probe probe_sync_sees_secrets forbidden secrets/CredentialStore.h
probe probe_report_sees_sync forbidden sync/Hub.h

if readelf -d "$hub" | grep -qi keychain; then
    echo "FAIL: studiotimer-hub links a keychain library"; failures=$((failures + 1))
else
    echo "ok: studiotimer-hub needs no keychain library"
fi
if ! readelf -d "$hub" | grep -q 'Qt6Core'; then
    echo "FAIL: readelf shows no Qt6Core in studiotimer-hub: the check reads nothing"
    failures=$((failures + 1))
fi
[ $failures -eq 0 ] && echo "layers: all probes as expected" && exit 0
exit 1

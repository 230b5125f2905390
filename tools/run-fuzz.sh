#!/usr/bin/env bash
# Runs every libFuzzer target of a fuzz build for SECONDS each, starting from the seed corpora in
# tests/fuzz/corpus (copied: what a run discovers stays in the build folder, not in the sources).
# Usage: tools/run-fuzz.sh BUILD_DIR [SECONDS]   (make fuzz FUZZ_SECONDS=600 for a long run)
# With FUZZ_RUNS=N in the environment each target runs N inputs from seed 1 instead: the same
# inputs on every machine, so CI judges a fixed, reproducible run (make fuzz FUZZ_RUNS=500000).
set -euo pipefail
build=${1:?usage: run-fuzz.sh BUILD_DIR [SECONDS]}
seconds=${2:-30}
root=$(cd "$(dirname "$0")/.." && pwd)
export QT_QPA_PLATFORM=offscreen
# Findings abort with a stack; leaks are not findings here (Qt keeps some globals until exit).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
for target in socketio protocol time csv websocket; do
    work="$build/fuzz-corpus/$target"
    artifacts="$build/fuzz-artifacts/$target/"
    mkdir -p "$work" "$artifacts"
    if [ -n "${FUZZ_RUNS:-}" ]; then
        budget=(-runs="$FUZZ_RUNS" -seed=1)
        echo "== fuzz_$target: $FUZZ_RUNS inputs from seed 1"
    else
        budget=(-max_total_time="$seconds")
        echo "== fuzz_$target: ${seconds}s"
    fi
    if ! "$build/tests/fuzz/fuzz_$target" "${budget[@]}" -timeout=10 \
        -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
        -artifact_prefix="$artifacts" "$work" "$root/tests/fuzz/corpus/$target" \
        >"$build/fuzz-$target.log" 2>&1; then
        echo "fuzz_$target FAILED: the input is in $artifacts, the log in $build/fuzz-$target.log"
        tail -n 40 "$build/fuzz-$target.log"
        status=1
    else
        grep -E '^stat::(number_of_executed_units|peak_rss_mb)' "$build/fuzz-$target.log" || true
    fi
done
exit $status

#!/usr/bin/env bash
# `make fuzz`: runs each fuzz target for SECONDS seconds, one after the
# other on one core (nice'd), then minimises its corpus. What a target
# finds stays in fuzz/artifacts/{target}/, which the test suite replays.
#
#   fuzz/run.sh [SECONDS] [TARGET...]        (default: 60, every target)
#
# Installs what is missing: a nightly toolchain (cargo-fuzz needs one; the
# rest of the build stays on stable) and cargo-fuzz at a pinned version.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

CARGO_FUZZ_VERSION=0.13.2
TOOLCHAIN=${FUZZ_TOOLCHAIN:-nightly}
SECONDS_EACH=${1:-60}
shift || true
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
    TARGETS=(dataset_file dataset_check content_import archive_query search_query)
fi

if ! rustup run "$TOOLCHAIN" rustc --version >/dev/null 2>&1; then
    rustup toolchain install "$TOOLCHAIN" --profile minimal
fi
if ! cargo fuzz --version 2>/dev/null | grep -qF "$CARGO_FUZZ_VERSION"; then
    cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi

# Safe Rust throughout: no sanitizer (about twice the executions of
# AddressSanitizer); cargo-fuzz keeps debug assertions and overflow checks.
# Without a sanitizer libFuzzer still stops at 2 GB of memory (-rss_limit_mb)
# and, here, at an input taking 30 s.
FUZZ=(nice -n 19 cargo "+$TOOLCHAIN" fuzz)
SANITIZER=(--sanitizer "${FUZZ_SANITIZER:-none}")

failed=()
for target in "${TARGETS[@]}"; do
    # Inputs no longer than what the target reads in practice: a URL query
    # or a search, a file, a whole small dataset.
    case $target in
        archive_query) max_len=512 ;;
        search_query) max_len=256 ;;
        *) max_len=4096 ;;
    esac
    echo "== fuzz $target for ${SECONDS_EACH}s"
    if ! "${FUZZ[@]}" run "${SANITIZER[@]}" "$target" -- \
        -max_total_time="$SECONDS_EACH" -max_len="$max_len" -timeout=30 -print_final_stats=1; then
        failed+=("$target")
    fi
    # Minimised by coverage edges alone (not hit counts): the corpus kept
    # in git stays small, and a run rebuilds the rest from it in seconds.
    "${FUZZ[@]}" cmin "${SANITIZER[@]}" "$target" -- -max_len="$max_len" -use_counters=0
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: crashes in ${failed[*]} (inputs in fuzz/artifacts/); fix them and keep the inputs" >&2
    exit 1
fi

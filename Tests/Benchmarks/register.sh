#!/usr/bin/env bash
# The register's cost against a batch over the same files (issue 15): `dpia register` over COUNT
# generated answers files, and `dpia assess --batch` over the same folder, in one run, best of RUNS.
# The batch writes the cheapest reports it can (--format json, no templates); the register should
# cost no more than that.
#
#   Tests/Benchmarks/register.sh [COUNT] [RUNS]     (default 1000 and 3; needs a release build)
set -euo pipefail
count=${1:-1000}
runs=${2:-3}
root=$(cd "$(dirname "$0")/../.." && pwd)
dpia=${DPIA:-$root/.build/release/dpia}
[ -x "$dpia" ] || { echo "build it first: swift build -c release --product dpia" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$root/Tests/Benchmarks/generate.py" "$root/Questionnaires/examples" "$work/answers" "$count"
best() {
    local label=$1 best=""
    shift
    for run in $(seq "$runs"); do
        rm -rf "$work/out"
        local start end
        start=$(date +%s.%N)
        "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
        end=$(date +%s.%N)
        local t
        t=$(echo "$end - $start" | bc)
        if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
    done
    printf '%-40s %6.2f s\n' "$label" "$best"
}
echo "$count answers files, best of $runs, $(nproc) cores"
best "assess --batch --format json" "$dpia" assess --batch "$work/answers" --out "$work/out" --format json
best "assess --batch --format md,html" "$dpia" assess --batch "$work/answers" --out "$work/out" --format md,html
best "register (md, html, tsv)" "$dpia" register "$work/answers" --out "$work/out" --as-of 2026-07-01
best "register --format tsv" "$dpia" register "$work/answers" --out "$work/out" --as-of 2026-07-01 --format tsv

#!/usr/bin/env bash
# What the Word report costs: `dpia assess` writing md,html against md,html,docx, interleaved in one run,
# on one answers file (RUNS times each) and on a batch of generated answers files (BATCH files, 3 times
# each). Release build. Prints each median and the ratio docx/without; the target is at most 1.5.
#
#   Tests/Benchmarks/word.sh                RUNS=20 BATCH=200 EXAMPLE=Questionnaires/examples/whatsapp-ward-group-drift.json
set -euo pipefail
cd "$(dirname "$0")/../.."

runs="${RUNS:-20}"
batch="${BATCH:-200}"
example="${EXAMPLE:-Questionnaires/examples/whatsapp-ward-group-drift.json}"
command -v python3 >/dev/null || { echo "Tests/Benchmarks/word.sh needs python3 to generate answers" >&2; exit 69; }

echo "== building (release)"
swift build -c release --product dpia 2>&1 | tail -1
dpia="$(swift build -c release --show-bin-path)/dpia"

work="$(mktemp -d "${TMPDIR:-/tmp}/dpia-word-benchmark.XXXXXX")"
trap 'rm -rf "$work"' EXIT
python3 Tests/Benchmarks/generate.py Questionnaires/examples "$work/answers" "$batch"

now() { date +%s%N; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ms() { awk -v ns="$1" 'BEGIN { printf "%.2f", ns / 1e6 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

echo "== machine: $(nproc) cores, $(uname -sr); $runs single runs and 3 batch runs of $batch files per format set, interleaved"
"$dpia" assess "$example" --out "$work/single" --format md,html --force >/dev/null
"$dpia" assess "$example" --out "$work/single" --format md,html,docx --force >/dev/null
without=()
with=()
for _ in $(seq "$runs"); do
    start=$(now); "$dpia" assess "$example" --out "$work/single" --format md,html --force >/dev/null
    without+=($(($(now) - start)))
    start=$(now); "$dpia" assess "$example" --out "$work/single" --format md,html,docx --force >/dev/null
    with+=($(($(now) - start)))
done
single_without=$(printf '%s\n' "${without[@]}" | median)
single_with=$(printf '%s\n' "${with[@]}" | median)

batch_without=()
batch_with=()
for run in 1 2 3; do
    sync
    start=$(now); "$dpia" assess --batch "$work/answers" --out "$work/b-without-$run" --format md,html >/dev/null
    batch_without+=($(($(now) - start)))
    sync
    start=$(now); "$dpia" assess --batch "$work/answers" --out "$work/b-with-$run" --format md,html,docx >/dev/null
    batch_with+=($(($(now) - start)))
done
b_without=$(printf '%s\n' "${batch_without[@]}" | median)
b_with=$(printf '%s\n' "${batch_with[@]}" | median)
docx_size=$(wc -c <"$work/single/$(basename "${example%.json}").docx")

echo "single, md,html:         $(ms "$single_without") ms (median of $runs)"
echo "single, md,html,docx:    $(ms "$single_with") ms; ratio $(ratio "$single_with" "$single_without") (target <= 1.5)"
echo "batch $batch, md,html:      $(ms "$b_without") ms (median of 3)"
echo "batch $batch, md,html,docx: $(ms "$b_with") ms; ratio $(ratio "$b_with" "$b_without") (target <= 1.5)"
echo "the example's .docx: $docx_size bytes"

#!/usr/bin/env bash
# Measures dpia against the process floor, side by side, in one run:
#   (a) floor: a Foundation-only Swift program that reads one small JSON file and exits (Floor.swift)
#   (b) single: `dpia assess` on one example, writing every format
#   (c) batch: `dpia assess --batch` over 1,000 (and 250) generated answers files
#   (d) disk floor: a Swift program writing as many files of the same sizes the way dpia does (temporary
#       file, syncfs per group, rename; WriteFloor.swift), with no rendering
# and prints medians, ratios and peak memory. Release builds. Every timed batch writes into a new folder
# after a `sync`, and folders are removed only after the timings, so one run's writeback and deletions do
# not land in the next run's time. Leave about five minutes between runs of this script: its clean-up
# deletes some 12,000 files, and for a few minutes after mass deletions ext4 creates files slowly (it skips
# recently deleted inodes), which shows as a slow (d) and a (c)/(d) ratio near 1.
#
#   Tests/Benchmarks/run.sh                 RUNS=20 BATCH=1000 FORMATS=md,html (md alone until
#                                           Templates/report.html.mustache exists)
#   Tests/Benchmarks/run.sh --baseline REV  also builds commit REV (exported with `git archive` into
#                                           .build/benchmark/baseline-REV, its own resources and build
#                                           folder) and measures it in the same run, interleaved with the
#                                           working tree, then prints working tree / REV for (b), (c) and
#                                           peak memory. Same answers files and formats for both.
set -euo pipefail
cd "$(dirname "$0")/../.."

baseline=""
while [ $# -gt 0 ]; do
    case "$1" in
    --baseline)
        [ $# -ge 2 ] || { echo "usage: Tests/Benchmarks/run.sh [--baseline REV]" >&2; exit 64; }
        baseline="$2"; shift 2 ;;
    *) echo "usage: Tests/Benchmarks/run.sh [--baseline REV]" >&2; exit 64 ;;
    esac
done

runs="${RUNS:-20}"
batch="${BATCH:-1000}"
small_batch=$((batch / 4))
if [ -z "${FORMATS:-}" ]; then
    if [ -f Templates/report.html.mustache ]; then FORMATS=md,html; else FORMATS=md; fi
fi
example="${EXAMPLE:-Questionnaires/examples/whatsapp-ward-group-drift.json}"

# GNU time gives peak memory (maximum resident set size).
if [ ! -x /usr/bin/time ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get install -y -qq time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
    else
        echo "Tests/Benchmarks/run.sh needs GNU time (/usr/bin/time): apt-get install time" >&2
        exit 69
    fi
fi
command -v python3 >/dev/null || { echo "Tests/Benchmarks/run.sh needs python3 to generate answers" >&2; exit 69; }

echo "== building (release)"
swift build -c release --product dpia 2>&1 | tail -1
dpia="$(swift build -c release --show-bin-path)/dpia"
mkdir -p .build/benchmark
base=""
if [ -n "$baseline" ]; then
    rev="$(git rev-parse --short "$baseline^{commit}")" || { echo "no such commit: $baseline" >&2; exit 66; }
    base_dir=".build/benchmark/baseline-$rev"
    if [ ! -f "$base_dir/Package.swift" ]; then
        rm -rf "$base_dir"; mkdir -p "$base_dir"
        git archive "$rev" | tar -x -C "$base_dir"
    fi
    echo "== building $rev (release) in $base_dir"
    (cd "$base_dir" && swift build -c release --product dpia 2>&1 | tail -1)
    base="$(cd "$base_dir" && swift build -c release --show-bin-path)/dpia"
fi
swiftc -O Tests/Benchmarks/Floor.swift -o .build/benchmark/floor
swiftc -O Tests/Benchmarks/WriteFloor.swift -o .build/benchmark/write-floor
floor=.build/benchmark/floor

work="$(mktemp -d "${TMPDIR:-/tmp}/dpia-benchmark.XXXXXX")"
trap 'rm -rf "$work"' EXIT
python3 Tests/Benchmarks/generate.py Questionnaires/examples "$work/answers" "$batch"
python3 Tests/Benchmarks/generate.py Questionnaires/examples "$work/answers-small" "$small_batch"
base_example="$example"
if [ -n "$base" ]; then
    # REV is given answers made the same way from its own examples: answers written for a later version
    # may use fields REV refuses (measure owners and due dates came after 35b48ba), and a refused file
    # is work not done.
    python3 Tests/Benchmarks/generate.py "$base_dir/Questionnaires/examples" "$work/base-answers" "$batch"
    [ ! -f "$base_dir/$example" ] || base_example="$base_dir/$example"
fi

now() { date +%s%N; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ms() { awk -v ns="$1" 'BEGIN { printf "%.2f", ns / 1e6 }'; }
peak_kb() { /usr/bin/time -f %M -o "$work/rss" "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }; cat "$work/rss"; }

echo "== machine: $(nproc) cores, $(uname -sr); formats: $FORMATS; $runs runs of (a) and (b), interleaved"
"$floor" "$example"
"$dpia" assess "$example" --out "$work/single" --format "$FORMATS" --force >/dev/null
[ -z "$base" ] || "$base" assess "$base_example" --out "$work/base-single" --format "$FORMATS" --force >/dev/null
floor_times=()
single_times=()
base_single_times=()
for _ in $(seq "$runs"); do
    start=$(now); "$floor" "$example"; floor_times+=($(($(now) - start)))
    start=$(now)
    "$dpia" assess "$example" --out "$work/single" --format "$FORMATS" --force >/dev/null
    single_times+=($(($(now) - start)))
    if [ -n "$base" ]; then
        start=$(now)
        "$base" assess "$base_example" --out "$work/base-single" --format "$FORMATS" --force >/dev/null
        base_single_times+=($(($(now) - start)))
    fi
done
floor_median=$(printf '%s\n' "${floor_times[@]}" | median)
single_median=$(printf '%s\n' "${single_times[@]}" | median)

timed() { # label command...: prints nanoseconds, after flushing what earlier runs left to write;
    # appends "label user sys" (CPU seconds) to $work/cpu
    local label=$1; shift
    sync
    local start; start=$(now)
    /usr/bin/time -f "$label %U %S" -a -o "$work/cpu" "$@" >/dev/null || { echo "failed: $*" >&2; exit 1; }
    echo $(($(now) - start))
}
batch_times=()
base_batch_times=()
disk_times=()
for run in 1 2 3; do
    batch_times+=($(timed batch "$dpia" assess --batch "$work/answers" --out "$work/batch-$run" --format "$FORMATS"))
    if [ -n "$base" ]; then
        base_batch_times+=($(timed base-batch "$base" assess --batch "$work/base-answers" --out "$work/base-batch-$run" --format "$FORMATS"))
    fi
    disk_times+=($(timed disk .build/benchmark/write-floor "$work/batch-1" "$work/disk-$run"))
done
batch_median=$(printf '%s\n' "${batch_times[@]}" | median)
disk_median=$(printf '%s\n' "${disk_times[@]}" | median)
reports=$(find "$work/batch-1" -name '*.md' -o -name '*.html' | wc -l)
report_bytes=$(du -sk "$work/batch-1" | cut -f1)
written_bytes() { cat "$1"/*.md "$1"/*.html 2>/dev/null | wc -c; }
batch_bytes=$(written_bytes "$work/batch-1")
[ -z "$base" ] || base_batch_bytes=$(written_bytes "$work/base-batch-1")
rm -rf "$work"/batch-? "$work"/disk-? "$work"/base-batch-?
sync

rm -rf "$work/batch" "$work/batch-small" "$work/base-batch" "$work/base-batch-small"
floor_rss=$(peak_kb "$floor" "$example")
single_rss=$(peak_kb "$dpia" assess "$example" --out "$work/single" --format "$FORMATS" --force)
batch_rss=$(peak_kb "$dpia" assess --batch "$work/answers" --out "$work/batch" --format "$FORMATS")
small_rss=$(peak_kb "$dpia" assess --batch "$work/answers-small" --out "$work/batch-small" --format "$FORMATS")
if [ -n "$base" ]; then
    base_single_rss=$(peak_kb "$base" assess "$base_example" --out "$work/base-single" --format "$FORMATS" --force)
    base_batch_rss=$(peak_kb "$base" assess --batch "$work/base-answers" --out "$work/base-batch" --format "$FORMATS")
fi

echo
printf '%-46s %12s %14s\n' "" "median wall" "peak RSS"
printf '%-46s %9s ms %11s KB\n' "(a) floor: read one JSON file and exit" "$(ms "$floor_median")" "$floor_rss"
printf '%-46s %9s ms %11s KB\n' "(b) dpia assess, one example ($FORMATS)" "$(ms "$single_median")" "$single_rss"
printf '%-46s %9s ms %11s KB\n' "(c) dpia assess --batch, $batch files" "$(ms "$batch_median")" "$batch_rss"
printf '%-46s %12s %11s KB\n' "(c) dpia assess --batch, $small_batch files" "" "$small_rss"
printf '%-46s %9s ms\n' "(d) disk floor: write the same files, no work" "$(ms "$disk_median")"
cpu() { awk -v l="$1" '$1 == l { print $2 + 0, $3 + 0 }' "$work/cpu" | sort -n | awk '{ u[NR] = $1; s[NR] = $2 } END { printf "user %.2f s, system %.2f s (the run with the median user time of %d)", u[int((NR + 1) / 2)], s[int((NR + 1) / 2)], NR }'; }
echo "    CPU of (c): $(cpu batch); of (d): $(cpu disk)"
echo
awk -v a="$floor_median" -v b="$single_median" -v c="$batch_median" -v d="$disk_median" -v n="$batch" -v r="$reports" \
    -v big="$batch_rss" -v small="$small_rss" -v sn="$small_batch" -v kb="$report_bytes" 'BEGIN {
    ratio = b / a; rate = n / (c / 1e9)
    printf "(b)/(a) wall time:          %.2fx   target <= 2x      %s\n", ratio, (ratio <= 2 ? "met" : "MISSED")
    printf "(c) assessments per second: %.0f   target >= 1000    %s  (%d reports, %d KB written)\n", rate, (rate >= 1000 ? "met" : "MISSED"), r, kb
    printf "(c)/(d) batch / disk floor:  %.2fx   (the disk alone allows %.0f assessments per second)\n", c / d, n / (d / 1e9)
    printf "(c) peak RSS %d files / %d files: %d KB / %d KB = %.2fx   (flat means about 1x)\n", n, sn, big, small, big / small
}'

if [ -n "$base" ]; then
    base_single_median=$(printf '%s\n' "${base_single_times[@]}" | median)
    base_batch_median=$(printf '%s\n' "${base_batch_times[@]}" | median)
    echo
    echo "== working tree against $rev (interleaved in this run; budget: at most 1.20x the time, peak memory no higher)"
    printf '%-46s %14s %14s %8s\n' "" "$rev" "working tree" "ratio"
    awk -v bs="$base_single_median" -v hs="$single_median" -v bb="$base_batch_median" -v hb="$batch_median" \
        -v bsr="$base_single_rss" -v hsr="$single_rss" -v bbr="$base_batch_rss" -v hbr="$batch_rss" -v n="$batch" 'BEGIN {
        printf "%-46s %11.2f ms %11.2f ms %7.2fx  %s\n", "(b) one assessment, median wall", bs / 1e6, hs / 1e6, hs / bs, (hs / bs <= 1.2 ? "met" : "MISSED")
        printf "%-46s %11.2f ms %11.2f ms %7.2fx  %s\n", "(c) batch of " n ", median wall", bb / 1e6, hb / 1e6, hb / bb, (hb / bb <= 1.2 ? "met" : "MISSED")
        printf "%-46s %11d KB %11d KB %7.2fx  %s\n", "(b) peak RSS", bsr, hsr, hsr / bsr, (hsr <= bsr ? "met" : "higher")
        printf "%-46s %11d KB %11d KB %7.2fx  %s\n", "(c) peak RSS", bbr, hbr, hbr / bbr, (hbr <= bbr ? "met" : "higher")
    }'
    echo "    CPU of (c) at $rev: $(cpu base-batch)"
    awk -v bb="$base_batch_median" -v hb="$batch_median" -v bw="$base_batch_bytes" -v hw="$batch_bytes" 'BEGIN {
        printf "    reports written by (c): %d bytes at REV, %d in the working tree (%.2fx); time per byte %.2fx\n", bw, hw, hw / bw, (hb / hw) / (bb / bw)
    }' | sed "s/REV/$rev/"
fi

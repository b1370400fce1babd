#!/usr/bin/env bash
# Measures how long `dpia validate` takes to report answers files full of unknown question ids, the
# quadratic path of issue 14: every error rescanned the answers to find its place, and every unknown id
# was compared with every question id for a "did you mean" suggestion.
#
#   Tests/Benchmarks/unknown-ids.sh              release build of this checkout
#   DPIA=/path/to/dpia Tests/Benchmarks/unknown-ids.sh    any other binary, e.g. one built before the fix
#   COUNTS="10000 80000" QUESTIONS=5000 ...       sizes (defaults below)
#
# Prints, for each size, the wall time and peak memory of one run against the bundled questionnaire and
# against a generated definition with QUESTIONS questions; the exit status must be 65 each time.
set -euo pipefail
cd "$(dirname "$0")/../.."

counts="${COUNTS:-10000 20000 40000 80000}"
questions="${QUESTIONS:-5000}"
command -v python3 >/dev/null || { echo "$0 needs python3 to generate the inputs" >&2; exit 69; }
if [ -z "${DPIA:-}" ]; then
    swift build -c release --product dpia 2>&1 | tail -1
    DPIA="$(swift build -c release --show-bin-path)/dpia"
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/dpia-unknown-ids.XXXXXX")"
trap 'rm -rf "$work"' EXIT

python3 - "$work" "$questions" $counts <<'PY'
import json, sys
work, questions, counts = sys.argv[1], int(sys.argv[2]), [int(c) for c in sys.argv[3:]]
example = json.load(open("Questionnaires/examples/admin-only-staff-rota.json"))
for count in counts:
    answers = dict(example)
    answers["answers"] = dict(example["answers"], **{f"unknown_question_{i:06d}": True for i in range(count)})
    json.dump(answers, open(f"{work}/bundled-{count}.json", "w"))
# A large definition: one section of yes/no questions and the least scoring the loader accepts.
definition = json.load(open("Tests/DPIAKitTests/Fixtures/mini.json"))
definition["id"] = "large"
definition["sections"].append({"id": "many", "title": "Many", "icoStep": 2, "questions": [
    {"id": f"question_{i:06d}", "number": f"9.{i}", "type": "yesno", "prompt": f"Question {i}?", "required": False}
    for i in range(questions)]})
json.dump(definition, open(f"{work}/large.json", "w"))
drift = json.load(open("Tests/DPIAKitTests/Fixtures/mini-drift.json"))
drift["questionnaire"]["id"] = "large"
for count in counts:
    answers = dict(drift)
    answers["answers"] = dict(drift["answers"], **{f"unknown_question_{i:06d}": True for i in range(count)})
    json.dump(answers, open(f"{work}/large-{count}.json", "w"))
PY

run() {
    local start end status
    start=$(date +%s%N)
    set +e
    /usr/bin/time -f %M -o "$work/rss" "$DPIA" validate "$@" >/dev/null 2>"$work/stderr"
    status=$?
    set -e
    end=$(date +%s%N)
    [ "$status" = 65 ] || { echo "expected exit 65, got $status: $DPIA validate $*" >&2; head -3 "$work/stderr" >&2; exit 1; }
    awk -v ns=$((end - start)) -v kb="$(tail -1 "$work/rss")" -v lines="$(wc -l <"$work/stderr")" \
        'BEGIN { printf "%8.2f s %7.0f MB %7d errors", ns / 1e9, kb / 1024, lines }'
}

echo "== $DPIA; $(nproc) cores"
printf '%-8s  %-36s  %-36s\n' "unknown" "bundled questionnaire" "definition with $questions questions"
for count in $counts; do
    printf '%-8s  %s  ' "$count" "$(run "$work/bundled-$count.json")"
    printf '%s\n' "$(run --questionnaire "$work/large.json" "$work/large-$count.json")"
done

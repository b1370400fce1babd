#!/usr/bin/env bash
# Fuzzes dpia's parsers with libFuzzer and AddressSanitizer. Not part of `swift test`.
#
#   Tests/Fuzz/run.sh [SECONDS] [TARGET...]     targets: questionnaire answers template scoring (default: all)
#
# Each target is built by compiling the DPIAKit sources together with its entry point
# (Tests/Fuzz/<Target>Fuzz.swift), then run for SECONDS (default 60) from the committed corpus in
# Tests/Fuzz/corpus/<target>/ plus seeds from Questionnaires/ and Tests/Corpus/. New inputs that add
# coverage are merged back into the committed corpus (review the diff before committing it). Crashes,
# leaks and timeouts are saved as .build/fuzz/artifacts/<target>-crash-*; reproduce one with
# `.build/fuzz/<target> FILE`.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(questionnaire answers template scoring)

build=.build/fuzz
mkdir -p "$build/artifacts"
mapfile -t sources < <(find Sources/DPIAKit -name '*.swift' | sort)

entry_point() {
    case "$1" in
        questionnaire) echo Tests/Fuzz/QuestionnaireFuzz.swift ;;
        answers) echo Tests/Fuzz/AnswersFuzz.swift ;;
        template) echo Tests/Fuzz/TemplateFuzz.swift ;;
        scoring) echo Tests/Fuzz/ScoringFuzz.swift ;;
        *) echo "unknown target '$1'; expected questionnaire, answers, template or scoring" >&2; exit 64 ;;
    esac
}

seeds() {
    case "$1" in
        questionnaire) echo Questionnaires Tests/Corpus/questionnaire Tests/DPIAKitTests/Fixtures ;;
        answers) echo Questionnaires/examples Tests/Corpus/answers ;;
        template) echo Templates Templates/partials Tests/Corpus/templates ;;
        # Any bytes are numbers to the scoring target; the questionnaire corpus holds large ones.
        scoring) echo Tests/Corpus/questionnaire ;;
    esac
}

status=0
for target in "${targets[@]}"; do
    entry="$(entry_point "$target")"
    if [ -z "$(find "${sources[@]}" "$entry" -newer "$build/$target" 2>/dev/null)" ] && [ -x "$build/$target" ]; then
        echo "== $target: $build/$target is up to date"
    else
        echo "== $target: building $build/$target"
        # ld.gold warns about every ASan helper symbol; those lines are noise.
        swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name DPIAFuzz \
            "${sources[@]}" "$entry" -o "$build/$target" 2> >(grep -v 'Cannot export local symbol' >&2)
    fi
    corpus="Tests/Fuzz/corpus/$target"
    work="$build/corpus/$target"
    mkdir -p "$corpus" "$work"
    seed_dirs=()
    for dir in $(seeds "$target"); do
        # libFuzzer reads files only; a seed folder's subfolders (template cases) are listed one by one.
        [ -d "$dir" ] && seed_dirs+=("$dir") && while IFS= read -r sub; do seed_dirs+=("$sub"); done \
            < <(find "$dir" -mindepth 1 -type d)
    done
    echo "== $target: fuzzing for ${seconds}s"
    log="$build/$target.log"
    # -timeout catches hangs (a quadratic path counts as a finding); -rss_limit_mb catches blow-ups.
    if ! LSAN_OPTIONS="suppressions=$PWD/Tests/Fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}" \
        "$build/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=131072 \
        -print_final_stats=1 -artifact_prefix="$build/artifacts/$target-" \
        "$work" "$corpus" "${seed_dirs[@]}" 2>&1 | tee "$log" | grep -E '^(#[0-9]+.*(pulse|DONE)|Done [0-9]+ runs|==[0-9]+==|SUMMARY|stat::)'; then
        :
    fi
    if grep -qE 'ERROR: (libFuzzer|AddressSanitizer)|SUMMARY: ' "$log"; then
        echo "== $target: FOUND A PROBLEM; see $log and $build/artifacts/" >&2
        status=1
    fi
    echo "== $target: merging new coverage into $corpus"
    # Only small inputs are kept in the repository: the big seeds are re-read from their folders anyway.
    small="$build/small/$target"
    rm -rf "$small" && mkdir -p "$small"
    find "$work" -type f -size -3k -exec cp {} "$small/" \;
    # The merge runs inputs too: with the same leak suppressions and artifact folder, or the false leak
    # report at exit would be saved as crash-<sha1> in the current folder.
    LSAN_OPTIONS="suppressions=$PWD/Tests/Fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}" \
        "$build/$target" -merge=1 -max_len=3072 -artifact_prefix="$build/artifacts/$target-" \
        "$corpus" "$small" >/dev/null 2>&1 || true
    echo "== $target: committed corpus now $(find "$corpus" -type f | wc -l) files, $(du -sh "$corpus" | cut -f1)"
done
exit $status

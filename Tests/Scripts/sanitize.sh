#!/usr/bin/env bash
# The tests under AddressSanitizer, then the batch pipeline and the batch end-to-end tests (the code
# that runs threads) under ThreadSanitizer. Each sanitizer builds into its own scratch folder, so the
# everyday .build is left alone. Slow: several minutes on two cores.
set -euo pipefail
cd "$(dirname "$0")/../.."

# The end-to-end tests run the sanitized dpia too, and compare its stderr and exit status exactly, so
# a report from a sanitizer fails them as well as the unit tests.
# LeakSanitizer is off: it reports Swift's indirect-enum boxes (Condition, SlotCondition), whose
# pointers carry tag bits it does not recognise, and XCTest's own objects at exit; memory errors
# (overflows, use after free) are still fatal.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
echo "sanitize.sh: AddressSanitizer, every test" >&2
swift build --build-tests --sanitize=address --scratch-path .build-asan
swift test --skip-build --sanitize=address --scratch-path .build-asan

echo "sanitize.sh: ThreadSanitizer, the batch pipeline and batch runs" >&2
swift build --build-tests --sanitize=thread --scratch-path .build-tsan
swift test --skip-build --sanitize=thread --scratch-path .build-tsan \
    --filter 'BatchPipelineTests|BatchTests|CrashSafetyTests|GoldenReportTests/batch'

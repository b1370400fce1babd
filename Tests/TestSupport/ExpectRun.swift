import Testing

/// Expects a run to have ended exactly as `expected` says: the same exit status and the whole of the
/// same standard output and standard error, as swift-argument-parser's end-to-end helpers compare.
///
/// Each stream that differs is shown as a line diff, so a failure reads like a review comment.
public func expect(
    _ actual: DPIAProcess.Result, equals expected: DPIAProcess.Result,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    var differences: [String] = []
    if actual.status != expected.status {
        differences.append("exit status: expected \(expected.status), got \(actual.status)")
    }
    for (name, want, got) in [
        ("stdout", expected.stdout, actual.stdout), ("stderr", expected.stderr, actual.stderr),
    ] where want != got {
        differences.append("\(name) differs:\n" + LineDiff.describe(expected: want, actual: got))
    }
    if !differences.isEmpty {
        Issue.record(
            Comment(rawValue: differences.joined(separator: "\n")), sourceLocation: sourceLocation)
    }
}

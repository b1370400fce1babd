/// Where a command's words go: results to standard output, one a line, for scripts; problems, notes and
/// the wizard's messages to standard error. The executable writes them to the real streams; tests keep them.
///
/// Both take `TerminalText`, so every value from input that is printed has been sanitized.
public struct CommandOutput {
    private let writeOut: (String) -> Void
    private let writeError: (String) -> Void

    /// `out` and `error` receive each line already sanitized.
    public init(out: @escaping (String) -> Void, error: @escaping (String) -> Void) {
        writeOut = out
        writeError = error
    }

    /// Writes a result line to standard output.
    public func out(_ text: TerminalText) {
        writeOut(text.text)
    }

    /// Writes a problem or a note to standard error.
    public func error(_ text: TerminalText) {
        writeError(text.text)
    }

    /// Reports a failure on standard error, each line after the program's name, and returns its status.
    @discardableResult
    func fail(_ failure: DPIAError) -> ExitStatus {
        error(Self.prefixed(failure.terminalText))
        return failure.exitStatus
    }

    /// Reports a usage error as the argument parser does, and returns the usage status.
    @discardableResult
    public func fail(_ failure: UsageError) -> ExitStatus {
        error("\(failure)\nusage: \(lines: failure.usage)\nRun 'dpia --help' for more.")
        return .usage
    }

    /// `dpia: error: ` before every line of `text`.
    static func prefixed(_ text: TerminalText) -> TerminalText {
        TerminalText(
            trusted: text.text.split(separator: "\n", omittingEmptySubsequences: false).map {
                "dpia: error: \($0)"
            }.joined(separator: "\n"))
    }
}

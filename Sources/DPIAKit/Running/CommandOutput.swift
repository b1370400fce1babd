/// Where a command's words go: results to standard output, one a line, for scripts; problems, notes and
/// the wizard's messages to standard error. The executable writes them to the real streams; tests keep them.
public struct CommandOutput {
    public var out: (String) -> Void
    public var error: (String) -> Void

    public init(out: @escaping (String) -> Void, error: @escaping (String) -> Void) {
        self.out = out
        self.error = error
    }

    /// Reports a failure on standard error, each line after the program's name, and returns its status.
    @discardableResult
    public func fail(_ failure: DPIAError) -> ExitStatus {
        error(Self.prefixed(failure.description))
        return failure.exitStatus
    }

    /// Reports a usage error as the argument parser does, and returns the usage status.
    @discardableResult
    public func fail(_ failure: UsageError) -> ExitStatus {
        error("\(failure)\nusage: \(failure.usage)\nRun 'dpia --help' for more.")
        return .usage
    }

    /// `dpia: error: ` before every line of `text`.
    public static func prefixed(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "dpia: error: \($0)" }.joined(
            separator: "\n")
    }
}

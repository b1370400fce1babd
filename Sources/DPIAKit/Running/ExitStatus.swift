/// Every status dpia exits with: the sysexits.h values, and the rating gate of `--fail-on`.
public enum ExitStatus: Sendable, Equatable, Comparable {
    case success
    /// EX_USAGE: the command line is wrong.
    case usage
    /// EX_DATAERR: a questionnaire, answers file or template is invalid.
    case dataError
    /// EX_NOINPUT: an input file or folder is missing or unreadable.
    case noInput
    /// EX_CANTCREAT: an output cannot be written, or exists and `--force` was not given.
    case cannotCreate
    /// EX_TEMPFAIL: the wizard's input ran out (a pipe or script ended) before the assessment was
    /// finished. Nothing was wrong with the input; the draft is saved and can be resumed.
    case unfinished
    /// `register --fail-on-overdue` and a review or an action is overdue.
    case overdue
    /// Stopped by the user or a signal (128 + SIGINT, as shells report it).
    case interrupted
    /// `--fail-on LEVEL` and the overall residual risk is at or above it: the rating's position in the
    /// questionnaire's scale of risk levels, counting from 0.
    case ratingAtOrAbove(position: Int)

    /// The first status of the rating gate; the rating's position is added to it.
    static let ratingGateBase: Int32 = 20

    /// The number the process exits with.
    public var code: Int32 {
        switch self {
        case .success: 0
        case .usage: 64
        case .dataError: 65
        case .noInput: 66
        case .cannotCreate: 73
        case .overdue: 10
        case .unfinished: 75
        case .interrupted: 130
        case .ratingAtOrAbove(let position): Self.ratingGateBase + Int32(position)
        }
    }

    /// Ordered by code, so the most serious of several failures is the largest.
    public static func < (a: ExitStatus, b: ExitStatus) -> Bool { a.code < b.code }

    /// What each fixed status means, in the words `--help` uses.
    static let meanings: [(status: ExitStatus, meaning: String)] = [
        (.success, "success"),
        (.overdue, "with register --fail-on-overdue, a review or an action is overdue"),
        (.usage, "usage error"),
        (.dataError, "invalid questionnaire, answers or template"),
        (.noInput, "missing input"),
        (.cannotCreate, "cannot write output"),
        (.unfinished, "wizard input ended before the assessment was finished (resume the draft)"),
        (.interrupted, "interrupted"),
    ]

    /// The statuses as `--help` lists them, the rating gate's for a scale of any size.
    static var summary: String {
        "Exit status: " + meanings.map { "\($0.status.code) \($0.meaning)" }.joined(separator: "; ")
            + "; with --fail-on, \(ratingGateBase) + the position of the overall residual risk in the"
            + " questionnaire's scale of risk levels, counting from 0 (20 low, 21 medium, 22 high on the"
            + " bundled ICO scale)."
    }
}

/// How a prompt ended.
enum PromptResult<Value> {
    /// The user gave an answer that passed validation.
    case answered(Value)
    /// The user asked to return to the previous question.
    case back
    /// The user pressed Ctrl-C (or the process was asked to stop).
    case interrupted
    /// Input ended (Ctrl-D, closed pipe, end of a script) before an answer was given.
    case endOfInput

    /// The same outcome with the answer transformed.
    func map<Other>(_ transform: (Value) -> Other) -> PromptResult<Other> {
        switch self {
        case .answered(let value): return .answered(transform(value))
        case .back: return .back
        case .interrupted: return .interrupted
        case .endOfInput: return .endOfInput
        }
    }

    /// The answer, if there is one.
    var answer: Value? {
        if case .answered(let value) = self { return value }
        return nil
    }
}

extension PromptResult: Equatable where Value: Equatable {}
extension PromptResult: Sendable where Value: Sendable {}

/// One option of a choice prompt.
struct PromptOption: Equatable, Sendable {
    /// What the user reads.
    var label: String
    /// A stable identifier; plain mode also accepts it typed in full.
    var value: String

    init(label: String, value: String) {
        self.label = label
        self.value = value
    }

    /// An option whose value is its label.
    init(_ label: String) {
        self.init(label: label, value: label)
    }
}

/// The text around every prompt: where the user is, what is asked, and optional help.
struct PromptHeading: Equatable, Sendable {
    /// The question.
    var title: String
    /// A progress or section line shown above the title, such as "Section 2 of 7 · Data flows".
    var header: String?
    /// Longer guidance the user can show and hide.
    var help: String?

    init(title: String, header: String? = nil, help: String? = nil) {
        self.title = title
        self.header = header
        self.help = help
    }
}

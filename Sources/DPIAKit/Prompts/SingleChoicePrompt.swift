/// Pick one option from a list.
///
/// Keys: ↑/↓ or k/j move (wrapping), Home/End/PageUp/PageDown jump, typing an option's number moves
/// to it, Enter picks, Esc goes back, `?` shows help. The answer is the index of the option.
struct SingleChoicePrompt: Sendable {
    var heading: PromptHeading
    var options: [PromptOption]
    /// Where the cursor starts; marked "(default)" so Enter alone accepts it.
    var defaultIndex: Int?
    /// Letters that pick an option at once (yes/no uses y and n).
    var shortcuts: [Character: Int] = [:]

    init(_ heading: PromptHeading, options: [PromptOption], defaultIndex: Int? = nil) {
        precondition(!options.isEmpty, "a choice prompt needs at least one option")
        self.heading = heading
        self.options = options
        self.defaultIndex = defaultIndex.flatMap { options.indices.contains($0) ? $0 : nil }
    }

    /// Runs with arrow keys on an interactive terminal.
    func run(on terminal: some Terminal) -> PromptResult<Int> {
        var session = Session(prompt: self)
        return session.run(on: terminal)
    }

    struct Session: InteractiveSession {
        let prompt: SingleChoicePrompt
        var chrome: Chrome
        var list: ChoiceList
        var heading: PromptHeading { prompt.heading }

        init(prompt: SingleChoicePrompt) {
            self.prompt = prompt
            chrome = Chrome(prompt.heading)
            list = ChoiceList(count: prompt.options.count, cursor: prompt.defaultIndex ?? 0)
        }

        mutating func handle(_ key: KeyEvent) -> PromptResult<Int>? {
            if list.navigate(key) { return nil }
            switch key {
            case .enter: return .answered(list.cursor)
            case .escape: return .back
            case .endOfInput: return .endOfInput
            case .character("?"): chrome.toggleHelp()
            case .character(let character):
                if let index = prompt.shortcuts[Character(character.lowercased())] { return .answered(index) }
            default: break
            }
            return nil
        }

        mutating func frame(size: TerminalSize) -> Frame {
            let top = chrome.top(width: size.columns)
            let bottom = chrome.bottom(
                width: size.columns, keys: [("↑/↓", "move"), ("enter", "select")] + prompt.shortcutLegend,
                helpKey: "?")
            let options = list.lines(height: size.rows - top.count - bottom.count) { index, selected in
                var spans = [
                    Span(selected ? "> " : "  ", .accent),
                    Span("\(index + 1). \(prompt.options[index].label)", selected ? .accent : .plain),
                ]
                if index == prompt.defaultIndex { spans.append(Span(" (default)", .dim)) }
                return FrameLine(spans)
            }
            return Frame(lines: top + options + bottom, cursor: nil)
        }

        func summary(of value: Int) -> String { prompt.options[value].label }
    }

    private var shortcutLegend: [(String, String)] {
        shortcuts.isEmpty
            ? []
            : [
                (
                    shortcuts.sorted { $0.value < $1.value }.map { String($0.key) }.joined(separator: "/"),
                    "answer"
                )
            ]
    }
}

/// A yes-or-no question: a two-option choice where y and n answer at once.
struct YesNoPrompt: Sendable {
    var heading: PromptHeading
    /// The answer Enter accepts without moving; nil starts on "Yes" with no default marked.
    var defaultAnswer: Bool?

    init(_ heading: PromptHeading, defaultAnswer: Bool? = nil) {
        self.heading = heading
        self.defaultAnswer = defaultAnswer
    }

    var choice: SingleChoicePrompt {
        var choice = SingleChoicePrompt(
            heading,
            options: [PromptOption(label: "Yes", value: "yes"), PromptOption(label: "No", value: "no")],
            defaultIndex: defaultAnswer.map { $0 ? 0 : 1 })
        choice.shortcuts = ["y": 0, "n": 1]
        return choice
    }

    /// Runs with arrow keys (or y/n) on an interactive terminal.
    func run(on terminal: some Terminal) -> PromptResult<Bool> {
        choice.run(on: terminal).map { $0 == 0 }
    }
}

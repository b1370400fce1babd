/// Pick any number of options from a list.
///
/// Keys: ↑/↓ or k/j move, typing a number moves to it, Space toggles, `a` toggles all, Enter
/// confirms, Esc goes back, `?` shows help. The answer is the chosen indices in ascending order.
struct MultipleChoicePrompt: Sendable {
    var heading: PromptHeading
    var options: [PromptOption]
    /// Options ticked at the start.
    var initiallySelected: Set<Int>
    /// Enter is refused with a message until at least this many are ticked.
    var minimumSelections: Int

    init(
        _ heading: PromptHeading, options: [PromptOption], initiallySelected: Set<Int> = [],
        minimumSelections: Int = 0
    ) {
        precondition(!options.isEmpty, "a choice prompt needs at least one option")
        self.heading = heading
        self.options = options
        self.initiallySelected = initiallySelected.filter { options.indices.contains($0) }
        self.minimumSelections = minimumSelections
    }

    /// Runs with arrow keys on an interactive terminal.
    func run(on terminal: some Terminal) -> PromptResult<[Int]> {
        var session = Session(prompt: self)
        return session.run(on: terminal)
    }

    /// The message shown when too few options are ticked, or nil when the selection is acceptable.
    func minimumMessage(selectedCount: Int) -> String? {
        guard selectedCount < minimumSelections else { return nil }
        let noun = minimumSelections == 1 ? "option" : "options"
        return "Select at least \(minimumSelections) \(noun) (\(selectedCount) selected)."
    }

    struct Session: InteractiveSession {
        let prompt: MultipleChoicePrompt
        var chrome: Chrome
        var list: ChoiceList
        var selected: Set<Int>
        var heading: PromptHeading { prompt.heading }

        init(prompt: MultipleChoicePrompt) {
            self.prompt = prompt
            chrome = Chrome(prompt.heading)
            list = ChoiceList(count: prompt.options.count, cursor: 0)
            selected = prompt.initiallySelected
        }

        mutating func handle(_ key: KeyEvent) -> PromptResult<[Int]>? {
            if list.navigate(key) { return nil }
            switch key {
            case .character(" "):
                if selected.remove(list.cursor) == nil { selected.insert(list.cursor) }
                chrome.error = nil
            case .character("a"), .character("A"):
                selected = selected.count == prompt.options.count ? [] : Set(prompt.options.indices)
                chrome.error = nil
            case .enter:
                if let message = prompt.minimumMessage(selectedCount: selected.count) {
                    chrome.error = message
                    return nil
                }
                return .answered(selected.sorted())
            case .escape: return .back
            case .endOfInput: return .endOfInput
            case .character("?"): chrome.toggleHelp()
            default: break
            }
            return nil
        }

        mutating func frame(size: TerminalSize) -> Frame {
            let top = chrome.top(width: size.columns)
            let bottom = chrome.bottom(
                width: size.columns,
                keys: [("↑/↓", "move"), ("space", "toggle"), ("a", "all"), ("enter", "confirm")], helpKey: "?"
            )
            let options = list.lines(height: size.rows - top.count - bottom.count) { index, current in
                return FrameLine([
                    Span(current ? "> " : "  ", .accent),
                    Span(
                        selected.contains(index) ? "[x] " : "[ ] ",
                        selected.contains(index) ? .success : .plain),
                    Span("\(index + 1). \(prompt.options[index].label)", current ? .accent : .plain),
                ])
            }
            return Frame(lines: top + options + bottom, cursor: nil)
        }

        func summary(of value: [Int]) -> String {
            value.isEmpty ? "(none)" : value.map { prompt.options[$0].label }.joined(separator: ", ")
        }
    }
}

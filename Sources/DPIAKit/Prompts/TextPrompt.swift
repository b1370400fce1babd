/// Type a line of text (or several, with `multiline`).
///
/// Editing: ←/→, Home/End (Ctrl-A/Ctrl-E), Backspace/Delete, Ctrl-U and Ctrl-K; ↑/↓ move between
/// lines in multi-line mode. Esc goes back. Help is on F1, or `?` typed into an empty answer, since
/// `?` is otherwise an ordinary character.
///
/// Single line: Enter submits; on an empty answer it accepts `defaultValue`. Ctrl-D on an empty
/// answer ends input.
/// Multi-line: Enter starts a new line; Enter on an empty line, or Ctrl-D, finishes (trailing
/// empty lines are dropped). The footer says so.
///
/// `validate` returns an error message for input it refuses; the message is shown and the prompt
/// stays open, so an invalid answer is never returned.
struct TextPrompt: Sendable {
    var heading: PromptHeading
    var defaultValue: String?
    var multiline: Bool
    var validate: @Sendable (String) -> String?
    /// Turns accepted text into the answer given back and shown (a typed 1/12/2026 into 2026-12-01).
    var normalize: @Sendable (String) -> String = { $0 }

    init(
        _ heading: PromptHeading, defaultValue: String? = nil, multiline: Bool = false,
        validate: @escaping @Sendable (String) -> String? = { _ in nil }
    ) {
        self.heading = heading
        self.defaultValue = defaultValue
        self.multiline = multiline
        self.validate = validate
    }

    /// Runs with line editing on an interactive terminal.
    func run(on terminal: some Terminal) -> PromptResult<String> {
        var session = Session(prompt: self)
        return session.run(on: terminal)
    }

    /// What an empty answer becomes.
    func resolved(_ text: String) -> String {
        text.isEmpty ? defaultValue ?? "" : text
    }

    struct Session: InteractiveSession {
        let prompt: TextPrompt
        var chrome: Chrome
        var editor: TextEditor
        var heading: PromptHeading { prompt.heading }

        init(prompt: TextPrompt) {
            self.prompt = prompt
            chrome = Chrome(prompt.heading)
            editor = TextEditor(multiline: prompt.multiline)
        }

        mutating func handle(_ key: KeyEvent) -> PromptResult<String>? {
            switch key {
            case .escape: return .back
            case .function(1):
                chrome.toggleHelp()
                return nil
            case .character("?") where editor.isEmpty && prompt.heading.help != nil:
                chrome.toggleHelp()
                return nil
            case .endOfInput:
                if prompt.multiline { return submit() }
                return editor.isEmpty ? .endOfInput : nil
            case .enter:
                if prompt.multiline && !editor.cursorLineIsEmpty {
                    editor.insert("\n")
                    chrome.error = nil
                    return nil
                }
                return submit()
            default:
                if editor.edit(key) { chrome.error = nil }
                return nil
            }
        }

        private mutating func submit() -> PromptResult<String>? {
            var text = editor.text
            if prompt.multiline {
                while text.last == "\n" { text.removeLast() }
            }
            let value = prompt.resolved(text)
            if let message = prompt.validate(value) {
                chrome.error = message
                return nil
            }
            return .answered(prompt.normalize(value))
        }

        mutating func frame(size: TerminalSize) -> Frame {
            let top = chrome.top(width: size.columns)
            var keys: [(String, String)]
            if prompt.multiline {
                keys = [("enter", "new line"), ("enter on empty line or ctrl-d", "finish")]
            } else {
                keys = [("enter", prompt.defaultValue == nil ? "submit" : "submit (empty accepts default)")]
            }
            let bottom = chrome.bottom(width: size.columns, keys: keys, helpKey: "f1")
            let gutter = prompt.multiline ? "│ " : "> "
            let layout = editor.layout(width: size.columns - gutter.count - 1)
            var body: [FrameLine]
            if editor.isEmpty, let defaultValue = prompt.defaultValue {
                body = [FrameLine([Span(gutter, .accent), Span("(default: \(defaultValue))", .dim)])]
            } else {
                body = layout.rows.enumerated().map { index, row in
                    FrameLine([Span(index == 0 || prompt.multiline ? gutter : "  ", .accent), Span(row)])
                }
            }
            let cursor = (row: top.count + layout.cursorRow, column: gutter.count + layout.cursorColumn)
            return Frame(lines: top + body + bottom, cursor: cursor)
        }

        func summary(of value: String) -> String {
            let lines = value.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count > 1 ? "\(lines[0]) … (\(lines.count) lines)" : value
        }
    }
}

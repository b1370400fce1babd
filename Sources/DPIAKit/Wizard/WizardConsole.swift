/// Where the wizard talks to the assessor: a full-screen-capable terminal with arrow keys, or a plain
/// line-by-line conversation for screen readers and pipes.
public enum WizardConsole {
    case interactive(any Terminal)
    case plain(any LineIO)

    /// Shows lines of information that are not a question (the introduction, the rating summary).
    /// Returns the rows an interactive terminal's transcript grew by.
    @discardableResult
    func show(_ lines: [String]) -> Int {
        switch self {
        case .interactive(let terminal):
            // Wrapped at word boundaries to the terminal's width (minus one column, so a full row
            // never makes the terminal wrap on its own).
            let width = max(terminal.size.columns - 1, 20)
            let rows = lines.flatMap { TextWrap.lines($0, width: width) }
            terminal.write(rows.map { "\($0)\r\n" as TerminalText }.joined(separator: .empty))
            return rows.count
        case .plain(let io):
            for line in lines {
                for part in line.split(separator: "\n", omittingEmptySubsequences: false) {
                    io.writeLine("\(part)")
                }
            }
            return 0
        }
    }

    /// Takes the last `rows` rows of an interactive transcript off the screen (as far as they are
    /// still on it). Plain mode is a conversation, so nothing is taken back there.
    func erase(rows: Int) {
        guard case .interactive(let terminal) = self, rows > 0 else { return }
        let up = min(rows, max(terminal.size.rows - 1, 0))
        terminal.write((up > 0 ? ANSI.up(up) : "") + "\r" + ANSI.eraseBelow)
    }

    /// Whether this is the plain mode, which words a few instructions differently.
    var isPlain: Bool {
        if case .plain = self { return true }
        return false
    }

    func ask(_ prompt: SingleChoicePrompt) -> PromptResult<Int> {
        switch self {
        case .interactive(let terminal): prompt.run(on: terminal)
        case .plain(let io): prompt.run(on: io)
        }
    }

    func ask(_ prompt: YesNoPrompt) -> PromptResult<Bool> {
        switch self {
        case .interactive(let terminal): prompt.run(on: terminal)
        case .plain(let io): prompt.run(on: io)
        }
    }

    func ask(_ prompt: MultipleChoicePrompt) -> PromptResult<[Int]> {
        switch self {
        case .interactive(let terminal): prompt.run(on: terminal)
        case .plain(let io): prompt.run(on: io)
        }
    }

    func ask(_ prompt: TextPrompt) -> PromptResult<String> {
        switch self {
        case .interactive(let terminal): prompt.run(on: terminal)
        case .plain(let io): prompt.run(on: io)
        }
    }
}

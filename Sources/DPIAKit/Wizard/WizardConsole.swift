/// Where the wizard talks to the assessor: a full-screen-capable terminal with arrow keys, or a plain
/// line-by-line conversation for screen readers and pipes.
public enum WizardConsole {
    case interactive(any Terminal)
    case plain(any LineIO)

    /// Shows lines of information that are not a question (the introduction, the rating summary).
    func show(_ lines: [String]) {
        switch self {
        case .interactive(let terminal):
            terminal.write(lines.map { $0.replacingNewlines(with: "\r\n") + "\r\n" }.joined())
        case .plain(let io):
            for line in lines {
                for part in line.split(separator: "\n", omittingEmptySubsequences: false) {
                    io.writeLine(String(part))
                }
            }
        }
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

extension String {
    fileprivate func replacingNewlines(with separator: String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: separator)
    }
}

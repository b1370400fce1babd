// Plain mode: every prompt as a line-by-line conversation for screen readers and pipes.
// Typed commands, the same for every prompt: "b" or "back" goes back, "?" shows help; a line
// starting with "\" is taken literally without it, so "\b" answers "b". End of input always ends
// the prompt with `.endOfInput`, so a closed pipe can never cause an endless re-prompt.

/// What a typed line means to a prompt.
enum Interpretation<Value> {
    case value(Value)
    case invalid(String)
}

struct PlainConversation<IO: LineIO> {
    let io: IO
    let heading: PromptHeading

    /// Writes the header, title, `body` and a reminder of the typed commands.
    func introduce(_ body: [String]) {
        // Definitions may lay their text out over lines; anything else in them is shown escaped.
        if let header = heading.header { io.writeLine(TerminalText(lines: header)) }
        io.writeLine(TerminalText(lines: heading.title))
        for line in body { io.writeLine(TerminalText(lines: line)) }
        io.writeLine(heading.help == nil ? "(Type b to go back.)" : "(Type b to go back, ? for help.)")
    }

    /// Reads one line and handles commands. Returns nil for a line that was a command and was dealt
    /// with (help); otherwise either a final result or the text to interpret.
    func readAnswer() -> Either? {
        guard let line = io.readLine() else { return .ending(back: false) }
        let trimmed = line.trimmingSpaces()
        if trimmed.hasPrefix("\\") { return .text(String(trimmed.dropFirst())) }
        switch trimmed.lowercased() {
        case "b", "back": return .ending(back: true)
        case "?":
            io.writeLine(TerminalText(lines: heading.help ?? "There is no further help for this question."))
            return nil
        default: return .text(trimmed)
        }
    }

    enum Either {
        /// The prompt ends without an answer: `.back` or `.endOfInput`.
        case ending(back: Bool)
        case text(String)
    }

    /// Asks until a line is accepted, input ends, or the user goes back.
    func ask<Value>(_ prompt: String, interpret: (String) -> Interpretation<Value>) -> PromptResult<Value> {
        while true {
            io.writeLine(TerminalText(prompt))
            switch readAnswer() {
            case nil: continue
            case .ending(let back): return back ? .back : .endOfInput
            case .text(let text):
                switch interpret(text) {
                case .value(let value): return .answered(value)
                case .invalid(let message): io.writeLine(TerminalText(message))
                }
            }
        }
    }
}

extension [PromptOption] {
    /// The index of the option whose label or value is `text`, ignoring case.
    func index(named text: String) -> Int? {
        let wanted = text.lowercased()
        return firstIndex { $0.label.lowercased() == wanted || $0.value.lowercased() == wanted }
    }
}

extension SingleChoicePrompt {
    /// Runs as a numbered list; the user types a number, or an option's label or value.
    func run(on io: some LineIO) -> PromptResult<Int> {
        let conversation = PlainConversation(io: io, heading: heading)
        conversation.introduce(
            options.enumerated().map { index, option in
                "  \(index + 1). \(option.label)" + (index == defaultIndex ? " (default)" : "")
            })
        let range = "1-\(options.count)"
        let prompt = defaultIndex.map { "Choose \(range) (Enter for \($0 + 1)):" } ?? "Choose \(range):"
        let hint = "Please type a number from 1 to \(options.count)."
        return conversation.ask(prompt) { text in
            if text.isEmpty {
                return defaultIndex.map { .value($0) } ?? .invalid(hint)
            }
            if let number = Int(text) {
                return options.indices.contains(number - 1) ? .value(number - 1) : .invalid(hint)
            }
            if text.count == 1, let index = shortcuts[Character(text.lowercased())] { return .value(index) }
            return options.index(named: text).map { .value($0) }
                ?? .invalid("“\(text)” is not one of the options. \(hint)")
        }
    }
}

extension YesNoPrompt {
    /// Runs as a typed question: y, yes, n or no.
    func run(on io: some LineIO) -> PromptResult<Bool> {
        let conversation = PlainConversation(io: io, heading: heading)
        conversation.introduce([])
        let prompt =
            switch defaultAnswer {
            case true?: "Yes or no? (y/n, Enter for yes):"
            case false?: "Yes or no? (y/n, Enter for no):"
            case nil: "Yes or no? (y/n):"
            }
        return conversation.ask(prompt) { text in
            switch text.lowercased() {
            case "y", "yes": return .value(true)
            case "n", "no": return .value(false)
            case "": if let defaultAnswer { return .value(defaultAnswer) }
            default: break
            }
            return .invalid("Please type y for yes or n for no.")
        }
    }
}

extension MultipleChoicePrompt {
    /// Runs as a numbered list; the user types numbers (or labels) separated by commas, "all" or "none".
    func run(on io: some LineIO) -> PromptResult<[Int]> {
        let conversation = PlainConversation(io: io, heading: heading)
        var body = options.enumerated().map { index, option in
            "  \(index + 1). \(option.label)" + (initiallySelected.contains(index) ? " (selected)" : "")
        }
        body.append(
            "Type the numbers of all that apply separated by commas (for example 1,3), “all” or “none”.")
        let kept = initiallySelected.sorted().map { String($0 + 1) }.joined(separator: ",")
        conversation.introduce(body)
        let prompt = initiallySelected.isEmpty ? "Choices:" : "Choices (Enter keeps \(kept)):"
        return conversation.ask(prompt) { text in
            let chosen: [Int]
            switch parse(text) {
            case .invalid(let message): return .invalid(message)
            case .value(let indices): chosen = indices
            }
            if let message = minimumMessage(selectedCount: chosen.count) { return .invalid(message) }
            return .value(chosen)
        }
    }

    private func parse(_ text: String) -> Interpretation<[Int]> {
        switch text.lowercased() {
        case "": return .value(initiallySelected.sorted())
        case "all": return .value(Array(options.indices))
        case "none": return .value([])
        default: break
        }
        var chosen = Set<Int>()
        for piece in text.split(separator: ",") {
            let piece = String(piece).trimmingSpaces()
            if let index = options.index(named: piece) {
                chosen.insert(index)
                continue
            }
            for word in piece.split(separator: " ") {
                guard let number = Int(word), options.indices.contains(number - 1) else {
                    return .invalid(
                        "“\(word)” is not one of the options. Please type numbers from 1 to \(options.count)."
                    )
                }
                chosen.insert(number - 1)
            }
        }
        return .value(chosen.sorted())
    }
}

extension TextPrompt {
    /// Runs as typed lines. Multi-line answers end with an empty line.
    func run(on io: some LineIO) -> PromptResult<String> {
        let conversation = PlainConversation(io: io, heading: heading)
        if multiline {
            conversation.introduce(["Type your answer over one or more lines, then an empty line to finish."])
            return askMultiline(conversation)
        }
        conversation.introduce([])
        let prompt = defaultValue.map { "Answer (Enter for “\($0)”):" } ?? "Answer:"
        return conversation.ask(prompt) { text in
            let value = resolved(text)
            if let message = validate(value) { return .invalid(message) }
            let normalized = normalize(value)
            // Says how a date or number was read when it was typed another way.
            if normalized != value.trimmingSpaces() { io.writeLine("(Taken as \(normalized).)") }
            return .value(normalized)
        }
    }

    private func askMultiline(_ conversation: PlainConversation<some LineIO>) -> PromptResult<String> {
        while true {
            conversation.io.writeLine(
                TerminalText(defaultValue.map { "Answer (an empty line accepts “\($0)”):" } ?? "Answer:"))
            guard let first = conversation.readAnswer() else { continue }
            var lines: [String]
            switch first {
            case .ending(let back): return back ? .back : .endOfInput
            case .text(let text): lines = text.isEmpty ? [] : [text]
            }
            while !lines.isEmpty {
                guard let line = conversation.io.readLine() else { return .endOfInput }
                if line.trimmingSpaces().isEmpty { break }
                lines.append(line)
            }
            let value = resolved(lines.joined(separator: "\n"))
            guard let message = validate(value) else { return .answered(normalize(value)) }
            conversation.io.writeLine(TerminalText(message))
        }
    }
}

extension IntegerPrompt {
    /// Runs as a typed line; invalid numbers are explained and asked again.
    func run(on io: some LineIO) -> PromptResult<Int> {
        textPrompt.run(on: io).map { Int($0) ?? 0 }
    }
}

extension DatePrompt {
    /// Runs as a typed line; invalid dates are explained and asked again.
    func run(on io: some LineIO) -> PromptResult<CalendarDate> {
        textPrompt.run(on: io).map { CalendarDate(iso: $0)! }
    }
}

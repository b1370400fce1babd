/// The widget for one questionnaire question, checking answers the same way an answers file is checked,
/// so nothing the wizard accepts can make the saved file invalid.
struct QuestionPrompt {
    let question: Question
    let heading: PromptHeading
    /// The answer given before (or the question's default), offered as the default.
    let current: AnswerValue?

    static let skipLabel = "Leave unanswered"

    /// Asks the question. The answer is nil when an optional question is left unanswered.
    func ask(on console: WizardConsole) -> PromptResult<AnswerValue?> {
        switch question.type {
        case .yesNo:
            guard question.required else {
                return askChoice(
                    on: console,
                    options: [
                        PromptOption(label: "Yes", value: "yes"), PromptOption(label: "No", value: "no"),
                    ],
                    selected: current.map { $0 == .bool(true) ? 0 : 1 }
                ).map { $0.map { .bool($0 == 0) } }
            }
            var defaultAnswer: Bool?
            if case .bool(let value) = current { defaultAnswer = value }
            return console.ask(YesNoPrompt(heading, defaultAnswer: defaultAnswer)).map { .bool($0) }
        case .single:
            let options = question.options.map { PromptOption(label: $0.label, value: $0.value) }
            var selected: Int?
            if case .string(let value) = current {
                selected = question.options.firstIndex { $0.value == value }
            }
            return askChoice(on: console, options: options, selected: selected).map {
                $0.map { .string(question.options[$0].value) }
            }
        case .multiple:
            var ticked: Set<Int> = []
            if case .strings(let values) = current {
                ticked = Set(question.options.indices.filter { values.contains(question.options[$0].value) })
            }
            let prompt = MultipleChoicePrompt(
                heading, options: question.options.map { PromptOption(label: $0.label, value: $0.value) },
                initiallySelected: ticked, minimumSelections: question.minimumSelections ?? 0)
            return console.ask(prompt).map { indices in .strings(indices.map { question.options[$0].value }) }
        case .text, .longText:
            var currentText: String?
            if case .string(let text) = current { currentText = text }
            let question = question
            let prompt = TextPrompt(heading, defaultValue: currentText, multiline: question.type == .longText)
            {
                text in
                if text.allSatisfy(\.isWhitespace) {
                    return question.required ? "An answer is needed; please type some text." : nil
                }
                return AnswersFile.problem(with: .string(text.trimmingSpaces()), for: question).map {
                    $0.prefix(1).uppercased() + $0.dropFirst() + "."
                }
            }
            return console.ask(prompt).map { text in
                let trimmed = text.trimmingSpaces()
                return trimmed.isEmpty ? nil : .string(trimmed)
            }
        case .integer:
            var currentNumber: Int?
            if case .integer(let number) = current { currentNumber = number }
            let range: ClosedRange<Int>? =
                question.minimum == nil && question.maximum == nil
                ? nil : (question.minimum ?? Int.min)...(question.maximum ?? Int.max)
            let prompt = IntegerPrompt(heading, range: range, defaultValue: currentNumber).textPrompt
            return console.ask(optional(prompt)).map { text in Int(text).map { .integer($0) } }
        case .date:
            var currentDate: CalendarDate?
            if case .string(let text) = current { currentDate = CalendarDate(iso: text) }
            let prompt = DatePrompt(heading, defaultValue: currentDate).textPrompt
            return console.ask(optional(prompt)).map { text in
                let trimmed = text.trimmingSpaces()
                return trimmed.isEmpty ? nil : .string(trimmed)
            }
        }
    }

    /// A choice, with an extra "leave unanswered" option for optional questions.
    private func askChoice(on console: WizardConsole, options: [PromptOption], selected: Int?)
        -> PromptResult<Int?>
    {
        var options = options
        var selected = selected
        if !question.required {
            options.append(PromptOption(label: Self.skipLabel, value: "skip"))
            if current == nil && selected == nil { selected = options.count - 1 }
        }
        var prompt = SingleChoicePrompt(heading, options: options, defaultIndex: selected)
        // y and n answer an optional yes/no question as they do a required one.
        if question.type == .yesNo { prompt.shortcuts = ["y": 0, "n": 1] }
        return console.ask(prompt).map {
            $0 < question.options.count || question.type == .yesNo && $0 < 2 ? $0 : nil
        }
    }

    /// An optional question accepts an empty answer, meaning "no answer".
    private func optional(_ prompt: TextPrompt) -> TextPrompt {
        guard !question.required else { return prompt }
        var prompt = prompt
        let check = prompt.validate
        prompt.validate = { $0.trimmingSpaces().isEmpty ? nil : check($0) }
        return prompt
    }
}

/// How a wizard run ended. Every case carries the answers as saved, so the caller can report them.
public enum WizardOutcome {
    /// The assessor finished: answers with measure decisions, and their assessment.
    case finished(Answers, Assessment)
    /// Ctrl-C (or a stop signal turned into one). The draft holds every answer given.
    case interrupted(Answers)
    /// Input ran out before the assessment was finished (a pipe closed, Ctrl-D).
    case endOfInput(Answers)
    /// The draft could not be saved; the wizard stopped rather than go on without a safe copy.
    case saveFailed(OutputError, Answers)
}

/// The interactive assessment: introduction, assessment details, the questionnaire's sections with
/// conditions re-evaluated after every answer, a review screen, the rating, decisions on the recommended
/// measures and the rescored rating.
///
/// It talks only to a `WizardConsole` and hands every change to `save`, so it never touches a file or
/// the clock: the caller supplies today's date and decides where drafts go.
public struct Wizard {
    public let questionnaire: Questionnaire
    /// The default assessment date.
    public let today: CalendarDate
    /// Where the caller saves drafts, shown in the introduction so the assessor knows.
    public let draftPath: String?
    private let save: (Answers) throws(OutputError) -> Void
    private var flow: WizardFlow
    private let resumed: Bool
    /// The section whose introduction was shown last, so moving within a section does not repeat it.
    private var introducedSection: String?

    /// Starts a new assessment, or resumes `draft` at its first unanswered question (or its review
    /// screen when complete). `save` is called with the answers file after every answer.
    public init(
        questionnaire: Questionnaire, today: CalendarDate, resuming draft: Answers? = nil,
        draftPath: String? = nil, save: @escaping (Answers) throws(OutputError) -> Void
    ) {
        self.questionnaire = questionnaire
        self.today = today
        self.draftPath = draftPath
        self.save = save
        self.resumed = draft != nil
        let answers =
            draft
            ?? Answers(
                questionnaireID: questionnaire.id, questionnaireVersion: questionnaire.version,
                metadata: AssessmentMetadata(organisation: "", platform: "", assessor: "", assessmentDate: "")
            )
        flow = WizardFlow(questionnaire: questionnaire, answers: answers)
    }

    /// The answers as they would be saved now.
    public var answers: Answers { flow.savedAnswers }

    /// Runs until the assessor finishes, stops, or input ends.
    public mutating func run(on console: WizardConsole) -> WizardOutcome {
        console.show(WizardText.introduction(questionnaire, console: console, draftPath: draftPath))
        if resumed {
            let answered = flow.savedAnswers.values.count
            console.show([
                "Resuming: \(answered) of \(flow.visibleQuestions.count) questions answered so far.", "",
            ])
        }
        while true {
            let move: Move
            switch flow.step {
            case .metadata(let field): move = Move(askMetadata(field, on: console))
            case .question(let id): move = Move(askQuestion(id, on: console))
            case .review: move = review(on: console)
            case .measureDecision(let index): move = Move(decide(index, on: console))
            case .measureNote(let index): move = Move(note(index, on: console))
            case .done:
                let assessment = flow.assessment
                console.show(["", "Rating with your decisions on the measures:"])
                console.show(WizardText.ratingSummary(assessment))
                return .finished(assessment.answers, assessment)
            }
            switch move {
            case .next:
                if let failure = saveDraft() { return .saveFailed(failure, flow.savedAnswers) }
                flow.step = flow.next()
                if flow.step == .review { flow.editingFromReview = false }
            case .back:
                flow.step = flow.previous()
                if flow.step == .review { flow.editingFromReview = false }
            case .jumped: break
            case .interrupted: return .interrupted(flow.savedAnswers)
            case .endOfInput: return .endOfInput(flow.savedAnswers)
            }
        }
    }

    /// What a step did.
    private enum Move {
        /// Answered: save, then go on.
        case next
        case back
        /// The step chose where to go itself (the review screen's pick).
        case jumped
        case interrupted
        case endOfInput

        init(_ result: PromptResult<Void>) {
            switch result {
            case .answered: self = .next
            case .back: self = .back
            case .interrupted: self = .interrupted
            case .endOfInput: self = .endOfInput
            }
        }
    }

    private func saveDraft() -> OutputError? {
        do {
            try save(flow.savedAnswers)
            return nil
        } catch {
            return error
        }
    }

    // MARK: Assessment details

    private mutating func askMetadata(_ field: MetadataField, on console: WizardConsole) -> PromptResult<Void>
    {
        let meta = flow.answers.metadata
        let header = "Assessment details · \(field.rawValue + 1) of \(MetadataField.allCases.count)"
        func text(_ title: String, _ current: String?, required: Bool, help: String) -> PromptResult<String?>
        {
            let heading = PromptHeading(title: title, header: header, help: help)
            let prompt = TextPrompt(heading, defaultValue: current.flatMap { $0.isEmpty ? nil : $0 }) {
                text in
                if text.contains(where: \.isNewline) { return "Please keep this on one line." }
                if required && text.allSatisfy(\.isWhitespace) { return "This is needed for the report." }
                return nil
            }
            return console.ask(prompt).map { value in
                let trimmed = value.trimmingSpaces()
                return trimmed.isEmpty ? nil : trimmed
            }
        }
        switch field {
        case .organisation:
            return text(
                "Which organisation is doing this assessment?", meta.organisation, required: true,
                help: "The data controller, for example the NHS trust or GP practice."
            ).map { flow.answers.metadata.organisation = $0 ?? "" }
        case .platform:
            return text(
                "Which platform are you assessing?", meta.platform, required: true,
                help: "The product and edition, for example “WhatsApp (consumer)” or “Microsoft Teams”."
            ).map { flow.answers.metadata.platform = $0 ?? "" }
        case .reference:
            return text(
                "Your DPIA reference (optional; Enter to leave out)", meta.reference, required: false,
                help: "Your organisation's own reference for this DPIA, for example IG-2026-014."
            ).map { flow.answers.metadata.reference = $0 }
        case .assessor:
            return text(
                "Who is carrying out the assessment?", meta.assessor, required: true,
                help: "Name and role, for example “A. Patel, Information Governance Lead”."
            ).map { flow.answers.metadata.assessor = $0 ?? "" }
        case .assessmentDate:
            let review = meta.reviewDate
            let prompt = DatePrompt(
                PromptHeading(
                    title: "Date of the assessment (YYYY-MM-DD)", header: header,
                    help: "Usually today. Reports show it as the date of the assessment."),
                defaultValue: CalendarDate(iso: meta.assessmentDate) ?? today
            ) { text in
                if let review, review <= text.trimmingSpaces() {
                    return "The assessment date must be before the review date \(review)."
                }
                return nil
            }
            return console.ask(prompt.textPrompt).map {
                flow.answers.metadata.assessmentDate = $0.trimmingSpaces()
            }
        case .reviewDate:
            return askReviewDate(header: header, on: console)
        case .status:
            let prompt = SingleChoicePrompt(
                PromptHeading(
                    title: "Is this assessment a draft or final?", header: header,
                    help:
                        "Final means the assessment is complete and signed off; it then needs a review date."),
                options: [
                    PromptOption(label: "Draft", value: "draft"),
                    PromptOption(label: "Final", value: "final"),
                ],
                defaultIndex: meta.status == .final ? 1 : 0)
            let result = console.ask(prompt)
            if case .answered(1) = result, flow.answers.metadata.reviewDate == nil {
                flow.answers.metadata.status = .final
                console.show([
                    "A final assessment needs a review date (ICO step 7: keep the DPIA under review)."
                ])
                flow.step = .metadata(.reviewDate)
                return askReviewDate(header: header, on: console)
            }
            return result.map { flow.answers.metadata.status = $0 == 1 ? .final : .draft }
        }
    }

    private mutating func askReviewDate(header: String, on console: WizardConsole) -> PromptResult<Void> {
        let meta = flow.answers.metadata
        let required = meta.status == .final
        var prompt = DatePrompt(
            PromptHeading(
                title: required
                    ? "When will this DPIA next be reviewed? (YYYY-MM-DD)"
                    : "When will this DPIA next be reviewed? (YYYY-MM-DD, or Enter to leave out)",
                header: header,
                help: "ICO step 7: a DPIA is kept under review. Many organisations review yearly."),
            defaultValue: meta.reviewDate.flatMap { CalendarDate(iso: $0) }
        ) { text in
            let date = text.trimmingSpaces()
            return date <= meta.assessmentDate
                ? "The review date must be after the assessment date \(meta.assessmentDate)." : nil
        }.textPrompt
        if !required {
            let check = prompt.validate
            prompt.validate = { $0.trimmingSpaces().isEmpty ? nil : check($0) }
        }
        return console.ask(prompt).map {
            let date = $0.trimmingSpaces()
            flow.answers.metadata.reviewDate = date.isEmpty ? nil : date
        }
    }

    // MARK: Questions

    private mutating func askQuestion(_ id: String, on console: WizardConsole) -> PromptResult<Void> {
        guard let question = questionnaire.question(id), let section = questionnaire.section(containing: id)
        else { return .back }
        let visible = flow.visibleQuestions
        let position = (visible.firstIndex(of: id) ?? 0) + 1
        if introducedSection != section.id && !flow.editingFromReview {
            console.show(WizardText.sectionIntroduction(section, in: questionnaire, console: console))
        }
        introducedSection = section.id
        let heading = PromptHeading(
            title: WizardText.title(of: question),
            header: WizardText.header(
                section: section, in: questionnaire, position: position, of: visible.count),
            help: WizardText.help(for: question))
        let current = flow.answers.values[id] ?? (flow.skipped.contains(id) ? nil : question.defaultValue)
        return QuestionPrompt(question: question, heading: heading, current: current).ask(on: console).map {
            flow.answer(id, with: $0)
        }
    }

    // MARK: Review and measures

    private mutating func review(on console: WizardConsole) -> Move {
        let entries = WizardText.reviewEntries(flow)
        var options = [PromptOption(label: "Finish: see the rating and decide on measures", value: "finish")]
        options += entries.map { PromptOption(label: $0.label, value: $0.label) }
        let prompt = SingleChoicePrompt(
            PromptHeading(
                title: "Review your answers: pick one to change it, or finish",
                header: "Review · \(flow.savedAnswers.values.count) answers",
                help:
                    "Changing an answer can show or hide later questions; new questions are asked before you return here."
            ),
            options: options, defaultIndex: 0)
        if console.isPlain { console.show([""]) }
        switch console.ask(prompt) {
        case .answered(0):
            flow.prepareMeasures()
            console.show(
                ["", "Rating of your answers, before any measures:"]
                    + WizardText.ratingSummary(flow.assessment))
            if !flow.recommendedMeasures.isEmpty {
                console.show([
                    "",
                    "\(flow.recommendedMeasures.count) measure(s) are recommended. Decide on each (ICO step 6).",
                ])
            }
            return .next
        case .answered(let index):
            flow.editingFromReview = true
            flow.step = entries[index - 1].step
            return .jumped
        case .back: return .back
        case .interrupted: return .interrupted
        case .endOfInput: return .endOfInput
        }
    }

    private mutating func decide(_ index: Int, on console: WizardConsole) -> PromptResult<Void> {
        let result = flow.recommendedMeasures[index]
        let measure = result.measure
        let risks = result.addresses.compactMap { id in
            questionnaire.scoring.risks.first { $0.id == id }?.title
        }
        let prompt = YesNoPrompt(
            PromptHeading(
                title: "Approve the measure “\(measure.title)”?",
                header: "Measure \(index + 1) of \(flow.recommendedMeasures.count) · reduces: "
                    + risks.joined(separator: "; "),
                help: measure.description),
            defaultAnswer: flow.answers.measureDecisions[measure.id]?.approved)
        if console.isPlain || flow.answers.measureDecisions[measure.id] == nil {
            console.show(["", measure.title, measure.description])
        }
        return console.ask(prompt).map { approved in
            let note = flow.answers.measureDecisions[measure.id]?.note
            flow.answers.measureDecisions[measure.id] = MeasureDecision(approved: approved, note: note)
        }
    }

    private mutating func note(_ index: Int, on console: WizardConsole) -> PromptResult<Void> {
        let measure = flow.recommendedMeasures[index].measure
        let decision = flow.answers.measureDecisions[measure.id] ?? MeasureDecision(approved: false)
        let prompt = TextPrompt(
            PromptHeading(
                title: "Note on “\(measure.title)” (optional; Enter to leave out)",
                header: "Measure \(index + 1) of \(flow.recommendedMeasures.count)",
                help: "For example who approved it and by when it will be in place, or why it was declined."),
            defaultValue: decision.note)
        return console.ask(prompt).map { text in
            let note = text.trimmingSpaces()
            flow.answers.measureDecisions[measure.id] = MeasureDecision(
                approved: decision.approved, note: note.isEmpty ? nil : note)
        }
    }
}

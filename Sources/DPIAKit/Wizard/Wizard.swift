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

/// The interactive assessment, in the order the decision is made: introduction, assessment details,
/// the facts (steps 1-5), the rating before measures, a decision on each recommended measure, step 6's
/// other questions, the rating after the decisions, step 7's sign-off rows and the review date, and a
/// review screen that finishes as a draft or as final. Conditions are re-evaluated after every answer.
///
/// It talks only to a `WizardConsole` and hands every change to `save`, so it never touches a file or
/// the clock: the caller supplies today's date and decides where drafts go.
struct Wizard {
    let questionnaire: Questionnaire
    /// The default assessment date.
    let today: CalendarDate
    /// Where the caller saves drafts, shown in the introduction so the assessor knows.
    let draftPath: String?
    /// Where the reports will be written, also shown in the introduction.
    let reportsFolder: String?
    private let save: (Answers) throws(OutputError) -> Void
    private var flow: WizardFlow
    private let resumed: Bool
    /// What was carried from an earlier assessment (`--from`), told before the first question.
    private let carryOver: CarryOver?
    /// The section whose introduction was shown last, so moving within a section does not repeat it.
    private var introducedSection: String?
    /// Rows the interactive transcript has grown by, and where each step began, so that Back can
    /// take the answers it undoes off the screen rather than leave them above the question again.
    private var transcriptRows = 0
    private var stepStarts: [(step: WizardStep, row: Int, introduced: String?)] = []

    /// Starts a new assessment, or resumes `draft` after its last answer (or at its review screen
    /// when complete). `save` is called with the answers file after every answer.
    init(
        questionnaire: Questionnaire, today: CalendarDate, resuming draft: Answers? = nil,
        draftPath: String? = nil, reportsFolder: String? = nil,
        save: @escaping (Answers) throws(OutputError) -> Void
    ) {
        let answers =
            draft
            ?? Answers(
                questionnaireID: questionnaire.id, questionnaireVersion: questionnaire.version,
                metadata: AssessmentMetadata(organisation: "", platform: "", assessor: "", assessmentDate: "")
            )
        self.init(
            questionnaire: questionnaire, today: today,
            flow: WizardFlow(questionnaire: questionnaire, answers: answers),
            resumed: draft != nil, carryOver: nil, draftPath: draftPath, reportsFolder: reportsFolder,
            save: save)
    }

    /// Starts a new assessment from an earlier one: `carryOver` says what was carried; the wizard lists
    /// what needs answering, asks only that, then opens the review screen.
    init(
        questionnaire: Questionnaire, today: CalendarDate, carryingOver carryOver: CarryOver,
        draftPath: String? = nil, reportsFolder: String? = nil,
        save: @escaping (Answers) throws(OutputError) -> Void
    ) {
        self.init(
            questionnaire: questionnaire, today: today,
            flow: WizardFlow(questionnaire: questionnaire, carryingOver: carryOver.answers), resumed: false,
            carryOver: carryOver, draftPath: draftPath, reportsFolder: reportsFolder, save: save)
    }

    private init(
        questionnaire: Questionnaire, today: CalendarDate, flow: WizardFlow, resumed: Bool,
        carryOver: CarryOver?,
        draftPath: String?, reportsFolder: String?, save: @escaping (Answers) throws(OutputError) -> Void
    ) {
        self.questionnaire = questionnaire
        self.today = today
        self.flow = flow
        self.resumed = resumed
        self.carryOver = carryOver
        self.draftPath = draftPath
        self.reportsFolder = reportsFolder
        self.save = save
    }

    /// The answers as they would be saved now.
    var answers: Answers { flow.savedAnswers }

    /// Runs until the assessor finishes, stops, or input ends.
    mutating func run(on console: WizardConsole) -> WizardOutcome {
        show(
            WizardText.introduction(
                questionnaire, console: console, draftPath: draftPath, reportsFolder: reportsFolder),
            on: console)
        if resumed { show(WizardText.resumeLines(flow), on: console) }
        if let carryOver { show(WizardText.carryOverLines(carryOver, flow), on: console) }
        while true {
            if !console.isPlain { stepStarts.append((flow.step, transcriptRows, introducedSection)) }
            let move: Move
            switch flow.step {
            case .metadata(let field): move = Move(askMetadata(field, on: console))
            case .question(let id): move = askQuestion(id, on: console)
            case .inherentRating:
                show(WizardText.inherentSummary(flow.assessment, questionnaire), on: console)
                move = .next
            case .measure(let index, let field): move = Move(askMeasure(index, field, on: console))
            case .residualRating:
                show(WizardText.residualSummary(flow.assessment, questionnaire), on: console)
                move = .next
            case .review: move = review(on: console)
            case .done:
                let assessment = flow.assessment
                return .finished(assessment.answers, assessment)
            }
            switch move {
            case .next:
                flow.carryOverAsked?.insert(flow.step)
                if let failure = saveDraft() { return .saveFailed(failure, flow.savedAnswers) }
                flow.step = flow.next()
                if flow.step == .review { flow.reviewBaseline = nil }
            case .back:
                flow.step = flow.previous()
                if flow.step == .review { flow.reviewBaseline = nil }
                undoTranscript(to: flow.step, on: console)
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

    // MARK: Transcript

    private mutating func show(_ lines: [String], on console: WizardConsole) {
        transcriptRows += console.show(lines)
    }

    private mutating func ask<Value>(_ result: PromptResult<Value>, on console: WizardConsole)
        -> PromptResult<Value>
    {
        // An answered interactive prompt leaves its one-line record on screen.
        if case .answered = result, !console.isPlain { transcriptRows += 1 }
        return result
    }

    /// Takes off the screen everything shown since `step` began, so it is asked again on a clean
    /// transcript. Rows that have scrolled out of view stay in the scrollback.
    private mutating func undoTranscript(to step: WizardStep, on console: WizardConsole) {
        guard !console.isPlain, let index = stepStarts.lastIndex(where: { $0.step == step }) else { return }
        let start = stepStarts[index]
        console.erase(rows: transcriptRows - start.row)
        transcriptRows = start.row
        introducedSection = start.introduced
        stepStarts.removeSubrange(index...)
    }

    // MARK: Assessment details

    private mutating func askMetadata(_ field: MetadataField, on console: WizardConsole) -> PromptResult<Void>
    {
        let meta = flow.answers.metadata
        let header = "Assessment details · \(field.rawValue + 1) of \(MetadataField.details.count)"
        func text(_ title: String, _ current: String?, required: Bool, help: String) -> PromptResult<String?>
        {
            let heading = PromptHeading(title: title, header: header, help: help)
            let prompt = TextPrompt(heading, defaultValue: current.flatMap { $0.isEmpty ? nil : $0 }) {
                text in
                if text.contains(where: \.isNewline) { return "Please keep this on one line." }
                if required && text.allSatisfy(\.isWhitespace) { return "This is needed for the report." }
                return nil
            }
            return ask(console.ask(prompt), on: console).map { value in
                let trimmed = value.trimmingSpaces()
                return trimmed.isEmpty ? nil : trimmed
            }
        }
        switch field {
        case .organisation:
            return text(
                "Which organisation is doing this assessment?", meta.organisation, required: true,
                help: "The data controller, for example the NHS trust or GP practice."
            ).map { organisation in
                let old = flow.answers.metadata.organisation
                flow.answers.metadata.organisation = organisation ?? ""
                followDetail("organisation", from: old, to: organisation ?? "")
            }
        case .platform:
            return text(
                "Which platform are you assessing?", meta.platform, required: true,
                help: "The product and edition, for example “WhatsApp (consumer)” or “Microsoft Teams”."
            ).map { platform in
                let old = flow.answers.metadata.platform
                flow.answers.metadata.platform = platform ?? ""
                followDetail("platform", from: old, to: platform ?? "")
            }
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
                    title: "Date of the assessment (YYYY-MM-DD or DD/MM/YYYY)", header: header,
                    help: "Usually today. Reports show it as the date of the assessment."),
                defaultValue: CalendarDate(iso: meta.assessmentDate) ?? today
            ) { date in
                if let review, review <= date {
                    return "The assessment date must be before the review date \(review)."
                }
                return nil
            }
            return ask(console.ask(prompt.textPrompt), on: console).map {
                flow.answers.metadata.assessmentDate = $0
            }
        case .reviewDate:
            return askReviewDate(on: console)
        }
    }

    private mutating func askReviewDate(on console: WizardConsole) -> PromptResult<Void> {
        let meta = flow.answers.metadata
        var prompt = DatePrompt(
            PromptHeading(
                title: "When will this DPIA next be reviewed? (optional in a draft; Enter to leave out)",
                header: "Sign-off · Review date",
                help:
                    "ICO step 7: a DPIA is kept under review. Many organisations review yearly. A final assessment needs a review date."
            ),
            defaultValue: meta.reviewDate.flatMap { CalendarDate(iso: $0) }
        ) { date in
            date <= meta.assessmentDate
                ? "The review date must be after the assessment date \(meta.assessmentDate)." : nil
        }.textPrompt
        let check = prompt.validate
        prompt.validate = { $0.trimmingSpaces().isEmpty ? nil : check($0) }
        return ask(console.ask(prompt), on: console).map {
            flow.answers.metadata.reviewDate = $0.isEmpty ? nil : $0
        }
    }

    // MARK: Questions

    private mutating func askQuestion(_ id: String, on console: WizardConsole) -> Move {
        guard let asked = questionnaire.question(id), let section = questionnaire.section(containing: id)
        else { return .back }
        // Only the options offered with the answers so far (one nation's, for instance).
        let shownAnswers =
            asked.options.contains { $0.when != nil }
            ? questionnaire.effectiveAnswers(flow.answers.values) : [:]
        let question = asked.offering { shownAnswers[$0] }
        let order = flow.questionOrder
        let position = (order.firstIndex(of: id) ?? 0) + 1
        if introducedSection != section.id && !flow.editingFromReview {
            var lines = WizardText.sectionIntroduction(section, in: questionnaire, console: console)
            if WizardPhase(section) == .signOff {
                lines += WizardText.signOffIntroduction(flow.assessment)
            }
            show(lines, on: console)
        }
        introducedSection = section.id
        // A question the details already answer (the definition says which) is filled in, not asked twice.
        if let detail = question.filledFrom, flow.answers.values[id] == nil, !flow.editingFromReview,
            question.type == .text, let platform = detailValue(detail), !platform.isEmpty
        {
            flow.answer(id, with: .string(platform))
            show(
                [
                    "✓ \(WizardText.title(of: question)) › \(platform) (from the assessment details; change it on the review screen)"
                ], on: console)
            return .next
        }
        let heading = PromptHeading(
            title: WizardText.title(of: question),
            header: WizardText.header(
                section: section, in: questionnaire, position: position, of: order.count),
            help: WizardText.help(for: question))
        var current = flow.answers.values[id]
        if current == nil && !flow.skipped.contains(id) {
            current = question.startsFrom.flatMap { flow.answers.values[$0] } ?? question.defaultValue
        }
        let result = QuestionPrompt(question: question, heading: heading, current: current).ask(on: console)
        return Move(ask(result, on: console).map { flow.answer(id, with: $0) })
    }

    /// The assessment detail a question may be filled in from, by its name in `Question.filledFrom`.
    func detailValue(_ detail: String) -> String? {
        switch detail {
        case "organisation": flow.answers.metadata.organisation
        case "platform": flow.answers.metadata.platform
        default: nil
        }
    }

    /// A question filled in from a detail follows a change to it, unless the assessor changed the answer.
    mutating func followDetail(_ detail: String, from old: String, to new: String) {
        for question in questionnaire.questions where question.filledFrom == detail {
            if flow.answers.values[question.id] == .string(old) {
                flow.answers.values[question.id] = .string(new)
            }
        }
    }

    // MARK: Measures

    private mutating func askMeasure(_ index: Int, _ field: MeasureField, on console: WizardConsole)
        -> PromptResult<Void>
    {
        let result = flow.recommendedMeasures[index]
        let measure = result.measure
        let count = flow.recommendedMeasures.count
        let decision = flow.decision(index)
        let header = "Step 6 · Measure \(index + 1) of \(count): \(measure.title)"
        switch field {
        case .decision:
            let risks = result.addresses.compactMap { id in
                questionnaire.scoring.risks.first { $0.id == id }?.title
            }
            if index == 0 && !flow.editingFromReview {
                show(
                    [
                        "",
                        "\(count) measure\(count == 1 ? " is" : "s are") recommended. Decide on each (ICO step 6); in a draft you can decide later.",
                    ], on: console)
            }
            show(
                ["", measure.title, measure.description, "Reduces: " + risks.joined(separator: "; ")],
                on: console)
            var prompt = SingleChoicePrompt(
                PromptHeading(
                    title: "Approve the measure “\(measure.title)”?", header: header,
                    help: measure.description),
                options: [
                    PromptOption(label: "Approve", value: "yes"), PromptOption(label: "Decline", value: "no"),
                    PromptOption(label: "Decide later (undecided)", value: "later"),
                ],
                defaultIndex: decision.map { $0.approved ? 0 : 1 } ?? 2)
            prompt.shortcuts = ["y": 0, "n": 1, "l": 2]
            return ask(console.ask(prompt), on: console).map { choice in
                flow.updateDecision(index) { current in
                    guard choice < 2 else {
                        current = nil
                        return
                    }
                    var updated = current ?? MeasureDecision(approved: choice == 0)
                    updated.approved = choice == 0
                    if !updated.approved {
                        updated.owner = nil
                        updated.dueDate = nil
                        updated.status = nil
                    }
                    current = updated
                }
            }
        case .owner:
            let prompt = TextPrompt(
                PromptHeading(
                    title: "Who owns “\(measure.title)”? (name and role; Enter to leave for now)",
                    header: header,
                    help:
                        "The person responsible for putting the measure in place. A final assessment needs one."
                ),
                defaultValue: decision?.owner
            ) { text in text.contains(where: \.isNewline) ? "Please keep this on one line." : nil }
            return ask(console.ask(prompt), on: console).map { text in
                let owner = text.trimmingSpaces()
                flow.updateDecision(index) { $0?.owner = owner.isEmpty ? nil : owner }
            }
        case .dueDate:
            var prompt = DatePrompt(
                PromptHeading(
                    title: "By when will it be in place? (YYYY-MM-DD or DD/MM/YYYY; Enter to leave for now)",
                    header: header, help: "A final assessment needs a due date for every approved measure."),
                defaultValue: decision?.dueDate.flatMap { CalendarDate(iso: $0) }
            ).textPrompt
            let check = prompt.validate
            prompt.validate = { $0.trimmingSpaces().isEmpty ? nil : check($0) }
            return ask(console.ask(prompt), on: console).map { date in
                flow.updateDecision(index) { $0?.dueDate = date.isEmpty ? nil : date }
            }
        case .status:
            let statuses = MeasureDecision.Status.allCases
            let prompt = SingleChoicePrompt(
                PromptHeading(title: "How far has “\(measure.title)” got?", header: header),
                options: statuses.map { PromptOption(label: $0.label, value: $0.rawValue) },
                defaultIndex: decision?.status.flatMap { statuses.firstIndex(of: $0) } ?? 0)
            return ask(console.ask(prompt), on: console).map { choice in
                flow.updateDecision(index) { $0?.status = statuses[choice] }
            }
        case .note:
            let prompt = TextPrompt(
                PromptHeading(
                    title: "Note on “\(measure.title)” (optional; Enter to leave out)", header: header,
                    help: "For example the conditions of the approval, or why it was declined."),
                defaultValue: decision?.note)
            return ask(console.ask(prompt), on: console).map { text in
                let note = text.trimmingSpaces()
                // An undecided measure has no decision to hold a note; it is not turned into a decline.
                flow.updateDecision(index) { $0?.note = note.isEmpty ? nil : note }
            }
        }
    }

    // MARK: Review

    private mutating func review(on console: WizardConsole) -> Move {
        let entries = WizardText.reviewEntries(flow)
        let wasFinal = flow.answers.metadata.status == .final
        var options = [
            PromptOption(label: "Finish as a draft: write the reports", value: "draft"),
            PromptOption(label: "Finish as final (signed off): write the reports", value: "final"),
        ]
        options += entries.map { PromptOption(label: $0.label, value: $0.label) }
        let prompt = SingleChoicePrompt(
            PromptHeading(
                title: "Review your answers: pick one to change it, or finish",
                header: "Review · \(flow.savedAnswers.values.count) answers",
                help:
                    "Changing an answer asks only the questions it newly shows, then returns here. Final needs every decision, owner and due date, the sign-off and a review date."
            ),
            options: options, defaultIndex: wasFinal ? 1 : 0)
        if console.isPlain { show([""], on: console) }
        // Contradictions stay in sight until they are resolved: an answer or a decision may have caused them.
        show(WizardText.contradictions(flow.assessment), on: console)
        switch ask(console.ask(prompt), on: console) {
        case .answered(0):
            flow.answers.metadata.status = .draft
            return .next
        case .answered(1):
            flow.answers.metadata.status = .final
            let missing = flow.assessment.missingForFinal
            guard missing.isEmpty else {
                flow.answers.metadata.status = .draft
                show(WizardText.missingForFinal(missing), on: console)
                return .jumped
            }
            return .next
        case .answered(let index):
            flow.reviewBaseline = Set(flow.visibleQuestions)
            flow.step = entries[index - 2].step
            return .jumped
        case .back: return .back
        case .interrupted: return .interrupted
        case .endOfInput: return .endOfInput
        }
    }
}

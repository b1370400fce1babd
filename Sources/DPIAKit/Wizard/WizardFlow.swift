/// The assessment details asked before the questions, in the order asked.
enum MetadataField: Int, CaseIterable, Sendable {
    case organisation, platform, reference, assessor, assessmentDate, reviewDate, status

    var label: String {
        switch self {
        case .organisation: "Organisation"
        case .platform: "Platform assessed"
        case .reference: "DPIA reference"
        case .assessor: "Assessor"
        case .assessmentDate: "Assessment date"
        case .reviewDate: "Review date"
        case .status: "Status"
        }
    }

    /// Filled-in fields a resumed draft does not need to ask again. Optional fields cannot tell
    /// "skipped" from "not reached", so only the required ones decide where a resume starts.
    var isRequired: Bool {
        switch self {
        case .organisation, .platform, .assessor, .assessmentDate: true
        case .reference, .reviewDate, .status: false
        }
    }
}

/// Where the wizard is.
enum WizardStep: Equatable, Sendable {
    case metadata(MetadataField)
    case question(String)
    case review
    /// Deciding on the recommended measure at this index: approval, then an optional note.
    case measureDecision(Int)
    case measureNote(Int)
    case done
}

/// The wizard's state and its navigation rules, without any input or output: which step comes next,
/// which one Back returns to, and what the saved answers file holds.
struct WizardFlow {
    let questionnaire: Questionnaire
    /// Every answer given, including answers to questions that later answers hid. They are kept so
    /// that showing a question again offers the earlier answer, but never saved or scored.
    var answers: Answers
    /// Optional questions the assessor chose to leave unanswered, so they are not asked again.
    var skipped: Set<String> = []
    var step: WizardStep
    /// Set while changing an answer picked on the review screen; the wizard returns there afterwards.
    var editingFromReview = false
    /// The measures recommended when the assessor finished the review, in questionnaire order.
    var recommendedMeasures: [MeasureResult] = []

    /// A fresh assessment, or one resumed from a draft (continuing at its first gap).
    init(questionnaire: Questionnaire, answers: Answers) {
        self.questionnaire = questionnaire
        self.answers = answers
        self.step = .metadata(.organisation)
        self.step = resumePoint()
    }

    var visibleQuestions: [String] {
        questionnaire.visibleQuestions(for: answers.values)
    }

    /// The answers file as saved: only answers to questions that are shown, so it always loads.
    var savedAnswers: Answers {
        var saved = answers
        saved.values = questionnaire.effectiveAnswers(answers.values)
        return saved
    }

    func isFilled(_ field: MetadataField) -> Bool {
        let meta = answers.metadata
        switch field {
        case .organisation: return !meta.organisation.isEmpty
        case .platform: return !meta.platform.isEmpty
        case .reference: return meta.reference != nil
        case .assessor: return !meta.assessor.isEmpty
        case .assessmentDate: return !meta.assessmentDate.isEmpty
        case .reviewDate: return meta.reviewDate != nil
        case .status: return true
        }
    }

    /// The first required detail or shown required question without an answer, else the review
    /// screen. A draft cannot tell an optional question left empty from one not reached yet, so
    /// optional ones are left to the review screen rather than asked again.
    func resumePoint() -> WizardStep {
        if let field = MetadataField.allCases.first(where: { $0.isRequired && !isFilled($0) }) {
            return .metadata(field)
        }
        let gap = visibleQuestions.first { id in
            answers.values[id] == nil && questionnaire.question(id)?.required == true
        }
        return gap.map { .question($0) } ?? .review
    }

    /// The first shown question that is neither answered nor deliberately skipped.
    func firstGap() -> String? {
        visibleQuestions.first { answers.values[$0] == nil && !skipped.contains($0) }
    }

    /// The step after the current one has been answered.
    func next() -> WizardStep {
        switch step {
        case .metadata(let field):
            if editingFromReview { return firstGap().map { .question($0) } ?? .review }
            if let following = MetadataField(rawValue: field.rawValue + 1) { return .metadata(following) }
            return visibleQuestions.first.map { .question($0) } ?? .review
        case .question(let id):
            if editingFromReview { return firstGap().map { .question($0) } ?? .review }
            let visible = visibleQuestions
            guard let index = visible.firstIndex(of: id), index + 1 < visible.count else { return .review }
            return .question(visible[index + 1])
        case .review:
            return recommendedMeasures.isEmpty ? .done : .measureDecision(0)
        case .measureDecision(let index):
            return .measureNote(index)
        case .measureNote(let index):
            return index + 1 < recommendedMeasures.count ? .measureDecision(index + 1) : .done
        case .done:
            return .done
        }
    }

    /// The step Back leads to: always the previous step shown, never a hidden question.
    func previous() -> WizardStep {
        switch step {
        case .metadata(let field):
            if editingFromReview { return .review }
            return MetadataField(rawValue: field.rawValue - 1).map { .metadata($0) } ?? step
        case .question(let id):
            if editingFromReview { return .review }
            let visible = visibleQuestions
            guard let index = visible.firstIndex(of: id), index > 0 else { return .metadata(.status) }
            return .question(visible[index - 1])
        case .review:
            return visibleQuestions.last.map { .question($0) } ?? .metadata(.status)
        case .measureDecision(let index):
            return index == 0 ? .review : .measureNote(index - 1)
        case .measureNote(let index):
            return .measureDecision(index)
        case .done:
            return .done
        }
    }

    /// Records an answer (nil leaves an optional question unanswered).
    mutating func answer(_ id: String, with value: AnswerValue?) {
        answers.values[id] = value
        if value == nil { skipped.insert(id) } else { skipped.remove(id) }
    }

    /// The measures to decide on, from a scoring of the answers as they are now. Decisions on measures
    /// no longer recommended are dropped so the final answers carry no stale approvals.
    mutating func prepareMeasures() {
        let assessment = Scorer.assess(questionnaire, savedAnswers)
        recommendedMeasures = assessment.measures.filter(\.recommended)
        let recommended = Set(recommendedMeasures.map(\.measure.id))
        answers.measureDecisions = answers.measureDecisions.filter { recommended.contains($0.key) }
    }

    /// The assessment of the answers as saved.
    var assessment: Assessment {
        Scorer.assess(questionnaire, savedAnswers)
    }
}

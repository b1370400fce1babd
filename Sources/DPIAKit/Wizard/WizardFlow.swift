/// The assessment details asked before the questions. The review date is asked with the sign-off,
/// after step 7's rows, since that is where the ICO template puts "kept under review".
enum MetadataField: Int, CaseIterable, Sendable, Hashable {
    case organisation, platform, reference, assessor, assessmentDate, reviewDate

    var label: String {
        switch self {
        case .organisation: "Organisation"
        case .platform: "Platform assessed"
        case .reference: "DPIA reference"
        case .assessor: "Assessor"
        case .assessmentDate: "Assessment date"
        case .reviewDate: "Review date"
        }
    }

    /// The fields asked at the start, before the facts.
    static let details: [MetadataField] = [.organisation, .platform, .reference, .assessor, .assessmentDate]

    /// Filled-in fields a resumed draft does not need to ask again. Optional fields cannot tell
    /// "skipped" from "not reached", so only the required ones decide where a resume starts.
    var isRequired: Bool {
        switch self {
        case .organisation, .platform, .assessor, .assessmentDate: true
        case .reference, .reviewDate: false
        }
    }
}

/// What is asked about one recommended measure, in the order asked. Owner, due date and status are
/// asked only for an approved measure.
enum MeasureField: Sendable, Hashable {
    case decision, owner, dueDate, status, note
}

/// Where the wizard is.
enum WizardStep: Hashable, Sendable {
    case metadata(MetadataField)
    case question(String)
    /// The rating before any measures, with what drives it: shown, not asked.
    case inherentRating
    /// One part of the decision on the recommended measure at this index.
    case measure(Int, MeasureField)
    /// The rating with the decisions, and what keeps it there: shown, not asked.
    case residualRating
    case review
    case done

    /// A screen that only shows something; Back passes over it.
    var isInformation: Bool { self == .inherentRating || self == .residualRating }
}

/// Which part of the decision a section belongs to, by its ICO step: the facts (steps 1-5 and
/// sections without a step), the measures (step 6) or the sign-off (step 7).
enum WizardPhase: Sendable {
    case facts, measures, signOff

    init(_ section: Section?) {
        switch section?.icoStep {
        case 6: self = .measures
        case 7: self = .signOff
        default: self = .facts
        }
    }
}

/// The wizard's state and its navigation rules, without any input or output: which step comes next,
/// which one Back returns to, and what the saved answers file holds.
///
/// The order follows how the decision is made: details, the facts, the rating before measures, a
/// decision on each recommended measure, step 6's other questions, the rating after the decisions,
/// step 7's sign-off rows and the review date, then the review screen.
struct WizardFlow {
    let questionnaire: Questionnaire
    /// Every answer given, including answers to questions that later answers hid, and decisions on
    /// measures no longer recommended. They are kept so that showing one again offers the earlier
    /// answer, but never saved or scored.
    var answers: Answers
    /// Optional questions the assessor chose to leave unanswered.
    var skipped: Set<String> = []
    var step: WizardStep = .metadata(.organisation)
    /// While changing an answer picked on the review screen: the questions shown when it was picked.
    /// Only questions the change newly shows are asked before returning there.
    var reviewBaseline: Set<String>?
    /// Questions whose answer a change made unavailable: cleared, and asked again like a newly shown one.
    var withdrawn: Set<String> = []
    /// The measures recommended for the answers as they are now, in questionnaire order.
    private(set) var recommendedMeasures: [MeasureResult] = []
    /// For an assessment started from an earlier one (`--from`): the steps asked so far in this run.
    /// Only what is not carried is asked (see `needsAsking`), then the review screen.
    var carryOverAsked: Set<WizardStep>?

    /// Starts from an earlier assessment: asks only what was not carried over, from the first such step.
    init(questionnaire: Questionnaire, carryingOver answers: Answers) {
        self.init(questionnaire: questionnaire, answers: answers)
        carryOverAsked = []
        step = sequence.first(where: needsAsking) ?? .review
    }

    /// In a carried-over assessment, whether a step is asked: the assessor and the assessment date (the
    /// new assessment's own), the review date, every question and measure with nothing carried into it,
    /// and the rest of a decision taken in this run.
    func needsAsking(_ step: WizardStep) -> Bool {
        let asked = carryOverAsked ?? []
        switch step {
        case .metadata(let field):
            switch field {
            case .assessor, .assessmentDate, .reviewDate: return !asked.contains(step) || !isFilled(field)
            default: return field.isRequired && !isFilled(field)
            }
        case .question(let id): return answers.values[id] == nil && !skipped.contains(id)
        case .measure(let index, .decision): return decision(index) == nil || asked.contains(step)
        case .measure(let index, _): return asked.contains(.measure(index, .decision))
        case .inherentRating, .residualRating, .review: return true
        case .done: return false
        }
    }

    /// A fresh assessment, or one resumed from a draft (continuing after its last answer).
    init(questionnaire: Questionnaire, answers: Answers) {
        self.questionnaire = questionnaire
        self.answers = answers
        refreshMeasures()
        step = resumePoint()
    }

    var editingFromReview: Bool { reviewBaseline != nil }

    var visibleQuestions: [String] {
        questionnaire.visibleQuestions(for: answers.values)
    }

    func phase(of id: String) -> WizardPhase {
        WizardPhase(questionnaire.section(containing: id))
    }

    /// The answers file as saved: only answers to questions that are shown and decisions on measures
    /// that are recommended, so it always loads and carries no stale approval.
    var savedAnswers: Answers {
        var saved = answers
        saved.values = questionnaire.effectiveAnswers(answers.values)
        let recommended = Set(recommendedMeasures.map(\.measure.id))
        saved.measureDecisions = answers.measureDecisions.filter { recommended.contains($0.key) }
        return saved
    }

    /// The assessment of the answers as saved.
    var assessment: Assessment {
        Scorer.assess(questionnaire, savedAnswers)
    }

    /// Rescores which measures are recommended; call after any answer that may change the rating.
    mutating func refreshMeasures() {
        let saved = questionnaire.effectiveAnswers(answers.values)
        var probe = answers
        probe.values = saved
        recommendedMeasures = Scorer.assess(questionnaire, probe).measures.filter(\.recommended)
    }

    func decision(_ index: Int) -> MeasureDecision? {
        recommendedMeasures.indices.contains(index)
            ? answers.measureDecisions[recommendedMeasures[index].measure.id] : nil
    }

    /// Every step in the order asked, for the answers as they are now.
    var sequence: [WizardStep] {
        let visible = visibleQuestions
        func questions(_ phase: WizardPhase) -> [WizardStep] {
            visible.filter { self.phase(of: $0) == phase }.map { .question($0) }
        }
        var steps: [WizardStep] = MetadataField.details.map { .metadata($0) }
        steps += questions(.facts)
        steps.append(.inherentRating)
        for index in recommendedMeasures.indices {
            steps.append(.measure(index, .decision))
            if decision(index)?.approved == true {
                steps += [.measure(index, .owner), .measure(index, .dueDate), .measure(index, .status)]
            }
            steps.append(.measure(index, .note))
        }
        steps += questions(.measures)
        steps.append(.residualRating)
        steps += questions(.signOff)
        steps.append(.metadata(.reviewDate))
        steps.append(.review)
        return steps
    }

    /// The questions in the order asked, for "Question N of M".
    var questionOrder: [String] {
        sequence.compactMap { if case .question(let id) = $0 { id } else { nil } }
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
        }
    }

    /// Whether the draft holds something for this step.
    private func holdsAnswer(_ step: WizardStep) -> Bool {
        switch step {
        case .metadata(let field): return isFilled(field)
        case .question(let id): return answers.values[id] != nil
        case .measure(let index, let field):
            guard let decision = decision(index) else { return false }
            switch field {
            case .decision: return true
            case .owner: return decision.owner != nil
            case .dueDate: return decision.dueDate != nil
            case .status: return decision.status != nil
            case .note: return decision.note != nil
            }
        case .inherentRating, .residualRating, .review, .done: return false
        }
    }

    /// Where a draft continues: the first required detail, question or measure decision without an
    /// answer, else the step after the last one answered (the review screen when that was the last).
    /// A draft cannot tell an optional question left empty from one not reached, so empty optional
    /// questions before that point are taken as left empty.
    func resumePoint() -> WizardStep {
        let steps = sequence
        let required = steps.first { step in
            switch step {
            case .metadata(let field): return field.isRequired && !isFilled(field)
            case .question(let id):
                return questionnaire.question(id)?.required == true && answers.values[id] == nil
            case .measure(_, .decision): return !holdsAnswer(step)
            default: return false
            }
        }
        let last = steps.lastIndex(where: holdsAnswer) ?? -1
        var after = last + 1 < steps.count ? steps[last + 1] : .review
        if after.isInformation, last + 2 < steps.count { after = steps[last + 2] }
        guard let required, let requiredIndex = steps.firstIndex(of: required),
            let afterIndex = steps.firstIndex(of: after), requiredIndex < afterIndex
        else { return after }
        return required
    }

    /// The step after the current one has been answered.
    func next() -> WizardStep {
        let steps = sequence
        if let baseline = reviewBaseline {
            // The rest of a decision on the same measure belongs to the change; then any question
            // the change newly shows; then back to the review screen.
            if case .measure(let index, _) = step, let position = steps.firstIndex(of: step),
                position + 1 < steps.count, case .measure(index, _) = steps[position + 1]
            {
                return steps[position + 1]
            }
            let revealed = steps.first { candidate in
                guard case .question(let id) = candidate else { return false }
                return (!baseline.contains(id) || withdrawn.contains(id)) && answers.values[id] == nil
                    && !skipped.contains(id)
            }
            return revealed ?? .review
        }
        switch step {
        case .review, .done: return .done
        default:
            guard let position = steps.firstIndex(of: step), position + 1 < steps.count else {
                return .review
            }
            if carryOverAsked != nil {
                return steps[(position + 1)...].first(where: needsAsking) ?? .review
            }
            return steps[position + 1]
        }
    }

    /// The step Back leads to: the previous step asked, never a hidden question or a rating screen.
    func previous() -> WizardStep {
        if editingFromReview { return .review }
        let steps = sequence
        guard let position = steps.firstIndex(of: step) else { return step }
        var index = position - 1
        // A carried-over assessment goes back only to what this run asked.
        while index >= 0
            && (steps[index].isInformation || carryOverAsked.map { !$0.contains(steps[index]) } ?? false)
        {
            index -= 1
        }
        return index >= 0 ? steps[index] : step
    }

    /// Records an answer (nil leaves an optional question unanswered).
    mutating func answer(_ id: String, with value: AnswerValue?) {
        answers.values[id] = value
        if value == nil { skipped.insert(id) } else { skipped.remove(id) }
        withdrawn.remove(id)
        withdrawAnswersNoLongerOffered()
        refreshMeasures()
    }

    /// Clears each later answer whose option the change stopped offering (another nation's basis, once
    /// the nation changes), so the saved file stays valid, and marks it to be asked again.
    private mutating func withdrawAnswersNoLongerOffered() {
        let shown = questionnaire.effectiveAnswers(answers.values)
        for question in questionnaire.questions where question.options.contains(where: { $0.when != nil }) {
            guard let value = shown[question.id],
                AnswersFile.notOffered(value, for: question, given: shown, in: questionnaire) != nil
            else { continue }
            answers.values[question.id] = nil
            withdrawn.insert(question.id)
        }
    }

    /// Changes the decision on the recommended measure at `index`.
    mutating func updateDecision(_ index: Int, _ change: (inout MeasureDecision?) -> Void) {
        let id = recommendedMeasures[index].measure.id
        var decision = answers.measureDecisions[id]
        change(&decision)
        answers.measureDecisions[id] = decision
    }
}

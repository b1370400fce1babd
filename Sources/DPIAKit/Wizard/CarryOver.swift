/// A new assessment started from an earlier one (`dpia wizard --from OLD`), on the questionnaire version
/// of today: what is carried over, what must be answered again and why, and what is left behind.
///
/// The rule, as a DPO would have it: facts still asked in the same terms are carried; anything that
/// belongs to the earlier decision is not. So an answer is carried when its question still exists, with
/// the same type, every chosen option still offered with the same wording, and the value still valid.
/// The sign-off (every step 7 question: who approved, the DPO's advice and whether it was followed, who
/// keeps it under review), the assessment date, the review date and a final status belong to the earlier
/// decision and are not carried: the new assessment gets its own, asked afresh. Measure decisions and
/// their action-plan fields are carried, since the measures approved then are still the plan, and are
/// shown for review; the new sign-off approves them again.
struct CarryOver: Sendable {
    /// Why a question is asked in the new assessment.
    enum Reason: Sendable, Equatable {
        /// The earlier answer no longer fits the question: what is wrong with it.
        case changed(String)
        /// The question is not in the earlier version.
        case new
        /// Asked now, with these answers, though it was not asked before.
        case newlyShown
        /// Asked before, and left unanswered.
        case unanswered
        /// A step 7 sign-off question: it belongs to the earlier decision.
        case signOff
    }

    /// The new assessment as it starts: carried answers and decisions, the details, `previous` set.
    var answers: Answers
    /// The questions carried over, by id.
    var carried: [String]
    /// Earlier answers not carried, by question id, with why: a changed question, a sign-off row.
    var notCarried: [String: Reason]
    /// Earlier answers to questions the new version no longer asks: question label and answer as shown.
    var dropped: [(title: String, answer: String)]
    /// How many measure decisions were carried.
    var carriedDecisions: Int
    /// Questions the earlier assessment asked and left unanswered.
    var unansweredBefore: Set<String>
    let questionnaire: Questionnaire
    let oldQuestionnaire: Questionnaire

    /// Starts a new assessment on `questionnaire` from `old` (an assessment on `oldQuestionnaire`), whose
    /// file had `oldBytes`; `previousFile` is the old file's path relative to where the new one is saved.
    init(
        from old: Answers, on oldQuestionnaire: Questionnaire, oldBytes: [UInt8], previousFile: String,
        to questionnaire: Questionnaire
    ) {
        self.questionnaire = questionnaire
        self.oldQuestionnaire = oldQuestionnaire
        var metadata = old.metadata
        // A new assessment of record: its own date, review date and status.
        metadata.assessmentDate = ""
        metadata.reviewDate = nil
        metadata.status = .draft
        var values: [String: AnswerValue] = [:]
        var carried: [String] = []
        var notCarried: [String: Reason] = [:]
        var dropped: [(title: String, answer: String)] = []
        let shown = oldQuestionnaire.effectiveAnswers(old.values)
        unansweredBefore = Set(oldQuestionnaire.visibleQuestions(for: old.values).filter { shown[$0] == nil })
        for id in oldQuestionnaire.questionIDs {
            guard let value = shown[id], let before = oldQuestionnaire.question(id) else { continue }
            guard let now = questionnaire.question(id) else {
                dropped.append(
                    (
                        (before.number.map { "Q\($0) " } ?? "") + before.shortLabel,
                        AnswerText.display(value, for: before)
                    ))
                continue
            }
            if WizardPhase(questionnaire.section(containing: id)) == .signOff {
                notCarried[id] = .signOff
                continue
            }
            if let problem = Self.problem(carrying: value, from: before, to: now) {
                notCarried[id] = .changed(problem)
                continue
            }
            values[id] = value
            carried.append(id)
        }
        // Answers the new version's conditions hide are not carried either.
        let effective = questionnaire.effectiveAnswers(values)
        carried = carried.filter { effective[$0] != nil }
        let measures = Set(questionnaire.scoring.measures.map(\.id))
        let decisions = old.measureDecisions.filter { measures.contains($0.key) }
        answers = Answers(
            questionnaireID: questionnaire.id, questionnaireVersion: questionnaire.version,
            metadata: metadata,
            values: effective, measureDecisions: decisions,
            previous: PreviousAssessment(
                file: previousFile, sha256: SHA256.hex(oldBytes), reference: old.metadata.reference,
                assessmentDate: old.metadata.assessmentDate.isEmpty ? nil : old.metadata.assessmentDate,
                questionnaireVersion: old.questionnaireVersion))
        self.carried = carried
        self.notCarried = notCarried
        self.dropped = dropped
        carriedDecisions = decisions.count
    }

    /// Why `value`, an answer to `before`, cannot be carried to `now`, or nil when it can.
    static func problem(carrying value: AnswerValue, from before: Question, to now: Question) -> String? {
        if before.type != now.type {
            return
                "the question is now \(now.type.article) \(now.type.rawValue) question, not \(before.type.rawValue)"
        }
        if let problem = AnswersFile.problem(with: value, for: now) { return problem }
        let picked: [String] =
            switch value {
            case .string(let one) where now.type == .single: [one]
            case .strings(let many): many
            default: []
            }
        for option in picked {
            let old = before.options.first { $0.value == option }?.label
            let new = now.options.first { $0.value == option }?.label
            if let old, let new, old != new {
                return "the option \"\(old)\" is now worded \"\(new)\""
            }
        }
        return nil
    }

    /// Why the wizard asks question `id` of the new assessment, when it has no answer.
    func reason(for id: String) -> Reason {
        if let reason = notCarried[id] { return reason }
        if oldQuestionnaire.question(id) == nil { return .new }
        if WizardPhase(questionnaire.section(containing: id)) == .signOff { return .signOff }
        return unansweredBefore.contains(id) ? .unanswered : .newlyShown
    }
}

/// What changed between two assessments of one platform, in the order the questionnaire asks and
/// scores: answers, data categories, purpose drift, each risk, the overall result and the measures.
///
/// The two may be on different versions of one questionnaire: what both versions ask is compared and
/// what only one asks is listed apart. Assessments on different questionnaires are refused.
struct AssessmentDiff: Sendable {
    /// A value before and after, as the report words it ("high", "approved, planned").
    struct Change: Sendable, Equatable {
        var old: String
        var new: String
        var changed: Bool { old != new }

        init(old: String, new: String) {
            self.old = old
            self.new = new
        }
    }

    /// One question whose answer changed: "Q2.3 Edition", and each answer as shown (nil: not answered).
    struct AnswerChange: Sendable, Equatable {
        var question: String
        var title: String
        var old: String?
        var new: String?
        /// A text answer in the assessor's own words, which may run to paragraphs.
        var isFreeText = false
    }

    /// A question only one of the two questionnaire versions asks, answered in that assessment.
    struct OneSidedAnswer: Sendable, Equatable {
        var question: String
        var title: String
        var answer: String
        var isFreeText = false
    }

    /// What is in one assessment's list and not the other's, by label.
    struct Appeared: Sendable, Equatable {
        var appeared: [String] = []
        var gone: [String] = []
        var isEmpty: Bool { appeared.isEmpty && gone.isEmpty }
    }

    /// A risk whose inherent or residual level moved: "R3 The health record is incomplete".
    struct RiskChange: Sendable, Equatable {
        var risk: String
        var inherent: Change
        var residual: Change
    }

    /// A measure whose decision or status moved: "M2 Turn on disappearing messages".
    struct MeasureChange: Sendable, Equatable {
        var measure: String
        var change: Change
    }

    /// A control whose status moved: "Lock-screen previews off", "missing" → "in place".
    struct ControlChange: Sendable, Equatable {
        var control: String
        var change: Change
    }

    var oldFile: String
    var newFile: String
    var old: AssessmentMetadata
    var new: AssessmentMetadata
    var questionnaire: String
    var versions: Change
    /// Why the two are not strictly comparable (other organisation or platform, other version); empty
    /// when they are.
    var notComparable: [String]
    var answers: [AnswerChange]
    var onlyInOld: [OneSidedAnswer]
    var onlyInNew: [OneSidedAnswer]
    var categoriesInScope: Appeared
    var driftedCategories: Appeared
    var unapprovedPurposes: Appeared
    /// Signs of drift (no approval for the actual use, no monitoring...) that appeared or went away.
    var driftSignals: Appeared
    var controls: [ControlChange]
    var risks: [RiskChange]
    var overallInherent: Change
    var overallResidual: Change
    var recommendation: Change
    /// The state of prior consultation with the ICO (UK GDPR Art. 36), by `PriorConsultation.shortLabel`.
    var priorConsultation: Change
    var measures: [MeasureChange]
    /// The risks whose inherent or residual level is higher than before, by its place on the scale.
    var risen: [String]
    var risksRose: Bool { !risen.isEmpty }

    /// Compares `old` (read from `oldFile`) with `new`; throws a bad-data error naming `newFile` when the
    /// two are on different questionnaires.
    init(old: Assessment, oldFile: String, new: Assessment, newFile: String) throws(DPIAError) {
        let oldQ = old.questionnaire
        let newQ = new.questionnaire
        guard oldQ.id == newQ.id else {
            throw .input(
                .invalid(
                    ValidationFailure([
                        Diagnostic(
                            file: newFile, path: "questionnaire.id", location: nil,
                            message:
                                "is \"\(newQ.id)\" but \(oldFile) answers \"\(oldQ.id)\"; expected two assessments on the same questionnaire (its versions may differ)"
                        )
                    ])))
        }
        self.oldFile = oldFile
        self.newFile = newFile
        self.old = old.answers.metadata
        self.new = new.answers.metadata
        questionnaire = newQ.id
        versions = Change(old: oldQ.version, new: newQ.version)

        var notComparable: [String] = []
        if self.old.organisation != self.new.organisation {
            notComparable.append(
                "different organisations (\"\(self.old.organisation)\" and \"\(self.new.organisation)\")")
        }
        if self.old.platform != self.new.platform {
            notComparable.append(
                "different platforms (\"\(self.old.platform)\" and \"\(self.new.platform)\")")
        }
        if versions.changed {
            notComparable.append(
                "questionnaire \(newQ.id) \(oldQ.version) and \(newQ.version); only the questions both versions ask are compared"
            )
        }
        self.notComparable = notComparable

        func title(_ question: Question) -> String {
            (question.number.map { "Q\($0) " } ?? "") + question.shortLabel
        }
        func shown(_ assessment: Assessment, _ question: Question) -> String? {
            assessment.effectiveAnswers[question.id].map { AnswerText.display($0, for: question) }
        }
        let oldShown = Set(old.visibleQuestions)
        let newShown = Set(new.visibleQuestions)
        // An answer missing because its question is hidden by the other answers is not a gap.
        func described(_ assessment: Assessment, _ question: Question, shownIDs: Set<String>) -> String? {
            shown(assessment, question)
                ?? (shownIDs.contains(question.id) ? nil : "not asked with these answers")
        }
        answers = []
        onlyInNew = []
        for id in newQ.questionIDs {
            guard let question = newQ.question(id) else { continue }
            guard let before = oldQ.question(id) else {
                if let answer = shown(new, question) {
                    onlyInNew.append(
                        OneSidedAnswer(
                            question: id, title: title(question), answer: answer,
                            isFreeText: Self.isFreeText(question)))
                }
                continue
            }
            if old.effectiveAnswers[id] != new.effectiveAnswers[id] {
                answers.append(
                    AnswerChange(
                        question: id, title: title(question),
                        old: described(old, before, shownIDs: oldShown),
                        new: described(new, question, shownIDs: newShown),
                        isFreeText: Self.isFreeText(before) || Self.isFreeText(question)))
            }
        }
        onlyInOld = oldQ.questionIDs.compactMap { id in
            guard !newQ.asks(id), let question = oldQ.question(id), let answer = shown(old, question) else {
                return nil
            }
            return OneSidedAnswer(
                question: id, title: title(question), answer: answer, isFreeText: Self.isFreeText(question))
        }

        categoriesInScope = Self.appeared(
            old.dataSensitivity?.categories.map { ($0.category.id, $0.category.label) } ?? [],
            new.dataSensitivity?.categories.map { ($0.category.id, $0.category.label) } ?? [])
        driftedCategories = Self.appeared(
            old.purposeDrift?.driftedCategories.map { ($0.category.id, $0.category.label) } ?? [],
            new.purposeDrift?.driftedCategories.map { ($0.category.id, $0.category.label) } ?? [])
        unapprovedPurposes = Self.appeared(
            old.purposeDrift?.unapprovedPurposes.map { ($0.id, $0.label) } ?? [],
            new.purposeDrift?.unapprovedPurposes.map { ($0.id, $0.label) } ?? [])

        driftSignals = Self.appeared(
            old.purposeDrift?.signals.map { ($0.id, $0.label) } ?? [],
            new.purposeDrift?.signals.map { ($0.id, $0.label) } ?? [])

        let absentOld = "not in \(oldQ.version)"
        let absentNew = "not in \(newQ.version)"
        func level(_ level: Level?) -> String { level?.label.lowercased() ?? "not rated" }
        risks = Self.union(old.risks, new.risks, id: \.risk.id).compactMap { before, after in
            guard let any = after ?? before else { return nil }
            let change = RiskChange(
                risk: "\(any.risk.id) \(any.risk.title)",
                inherent: Change(
                    old: before.map { level($0.level) } ?? absentOld,
                    new: after.map { level($0.level) } ?? absentNew),
                residual: Change(
                    old: before.map { level($0.residualLevel) } ?? absentOld,
                    new: after.map { level($0.residualLevel) } ?? absentNew))
            return change.inherent.changed || change.residual.changed ? change : nil
        }
        controls = Self.union(old.controls, new.controls, id: \.control.id).compactMap { before, after in
            guard let any = after ?? before else { return nil }
            let change = Change(
                old: before.map { $0.status.rawValue } ?? absentOld,
                new: after.map { $0.status.rawValue } ?? absentNew)
            return change.changed ? ControlChange(control: any.control.label, change: change) : nil
        }
        func rank(_ level: Level, _ questionnaire: Questionnaire) -> Int {
            questionnaire.scoring.riskLevels.firstIndex { $0.id == level.id } ?? 0
        }
        risen = Self.union(old.risks, new.risks, id: \.risk.id).compactMap { before, after in
            guard let before, let after else { return nil }
            let rose =
                rank(after.level, newQ) > rank(before.level, oldQ)
                || rank(after.residualLevel, newQ) > rank(before.residualLevel, oldQ)
            return rose ? after.risk.id : nil
        }
        overallInherent = Change(old: level(old.overallInherent), new: level(new.overallInherent))
        overallResidual = Change(old: level(old.overallResidual), new: level(new.overallResidual))
        recommendation = Change(
            old: old.recommendation?.label ?? "none", new: new.recommendation?.label ?? "none")
        priorConsultation = Change(
            old: old.priorConsultation.shortLabel, new: new.priorConsultation.shortLabel)
        measures = Self.union(old.measures, new.measures, id: \.measure.id).compactMap { before, after in
            guard let any = after ?? before else { return nil }
            let change = Change(
                old: before.map(Self.decision) ?? absentOld, new: after.map(Self.decision) ?? absentNew)
            return change.changed
                ? MeasureChange(measure: "\(any.measure.id) \(any.measure.title)", change: change) : nil
        }
    }

    /// Whether anything at all differs between the two assessments' answers and results.
    var hasChanges: Bool {
        !answers.isEmpty || !onlyInOld.isEmpty || !onlyInNew.isEmpty || !categoriesInScope.isEmpty
            || !driftedCategories.isEmpty || !unapprovedPurposes.isEmpty || !driftSignals.isEmpty
            || !controls.isEmpty || !risks.isEmpty
            || overallInherent.changed || overallResidual.changed || recommendation.changed
            || priorConsultation.changed || !measures.isEmpty
    }

    /// Whether drift appeared: a drifted category, an unapproved purpose or a sign of drift not there before.
    var driftAppeared: Bool {
        !driftedCategories.appeared.isEmpty || !unapprovedPurposes.appeared.isEmpty
            || !driftSignals.appeared.isEmpty
    }

    static func isFreeText(_ question: Question) -> Bool {
        question.type == .text || question.type == .longText
    }

    /// A measure's decision in a few words: "undecided", "declined", "approved, in progress"; "not
    /// recommended" when it was neither recommended nor decided.
    static func decision(_ result: MeasureResult) -> String {
        guard let decision = result.decision else {
            return result.recommended ? "undecided" : "not recommended"
        }
        guard decision.approved else { return "declined" }
        return decision.status.map { "approved, \($0.label.lowercased())" } ?? "approved"
    }

    /// The labels in `new` and not in `old` (in `new`'s order), and in `old` and not in `new` (in its order).
    static func appeared(_ old: [(id: String, label: String)], _ new: [(id: String, label: String)])
        -> Appeared
    {
        let oldIDs = Set(old.map(\.id))
        let newIDs = Set(new.map(\.id))
        return Appeared(
            appeared: new.filter { !oldIDs.contains($0.id) }.map(\.label),
            gone: old.filter { !newIDs.contains($0.id) }.map(\.label))
    }

    /// Pairs of the items of `old` and `new` with the same id: `new`'s order, then those only in `old`.
    static func union<T>(_ old: [T], _ new: [T], id: (T) -> String) -> [(T?, T?)] {
        var byID: [String: T] = [:]
        for item in old where byID[id(item)] == nil { byID[id(item)] = item }
        let newIDs = Set(new.map(id))
        return new.map { (byID[id($0)], $0) } + old.filter { !newIDs.contains(id($0)) }.map { ($0, nil) }
    }
}

extension AssessmentDiff {
    /// The longest answer the terminal shows in full, in characters; longer ones are cut short with a
    /// note, and the Markdown and HTML comparisons have them whole.
    static let terminalAnswerLimit = 120

    /// The comparison as `dpia diff` prints it: a heading, then each part with its changes or "No change.".
    var terminalLines: [TerminalText] {
        func dated(_ file: String, _ meta: AssessmentMetadata, _ version: String) -> TerminalText {
            "\(file) (\(meta.assessmentDate), \(meta.status.rawValue), \(questionnaire) \(version))"
        }
        func change(_ change: Change) -> TerminalText {
            change.changed ? "\(change.old) → \(change.new)" : "\(change.new) (unchanged)"
        }
        func section(_ title: TerminalText, _ lines: [TerminalText]) -> [TerminalText] {
            [.empty, title] + (lines.isEmpty ? ["  No change."] : lines.map { "  " + $0 })
        }
        func listed(_ label: TerminalText, _ items: [String]) -> [TerminalText] {
            items.isEmpty ? [] : ["\(label): \(items.joined(separator: "; "))"]
        }
        var shortened = false
        func capped(_ answer: String?, _ freeText: Bool) -> String {
            guard let answer else { return "not answered" }
            guard freeText, answer.count > Self.terminalAnswerLimit else { return answer }
            shortened = true
            return answer.prefix(Self.terminalAnswerLimit - 1) + "…"
        }
        let reference = new.reference.map { " (\($0))" } ?? ""
        var lines: [TerminalText] = [
            "Comparing \(dated(oldFile, old, versions.old))",
            "     with \(dated(newFile, new, versions.new))",
            "\(new.platform) — \(new.organisation)\(reference)",
        ]
        lines += notComparable.map { "not comparable: \($0)" }
        lines += section(
            "Overall",
            [
                "Inherent risk: \(change(overallInherent))",
                "Residual risk: \(change(overallResidual))",
                "Recommendation: \(change(recommendation))",
                "ICO prior consultation (Art. 36): \(change(priorConsultation))",
            ])
        lines += section(
            "Answers",
            answers.map {
                "\($0.title): \(capped($0.old, $0.isFreeText)) → \(capped($0.new, $0.isFreeText))"
            }
                + onlyInOld.map {
                    "\($0.title): \(capped($0.answer, $0.isFreeText)) (only in \(versions.old))"
                }
                + onlyInNew.map {
                    "\($0.title): \(capped($0.answer, $0.isFreeText)) (only in \(versions.new))"
                })
        lines += section(
            "Data categories",
            listed("Newly in scope", categoriesInScope.appeared)
                + listed("No longer in scope", categoriesInScope.gone))
        lines += section(
            "Purpose drift",
            listed("Drifted categories appeared", driftedCategories.appeared)
                + listed("Drifted categories gone", driftedCategories.gone)
                + listed("Unapproved purposes appeared", unapprovedPurposes.appeared)
                + listed("Unapproved purposes gone", unapprovedPurposes.gone)
                + listed("Signs of drift appeared", driftSignals.appeared)
                + listed("Signs of drift gone", driftSignals.gone))
        lines += section(
            "Controls", controls.map { "\($0.control): \($0.change.old) → \($0.change.new)" })
        lines += section(
            "Risks",
            risks.map {
                "\($0.risk): inherent \(change($0.inherent)), residual \(change($0.residual))"
            })
        lines += section(
            "Measures", measures.map { "\($0.measure): \($0.change.old) → \($0.change.new)" })
        if shortened {
            lines += [
                .empty,
                "Text answers longer than \(Self.terminalAnswerLimit) characters are cut short (…); --format md,html shows them in full.",
            ]
        }
        return lines
    }
}

/// Turns a questionnaire and validated answers into an `Assessment`.
///
/// Reproducible by hand from the report: likelihood is a sum of points (the risk's base, each factor that
/// holds, purpose drift, each control in place or missing) mapped to a level by the bands; severity starts
/// at the risk's base, rises to the most sensitive data category in scope, then moves by adjustment steps;
/// the matrix gives the level. Approved measures subtract points or steps to give the residual level.
/// Deterministic and clock-free.
enum Scorer {
    /// The driver that stands for all of a risk's purpose drift, saying what the drift is: data shared or
    /// purposes served outside the approval, or only warning signs that use is going beyond it (a committee
    /// should not read "data shared outside the approval" where nothing is).
    static func purposeDriftDriver(_ drift: PurposeDriftResult?) -> String {
        var found: [String] = []
        if let drift, !drift.driftedCategories.isEmpty { found.append("data shared") }
        if let drift, !drift.unapprovedPurposes.isEmpty { found.append("purposes served") }
        guard let drift, !found.isEmpty else {
            return
                "Purpose drift: warning signs that use is going beyond what the platform is approved for (step 2)"
        }
        let signs = drift.signals.isEmpty ? "" : ", and warning signs of drift"
        return
            "Purpose drift: \(found.joined(separator: " and ")) outside what the platform is approved for\(signs) (step 2)"
    }

    static func assess(_ questionnaire: Questionnaire, _ answers: Answers) -> Assessment {
        assess(questionnaire, answers, shown: questionnaire.shown(answers.values))
    }

    /// `assess`, given what `Questionnaire.shown` gives for these answers: validating has found it already.
    static func assess(
        _ questionnaire: Questionnaire, _ answers: Answers,
        shown: (questions: [String], answers: [String: AnswerValue])
    ) -> Assessment {
        Run(questionnaire: questionnaire, answers: answers, shown: shown).assessment()
    }

    static let missingReviewDate = MissingItem(
        path: "metadata.reviewDate",
        description: "a review date (ICO step 7: the DPIA is kept under review)")
}

/// One scoring of one answers file: the questionnaire, the answers and which questions were shown.
///
/// A class, so that the many closures below that read `shown` share one instance rather than each copying
/// every field (and retaining everything each field holds).
private final class Run {
    let questionnaire: Questionnaire
    let answers: Answers
    let scoring: Scoring
    /// The questions shown for these answers, in order.
    let visibleQuestions: [String]
    /// The answers of shown questions, by question id: the only answers scoring reads.
    let shown: [String: AnswerValue]
    /// Each quoted question's "Q2.3 Edition: Consumer", by id: many risks quote the same questions, and
    /// wording an answer is most of the cost of a contribution.
    private var quotes: [String: String] = [:]
    /// Who accepted the residual risks, as answered; read once, not for every risk (and every hypothetical).
    private lazy var residualRisksAcceptedBy = scoring.outcome.residualRisksAcceptedBy.flatMap(answerText)

    init(
        questionnaire: Questionnaire, answers: Answers,
        shown: (questions: [String], answers: [String: AnswerValue])
    ) {
        self.questionnaire = questionnaire
        self.answers = answers
        self.scoring = questionnaire.scoring
        (visibleQuestions, self.shown) = shown
    }

    func holds(_ condition: Condition) -> Bool {
        condition.holds { shown[$0] }
    }

    func picked(_ question: String) -> [String] {
        switch shown[question] {
        case .strings(let values): values
        case .string(let value): [value]
        default: []
        }
    }

    func assessment() -> Assessment {
        let data = dataSensitivity()
        let drift = purposeDrift(categories: data?.categories.map(\.category) ?? [])
        let controls = controlResults()
        let items = drift.map(driftItems)
        let controlParts = controlContributions(controls)
        let inherent = scoring.risks.map {
            inherentRating($0, data: data, drift: items, controls: controls, controlParts: controlParts)
        }
        let recommendFrom =
            scoring.recommendMeasuresFrom.flatMap { rank(of: $0, in: scoring.riskLevels) } ?? 0
        // The risks whose inherent level calls for measures.
        let calling = Set(
            inherent.filter { rank(of: $0.level.id, in: scoring.riskLevels)! >= recommendFrom }.map(\.risk.id)
        )
        var notes: [String] = []

        let measures = scoring.measures.map { measure -> MeasureResult in
            let addresses = measure.reduces.map(\.risk).filter(calling.contains)
            let recommended = !addresses.isEmpty && (measure.when.map(holds) ?? true)
            let decision = answers.measureDecisions[measure.id]
            if decision?.approved == true && !recommended {
                notes.append(
                    "Measure \(measure.id) (\(measure.title)) is marked approved but is not recommended for these answers, so it does not change any rating."
                )
            }
            return MeasureResult(
                measure: measure, recommended: recommended, decision: decision,
                addresses: recommended ? addresses : [])
        }

        let decisions = answers.measureDecisions
        let contradictions = scoring.contradictions.filter { rule in
            let decided = { (id: String, approved: Bool) in decisions[id]?.approved == approved }
            return (rule.when.map(holds) ?? true) && rule.measuresApproved.allSatisfy { decided($0, true) }
                && rule.measuresDeclined.allSatisfy { decided($0, false) }
        }
        notes += contradictions.map { "Contradiction: \($0.message)" }

        let risks = inherent.map { residual(for: $0, measures: measures) }
        let overallInherent = risks.map(\.level).max(by: levelOrder)
        let overallResidual = risks.map(\.residualLevel).max(by: levelOrder)
        let anyApproved = measures.contains(where: \.applied)
        var recommendation = scoring.recommendations.first { rule in
            if let levels = rule.residualLevels, !levels.contains(overallResidual?.id ?? "") { return false }
            if let approved = rule.measuresApproved, approved != anyApproved { return false }
            if let when = rule.when, !holds(when) { return false }
            return true
        }
        // A platform already in use is told to stop or contain the use, not merely not to start it.
        if let inUse = recommendation?.summaryWhenInUse,
            scoring.outcome.processingUnderWay.map(holds) ?? false
        {
            recommendation?.summary = inUse
        }
        return Assessment(
            questionnaire: questionnaire, answers: answers,
            visibleQuestions: visibleQuestions, effectiveAnswers: shown,
            screening: screening(),
            dataSensitivity: data, purposeDrift: drift, controls: controls, risks: risks, measures: measures,
            overallInherent: overallInherent, overallResidual: overallResidual,
            recommendation: recommendation,
            priorConsultation: priorConsultation(risks, measures: measures, inherent: inherent),
            topDrivers: drivers(risks, overall: overallInherent, drift: drift),
            residualHolds: residualHolds(risks, overall: overallResidual),
            actionPlan: actionPlan(measures), signOff: signOff(), missingForFinal: missingForFinal(measures),
            notes: notes, contradictions: contradictions)
    }

    // MARK: Scales

    func rank(of id: String, in levels: [Level]) -> Int? {
        levels.firstIndex { $0.id == id }
    }

    func levelOrder(_ a: Level, _ b: Level) -> Bool {
        (rank(of: a.id, in: scoring.riskLevels) ?? 0) < (rank(of: b.id, in: scoring.riskLevels) ?? 0)
    }

    /// The position in `Scoring.likelihoodLevels` of the level a number of points falls in.
    func likelihoodIndex(forPoints points: Int) -> Int {
        let band = scoring.likelihoodBands.first { band in band.maximumPoints.map { points <= $0 } ?? true }
        return scoring.likelihoodLevels.firstIndex { $0.id == band?.level } ?? 0
    }

    /// The risk level the matrix gives for a severity and a likelihood, by position in their scales.
    func matrixLevel(severity: Int, likelihood: Int) -> Level {
        let id = scoring.matrix[scoring.severityLevels[severity].id]?[scoring.likelihoodLevels[likelihood].id]
        return scoring.riskLevels.first { $0.id == id } ?? scoring.riskLevels[0]
    }

    // MARK: Dimensions

    func dataSensitivity() -> DataSensitivityResult? {
        guard let data = scoring.dataCategories else { return nil }
        var items: [DataSensitivityResult.Item] = []
        let picks = data.questions.map(picked)
        for category in data.categories {
            let questions = data.questions.indices.filter { picks[$0].contains(category.id) }.map {
                data.questions[$0]
            }
            guard !questions.isEmpty else { continue }
            let level =
                scoring.severityLevels.first { $0.id == category.sensitivity } ?? scoring.severityLevels[0]
            items.append(.init(category: category, sensitivity: level, questions: questions))
        }
        let highest = items.map(\.sensitivity).max {
            rank(of: $0.id, in: scoring.severityLevels)! < rank(of: $1.id, in: scoring.severityLevels)!
        }
        return DataSensitivityResult(categories: items, highest: highest)
    }

    func purposeDrift(categories: [DataCategory]) -> PurposeDriftResult? {
        guard let purposes = scoring.purposes else { return nil }
        let approvedPicks = picked(purposes.approvedQuestion)
        let approved = purposes.purposes.filter { approvedPicks.contains($0.id) }
        let actualPicks = purposes.actualQuestion.map(picked) ?? []
        let actual = purposes.purposes.filter { actualPicks.contains($0.id) }
        let unapproved = actual.filter { purpose in !approved.contains { $0.id == purpose.id } }
        let drifted = categories.filter { category in !approved.contains { $0.allows.contains(category.id) } }
            .map { category in
                PurposeDriftResult.DriftedCategory(
                    category: category, outside: approved,
                    neededBy: actual.filter { $0.allows.contains(category.id) })
            }
        return PurposeDriftResult(
            approved: approved, actual: actual, unapprovedPurposes: unapproved, driftedCategories: drifted,
            signals: purposes.signals.filter { holds($0.when) })
    }

    func controlResults() -> [ControlResult] {
        scoring.controls.map { control in
            guard let answer = shown[control.question],
                let question = questionnaire.question(control.question)
            else {
                return ControlResult(control: control, status: .notApplicable, answer: nil)
            }
            let text = AnswerText.display(answer, for: question)
            if control.notApplicable.contains(answer) {
                return ControlResult(control: control, status: .notApplicable, answer: text)
            }
            return ControlResult(
                control: control, status: control.inPlace.contains(answer) ? .inPlace : .missing, answer: text
            )
        }
    }

    func screening() -> ScreeningResult? {
        guard let screening = scoring.screening else { return nil }
        // Criteria that need another group's are met once that group's own are known; the validator
        // allows no chains.
        let holding = screening.criteria.filter { holds($0.when) }
        let met = holding.filter { criterion in
            guard let needs = criterion.onlyWith else { return true }
            let companions = holding.filter {
                $0.group == needs.group && $0.onlyWith == nil && !needs.except.contains($0.id)
            }
            return companions.count >= needs.atLeast
        }
        return ScreeningResult(
            groups: screening.groups.map { group in
                .init(group: group, met: met.filter { $0.group == group.id })
            })
    }

    // MARK: Risks

    /// A contribution whose reason quotes the answers behind it:
    /// `Consumer edition (Q2.3 Edition: Consumer)`, each question the questionnaire has once, in order.
    func contribution(_ kind: Contribution.Kind, _ reason: String, questions: [String], amount: Int)
        -> Contribution
    {
        var quoted: [String] = []
        var summaries: [String] = []
        for id in questions where !quoted.contains(id) {
            guard let summary = quote(id) else { continue }
            quoted.append(id)
            summaries.append(summary)
        }
        let text = summaries.isEmpty ? reason : "\(reason) (\(summaries.joined(separator: "; ")))"
        return Contribution(kind: kind, reason: text, questions: questions, amount: amount)
    }

    /// The question and its answer as a contribution quotes them; nil for an id the questionnaire lacks.
    func quote(_ id: String) -> String? {
        if let quote = quotes[id] { return quote }
        guard let question = questionnaire.question(id) else { return nil }
        let number = question.number.map { "Q\($0) " } ?? ""
        let answer = shown[id].map { AnswerText.display($0, for: question) } ?? "not answered"
        let quote = "\(number)\(question.shortLabel): \(answer)"
        quotes[id] = quote
        return quote
    }

    /// Each applicable control's likelihood contribution with no amount yet, by position in
    /// `Scoring.controls`: worded once, whichever risks it moves.
    func controlContributions(_ controls: [ControlResult]) -> [Contribution?] {
        controls.map { result in
            guard result.status != .notApplicable else { return nil }
            return contribution(
                .control, "\(result.status == .inPlace ? "In place" : "Missing"): \(result.control.label)",
                questions: [result.control.question], amount: 0)
        }
    }

    func inherentRating(
        _ risk: Risk, data: DataSensitivityResult?, drift: [DriftItem]?, controls: [ControlResult],
        controlParts: [Contribution?]
    ) -> RiskResult {
        var likelihoodParts = [
            Contribution(
                kind: .base, reason: "Starting points for this risk", questions: [],
                amount: risk.likelihood.base)
        ]
        for factor in risk.likelihood.factors where holds(factor.when) {
            likelihoodParts.append(
                contribution(
                    .factor, factor.reason, questions: factor.when.questionIDs, amount: factor.points))
        }
        if let weights = risk.likelihood.purposeDrift, let drift {
            likelihoodParts += driftContributions(weights, drift)
        }
        for position in controls.indices {
            for effect in controls[position].control.affects where effect.risk == risk.id {
                guard var part = controlParts[position] else { continue }
                part.amount = controls[position].status == .inPlace ? effect.whenInPlace : effect.whenMissing
                if part.amount != 0 { likelihoodParts.append(part) }
            }
        }
        let points = likelihoodParts.reduce(0) { ScoreArithmetic.add($0, $1.amount) }
        let likelihoodIndex = likelihoodIndex(forPoints: points)
        let likelihood = scoring.likelihoodLevels[likelihoodIndex]

        let levels = scoring.severityLevels
        var severityIndex = rank(of: risk.severity.base, in: levels) ?? 0
        var severityParts = [
            Contribution(
                kind: .base, reason: "Least severity of this risk: \(levels[severityIndex].label)",
                questions: [], amount: 0)
        ]
        if risk.severity.fromDataCategories, let highest = data?.highest,
            let dataIndex = rank(of: highest.id, in: levels),
            dataIndex > severityIndex
        {
            let names = data!.categories.filter { $0.sensitivity.id == highest.id }.map(\.category.label)
            severityParts.append(
                Contribution(
                    kind: .dataCategory,
                    reason:
                        "Most sensitive data in scope is \(highest.label.lowercased()): \(names.joined(separator: "; "))",
                    questions: scoring.dataCategories?.questions ?? [], amount: dataIndex - severityIndex))
            severityIndex = dataIndex
        }
        for adjustment in risk.severity.adjustments where holds(adjustment.when) {
            let target = min(max(ScoreArithmetic.add(severityIndex, adjustment.points), 0), levels.count - 1)
            var part = contribution(
                .adjustment, adjustment.reason, questions: adjustment.when.questionIDs,
                amount: target - severityIndex)
            if target - severityIndex != adjustment.points {
                part.reason +=
                    " [\(adjustment.points > 0 ? "+" : "")\(adjustment.points) step(s), limited by the scale]"
            }
            severityParts.append(part)
            severityIndex = target
        }
        let severity = levels[severityIndex]
        let level = matrixLevel(severity: severityIndex, likelihood: likelihoodIndex)
        return RiskResult(
            risk: risk, likelihoodPoints: points, likelihood: likelihood,
            likelihoodContributions: likelihoodParts,
            severity: severity, severityContributions: severityParts, level: level, appliedMeasures: [],
            declinedMeasures: [], undecidedMeasures: [],
            residualLikelihoodPoints: points, residualLikelihood: likelihood, residualSeverity: severity,
            residualLevel: level,
            effect: .noMeasuresNeeded)
    }

    /// One thing purpose drift may add points for, worded once for every risk it raises.
    struct DriftItem {
        enum Source { case category, unapprovedPurpose, signal }
        let source: Source
        let reason: String
        let questions: [String]
    }

    /// Every drifted category, then unapproved purpose, then signal.
    func driftItems(_ drift: PurposeDriftResult) -> [DriftItem] {
        var items: [DriftItem] = []
        let approvedNames = drift.approved.map(\.label)
        let outside =
            approvedNames.isEmpty
            ? "no purpose is approved"
            : "allowed by no approved purpose (\(approvedNames.joined(separator: ", ")))"
        let categoryQuestions = scoring.dataCategories?.questions ?? []
        for item in drift.driftedCategories {
            items.append(
                DriftItem(
                    source: .category, reason: "Purpose drift: \(item.category.label) is \(outside)",
                    questions: categoryQuestions))
        }
        let purposeQuestions = [scoring.purposes?.actualQuestion].compactMap { $0 }
        for purpose in drift.unapprovedPurposes {
            items.append(
                DriftItem(
                    source: .unapprovedPurpose,
                    reason: "Purpose drift: used for \(purpose.label.lowercased()), which is not approved",
                    questions: purposeQuestions))
        }
        for signal in drift.signals {
            items.append(
                DriftItem(
                    source: .signal, reason: "Drift signal: \(signal.label)",
                    questions: signal.when.questionIDs))
        }
        return items
    }

    func driftContributions(_ weights: DriftWeights, _ items: [DriftItem]) -> [Contribution] {
        var contributions: [Contribution] = []
        var total = 0
        for item in items {
            let amount =
                switch item.source {
                case .category: weights.perCategory
                case .unapprovedPurpose: weights.perUnapprovedPurpose
                case .signal: weights.perSignal
                }
            guard amount != 0 else { continue }
            var granted = amount
            var text = item.reason
            if let maximum = weights.maximum, ScoreArithmetic.add(total, amount) > maximum {
                granted = max(0, ScoreArithmetic.subtract(maximum, total))
                text += " [limited: purpose drift adds at most \(maximum) to this risk]"
            }
            total = ScoreArithmetic.add(total, granted)
            contributions.append(
                Contribution(kind: .purposeDrift, reason: text, questions: item.questions, amount: granted))
        }
        return contributions
    }

    func residual(for inherent: RiskResult, measures: [MeasureResult]) -> RiskResult {
        var result = inherent
        var severityIndex = rank(of: inherent.severity.id, in: scoring.severityLevels)!
        let id = inherent.risk.id
        var eliminated = false
        for position in measures.indices where measures[position].addresses.contains(id) {
            guard let effect = measures[position].measure.reduces.first(where: { $0.risk == id }) else {
                continue
            }
            guard measures[position].applied else {
                if measures[position].decision == nil {
                    result.undecidedMeasures.append(measures[position].measure.id)
                } else {
                    result.declinedMeasures.append(measures[position].measure.id)
                }
                continue
            }
            if effect.eliminates { eliminated = true }
            var reason = "\(measures[position].measure.id) \(measures[position].measure.title)"
            if effect.severity != 0 {
                let steps = effect.severity.magnitude
                reason +=
                    " (severity \(effect.severity < 0 ? "\u{2212}" : "+")\(steps) step\(steps == 1 ? "" : "s"))"
            }
            result.appliedMeasures.append(
                Contribution(
                    kind: .measure, reason: reason,
                    questions: [], amount: effect.likelihood))
            result.residualLikelihoodPoints = ScoreArithmetic.add(
                result.residualLikelihoodPoints, effect.likelihood)
            severityIndex = min(
                max(0, ScoreArithmetic.add(severityIndex, effect.severity)), scoring.severityLevels.count - 1)
        }
        let likelihoodIndex = likelihoodIndex(forPoints: result.residualLikelihoodPoints)
        result.residualLikelihood = scoring.likelihoodLevels[likelihoodIndex]
        result.residualSeverity = scoring.severityLevels[severityIndex]
        result.residualLevel = matrixLevel(severity: severityIndex, likelihood: likelihoodIndex)
        if result.appliedMeasures.isEmpty && result.declinedMeasures.isEmpty
            && result.undecidedMeasures.isEmpty
        {
            result.effect = .noMeasuresNeeded
        } else if eliminated {
            result.effect = .eliminated
        } else if !result.undecidedMeasures.isEmpty {
            result.effect = .noDecisionYet
        } else if levelOrder(result.residualLevel, result.level) {
            result.effect = .reduced
        } else if let acceptedBy = residualRisksAcceptedBy {
            result.effect = .accepted(by: acceptedBy)
        } else {
            result.effect = .notYetAccepted
        }
        return result
    }

    /// The answers that raise the risks at the overall inherent level, weighted as `Driver` explains.
    func drivers(_ risks: [RiskResult], overall: Level?, drift: PurposeDriftResult?) -> [Driver] {
        let driftReason = Scorer.purposeDriftDriver(drift)
        var totals: [Driver] = []
        for risk in risks where risk.level.id == overall?.id {
            let severityWeight = (rank(of: risk.severity.id, in: scoring.severityLevels) ?? 0) + 1
            for part in risk.likelihoodContributions where part.amount > 0 && part.kind != .base {
                // Drift is one finding however many categories, purposes and signs make it up, so it
                // ranks as one: split by category, each part would look smaller than it is.
                let reason = part.kind == .purposeDrift ? driftReason : part.reason
                if let position = totals.firstIndex(where: { $0.reason == reason }) {
                    totals[position].points = ScoreArithmetic.add(totals[position].points, part.amount)
                    totals[position].weight = ScoreArithmetic.add(
                        totals[position].weight, ScoreArithmetic.multiply(part.amount, severityWeight))
                    if !totals[position].risks.contains(risk.risk.id) {
                        totals[position].risks.append(risk.risk.id)
                    }
                } else {
                    totals.append(
                        Driver(
                            reason: reason, points: part.amount,
                            weight: ScoreArithmetic.multiply(part.amount, severityWeight),
                            risks: [risk.risk.id]))
                }
            }
        }
        // Heaviest first; among equals, the one met first.
        let ranked = totals.indices.sorted { a, b in
            totals[a].weight != totals[b].weight ? totals[a].weight > totals[b].weight : a < b
        }
        return ranked.prefix(5).map { totals[$0] }
    }

    // MARK: Outcome

    /// The answer to a question as the report shows it, or nil when it is not shown, not answered or blank.
    func answerText(_ id: String) -> String? {
        guard let answer = shown[id], let question = questionnaire.question(id) else { return nil }
        let text = AnswerText.display(answer, for: question)
        return text.allSatisfy(\.isWhitespace) ? nil : text
    }

    func priorConsultation(_ risks: [RiskResult], measures: [MeasureResult], inherent: [RiskResult])
        -> PriorConsultation
    {
        let levels = scoring.priorConsultationLevels
        let high = risks.filter { levels.contains($0.residualLevel.id) }
        guard !high.isEmpty else { return .notApplicable }
        let open = Set(high.flatMap(\.undecidedMeasures))
        let undecided = scoring.measures.map(\.id).filter(open.contains)
        if undecided.isEmpty {
            return .required(
                risks: high.map(\.risk.id), underWay: scoring.outcome.processingUnderWay.map(holds) ?? false)
        }
        // Whether approving `chosen` of the undecided measures (and nothing else) would bring every risk
        // below the level that needs the ICO consulted.
        func avoided(approving chosen: Set<String>) -> Bool {
            let hypothetical = measures.map { result -> MeasureResult in
                var result = result
                if result.recommended && result.decision == nil && chosen.contains(result.measure.id) {
                    result.decision = MeasureDecision(approved: true)
                }
                return result
            }
            return inherent.allSatisfy {
                !levels.contains(residual(for: $0, measures: hypothetical).residualLevel.id)
            }
        }
        let avoidable = avoided(approving: Set(undecided))
        // One set that is enough: from all of them, drop each measure, last first, that is not needed, so
        // that none of those left can be dropped. The committee sees which decisions matter, not every
        // open one; other sets may be enough too, and step 6 lists every option.
        var enough: [String] = []
        if avoidable {
            enough = undecided
            for id in undecided.reversed() where avoided(approving: Set(enough.filter { $0 != id })) {
                enough.removeAll { $0 == id }
            }
        }
        return .wouldBeRequired(
            risks: high.map(\.risk.id), undecidedMeasures: undecided, avoidable: avoidable, enough: enough)
    }

    func residualHolds(_ risks: [RiskResult], overall: Level?) -> [ResidualHold] {
        guard let overall else { return [] }
        let from = scoring.recommendMeasuresFrom.flatMap { rank(of: $0, in: scoring.riskLevels) } ?? 0
        guard (rank(of: overall.id, in: scoring.riskLevels) ?? 0) >= from else { return [] }
        return risks.filter { $0.residualLevel.id == overall.id }.map {
            ResidualHold(
                risk: $0.risk.id, title: $0.risk.title, level: $0.residualLevel,
                declined: $0.declinedMeasures,
                undecided: $0.undecidedMeasures)
        }
    }

    func actionPlan(_ measures: [MeasureResult]) -> [ActionItem] {
        measures.filter(\.applied).map {
            ActionItem(
                measure: $0.measure.id, title: $0.measure.title, risks: $0.addresses,
                owner: $0.decision?.owner,
                dueDate: $0.decision?.dueDate, status: $0.decision?.status)
        }
    }

    func signOff() -> [SignOffEntry] {
        scoring.outcome.signOff.map { row in
            SignOffEntry(
                item: row.item, name: joined(row.answers.compactMap(answerText)), guidance: row.guidance,
                notes: joined(row.notes.compactMap(answerText)))
        }
    }

    func joined(_ texts: [String]) -> String? {
        texts.isEmpty ? nil : texts.joined(separator: "; ")
    }

    /// Everything `AnswersFile` requires of a final assessment that these answers lack.
    func missingForFinal(_ measures: [MeasureResult]) -> [MissingItem] {
        var missing: [MissingItem] = []
        for result in measures where result.recommended {
            let id = result.measure.id
            guard let decision = result.decision else {
                missing.append(
                    MissingItem(
                        path: "measures.\(id)",
                        description: "a decision on recommended measure \(id) (\(result.measure.title))"))
                continue
            }
            guard decision.approved else { continue }
            if decision.owner?.allSatisfy(\.isWhitespace) ?? true {
                missing.append(
                    MissingItem(
                        path: "measures.\(id).owner", description: "an owner for approved measure \(id)"))
            }
            if decision.dueDate == nil {
                missing.append(
                    MissingItem(
                        path: "measures.\(id).dueDate", description: "a due date for approved measure \(id)"))
            }
        }
        if answers.metadata.reviewDate == nil { missing.append(Scorer.missingReviewDate) }
        for requirement in scoring.outcome.finalRequires where !holds(requirement.holds) {
            missing.append(
                MissingItem(path: "answers.\(requirement.question)", description: requirement.missing))
        }
        return missing
    }
}

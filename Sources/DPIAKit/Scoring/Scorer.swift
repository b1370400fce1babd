/// Turns a questionnaire and validated answers into an `Assessment`.
///
/// Reproducible by hand from the report: likelihood is a sum of points (the risk's base, each factor that
/// holds, purpose drift, each control in place or missing) mapped to a level by the bands; severity starts
/// at the risk's base, rises to the most sensitive data category in scope, then moves by adjustment steps;
/// the matrix gives the level. Approved measures subtract points or steps to give the residual level.
/// Deterministic and clock-free.
public enum Scorer {
    public static func assess(_ questionnaire: Questionnaire, _ answers: Answers) -> Assessment {
        Run(questionnaire: questionnaire, answers: answers).assessment()
    }
}

/// A class, so that the closures scoring each risk and measure share it rather than copy every field.
private final class Run {
    let questionnaire: Questionnaire
    let answers: Answers
    let index: QuestionnaireIndex
    let plan: ScoringPlan
    let visibility: Visibility
    /// The answers of shown questions, by slot of `index`.
    let shown: [AnswerValue?]
    let scoring: Scoring

    init(questionnaire: Questionnaire, answers: Answers) {
        self.questionnaire = questionnaire
        self.answers = answers
        self.index = questionnaire.index
        self.plan = index.scoring
        self.visibility = index.visibility(of: answers.values)
        self.shown = visibility.answers
        self.scoring = questionnaire.scoring
    }

    func holds(_ condition: SlotCondition) -> Bool {
        condition.holds(shown)
    }

    func answer(_ slot: Int) -> AnswerValue? {
        slot < 0 ? nil : shown[slot]
    }

    func picked(_ slot: Int) -> [String] {
        switch answer(slot) {
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
        let inherent = scoring.risks.indices.map {
            inherentRating(
                scoring.risks[$0], plan.risks[$0], data: data, drift: items, controls: controls,
                controlParts: controlParts)
        }
        let recommendFrom =
            scoring.recommendMeasuresFrom.flatMap { rank(of: $0, in: scoring.riskLevels) } ?? 0
        // Whether each risk's inherent level calls for measures; a measure's effects name the first risk
        // with an id (`ScoringPlan.measureRisks`), as ids are unique.
        let calling = inherent.map { rank(of: $0.level.id, in: scoring.riskLevels)! >= recommendFrom }
        var notes: [String] = []

        let measures = scoring.measures.indices.map { position -> MeasureResult in
            let measure = scoring.measures[position]
            let riskPositions = plan.measureRisks[position]
            var addresses: [String] = []
            for effect in measure.reduces.indices
            where riskPositions[effect] >= 0 && calling[riskPositions[effect]] {
                addresses.append(measure.reduces[effect].risk)
            }
            let recommended = !addresses.isEmpty && (plan.measureConditions[position].map(holds) ?? true)
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

        let risks = inherent.map { residual(for: $0, measures: measures) }
        let overallInherent = risks.map(\.level).max(by: levelOrder)
        let overallResidual = risks.map(\.residualLevel).max(by: levelOrder)
        let anyApproved = measures.contains(where: \.applied)
        let recommendation = scoring.recommendations.first { rule in
            if let levels = rule.residualLevels, !levels.contains(overallResidual?.id ?? "") { return false }
            if let approved = rule.measuresApproved, approved != anyApproved { return false }
            return true
        }
        let priorConsultation = risks.contains {
            scoring.priorConsultationLevels.contains($0.residualLevel.id)
        }
        let undecided = measures.filter { $0.recommended && $0.decision == nil }.map(\.measure.id)
        if !undecided.isEmpty {
            notes.append(
                undecided.count == 1
                    ? "No decision is recorded on recommended measure \(undecided[0]); it is treated as not approved."
                    : "No decision is recorded on \(undecided.count) recommended measures (\(undecided.joined(separator: ", "))); they are treated as not approved."
            )
        }
        return Assessment(
            questionnaire: questionnaire, answers: answers,
            visibleQuestions: visibility.order.map { index.ids[$0] },
            effectiveAnswers: visibility.effectiveAnswers(ids: index.ids),
            screening: screening(),
            dataSensitivity: data, purposeDrift: drift, controls: controls, risks: risks, measures: measures,
            overallInherent: overallInherent, overallResidual: overallResidual,
            recommendation: recommendation,
            priorConsultationRequired: priorConsultation, topDrivers: drivers(risks), notes: notes,
            visibility: visibility)
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

    /// The risk level for a severity and a likelihood, by position in their scales.
    func matrixLevel(severity: Int, likelihood: Int) -> Level {
        scoring.riskLevels[plan.riskLevelIndex(severity: severity, likelihood: likelihood)]
    }

    // MARK: Dimensions

    func dataSensitivity() -> DataSensitivityResult? {
        guard let data = scoring.dataCategories else { return nil }
        var items: [DataSensitivityResult.Item] = []
        let picks = plan.dataCategorySlots.map(picked)
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
        let approvedPicks = picked(plan.approvedPurposeSlot)
        let approved = purposes.purposes.filter { approvedPicks.contains($0.id) }
        let actual =
            plan.actualPurposeSlot.map { slot -> [Purpose] in
                let actualPicks = picked(slot)
                return purposes.purposes.filter { actualPicks.contains($0.id) }
            } ?? []
        let unapproved = actual.filter { purpose in !approved.contains { $0.id == purpose.id } }
        let drifted = categories.filter { category in !approved.contains { $0.allows.contains(category.id) } }
            .map { category in
                PurposeDriftResult.DriftedCategory(
                    category: category, outside: approved,
                    neededBy: actual.filter { $0.allows.contains(category.id) })
            }
        return PurposeDriftResult(
            approved: approved, actual: actual, unapprovedPurposes: unapproved, driftedCategories: drifted,
            signals: purposes.signals.indices.filter { holds(plan.signalConditions[$0]) }.map {
                purposes.signals[$0]
            })
    }

    func controlResults() -> [ControlResult] {
        scoring.controls.indices.map { position in
            let control = scoring.controls[position]
            let slot = plan.controlSlots[position]
            guard let answer = answer(slot) else {
                return ControlResult(control: control, status: .notApplicable, answer: nil)
            }
            let text = AnswerText.display(answer, for: index.questions[slot])
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
        return ScreeningResult(
            groups: screening.groups.map { group in
                .init(
                    group: group,
                    met: screening.criteria.indices.filter {
                        screening.criteria[$0].group == group.id && holds(plan.screeningConditions[$0])
                    }.map { screening.criteria[$0] })
            })
    }

    // MARK: Risks

    /// "the answer to "Edition" is "Consumer"": the answers behind a condition, for contributions.
    /// `slots` are distinct questions the questionnaire has, as `ScoringPlan.Rule.summarySlots`.
    func appendAnswerSummary(_ slots: [Int], to summary: inout String) {
        for (offset, slot) in slots.enumerated() {
            if offset > 0 { summary += "; " }
            summary += index.summaryPrefixes[slot]
            summary +=
                shown[slot].map { AnswerText.display($0, for: index.questions[slot]) } ?? "not answered"
        }
    }

    func contribution(
        _ kind: Contribution.Kind, _ reason: String, questions: [String], summarySlots: [Int], amount: Int
    ) -> Contribution {
        if summarySlots.isEmpty {
            return Contribution(kind: kind, reason: reason, questions: questions, amount: amount)
        }
        var text = reason
        text += " ("
        appendAnswerSummary(summarySlots, to: &text)
        text += ")"
        return Contribution(kind: kind, reason: text, questions: questions, amount: amount)
    }

    /// Each applicable control's likelihood contribution with no amount yet, by position in
    /// `Scoring.controls`: worded once, whichever risks it moves.
    func controlContributions(_ controls: [ControlResult]) -> [Contribution?] {
        controls.indices.map { position in
            guard controls[position].status != .notApplicable else { return nil }
            let control = controls[position].control
            let slot = plan.controlSlots[position]
            return contribution(
                .control,
                "\(controls[position].status == .inPlace ? "In place" : "Missing"): \(control.label)",
                questions: [control.question], summarySlots: slot < 0 ? [] : [slot], amount: 0)
        }
    }

    func inherentRating(
        _ risk: Risk, _ riskPlan: ScoringPlan.RiskPlan, data: DataSensitivityResult?,
        drift: [DriftItem]?,
        controls: [ControlResult], controlParts: [Contribution?]
    ) -> RiskResult {
        var likelihoodParts = [
            Contribution(
                kind: .base, reason: "Starting points for this risk", questions: [],
                amount: risk.likelihood.base)
        ]
        for (factor, rule) in zip(risk.likelihood.factors, riskPlan.factors) where holds(rule.condition) {
            likelihoodParts.append(
                contribution(
                    .factor, factor.reason, questions: rule.questionIDs, summarySlots: rule.summarySlots,
                    amount: factor.points))
        }
        if let weights = risk.likelihood.purposeDrift, let drift {
            likelihoodParts += driftContributions(weights, drift)
        }
        for (position, effect) in riskPlan.controls {
            guard var part = controlParts[position] else { continue }
            part.amount = controls[position].status == .inPlace ? effect.whenInPlace : effect.whenMissing
            if part.amount != 0 { likelihoodParts.append(part) }
        }
        let points = likelihoodParts.reduce(0) { $0 + $1.amount }
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
        for (adjustment, rule) in zip(risk.severity.adjustments, riskPlan.adjustments)
        where holds(rule.condition) {
            let target = min(max(severityIndex + adjustment.points, 0), levels.count - 1)
            var part = contribution(
                .adjustment, adjustment.reason, questions: rule.questionIDs, summarySlots: rule.summarySlots,
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
            declinedMeasures: [],
            residualLikelihoodPoints: points, residualLikelihood: likelihood, residualSeverity: severity,
            residualLevel: level,
            effect: .notNeeded)
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
            if let maximum = weights.maximum, total + amount > maximum {
                granted = max(0, maximum - total)
                text += " [limited: purpose drift adds at most \(maximum) to this risk]"
            }
            total += granted
            contributions.append(
                Contribution(kind: .purposeDrift, reason: text, questions: item.questions, amount: granted))
        }
        return contributions
    }

    func residual(for inherent: RiskResult, measures: [MeasureResult]) -> RiskResult {
        var result = inherent
        var severityIndex = rank(of: inherent.severity.id, in: scoring.severityLevels)!
        let id = inherent.risk.id
        for position in measures.indices where measures[position].addresses.contains(id) {
            guard let effect = measures[position].measure.reduces.first(where: { $0.risk == id }) else {
                continue
            }
            guard measures[position].applied else {
                result.declinedMeasures.append(measures[position].measure.id)
                continue
            }
            var reason = "\(measures[position].measure.id) \(measures[position].measure.title)"
            if effect.severity != 0 {
                let steps = abs(effect.severity)
                reason +=
                    " (severity \(effect.severity < 0 ? "\u{2212}" : "+")\(steps) step\(steps == 1 ? "" : "s"))"
            }
            result.appliedMeasures.append(
                Contribution(
                    kind: .measure, reason: reason,
                    questions: [], amount: effect.likelihood))
            result.residualLikelihoodPoints += effect.likelihood
            severityIndex = max(0, severityIndex + effect.severity)
        }
        let likelihoodIndex = likelihoodIndex(forPoints: result.residualLikelihoodPoints)
        result.residualLikelihood = scoring.likelihoodLevels[likelihoodIndex]
        result.residualSeverity = scoring.severityLevels[severityIndex]
        result.residualLevel = matrixLevel(severity: severityIndex, likelihood: likelihoodIndex)
        let wasRecommended = !result.appliedMeasures.isEmpty || !result.declinedMeasures.isEmpty
        if !wasRecommended {
            result.effect = .notNeeded
        } else if result.appliedMeasures.isEmpty {
            result.effect = .accepted
        } else if likelihoodIndex == 0
            && rank(of: result.residualLevel.id, in: scoring.riskLevels) == 0
        {
            result.effect = .eliminated
        } else if levelOrder(result.residualLevel, result.level) {
            result.effect = .reduced
        } else {
            result.effect = .accepted
        }
        return result
    }

    func drivers(_ risks: [RiskResult]) -> [Driver] {
        var totals: [Driver] = []
        // Positions in `totals` by the length of their reason: reasons are long, so comparing the few of
        // the same length costs less than hashing each one.
        var positions: [Int: [Int]] = [:]
        for risk in risks.indices {
            let parts = risks[risk].likelihoodContributions
            for part in parts.indices where parts[part].amount > 0 && parts[part].kind != .base {
                let reason = parts[part].reason
                let length = reason.utf8.count
                var position = positions[length]?.first { totals[$0].reason == reason } ?? -1
                if position < 0 {
                    position = totals.count
                    positions[length, default: []].append(position)
                    totals.append(Driver(reason: reason, points: 0, risks: []))
                }
                totals[position].points += parts[part].amount
                totals[position].risks.append(risks[risk].risk.id)
            }
        }
        // Largest first; among equals, the one met first.
        let ranked = totals.indices.sorted { a, b in
            totals[a].points != totals[b].points ? totals[a].points > totals[b].points : a < b
        }
        return ranked.prefix(5).map { totals[$0] }
    }
}

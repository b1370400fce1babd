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

private struct Run {
    let questionnaire: Questionnaire
    let answers: Answers
    let visible: [String]
    let effective: [String: AnswerValue]
    let scoring: Scoring

    init(questionnaire: Questionnaire, answers: Answers) {
        self.questionnaire = questionnaire
        self.answers = answers
        self.visible = questionnaire.visibleQuestions(for: answers.values)
        self.effective = Questionnaire.answers(answers.values, of: visible)
        self.scoring = questionnaire.scoring
    }

    func holds(_ condition: Condition) -> Bool {
        condition.holds { effective[$0] }
    }

    func picked(_ question: String) -> [String] {
        switch effective[question] {
        case .strings(let values): values
        case .string(let value): [value]
        default: []
        }
    }

    func assessment() -> Assessment {
        let data = dataSensitivity()
        let drift = purposeDrift(categories: data?.categories.map(\.category) ?? [])
        let controls = controlResults()
        let inherent = scoring.risks.map { inherentRating($0, data: data, drift: drift, controls: controls) }
        let recommendFrom =
            scoring.recommendMeasuresFrom.flatMap { rank(of: $0, in: scoring.riskLevels) } ?? 0
        var notes: [String] = []

        let measures = scoring.measures.map { measure -> MeasureResult in
            let addresses = measure.reduces.map(\.risk).filter { riskID in
                inherent.first(where: { $0.risk.id == riskID }).map {
                    rank(of: $0.level.id, in: scoring.riskLevels)! >= recommendFrom
                }
                    ?? false
            }
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
            questionnaire: questionnaire, answers: answers, visibleQuestions: visible,
            effectiveAnswers: effective,
            screening: screening(),
            dataSensitivity: data, purposeDrift: drift, controls: controls, risks: risks, measures: measures,
            overallInherent: overallInherent, overallResidual: overallResidual,
            recommendation: recommendation,
            priorConsultationRequired: priorConsultation, topDrivers: drivers(risks), notes: notes)
    }

    // MARK: Scales

    func rank(of id: String, in levels: [Level]) -> Int? {
        levels.firstIndex { $0.id == id }
    }

    func levelOrder(_ a: Level, _ b: Level) -> Bool {
        (rank(of: a.id, in: scoring.riskLevels) ?? 0) < (rank(of: b.id, in: scoring.riskLevels) ?? 0)
    }

    func likelihood(forPoints points: Int) -> Level {
        let band = scoring.likelihoodBands.first { band in band.maximumPoints.map { points <= $0 } ?? true }
        return scoring.likelihoodLevels.first { $0.id == band?.level } ?? scoring.likelihoodLevels[0]
    }

    func matrixLevel(severity: Level, likelihood: Level) -> Level {
        let id = scoring.matrix[severity.id]?[likelihood.id]
        return scoring.riskLevels.first { $0.id == id } ?? scoring.riskLevels[0]
    }

    // MARK: Dimensions

    func dataSensitivity() -> DataSensitivityResult? {
        guard let data = scoring.dataCategories else { return nil }
        var items: [DataSensitivityResult.Item] = []
        for category in data.categories {
            let questions = data.questions.filter { picked($0).contains(category.id) }
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
        let approved = purposes.purposes.filter { picked(purposes.approvedQuestion).contains($0.id) }
        let actual =
            purposes.actualQuestion.map { question in
                purposes.purposes.filter { picked(question).contains($0.id) }
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
            signals: purposes.signals.filter { holds($0.when) })
    }

    func controlResults() -> [ControlResult] {
        scoring.controls.map { control in
            guard let answer = effective[control.question],
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
        return ScreeningResult(
            groups: screening.groups.map { group in
                .init(group: group, met: screening.criteria.filter { $0.group == group.id && holds($0.when) })
            })
    }

    // MARK: Risks

    /// "the answer to "Edition" is "Consumer"": the answers behind a condition, for contributions.
    func answerSummary(_ questions: [String]) -> String {
        var seen: Set<String> = []
        let parts = questions.filter { seen.insert($0).inserted }.compactMap { id -> String? in
            guard let question = questionnaire.question(id) else { return nil }
            let answer = effective[id].map { AnswerText.display($0, for: question) } ?? "not answered"
            return "\(question.number.map { "Q\($0) " } ?? "")\(question.shortLabel): \(answer)"
        }
        return parts.joined(separator: "; ")
    }

    func contribution(_ kind: Contribution.Kind, _ reason: String, questions: [String], amount: Int)
        -> Contribution
    {
        let summary = answerSummary(questions)
        return Contribution(
            kind: kind, reason: summary.isEmpty ? reason : "\(reason) (\(summary))", questions: questions,
            amount: amount)
    }

    func inherentRating(
        _ risk: Risk, data: DataSensitivityResult?, drift: PurposeDriftResult?, controls: [ControlResult]
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
        for result in controls where result.status != .notApplicable {
            for effect in result.control.affects where effect.risk == risk.id {
                let inPlace = result.status == .inPlace
                let amount = inPlace ? effect.whenInPlace : effect.whenMissing
                guard amount != 0 else { continue }
                likelihoodParts.append(
                    contribution(
                        .control, "\(inPlace ? "In place" : "Missing"): \(result.control.label)",
                        questions: [result.control.question], amount: amount))
            }
        }
        let points = likelihoodParts.reduce(0) { $0 + $1.amount }
        let likelihood = likelihood(forPoints: points)

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
            let target = min(max(severityIndex + adjustment.points, 0), levels.count - 1)
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
        let level = matrixLevel(severity: severity, likelihood: likelihood)
        return RiskResult(
            risk: risk, likelihoodPoints: points, likelihood: likelihood,
            likelihoodContributions: likelihoodParts,
            severity: severity, severityContributions: severityParts, level: level, appliedMeasures: [],
            declinedMeasures: [],
            residualLikelihoodPoints: points, residualLikelihood: likelihood, residualSeverity: severity,
            residualLevel: level,
            effect: .notNeeded)
    }

    func driftContributions(_ weights: DriftWeights, _ drift: PurposeDriftResult) -> [Contribution] {
        var items: [(String, [String], Int)] = []
        let approvedNames = drift.approved.map(\.label)
        for item in drift.driftedCategories where weights.perCategory != 0 {
            let outside =
                approvedNames.isEmpty
                ? "no purpose is approved"
                : "allowed by no approved purpose (\(approvedNames.joined(separator: ", ")))"
            items.append(
                (
                    "Purpose drift: \(item.category.label) is \(outside)",
                    scoring.dataCategories?.questions ?? [], weights.perCategory
                ))
        }
        for purpose in drift.unapprovedPurposes where weights.perUnapprovedPurpose != 0 {
            items.append(
                (
                    "Purpose drift: used for \(purpose.label.lowercased()), which is not approved",
                    [scoring.purposes?.actualQuestion].compactMap { $0 }, weights.perUnapprovedPurpose
                ))
        }
        for signal in drift.signals where weights.perSignal != 0 {
            items.append(("Drift signal: \(signal.label)", signal.when.questionIDs, weights.perSignal))
        }
        var total = 0
        return items.map { reason, questions, amount in
            var granted = amount
            var text = reason
            if let maximum = weights.maximum, total + amount > maximum {
                granted = max(0, maximum - total)
                text += " [limited: purpose drift adds at most \(maximum) to this risk]"
            }
            total += granted
            return Contribution(kind: .purposeDrift, reason: text, questions: questions, amount: granted)
        }
    }

    func residual(for inherent: RiskResult, measures: [MeasureResult]) -> RiskResult {
        var result = inherent
        var severityIndex = rank(of: inherent.severity.id, in: scoring.severityLevels)!
        for measure in measures where measure.addresses.contains(inherent.risk.id) {
            guard let effect = measure.measure.reduces.first(where: { $0.risk == inherent.risk.id }) else {
                continue
            }
            guard measure.applied else {
                result.declinedMeasures.append(measure.measure.id)
                continue
            }
            var reason = "\(measure.measure.id) \(measure.measure.title)"
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
        result.residualLikelihood = likelihood(forPoints: result.residualLikelihoodPoints)
        result.residualSeverity = scoring.severityLevels[severityIndex]
        result.residualLevel = matrixLevel(
            severity: result.residualSeverity, likelihood: result.residualLikelihood)
        let wasRecommended = !result.appliedMeasures.isEmpty || !result.declinedMeasures.isEmpty
        if !wasRecommended {
            result.effect = .notNeeded
        } else if result.appliedMeasures.isEmpty {
            result.effect = .accepted
        } else if rank(of: result.residualLikelihood.id, in: scoring.likelihoodLevels) == 0
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
        var order: [String] = []
        var totals: [String: Driver] = [:]
        for risk in risks {
            for part in risk.likelihoodContributions where part.amount > 0 && part.kind != .base {
                if totals[part.reason] == nil {
                    order.append(part.reason)
                    totals[part.reason] = Driver(reason: part.reason, points: 0, risks: [])
                }
                totals[part.reason]!.points += part.amount
                totals[part.reason]!.risks.append(risk.risk.id)
            }
        }
        let ranked = order.enumerated().sorted { a, b in
            let pa = totals[a.element]!.points
            let pb = totals[b.element]!.points
            return pa != pb ? pa > pb : a.offset < b.offset
        }
        return ranked.prefix(5).map { totals[$0.element]! }
    }
}

/// Each risk with the answers that rated it and what the approved measures did (ICO steps 5 and 6), and
/// the measures recommended.
extension ReportData.Builder {
    func risk(_ result: RiskResult) -> TemplateValue {
        // Ids only: filtering the measures first copied each one kept.
        let measureIDs = assessment.measures.compactMap {
            $0.applied && $0.addresses.contains(result.risk.id) ? $0.measure.id : nil
        }
        // Each row of the working is made once; the counted rows are some of the same values.
        let likelihoodRows = result.likelihoodContributions.map(contribution)
        let severityRows = result.severityContributions.map(contribution)
        return [
            "id": .string(result.risk.id),
            "title": .string(result.risk.title),
            "description": .string(result.risk.description),
            "harm": .string(result.risk.harm),
            "likelihood": likelihood(result.likelihood),
            "likelihoodPoints": .int(result.likelihoodPoints),
            "likelihoodContributions": .list(likelihoodRows),
            "likelihoodCounted": .list(counted(result.likelihoodContributions, likelihoodRows)),
            "likelihoodNotCounted": text(notCounted(result.likelihoodContributions)),
            "severity": severity(result.severity),
            "severityContributions": .list(severityRows),
            "severityCounted": .list(counted(result.severityContributions, severityRows)),
            "severityNotCounted": text(notCounted(result.severityContributions)),
            "level": riskLevel(result.level),
            "appliedMeasures": contributions(result.appliedMeasures),
            "hasAppliedMeasures": .bool(!result.appliedMeasures.isEmpty),
            "declinedMeasures": .string(list(result.declinedMeasures)),
            "hasDeclinedMeasures": .bool(!result.declinedMeasures.isEmpty),
            "residualLikelihood": likelihood(result.residualLikelihood),
            "residualLikelihoodPoints": .int(result.residualLikelihoodPoints),
            "residualSeverity": severity(result.residualSeverity),
            "residualLevel": riskLevel(result.residualLevel),
            "effect": .string(result.effect.label),
            "effectID": .string(result.effect.id),
            "options": .string(options(for: result.risk.id)),
            "changed": .bool(result.residualLevel.id != result.level.id),
            "measureIDs": .string(list(measureIDs)),
        ]
    }

    func contributions(_ parts: [Contribution]) -> TemplateValue {
        .list(parts.map(contribution))
    }

    func contribution(_ part: Contribution) -> TemplateValue {
        [
            "reason": .string(part.reason), "amount": .string(signed(part.amount)),
            "kind": .string(part.kind.rawValue),
        ]
    }

    /// The values of the parts that `counts`, `values` holding one for each part.
    func counted(_ parts: [Contribution], _ values: [TemplateValue]) -> [TemplateValue] {
        zip(parts, values).filter { counts($0.0) }.map(\.1)
    }

    /// Whether a row of the working is listed: the starting point always, other rows when they move the
    /// rating. Rows that add nothing (a limit was reached) are summarised by `notCounted`.
    func counts(_ part: Contribution) -> Bool {
        part.kind == .base || part.amount != 0
    }

    /// The rows that add nothing, in one line; nil when there are none.
    func notCounted(_ parts: [Contribution]) -> String? {
        let zero = parts.filter { !counts($0) }
        return zero.isEmpty ? nil : zero.map(\.reason).joined(separator: "; ")
    }

    /// ICO step 6's "options to reduce or eliminate risk": the measures recommended for the risk, grouped
    /// by decision.
    func options(for risk: String) -> String {
        // Ids only: filtering the measures three times copied each one three times.
        var groups: [(String, [String])] = [("approved", []), ("not approved", []), ("no decision yet", [])]
        // Fields read in place: `for measure in` copied every measure, retaining each field.
        let measures = assessment.measures
        for index in measures.indices
        where measures[index].recommended && measures[index].addresses.contains(risk) {
            let group =
                switch measures[index].decision?.approved {
                case true?: 0
                case false?: 1
                case nil: 2
                }
            groups[group].1.append(measures[index].measure.id)
        }
        let parts = groups.filter { !$0.1.isEmpty }.map { "\($0.0): \(list($0.1))" }
        return parts.isEmpty ? "none" : parts.joined(separator: "; ")
    }

    /// The same words wherever a decision is shown.
    func decisionText(_ decision: MeasureDecision?) -> String {
        switch decision?.approved {
        case true?: "Approved"
        case false?: "Not approved"
        case nil: "No decision yet"
        }
    }

    /// Points with their sign, and a true minus sign for fewer.
    func signed(_ amount: Int) -> String {
        amount > 0 ? "+\(amount)" : amount == 0 ? "0" : "\u{2212}\(amount.magnitude)"
    }

    func measure(_ result: MeasureResult) -> TemplateValue {
        let decision = result.decision
        return [
            "id": .string(result.measure.id),
            "title": .string(result.measure.title),
            "description": .string(result.measure.description),
            "risks": .string(list(result.addresses)),
            "decision": .string(decisionText(decision)),
            "approved": .bool(result.applied),
            "note": text(decision?.note),
            "hasNote": .bool(decision?.note != nil),
            "isDecided": .bool(decision != nil),
            "owner": text(decision?.approved == true ? decision?.owner : nil),
            "dueDate": text(decision?.approved == true ? decision?.dueDate : nil),
            "status": text(decision?.approved == true ? decision?.status?.label : nil),
        ]
    }

    /// An approved measure as a row of the action plan.
    func actionItem(_ item: ActionItem) -> TemplateValue {
        [
            "id": .string(item.measure),
            "title": .string(item.title),
            "risks": .string(list(item.risks)),
            "owner": .string(item.owner ?? "Not named"),
            "hasOwner": .bool(item.owner != nil),
            "dueDate": .string(item.dueDate ?? "Not set"),
            "hasDueDate": .bool(item.dueDate != nil),
            "status": .string(item.status?.label ?? "Not recorded"),
            "isInPlace": .bool(item.status == .inPlace),
            "isOverdue": .bool(assessedOn.map(item.isOverdue) ?? false),
        ]
    }

    /// The assessment's own date: what a report judges an action's due date against, so a re-assessment
    /// shows the actions it found overdue, and the report stays the same whenever it is rendered.
    var assessedOn: CalendarDate? { CalendarDate(iso: assessment.answers.metadata.assessmentDate) }
}

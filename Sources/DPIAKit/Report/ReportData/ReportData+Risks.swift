/// Each risk with the answers that rated it and what the approved measures did (ICO steps 5 and 6), and
/// the measures recommended.
extension ReportData.Builder {
    func risk(_ result: RiskResult) -> TemplateValue {
        let measureIDs = assessment.measures.filter { $0.applied && $0.addresses.contains(result.risk.id) }
            .map(\.measure.id)
        return [
            "id": .string(result.risk.id),
            "title": .string(result.risk.title),
            "description": .string(result.risk.description),
            "harm": .string(result.risk.harm),
            "likelihood": likelihood(result.likelihood),
            "likelihoodPoints": .int(result.likelihoodPoints),
            "likelihoodContributions": contributions(result.likelihoodContributions),
            "severity": severity(result.severity),
            "severityContributions": contributions(result.severityContributions),
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
            "changed": .bool(result.residualLevel.id != result.level.id),
            "measureIDs": .string(list(measureIDs)),
        ]
    }

    func contributions(_ parts: [Contribution]) -> TemplateValue {
        .list(
            parts.map { part in
                [
                    "reason": .string(part.reason), "amount": .string(signed(part.amount)),
                    "kind": .string(part.kind.rawValue),
                ]
            })
    }

    /// Points with their sign, and a true minus sign for fewer.
    func signed(_ amount: Int) -> String {
        amount > 0 ? "+\(amount)" : amount == 0 ? "0" : "\u{2212}\(amount.magnitude)"
    }

    func measure(_ result: MeasureResult) -> TemplateValue {
        [
            "id": .string(result.measure.id),
            "title": .string(result.measure.title),
            "description": .string(result.measure.description),
            "risks": .string(list(result.addresses)),
            "decision": .string(result.decision.map { $0.approved ? "Yes" : "No" } ?? "Not decided"),
            "approved": .bool(result.applied),
            "note": text(result.decision?.note),
            "hasNote": .bool(result.decision?.note != nil),
        ]
    }
}

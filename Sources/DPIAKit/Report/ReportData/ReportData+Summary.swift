/// The summary at the top of the report and the screening that decides whether a DPIA is needed.
extension ReportData.Builder {
    func summary() -> TemplateValue {
        var summary: TemplateObject = [
            "priorConsultation": .bool(assessment.priorConsultation != .notApplicable),
            // The state in words (not required, would be required unless..., required), as the terminal says it.
            "priorConsultationText": .string(assessment.priorConsultation.headline),
            // The summary names the first three, as the terminal does.
            "drivers": .list(
                assessment.topDrivers.prefix(3).map { driver in
                    [
                        "reason": .string(driver.reason), "points": .int(driver.points),
                        "risks": .string(list(driver.risks)), "weight": .int(driver.weight),
                    ]
                }),
            "hasDrivers": .bool(!assessment.topDrivers.isEmpty),
            "riskCount": .int(assessment.risks.count),
            "measuresRecommendedCount": .int(assessment.measures.count(where: \.recommended)),
            "measuresApprovedCount": .int(assessment.measures.count(where: \.applied)),
            "measuresDecidedCount": .int(assessment.measures.count { $0.recommended && $0.decision != nil }),
            "hasUndecidedMeasures": .bool(
                assessment.measures.contains { $0.recommended && $0.decision == nil }),
            "residualHolds": .list(assessment.residualHolds.map(residualHold)),
            "hasResidualHolds": .bool(!assessment.residualHolds.isEmpty),
        ]
        // An approval on conditions lists them: the approved measures not yet in place.
        let conditional = assessment.recommendation?.conditional ?? false
        let conditions = conditional ? assessment.actionPlan.filter { $0.status != .inPlace } : []
        summary["isConditional"] = .bool(conditional)
        summary["conditions"] = .list(conditions.map(actionItem))
        summary["hasConditions"] = .bool(!conditions.isEmpty)
        // Left out when the questionnaire has no risks, data categories, purposes or controls.
        summary["overallInherent"] = assessment.overallInherent.map(riskLevel)
        summary["overallResidual"] = assessment.overallResidual.map(riskLevel)
        summary["recommendation"] = assessment.recommendation.map { rule in
            ["id": .string(rule.id), "label": .string(rule.label), "summary": .string(rule.summary)]
        }
        summary["dataSensitivity"] = assessment.dataSensitivity.map { .string(dataSensitivitySummary($0)) }
        summary["purposeDrift"] = assessment.purposeDrift.map { .string(purposeDriftSummary($0)) }
        if !assessment.controls.isEmpty {
            let missing = assessment.controls.count { $0.status == .missing }
            let inPlace = assessment.controls.count { $0.status == .inPlace }
            summary["controls"] = .string("\(inPlace) in place, \(missing) missing or uncertain")
        }
        return .object(summary)
    }

    func dataSensitivitySummary(_ data: DataSensitivityResult) -> String {
        guard let highest = data.highest else { return "No personal data categories in scope" }
        let count = data.categories.count
        let mostSensitive = data.categories.filter { $0.sensitivity.id == highest.id }.map(\.category.label)
        return
            "\(highest.label): \(count) data categor\(count == 1 ? "y" : "ies") in scope, the most sensitive "
            + labels(mostSensitive)
    }

    func purposeDriftSummary(_ drift: PurposeDriftResult) -> String {
        var parts: [String] = []
        if !drift.driftedCategories.isEmpty {
            // The categories are listed in step 2; the summary counts them.
            let count = drift.driftedCategories.count
            parts.append(
                "\(count) data categor\(count == 1 ? "y is" : "ies are") shared outside the approved purposes"
            )
        }
        if !drift.unapprovedPurposes.isEmpty {
            let count = drift.unapprovedPurposes.count
            parts.append(
                "used for \(count == 1 ? "a purpose" : "\(count) purposes") not approved: "
                    + labels(drift.unapprovedPurposes.map(\.label)))
        }
        if !drift.signals.isEmpty {
            parts.append("\(drift.signals.count) warning sign\(drift.signals.count == 1 ? "" : "s")")
        }
        return parts.isEmpty
            ? "None: everything shared is allowed by an approved purpose"
            : parts.joined(separator: "; ")
    }

    func residualHold(_ hold: ResidualHold) -> TemplateValue {
        [
            "id": .string(hold.risk),
            "title": .string(hold.title),
            "level": riskLevel(hold.level),
            "declined": .string(list(hold.declined)),
            "hasDeclined": .bool(!hold.declined.isEmpty),
            "undecided": .string(list(hold.undecided)),
            "hasUndecided": .bool(!hold.undecided.isEmpty),
        ]
    }

    func screening(_ result: ScreeningResult) -> TemplateValue {
        let reasons = result.groups.filter(\.requiresDPIA).map(\.group.label)
        return [
            "required": .bool(result.required),
            "verdict": .string(
                result.required
                    ? "A DPIA is required: " + reasons.joined(separator: "; ")
                    : "No screening criterion requires a DPIA; one may still be good practice."),
            "groups": .list(
                result.groups.map { group in
                    [
                        "label": .string(group.group.label),
                        "threshold": .int(group.group.requiredWhenAtLeast),
                        "metCount": .int(group.met.count),
                        "requiresDPIA": .bool(group.requiresDPIA),
                        "criteria": .list(group.met.map { idAndLabel($0.id, $0.label) }),
                        "hasCriteria": .bool(!group.met.isEmpty),
                    ]
                }),
        ]
    }
}

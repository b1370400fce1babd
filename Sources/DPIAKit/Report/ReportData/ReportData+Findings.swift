/// What the answers show about the data shared, the purposes it is used for and the safeguards in place.
extension ReportData.Builder {
    func dataSensitivity(_ data: DataSensitivityResult) -> TemplateValue {
        var object: TemplateObject = [
            "hasCategories": .bool(!data.categories.isEmpty),
            "categories": .list(
                data.categories.map { item in
                    [
                        "label": .string(item.category.label),
                        "sensitivity": severity(item.sensitivity),
                        "source": .string(
                            labels(item.questions.compactMap { questionnaire.question($0)?.shortLabel })),
                    ]
                }),
        ]
        // Left out when no category is in scope.
        object["highest"] = data.highest.map(severity)
        return .object(object)
    }

    func purposeDrift(_ drift: PurposeDriftResult) -> TemplateValue {
        func purposes(_ items: [Purpose]) -> TemplateValue {
            .list(items.map { idAndLabel($0.id, $0.label) })
        }
        return [
            "hasDrift": .bool(drift.hasDrift),
            "approved": purposes(drift.approved),
            "hasApproved": .bool(!drift.approved.isEmpty),
            "approvedText": .string(labels(drift.approved.map(\.label))),
            "actual": purposes(drift.actual),
            "hasActual": .bool(!drift.actual.isEmpty),
            "actualText": .string(labels(drift.actual.map(\.label))),
            "unapproved": purposes(drift.unapprovedPurposes),
            "hasUnapproved": .bool(!drift.unapprovedPurposes.isEmpty),
            "categories": .list(drift.driftedCategories.map(driftedCategory)),
            "hasCategories": .bool(!drift.driftedCategories.isEmpty),
            "signals": .list(drift.signals.map { idAndLabel($0.id, $0.label) }),
            "hasSignals": .bool(!drift.signals.isEmpty),
        ]
    }

    func driftedCategory(_ item: PurposeDriftResult.DriftedCategory) -> TemplateValue {
        let sensitivity =
            scoring.severityLevels.first { $0.id == item.category.sensitivity } ?? scoring.severityLevels[0]
        return [
            "label": .string(item.category.label),
            "sensitivity": severity(sensitivity),
            "outside": .string(
                item.outside.isEmpty ? "no purpose is approved" : labels(item.outside.map(\.label))),
            "neededBy": .string(
                item.neededBy.isEmpty ? "no purpose in use" : labels(item.neededBy.map(\.label))),
        ]
    }

    func controls() -> TemplateValue {
        let missing = assessment.controls.filter { $0.status == .missing }
        return [
            "all": .list(controlValues),
            "inPlaceCount": .int(assessment.controls.count { $0.status == .inPlace }),
            "missingCount": .int(missing.count),
            "notApplicableCount": .int(assessment.controls.count { $0.status == .notApplicable }),
            "hasMissing": .bool(!missing.isEmpty),
            "missing": .list(
                missing.map { result in
                    [
                        "id": .string(result.control.id),
                        "label": .string(result.control.label),
                        "affects": .string(list(result.control.affects.map(\.risk))),
                    ]
                }),
        ]
    }

    func control(_ result: ControlResult) -> TemplateValue {
        let question = questionnaire.question(result.control.question)
        return [
            "id": .string(result.control.id),
            "label": .string(result.control.label),
            "status": .string(result.status.label),
            "answer": .string(result.answer ?? "Not asked"),
            "isInPlace": .bool(result.status == .inPlace),
            "isMissing": .bool(result.status == .missing),
            "isNotApplicable": .bool(result.status == .notApplicable),
            "affects": .string(list(result.control.affects.map(\.risk))),
            // The question that tells whether it is in place.
            "number": text(question?.number),
            "prompt": .string(question?.prompt ?? result.control.label),
        ]
    }
}

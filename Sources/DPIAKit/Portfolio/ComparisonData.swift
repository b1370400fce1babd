/// The data `compare.md.mustache` and `compare.html.mustache` render: every name they may use is built
/// here, and `schemaSample` has each of them, for `dpia validate --templates`.
enum ComparisonData {
    /// `reportExists` says whether an option's report is in the comparison's folder, so it can be linked.
    static func build(
        _ comparison: Comparison, toolVersion: String, reportExists: (String) -> Bool
    ) -> TemplateValue {
        let options: [TemplateValue] = comparison.options.map { option in
            let meta = option.assessment.answers.metadata
            let report = RegisterFiles.reportName(option.file)
            return [
                "letter": .string(option.letter),
                "platform": .string(meta.platform),
                "organisation": .string(meta.organisation),
                "reference": meta.reference.map(TemplateValue.string) ?? .null,
                "status": .string(meta.status.rawValue),
                "assessor": .string(meta.assessor),
                "assessmentDate": .string(meta.assessmentDate),
                "reviewDate": meta.reviewDate.map(TemplateValue.string) ?? .null,
                "version": .string(option.assessment.questionnaire.version),
                "file": .string(option.file),
                "report": .string(report),
                "reportExists": .bool(reportExists(report)),
            ]
        }
        let sections: [TemplateValue] = comparison.sections.map { section in
            [
                "title": .string(section.title),
                "rows": .list(section.rows.map { row(comparison, $0) }),
            ]
        }
        let leftOut: [TemplateValue] = comparison.leftOut.map {
            ["file": .string($0.file), "reason": .string($0.reason)]
        }
        let failures: [TemplateValue] = comparison.failures.map {
            ["file": .string($0.file), "error": .string($0.error.description)]
        }
        let notes: [TemplateValue] = comparison.notes.map { ["text": .string($0)] }
        var organisations: [String] = []
        for option in comparison.options
        where !organisations.contains(option.assessment.answers.metadata.organisation) {
            organisations.append(option.assessment.answers.metadata.organisation)
        }
        return [
            "tool": ["name": "dpia", "version": .string(toolVersion)],
            "questionnaire": [
                "id": .string(comparison.questionnaireID),
                "title": .string(comparison.questionnaireTitle),
                // "version 1.1.0", "versions 1.0.0 and 1.1.0".
                "versions": .string(
                    (comparison.versions.count == 1 ? "version " : "versions ")
                        + Comparison.list(comparison.versions)),
            ],
            "organisations": .string(Comparison.list(organisations)),
            "headline": .string(comparison.headline),
            "optionCount": .int(comparison.options.count),
            "options": .list(options),
            "sections": .list(sections),
            "hasNotes": .bool(!notes.isEmpty),
            "notes": .list(notes),
            "hasLeftOut": .bool(!leftOut.isEmpty),
            "leftOut": .list(leftOut),
            "hasFailures": .bool(!failures.isEmpty),
            "failures": .list(failures),
        ]
    }

    static func row(_ comparison: Comparison, _ row: Comparison.Row) -> TemplateValue {
        let isTie: Bool
        if case .tie = row.best { isTie = true } else { isTie = false }
        let cells: [TemplateValue] = row.cells.enumerated().map { index, cell in
            let best = row.best.marks(index)
            return [
                "letter": .string(comparison.options[index].letter),
                "text": .string(cell.text),
                "level": cell.level.map { ["id": .string($0.id), "label": .string($0.label)] } ?? .null,
                "isBest": .bool(best),
                "bestWords": .string(best ? (isTie ? "joint best" : "best") : ""),
                "hasItems": .bool(!cell.items.isEmpty),
                "items": .list(cell.items.map { ["text": .string($0)] }),
                "itemsText": .string(cell.items.joined(separator: "; ")),
            ]
        }
        let hasBest: Bool
        switch row.best {
        case .one, .tie: hasBest = true
        case .noDifference, .notRanked: hasBest = false
        }
        return [
            "label": .string(row.label),
            "cells": .list(cells),
            "best": .string(comparison.bestText(row)),
            "hasBest": .bool(hasBest),
        ]
    }

    /// Comparison data with every name and a non-empty list of each kind, for checking templates.
    static func schemaSample(toolVersion: String) -> TemplateValue {
        let sample = ReportData.sampleAssessment()
        let assessed = [
            Register.Assessed(file: "a.json", assessment: sample),
            Register.Assessed(file: "b.json", assessment: sample),
        ]
        let failure = Register.Failure(
            file: "broken.json", error: .input(.missing(path: "broken.json", reason: "sample")))
        guard var comparison = try? Comparison(assessed, failures: [failure]) else { return [:] }
        comparison.leftOut = [Comparison.LeftOut(file: "other.json", reason: "sample")]
        comparison.notes = ["sample"]
        return build(comparison, toolVersion: toolVersion, reportExists: { _ in true })
    }
}

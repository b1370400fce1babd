/// The register as tab-separated values for a spreadsheet: a header, a row per platform in the order of
/// the register, then a row per file that failed with its error. Every field goes through
/// `BatchSummary.tsvField`, as `summary.tsv` does, so no cell is a formula and every row is one line.
enum RegisterTSV {
    static let header = [
        "attention", "platform", "organisation", "reference", "status", "assessor", "assessment_date",
        "review_date", "review", "inherent", "residual", "trend", "recommendation", "ico_consultation",
        "drift", "open_actions", "overdue_actions", "assessments", "report", "file", "error",
    ]

    static func tsv(_ register: Register) -> String {
        var rows: [[String]] = [header]
        for entry in register.entries {
            let assessment = entry.latest.assessment
            let meta = assessment.answers.metadata
            rows.append([
                entry.attention, meta.platform, meta.organisation, meta.reference ?? "", meta.status.rawValue,
                meta.assessor, meta.assessmentDate, meta.reviewDate ?? "", entry.reviewState,
                assessment.overallInherent?.label ?? "", assessment.overallResidual?.label ?? "", entry.trend,
                assessment.recommendation?.label ?? "", assessment.priorConsultation.shortLabel, entry.drift,
                String(entry.openActions.count), String(entry.overdueActions.count),
                String(entry.history.count), RegisterFiles.reportName(entry.latest.file), entry.latest.file,
                "",
            ])
        }
        for failure in register.failures {
            var row = Array(repeating: "", count: header.count)
            row[0] = "Could not be assessed (exit \(failure.error.exitStatus.code))"
            row[header.count - 2] = failure.file
            row[header.count - 1] = failure.error.description
            rows.append(row)
        }
        return rows.map { $0.map(BatchSummary.tsvField).joined(separator: "\t") }.joined(separator: "\n")
            + "\n"
    }
}

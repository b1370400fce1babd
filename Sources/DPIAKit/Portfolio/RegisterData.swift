/// The data `register.md.mustache` and `register.html.mustache` render: every name they may use is
/// built here, and `schemaSample` has each of them, for `dpia validate --templates`.
enum RegisterData {
    /// `reportExists` says whether an entry's report is in the register's folder, so it can be linked.
    static func build(
        _ register: Register, toolVersion: String, reportExists: (String) -> Bool
    ) -> TemplateValue {
        let entries: [TemplateValue] = register.entries.map { entry($0, reportExists: reportExists) }
        let failures: [TemplateValue] = register.failures.map { failure in
            ["file": .string(failure.file), "error": .string(failure.error.description)]
        }
        let notes: [TemplateValue] = register.notes.map { note in
            ["file": .string(note.file), "note": .string(note.note)]
        }
        return [
            "tool": ["name": "dpia", "version": .string(toolVersion)],
            "asOf": .string(register.asOf.description),
            "dueWithinDays": .int(register.dueWithinDays),
            "counts": [
                "platforms": .int(register.entries.count),
                "assessments": .int(register.assessmentCount),
                "failed": .int(register.failures.count),
                "overdueReviews": .int(register.overdueReviews),
                "reviewsDueSoon": .int(register.reviewsDueSoon),
                "overdueActions": .int(register.overdueActions),
            ],
            "headline": .string(headline(register)),
            "hasEntries": .bool(!entries.isEmpty),
            "entries": .list(entries),
            "hasFailures": .bool(!failures.isEmpty),
            "failures": .list(failures),
            "hasNotes": .bool(!notes.isEmpty),
            "notes": .list(notes),
        ]
    }

    /// One sentence for the top of the register and the terminal: what it holds and what is late.
    static func headline(_ register: Register) -> String {
        func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
        var text =
            "\(count(register.entries.count, "platform", "platforms")) from \(count(register.assessmentCount, "assessment", "assessments")), as of \(register.asOf): "
            + "\(count(register.overdueReviews, "review", "reviews")) overdue, "
            + "\(register.reviewsDueSoon) due within \(count(register.dueWithinDays, "day", "days")), "
            + "\(count(register.overdueActions, "action", "actions")) overdue"
        if !register.failures.isEmpty {
            text += "; \(count(register.failures.count, "file", "files")) could not be assessed"
        }
        return text
    }

    static func entry(_ entry: Register.Entry, reportExists: (String) -> Bool) -> TemplateValue {
        let latest = entry.latest
        let assessment = latest.assessment
        let meta = assessment.answers.metadata
        func level(_ level: Level?) -> TemplateValue {
            guard let level else { return .null }
            return ["id": .string(level.id), "label": .string(level.label)]
        }
        let report = RegisterFiles.reportName(latest.file)
        return [
            "attention": .string(entry.attention),
            "needsAttention": .bool(!entry.attention.isEmpty),
            "isOverdue": .bool(entry.isOverdue),
            "reviewState": .string(entry.reviewState),
            "platform": .string(meta.platform),
            "organisation": .string(meta.organisation),
            "reference": meta.reference.map(TemplateValue.string) ?? .null,
            "status": .string(meta.status.rawValue),
            "assessor": .string(meta.assessor),
            "assessmentDate": .string(meta.assessmentDate),
            "reviewDate": meta.reviewDate.map(TemplateValue.string) ?? .null,
            "inherent": level(assessment.overallInherent),
            "residual": level(assessment.overallResidual),
            "recommendation": .string(assessment.recommendation?.label ?? ""),
            "priorConsultation": .string(assessment.priorConsultation.shortLabel),
            "drift": .string(entry.drift),
            "trend": .string(entry.trend),
            "follows": entry.follows.map(TemplateValue.string) ?? .null,
            "assessments": .int(entry.history.count),
            "openActions": .int(entry.openActions.count),
            "overdueActions": .int(entry.overdueActions.count),
            "report": .string(report),
            "reportExists": .bool(reportExists(report)),
            "file": .string(latest.file),
        ]
    }

    /// Register data with every name and a non-empty list of each kind, for checking templates.
    static func schemaSample(toolVersion: String) -> TemplateValue {
        let sample = ReportData.sampleAssessment()
        let date = CalendarDate(year: 2026, month: 1, day: 1)!
        let register = Register(
            [Register.Assessed(file: "sample.json", assessment: sample)],
            failures: [
                Register.Failure(
                    file: "broken.json", error: .input(.missing(path: "broken.json", reason: "sample")))
            ],
            notes: [RegisterNote(file: "note.json", note: "sample")], asOf: date, dueWithinDays: 30)
        return build(register, toolVersion: toolVersion, reportExists: { _ in true })
    }
}

/// The names of a register's files.
enum RegisterFiles {
    /// The HTML report `dpia assess` writes for an answers file: `NAME.html`.
    static func reportName(_ answersPath: String) -> String {
        PathText.deletingExtension(PathText.lastComponent(answersPath)) + ".html"
    }
}

import Foundation

/// The one-line-per-assessment summary of a batch, for the terminal and for `summary.tsv`.
enum BatchSummary {
    /// One answers file's line: its figures when assessed, or the exit status of its failure.
    struct Row: Sendable {
        var file: String
        var platform = ""
        var organisation = ""
        var inherent = ""
        var residual = ""
        var recommendation = ""
        var icoConsultation = ""
        /// `draft` or `final` from the answers file, or `failed (STATUS)`.
        var status: String

        init(file: String, assessment: Assessment) {
            let meta = assessment.answers.metadata
            self.file = file
            platform = meta.platform
            organisation = meta.organisation
            inherent = assessment.overallInherent?.label ?? ""
            residual = assessment.overallResidual?.label ?? ""
            recommendation = assessment.recommendation?.label ?? ""
            icoConsultation = assessment.priorConsultation.shortLabel
            status = meta.status.rawValue
        }

        init(file: String, failure: DPIAError) {
            self.file = file
            status = "failed (\(failure.exitStatus.code))"
        }

        var fields: [String] {
            [file, platform, organisation, inherent, residual, recommendation, icoConsultation, status]
        }
    }

    static let header = [
        "file", "platform", "organisation", "inherent", "residual", "recommendation", "ico_consultation",
        "status",
    ]

    /// Tab-separated values with a header, safe to open in a spreadsheet; see `tsvField`.
    static func tsv(_ rows: [Row]) -> String {
        ([header] + rows.map(\.fields)).map { fields in
            fields.map(tsvField).joined(separator: "\t")
        }.joined(separator: "\n") + "\n"
    }

    /// One field as a spreadsheet may read it:
    /// - controls, tabs, line breaks and bidirectional overrides shown as escapes (`\t`, `\u{0}`), by the
    ///   sanitizer terminal output uses, so each row stays one line of the same columns;
    /// - a field a spreadsheet would take as a formula (starting `=`, `+`, `-`, `@` or their full-width
    ///   forms) starts with `'` instead, so it is shown as text and never evaluated;
    /// - a field with a `"` is quoted, its quotes doubled (RFC 4180, as Excel and Python's `excel-tab`
    ///   read tab-separated text), so a leading quote cannot swallow the rows after it.
    static func tsvField(_ field: String) -> String {
        var text = TerminalText.sanitize(field, keepingLineBreaks: false)
        if let first = text.unicodeScalars.first, formulaStarts.contains(first) { text = "'" + text }
        let quote = UInt8(ascii: "\"")
        guard text.utf8.contains(quote) else { return text }
        // On UTF-8 bytes (a quote is ASCII): Foundation's `replacingOccurrences` cost more than the rest of
        // the summary put together.
        var quoted = [quote]
        for byte in text.utf8 {
            quoted.append(byte)
            if byte == quote { quoted.append(quote) }
        }
        quoted.append(quote)
        return String(decoding: quoted, as: UTF8.self)
    }

    /// What makes a spreadsheet read a cell as a formula.
    static let formulaStarts: Set<Unicode.Scalar> = [
        "=", "+", "-", "@", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}",
    ]

    /// The line printed for a row: `FILE: RESIDUAL residual (INHERENT before measures), RECOMMENDATION...`.
    static func line(_ row: Row) -> TerminalText {
        if row.residual.isEmpty && row.platform.isEmpty { return "\(row.file): \(row.status)" }
        var text: TerminalText = "\(row.file): \(row.platform) — \(row.organisation) (\(row.status))"
        if !row.residual.isEmpty {
            text += ": residual \(row.residual.lowercased()) (inherent \(row.inherent.lowercased()))"
        }
        if !row.recommendation.isEmpty { text += "; \(row.recommendation)" }
        if !row.icoConsultation.isEmpty && row.icoConsultation != PriorConsultation.notApplicable.shortLabel {
            text += "; ICO prior consultation \(row.icoConsultation)"
        }
        return text
    }
}

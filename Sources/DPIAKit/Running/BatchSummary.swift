/// The one-line-per-assessment summary of a batch, for the terminal and for `summary.tsv`.
public enum BatchSummary {
    /// One answers file's line: its figures when assessed, or the exit status of its failure.
    public struct Row: Sendable {
        public var file: String
        public var platform = ""
        public var organisation = ""
        public var inherent = ""
        public var residual = ""
        public var recommendation = ""
        public var icoConsultation = ""
        /// `draft` or `final` from the answers file, or `failed (STATUS)`.
        public var status: String

        public init(file: String, assessment: Assessment) {
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

        public init(file: String, failure: DPIAError) {
            self.file = file
            status = "failed (\(failure.exitStatus.code))"
        }

        var fields: [String] {
            [file, platform, organisation, inherent, residual, recommendation, icoConsultation, status]
        }
    }

    public static let header = [
        "file", "platform", "organisation", "inherent", "residual", "recommendation", "ico_consultation",
        "status",
    ]

    /// Tab-separated values with a header; tabs and line breaks inside a value become spaces.
    public static func tsv(_ rows: [Row]) -> String {
        ([header] + rows.map(\.fields)).map { fields in
            fields.map(tsvField).joined(separator: "\t")
        }.joined(separator: "\n") + "\n"
    }

    /// A field with tabs and line breaks made spaces, so each row stays one line of columns.
    static func tsvField(_ field: String) -> String {
        // Every line break Swift knows starts with a control byte, 0xC2 (U+0085) or 0xE2 (U+2028/9);
        // a field with none of them, nearly every one, is already clean.
        guard field.utf8.contains(where: { $0 < 0x20 || $0 == 0xC2 || $0 == 0xE2 }) else { return field }
        return String(field.map { $0 == "\t" || $0.isNewline ? " " : $0 })
    }

    /// The line printed for a row: `FILE: RESIDUAL residual (INHERENT before measures), RECOMMENDATION...`.
    public static func line(_ row: Row) -> String {
        if row.residual.isEmpty && row.platform.isEmpty { return "\(row.file): \(row.status)" }
        var text = "\(row.file): \(row.platform) — \(row.organisation) (\(row.status))"
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

/// The data of `Templates/diff.*.mustache`: the comparison `dpia diff --format` writes for a committee pack.
enum DiffReport {
    /// `changes` holds what `partials/changes.*` render, as the report's changes section does; the two
    /// answers fingerprints (SHA-256 of each answers file as dpia writes it, as each report prints it) let a
    /// reader match the comparison to the two reports.
    static func data(
        _ diff: AssessmentDiff, toolVersion: String, fingerprints: (old: String, new: String)
    ) -> TemplateValue {
        [
            "tool": ["name": "dpia", "version": .string(toolVersion)],
            "changes": ChangesData.build(diff),
            "oldFingerprint": .string("sha256:" + fingerprints.old),
            "newFingerprint": .string("sha256:" + fingerprints.new),
            // The printed page's footer (the shared style sheet) names the later assessment's.
            "fingerprintShort": .string(String(fingerprints.new.prefix(12))),
        ]
    }
}

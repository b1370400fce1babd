/// The data of `Templates/diff.*.mustache`: the comparison `dpia diff --format` writes for a committee pack.
public enum DiffReport {
    /// `changes` holds what `partials/changes.*` render, as the report's changes section does.
    public static func data(_ diff: AssessmentDiff, toolVersion: String) -> TemplateValue {
        [
            "tool": ["name": "dpia", "version": .string(toolVersion)],
            "changes": ChangesData.build(diff),
        ]
    }
}

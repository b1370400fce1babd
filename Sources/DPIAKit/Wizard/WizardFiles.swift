/// Where the wizard's files go and how to continue a stopped assessment. Pure functions: the caller
/// says which files exist.
public enum WizardFiles {
    /// The default draft name for a new assessment started on `date`: `dpia-draft-DATE.json`, or
    /// `dpia-draft-DATE-2.json` and so on when that exists, so an earlier draft is never overwritten.
    public static func newDraftPath(
        date: CalendarDate, directory: String = ".", exists: (String) -> Bool
    ) -> String {
        let stem = "dpia-draft-\(date)"
        var candidate = join(directory, stem + ".json")
        var number = 2
        while exists(candidate) {
            candidate = join(directory, "\(stem)-\(number).json")
            number += 1
        }
        return candidate
    }

    /// The final answers file for a draft, in `outputDirectory`: the draft's name with the word "draft"
    /// taken out (`dpia-draft-2026-05-01.json` → `dpia-2026-05-01.json`, `teams.draft.json` →
    /// `teams.json`). The reports take the same name with their own extension.
    public static func finalAnswersPath(forDraft draftPath: String, outputDirectory: String) -> String {
        var name = String(draftPath.split(separator: "/").last ?? Substring(draftPath))
        if name.hasSuffix(".json") { name.removeLast(".json".count) }
        for marker in [".draft", "-draft", "_draft", "draft-", "draft_", "draft."] {
            if let range = name.range(of: marker) {
                name.removeSubrange(range)
                break
            }
        }
        if name.isEmpty || name == "draft" { name = "dpia" }
        return join(outputDirectory, name + ".json")
    }

    /// `dpia wizard --resume DRAFT` followed by `options`, each quoted for a POSIX shell when needed.
    public static func resumeCommand(draftPath: String, options: [String] = []) -> String {
        (["dpia", "wizard", "--resume", draftPath] + options).map(shellQuoted).joined(separator: " ")
    }

    /// The word as a POSIX shell reads it back: unchanged when it is safe, else in single quotes.
    public static func shellQuoted(_ word: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@%")
        if !word.isEmpty && word.allSatisfy(safe.contains) { return word }
        return "'" + word.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''")
            + "'"
    }

    private static func join(_ directory: String, _ name: String) -> String {
        if directory.isEmpty || directory == "." { return name }
        return directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}

/// Where the wizard's files go and how to continue a stopped assessment. Pure functions: the caller
/// says which files exist.
public enum WizardFiles {
    /// The default draft name for a new assessment started on `date`: `dpia-draft-DATE.json`, or
    /// `dpia-draft-DATE-2.json` and so on when that exists, so an earlier draft is never overwritten.
    static func newDraftPath(
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
    static func finalAnswersPath(forDraft draftPath: String, outputDirectory: String) -> String {
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

    /// `dpia wizard --resume DRAFT` followed by `options`, each quoted for a POSIX shell when needed;
    /// `program` is how to run dpia where the user is (see `program(executable:onPath:directory:)`).
    static func resumeCommand(draftPath: String, options: [String] = [], program: String = "dpia")
        -> String
    {
        ([program] + (["wizard", "--resume", draftPath] + options).map(shellQuoted)).joined(separator: " ")
    }

    /// How to run this dpia again from `directory`, for the commands the wizard prints: `dpia` when
    /// that name on PATH is this binary; `swift run dpia` in the package checkout it was built in (where
    /// `dpia` is usually not on PATH); else the binary's path, relative when it is below `directory`.
    /// `executable` is the running binary's absolute path, `onPath` the absolute path `dpia` resolves to
    /// on PATH (nil when it is not there), `isPackageRoot` whether `directory` holds this package.
    public static func program(
        executable: String?, onPath: String?, directory: String, isPackageRoot: Bool
    ) -> String {
        guard let executable, executable.hasPrefix("/") else { return "dpia" }
        if onPath == executable { return "dpia" }
        let folder = directory.hasSuffix("/") ? directory : directory + "/"
        if executable.hasPrefix(folder) {
            let relative = String(executable.dropFirst(folder.count))
            if isPackageRoot && relative.hasPrefix(".build/") { return "swift run dpia" }
            return shellQuoted("./" + relative)
        }
        return shellQuoted(executable)
    }

    /// The word as a POSIX shell reads it back: unchanged when it is safe, else in single quotes.
    static func shellQuoted(_ word: String) -> String {
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

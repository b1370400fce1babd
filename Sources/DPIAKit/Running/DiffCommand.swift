/// `dpia diff OLD NEW`: what changed between two assessments of one platform, printed to the terminal.
public struct DiffCommand {
    public var old: String
    public var new: String

    public init(old: String, new: String) {
        self.old = old
        self.new = new
    }

    public func run(in context: CommandContext, output: CommandOutput) -> ExitStatus {
        let loader = RegisterLoader(catalog: context.catalog())
        var cache = QuestionnaireCache(explicit: nil)
        var assessments: [Assessment] = []
        var failures: [DPIAError] = []
        for file in [old, new] {
            switch loader.load(file, questionnaires: &cache) {
            case .assessed(let one): assessments.append(one.assessment)
            case .failed(let failure): failures.append(failure.error)
            case .skipped(let note):
                // Another kind of JSON: worded as the register notes it, but here it is an error.
                let what = note.note.hasSuffix("; skipped") ? String(note.note.dropLast(9)) : note.note
                failures.append(
                    .input(
                        .invalid(
                            ValidationFailure([
                                Diagnostic(
                                    file: file, path: "", location: nil,
                                    message: "\(what); dpia diff compares two answers files")
                            ]))))
            }
        }
        if !failures.isEmpty {
            for failure in failures { output.fail(failure) }
            return DPIAError.several(failures).exitStatus
        }
        do throws(DPIAError) {
            let diff = try AssessmentDiff(
                old: assessments[0], oldFile: old, new: assessments[1], newFile: new)
            for line in diff.terminalLines { output.out(line) }
            return .success
        } catch {
            return output.fail(error)
        }
    }
}

/// `dpia diff OLD NEW`: what changed between two assessments of one platform, printed to the terminal,
/// or written as Markdown and HTML for the committee pack.
public struct DiffCommand {
    var old: String
    var new: String
    /// `md`, `html`: write these instead of printing; none prints.
    var formats: [String]
    var outputDirectory: String
    var overwrite: Bool
    var templates: String?

    public init(
        old: String, new: String, formats: [String] = [], outputDirectory: String = "reports",
        overwrite: Bool = false, templates: String? = nil
    ) {
        self.old = old
        self.new = new
        self.formats = formats
        self.outputDirectory = outputDirectory
        self.overwrite = overwrite
        self.templates = templates
    }

    /// The files `--format` writes: `OUT/NEW.diff.md` and `OUT/NEW.diff.html`, NEW the later file's name.
    func outputPath(_ format: ReportFormat) -> String {
        let base = PathText.deletingExtension(PathText.lastComponent(new))
        return PathText.join(outputDirectory, "\(base).diff.\(format.fileExtension)")
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
                // Another kind of JSON: the register passes over it, but here it is an error.
                failures.append(
                    .input(
                        .invalid(
                            ValidationFailure([
                                Diagnostic(
                                    file: file, path: "", location: nil,
                                    message: "\(note.note); dpia diff compares two answers files")
                            ]))))
            }
        }
        if !failures.isEmpty {
            for failure in failures { output.fail(failure) }
            return DPIAError.several(failures).exitStatus
        }
        let templated = RegisterTemplates.formats.filter { formats.contains($0.rawValue) }
        do throws(DPIAError) {
            // Templates are found before anything is compared, so a broken folder is told at once.
            var diffTemplates: RegisterTemplates?
            if !templated.isEmpty {
                let reports = try context.templates(templates)
                do throws(TemplateLoadError) {
                    diffTemplates = try RegisterTemplates.load(
                        beside: reports, needed: templated, name: "diff")
                } catch {
                    throw .templates(error)
                }
            }
            let diff = try AssessmentDiff(
                old: assessments[0], oldFile: old, new: assessments[1], newFile: new)
            guard let diffTemplates else {
                for line in diff.terminalLines { output.out(line) }
                return .success
            }
            let data = DiffReport.data(
                diff, toolVersion: dpiaVersion,
                fingerprints: (
                    assessments[0].answersFingerprint, assessments[1].answersFingerprint
                ))
            var files: [OutputFile] = []
            for format in templated {
                do throws(TemplateError) {
                    files.append(
                        OutputFile(
                            path: outputPath(format), bytes: try diffTemplates.render(format, data: data)))
                } catch {
                    throw .rendering(error)
                }
            }
            do throws(OutputError) {
                try FileSet.writeNew(files, into: outputDirectory, overwrite: overwrite)
            } catch {
                throw .output(error)
            }
            output.out(TerminalText("Wrote " + files.map(\.path).joined(separator: ", ")))
            return .success
        } catch {
            return output.fail(error)
        }
    }
}

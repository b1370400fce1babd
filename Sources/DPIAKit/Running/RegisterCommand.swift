/// `dpia register`: the register of every assessment under some folders, written as Markdown, HTML and
/// TSV, with reviews and actions judged against one date.
public struct RegisterCommand {
    var directories: [String]
    var outputDirectory: String
    /// Any of `md`, `html`, `tsv`.
    var formats: [String]
    var overwrite: Bool
    var templates: String?
    /// The date reviews and actions are judged against; the executable reads today once if not given.
    var asOf: CalendarDate
    var dueWithinDays: Int
    var failOnOverdue: Bool

    public init(
        directories: [String], outputDirectory: String, formats: [String], overwrite: Bool,
        templates: String?,
        asOf: CalendarDate, dueWithinDays: Int, failOnOverdue: Bool
    ) {
        self.directories = directories
        self.outputDirectory = outputDirectory
        self.formats = formats
        self.overwrite = overwrite
        self.templates = templates
        self.asOf = asOf
        self.dueWithinDays = dueWithinDays
        self.failOnOverdue = failOnOverdue
    }

    /// The options as typed, checked: `--as-of` a real `YYYY-MM-DD` date, `--due-within` a whole number of
    /// days from 0 to 3650. `today` is used when `--as-of` is not given.
    public static func parseDates(asOf: String?, dueWithin: String?, today: CalendarDate) throws(UsageError)
        -> (asOf: CalendarDate, dueWithinDays: Int)
    {
        func usage(_ message: String) -> UsageError {
            UsageError(
                commandPath: ["dpia", "register"], message: message,
                usage: DPIACommandLine.synopsis("register"))
        }
        var date = today
        if let asOf {
            guard let parsed = CalendarDate(iso: asOf) else {
                throw usage("--as-of \(asOf): expected a date as YYYY-MM-DD, for example 2026-07-01")
            }
            date = parsed
        }
        var days = 30
        if let dueWithin {
            guard let parsed = Int(dueWithin), (0...3650).contains(parsed) else {
                throw usage("--due-within \(dueWithin): expected a whole number of days from 0 to 3650")
            }
            days = parsed
        }
        return (date, days)
    }

    public func run(in context: CommandContext, output: CommandOutput) -> ExitStatus {
        let scan: RegisterScan
        do {
            scan = try RegisterScan.scan(directories)
        } catch {
            return output.fail(error)
        }
        let templated = RegisterTemplates.formats.filter { formats.contains($0.rawValue) }
        var registerTemplates: RegisterTemplates?
        if !templated.isEmpty {
            do throws(DPIAError) {
                let reports = try context.templates(templates)
                do throws(TemplateLoadError) {
                    registerTemplates = try RegisterTemplates.load(beside: reports, needed: templated)
                } catch {
                    throw .templates(error)
                }
            } catch {
                return output.fail(error)
            }
        }
        let loaded = RegisterLoader(catalog: context.catalog()).load(scan.files)
        var assessed: [Register.Assessed] = []
        var failures: [Register.Failure] = []
        var notes = scan.notes
        for item in loaded {
            switch item {
            case .assessed(let one): assessed.append(one)
            case .failed(let failure): failures.append(failure)
            case .skipped(var note):
                note.note += "; skipped"
                notes.append(note)
            }
        }
        for note in notes { output.error("dpia: note: \(note.file) \(note.note)") }
        for failure in failures { output.fail(failure.error) }
        if assessed.isEmpty && failures.isEmpty {
            return output.fail(
                .input(
                    .missing(
                        path: directories.joined(separator: ", "),
                        reason: "holds no answers files (*.json, searched recursively)")))
        }
        let register = Register(
            assessed, failures: failures, notes: notes, asOf: asOf, dueWithinDays: dueWithinDays)
        for entry in register.entries where !entry.notComparable.isEmpty {
            let meta = entry.latest.assessment.answers.metadata
            output.error(
                "dpia: note: the history of \(meta.platform) (\(meta.reference ?? entry.latest.file)) mixes questionnaires: \(entry.notComparable.joined(separator: "; ")); its trend is over the \(entry.latest.assessment.questionnaire.id) assessments only"
            )
        }
        var files: [OutputFile] = []
        let data = RegisterData.build(register, toolVersion: dpiaVersion) { report in
            FileIO.exists(PathText.join(outputDirectory, report))
        }
        do throws(DPIAError) {
            for format in templated {
                do throws(TemplateError) {
                    files.append(
                        OutputFile(
                            path: PathText.join(outputDirectory, "register.\(format.fileExtension)"),
                            bytes: try registerTemplates!.render(format, data: data)))
                } catch {
                    throw .rendering(error)
                }
            }
            if formats.contains("tsv") {
                files.append(
                    OutputFile(
                        path: PathText.join(outputDirectory, "register.tsv"), text: RegisterTSV.tsv(register))
                )
            }
            do throws(OutputError) {
                try FileSet.writeNew(files, into: outputDirectory, overwrite: overwrite)
            } catch {
                throw .output(error)
            }
        } catch {
            return output.fail(error)
        }
        output.out(TerminalText("Register: " + RegisterData.headline(register)))
        for entry in register.entries where !entry.attention.isEmpty {
            let meta = entry.latest.assessment.answers.metadata
            let reference = meta.reference.map { " (\($0))" } ?? ""
            output.out(
                TerminalText("  \(entry.attention): \(meta.platform) — \(meta.organisation)\(reference)"))
        }
        output.out(TerminalText("Wrote " + files.map(\.path).joined(separator: ", ")))
        if !failures.isEmpty {
            output.error(
                "dpia: \(failures.count) of \(failures.count + assessed.count) answers files could not be assessed; they are listed in the register"
            )
            return DPIAError.several(failures.map(\.error)).exitStatus
        }
        if failOnOverdue && register.hasOverdue {
            output.error(
                "dpia: \(register.overdueReviews) review(s) and \(register.overdueActions) action(s) overdue as of \(asOf) (--fail-on-overdue)"
            )
            return .overdue
        }
        return .success
    }
}

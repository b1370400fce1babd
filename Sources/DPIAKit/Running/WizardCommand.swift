/// `dpia wizard` (and `dpia` alone): answer a questionnaire interactively, saving a draft after every
/// answer, then write the final answers file and the reports.
///
/// The executable chooses the console (the real terminal, or plain lines) and reads the clock; everything
/// else is decided here: which questionnaire and draft, which files may be replaced, what to say when the
/// wizard stops, and the exit status.
public struct WizardCommand {
    static let defaultQuestionnaire = "communication-platform"
    static let defaultOutput = "reports"

    /// `--questionnaire ID|PATH`; nil for the one a `--resume` draft names, else the default.
    var questionnaire: String?
    /// `--resume DRAFT`: continue that draft in place.
    var resume: String?
    /// `--from OLD`: start a new assessment on the current version from an earlier answers file.
    var from: String?
    /// `--draft PATH`: where a new draft goes.
    var draft: String?
    /// `--out DIR`, or nil for the default.
    var outputDirectory: String?
    /// `--format`, as given: the formats written, and repeated in the resume command unless the default.
    var formatNames: [String]
    var templates: String?
    var force: Bool
    var plain: Bool
    /// How to run dpia where the user is, for the commands it prints (`dpia`, `swift run dpia`, or
    /// the binary's path): see `WizardFiles.program`.
    public var program = "dpia"

    public init(
        questionnaire: String?, resume: String?, draft: String?, outputDirectory: String?,
        formatNames: [String], templates: String?, force: Bool, plain: Bool, from: String? = nil
    ) {
        self.questionnaire = questionnaire
        self.resume = resume
        self.from = from
        self.draft = draft
        self.outputDirectory = outputDirectory
        self.formatNames = formatNames
        self.templates = templates
        self.force = force
        self.plain = plain
    }

    /// Whether to ask line by line rather than draw on the terminal, as far as the options and the
    /// environment say: `--plain`, `ACCESSIBLE=1` or `TERM=dumb`. The executable also uses plain prompts
    /// when standard input or error is not a terminal.
    public func prefersPlainPrompts(environment: [String: String]) -> Bool {
        if plain { return true }
        if let accessible = environment["ACCESSIBLE"], !accessible.isEmpty, accessible != "0" { return true }
        return environment["TERM"] == "dumb"
    }

    /// How `start` ended: ready to ask the first question, or stopped with a status (the reason has
    /// been told to `output`).
    public enum Start {
        case ready(WizardSession)
        case stopped(ExitStatus)
    }

    /// Everything before the first question: finds the questionnaire and templates, loads or claims the
    /// draft, and refuses to begin when a report it would write already exists, rather than after half an
    /// hour of answers.
    public func start(in context: CommandContext, today: CalendarDate, output: CommandOutput) -> Start {
        let outputDirectory = self.outputDirectory ?? Self.defaultOutput
        if resume != nil && draft != nil {
            output.error(
                "dpia wizard: --resume continues a draft in place, so --draft cannot be given with it\nusage: \(DPIACommandLine.synopsis("wizard"))"
            )
            return .stopped(.usage)
        }
        if resume != nil && from != nil {
            output.error(
                "dpia wizard: --resume continues a draft and --from starts a new assessment from an earlier one; give one of them\nusage: \(DPIACommandLine.synopsis("wizard"))"
            )
            return .stopped(.usage)
        }
        let catalog = context.catalog()
        let questionnaire: Questionnaire
        let templates: ReportTemplates
        do {
            if let explicit = self.questionnaire {
                questionnaire = try QuestionnaireResolver.resolve(explicit, catalog: catalog)
            } else if let resume {
                // A draft continues on the version it names; `--from` is how one moves to a newer version.
                questionnaire = try QuestionnaireResolver.forAnswers(
                    try Self.read(resume), answersPath: resume, explicit: nil, catalog: catalog)
            } else {
                questionnaire = try QuestionnaireResolver.resolve(Self.defaultQuestionnaire, catalog: catalog)
            }
            templates = try context.templates(self.templates)
        } catch {
            return .stopped(output.fail(error))
        }
        if resume != nil, let newer = questionnaire.supersededBy {
            output.error(
                "dpia: note: this draft is on \(questionnaire.id) \(questionnaire.version), superseded by \(newer); it continues on \(questionnaire.version). To re-assess on \(newer) instead, start a new assessment from it: \(program) wizard --from \(WizardFiles.shellQuoted(resume!))"
            )
        }

        // Where the draft lives, and what it already holds.
        let draftPath: String
        var draft: Answers?
        if let resume {
            draftPath = resume
        } else if let explicit = self.draft {
            if FileIO.exists(explicit) {
                output.error(
                    CommandOutput.prefixed(
                        "\(explicit) already exists; continue it with: \(WizardFiles.resumeCommand(draftPath: explicit, options: resumeOptions, program: program))\nor choose another --draft path (nothing was changed)"
                    ))
                return .stopped(.cannotCreate)
            }
            draftPath = explicit
        } else {
            draftPath = WizardFiles.newDraftPath(date: today, exists: FileIO.exists)
        }
        // Two wizards on one draft would overwrite each other's answers, each saying "saved".
        let lock: DraftLock
        do throws(OutputError) {
            lock = try DraftLock.acquire(draft: draftPath)
        } catch {
            return .stopped(output.fail(.output(error)))
        }
        if let resume {
            do throws(DPIAError) {
                draft = try Self.loadDraft(resume, questionnaire: questionnaire)
            } catch {
                lock.release()
                return .stopped(output.fail(error))
            }
        }
        var carryOver: CarryOver?
        if let from {
            do throws(DPIAError) {
                carryOver = try Self.carryOver(
                    from: from, to: questionnaire, draftPath: draftPath, catalog: catalog,
                    cwd: context.currentDirectory)
            } catch {
                lock.release()
                return .stopped(output.fail(error))
            }
        }

        let finalPath = WizardFiles.finalAnswersPath(forDraft: draftPath, outputDirectory: outputDirectory)
        let formats = DPIACommandLine.formats(formatNames)
        let reportPaths = formats.map { "\(finalPath.dropLast(".json".count)).\($0.fileExtension)" }
        if !force,
            let existing = ([finalPath] + reportPaths).first(where: { $0 != draftPath && FileIO.exists($0) })
        {
            output.error(
                CommandOutput.prefixed(
                    "\(existing) already exists; use --force to replace it, or --out to pick another folder (nothing was asked or written)"
                ))
            lock.release()
            return .stopped(.cannotCreate)
        }

        let save = { (answers: Answers) throws(OutputError) in
            try FileIO.writeAtomically(
                AnswersFile.write(answers, questionnaire: questionnaire), to: draftPath, overwrite: true)
        }
        let wizard =
            if let carryOver {
                Wizard(
                    questionnaire: questionnaire, today: today, carryingOver: carryOver, draftPath: draftPath,
                    reportsFolder: outputDirectory, save: save)
            } else {
                Wizard(
                    questionnaire: questionnaire, today: today, resuming: draft, draftPath: draftPath,
                    reportsFolder: outputDirectory, save: save)
            }
        if draft == nil {
            // Claims the draft's name at once and proves it can be written before anything is asked.
            do {
                try save(wizard.answers)
            } catch {
                lock.release()
                return .stopped(output.fail(.output(error)))
            }
        }
        return .ready(
            WizardSession(
                wizard: wizard, questionnaire: questionnaire, explicitQuestionnaire: self.questionnaire,
                catalog: catalog, templates: templates, cwd: context.currentDirectory,
                draftPath: draftPath, draftLock: lock, finalPath: finalPath, reportPaths: reportPaths,
                outputDirectory: outputDirectory, formats: formats, force: force, program: program,
                resumeCommand: WizardFiles.resumeCommand(
                    draftPath: draftPath, options: resumeOptions, program: program)))
    }

    /// The options to repeat when resuming: everything that is not the default, except `--draft`.
    var resumeOptions: [String] {
        var options: [String] = []
        if let questionnaire, questionnaire != Self.defaultQuestionnaire {
            options += ["--questionnaire", questionnaire]
        }
        if let outputDirectory, outputDirectory != Self.defaultOutput {
            options += ["--out", outputDirectory]
        }
        if Set(formatNames) != ["md", "html"] {
            options += ["--format", formatNames.joined(separator: ",")]
        }
        if let templates { options += ["--templates", templates] }
        if force { options.append("--force") }
        if plain { options.append("--plain") }
        return options
    }

    private static func read(_ path: String) throws(DPIAError) -> [UInt8] {
        do {
            return try FileIO.read(path)
        } catch {
            throw .input(error)
        }
    }

    /// Reads the earlier assessment `from` on the version it names, and carries what still fits to
    /// `questionnaire`; `previous` is written relative to the draft's folder.
    static func carryOver(
        from: String, to questionnaire: Questionnaire, draftPath: String, catalog: QuestionnaireCatalog?,
        cwd: String
    ) throws(DPIAError) -> CarryOver {
        let bytes = try read(from)
        if AssessmentJSON.isAssessmentFileName(from) {
            throw Assessor.notAnswers(from, at: "", nil, "named without .assessment")
        }
        let oldQuestionnaire = try QuestionnaireResolver.forAnswers(
            bytes, answersPath: from, explicit: nil, catalog: catalog)
        guard oldQuestionnaire.id == questionnaire.id else {
            throw .input(
                .invalid(
                    ValidationFailure([
                        Diagnostic(
                            file: from, path: "questionnaire.id", location: nil,
                            message:
                                "is \"\(oldQuestionnaire.id)\", but the new assessment is on \"\(questionnaire.id)\"; expected an earlier assessment on the same questionnaire (any version)"
                        )
                    ])))
        }
        let old: Answers
        do {
            // Drafts and records alike: what it holds is carried, what it lacks is asked.
            old = try AnswersFile.loadDraft(bytes, file: from, questionnaire: oldQuestionnaire)
        } catch {
            throw .input(.invalid(error))
        }
        let previousFile = PathText.relative(to: from, from: PathText.directory(of: draftPath), cwd: cwd)
        // The new file must load again: `previous` takes only a plain relative path to a *.json file.
        if let problem = PreviousAssessment.problem(withFile: previousFile) {
            throw .input(
                .invalid(
                    ValidationFailure([
                        Diagnostic(
                            file: from, path: "", location: nil,
                            message:
                                "cannot be recorded as the previous assessment: its path \(problem); rename or move it (nothing was written)"
                        )
                    ])))
        }
        return CarryOver(
            from: old, on: oldQuestionnaire, oldBytes: bytes, previousFile: previousFile, to: questionnaire)
    }

    private static func loadDraft(_ path: String, questionnaire: Questionnaire) throws(DPIAError) -> Answers {
        let bytes = try read(path)
        do {
            return try AnswersFile.loadDraft(bytes, file: path, questionnaire: questionnaire)
        } catch {
            throw .input(.invalid(error))
        }
    }
}

/// A wizard run whose draft is claimed: ask the questions, then `finish` with how the asking ended.
public struct WizardSession {
    var wizard: Wizard
    /// The questionnaire asked: the one `--questionnaire` names, the version a resumed draft names, or
    /// the default.
    let questionnaire: Questionnaire
    /// `--questionnaire`, as given, for the reports and the commands printed.
    let explicitQuestionnaire: String?
    let catalog: QuestionnaireCatalog?
    let templates: ReportTemplates
    /// The folder dpia runs in, against which `previous` is made relative to each file that holds it.
    let cwd: String
    /// Where every answer is saved as it is given.
    let draftPath: String
    /// Held from `start` to the end of `finish`, so no other wizard edits the draft meanwhile.
    let draftLock: DraftLock
    let finalPath: String
    let reportPaths: [String]
    let outputDirectory: String
    let formats: [ReportFormat]
    let force: Bool
    let program: String
    /// The command that continues this draft.
    let resumeCommand: String

    /// Asks the questions on `console` until the assessor finishes or stops, or input ends.
    public mutating func ask(on console: WizardConsole) -> WizardOutcome {
        wizard.run(on: console)
    }

    /// Tells `output` how the run ended, writes the final answers and the reports when it finished, and
    /// returns the exit status. `inputEndedByStop` says whether an end of input was the user stopping (a
    /// stop signal, or the interactive terminal going away) rather than piped answers running out.
    public func finish(_ outcome: WizardOutcome, inputEndedByStop: Bool, output: CommandOutput) -> ExitStatus
    {
        defer { draftLock.release() }
        let stopped: TerminalText =
            // The command on a line of its own, so a narrow terminal never breaks it after other words.
            "\nStopped. Your answers are saved in \(draftPath).\nTo continue, run:\n  \(resumeCommand)"
        switch outcome {
        case .finished(let answers, _):
            return write(answers, output: output)
        case .interrupted:
            output.error(stopped)
            return .interrupted
        case .endOfInput:
            if inputEndedByStop {
                output.error(stopped)
                return .interrupted
            }
            output.error(
                CommandOutput.prefixed(
                    "input ended before the assessment was finished; your answers so far are saved in \(draftPath)"
                ) + "\nTo continue, run:\n  \(resumeCommand)")
            return .unfinished
        case .saveFailed(let error, _):
            output.error(
                CommandOutput.prefixed(
                    "could not save the draft: \(error); stopped so that no answer is lost without you knowing"
                ))
            return .cannotCreate
        }
    }

    /// Writes the final answers file next to the reports, then the reports from it, exactly as
    /// `dpia assess` would; the draft is removed once both are safely written.
    private func write(_ answers: Answers, output: CommandOutput) -> ExitStatus {
        // A final assessment must be complete (`dpia assess` refuses one that is not), so an incomplete
        // one is kept as a draft, saying what it lacks, rather than written as a final nobody can assess.
        var answers = answers
        // `previous` is relative to the file that holds it: the draft's folder so far, the final's now.
        if let previous = answers.previous, finalPath != draftPath {
            answers.previous?.file = PathText.relative(
                to: previous.path(besides: draftPath), from: PathText.directory(of: finalPath), cwd: cwd)
        }
        var incomplete: [MissingItem] = []
        if answers.metadata.status == .final {
            incomplete = Scorer.assess(questionnaire, answers).missingForFinal
            if !incomplete.isEmpty { answers.metadata.status = .draft }
        }
        let assessor = Assessor(
            questionnaire: explicitQuestionnaire, outputDirectory: outputDirectory, formats: formats,
            overwrite: force, templates: templates, catalog: catalog, toolVersion: dpiaVersion)
        do throws(DPIAError) {
            // The answers file and the reports are one set: all written, or none.
            let outcome = try assessor.run(
                answersPath: finalPath,
                answers: Array(AnswersFile.write(answers, questionnaire: questionnaire).utf8),
                mayReplace: finalPath == draftPath ? [finalPath] : [])
            // Standard output gets only the files written, one a line, for scripts.
            output.out(([finalPath] + outcome.written).map { TerminalText($0) }.joined(separator: "\n"))
        } catch {
            output.error(
                CommandOutput.prefixed(error.terminalText)
                    + "\nYour answers are safe in \(draftPath); once the problem is fixed, finish with: \(resumeCommand)"
            )
            return error.exitStatus
        }
        // Standard output has just listed the files, so the notes say where without repeating them,
        // and each command stands on a line of its own, so a terminal never breaks one mid-word.
        // "Markdown", "Markdown and HTML", "Markdown, HTML and Word".
        let names = formats.map(\.readerName)
        let kinds =
            names.count > 1
            ? names.dropLast().joined(separator: ", ") + " and " + names.last! : names.joined()
        var notes: [TerminalText] = [
            "Wrote the final answers and the \(kinds) report\(formats.count == 1 ? "" : "s") in \(outputDirectory)/."
        ]
        if !incomplete.isEmpty {
            let needed = incomplete.map { "\($0.description) (\($0.path))" as String }.joined(separator: "; ")
            notes.append("Saved as a draft, not final: a final assessment still needs \(needed).")
        }
        if finalPath != draftPath {
            FileIO.remove(draftPath)
            notes.append("The draft \(draftPath) was removed; \(finalPath) holds the final answers.")
        }
        notes.append("To re-run the assessment from its answers at any time:")
        notes.append("  \(assessCommand(finalPath, force: false))")
        output.error(notes.joined(separator: "\n"))
        return .success
    }

    /// The `dpia assess` command that writes the reports from `answers` with this run's options.
    private func assessCommand(_ answers: String, force: Bool) -> String {
        var words = ["assess", "--answers", answers]
        if outputDirectory != WizardCommand.defaultOutput { words += ["--out", outputDirectory] }
        if let explicitQuestionnaire, explicitQuestionnaire != WizardCommand.defaultQuestionnaire {
            words += ["--questionnaire", explicitQuestionnaire]
        }
        if force { words.append("--force") }
        return ([program] + words.map(WizardFiles.shellQuoted)).joined(separator: " ")
    }
}

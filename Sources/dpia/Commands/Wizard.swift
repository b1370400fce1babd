import DPIAKit
import Foundation
import Glibc

/// `dpia wizard` (and `dpia` alone): answer a questionnaire interactively, saving a draft after every
/// answer, then write the final answers file and the reports.
enum Wizard {
    static let defaultQuestionnaire = "communication-platform"
    static let defaultOutput = "reports"

    static func run(_ command: ParsedCommand, environment: [String: String]) -> Int32 {
        let questionnaireName =
            command.value("questionnaire") ?? command.value("resume").flatMap(draftQuestionnaireID)
            ?? defaultQuestionnaire
        let output = command.value("out") ?? defaultOutput
        let force = command.flag("force")
        let formats = CLI.formats(command)
        let today = localToday()
        if command.value("resume") != nil && command.value("draft") != nil {
            Output.error(
                "dpia wizard: --resume continues a draft in place, so --draft cannot be given with it\nusage: \(CLI.spec.synopsis(path: ["dpia", "wizard"]))"
            )
            return ExitStatus.usage
        }
        let catalog = CLI.catalog(environment)
        let questionnaire: Questionnaire
        let templates: ReportTemplates
        do {
            questionnaire = try QuestionnaireResolver.resolve(questionnaireName, catalog: catalog)
            templates = try CLI.templates(command.value("templates"), environment: environment)
        } catch {
            return Output.fail(error)
        }

        // Where the draft lives, and what it already holds.
        let draftPath: String
        var draft: Answers?
        if let resume = command.value("resume") {
            do throws(DPIAError) {
                draft = try loadDraft(resume, questionnaire: questionnaire)
            } catch {
                return Output.fail(error)
            }
            draftPath = resume
        } else if let explicit = command.value("draft") {
            if FileIO.exists(explicit) {
                Output.error(
                    Output.prefixed(
                        "\(explicit) already exists; continue it with: \(WizardFiles.resumeCommand(draftPath: explicit, options: resumeOptions(command)))\nor choose another --draft path (nothing was changed)"
                    ))
                return ExitStatus.cannotCreate
            }
            draftPath = explicit
        } else {
            draftPath = WizardFiles.newDraftPath(date: today, exists: FileIO.exists)
        }

        // Refuse before any question is asked, rather than after half an hour of answers.
        let finalPath = WizardFiles.finalAnswersPath(forDraft: draftPath, outputDirectory: output)
        let base = String(finalPath.dropLast(".json".count))
        let targets = [finalPath] + formats.map { "\(base).\($0.fileExtension)" }
        if !force, let existing = targets.first(where: { $0 != draftPath && FileIO.exists($0) }) {
            Output.error(
                Output.prefixed(
                    "\(existing) already exists; use --force to replace it, or --out to pick another folder (nothing was asked or written)"
                ))
            return ExitStatus.cannotCreate
        }

        let save = { (answers: Answers) throws(OutputError) in
            try FileIO.writeAtomically(
                AnswersFile.write(answers, questionnaire: questionnaire), to: draftPath, overwrite: true)
        }
        var wizard = DPIAKit.Wizard(
            questionnaire: questionnaire, today: today, resuming: draft, draftPath: draftPath, save: save)
        if draft == nil {
            // Claims the draft's name at once and proves it can be written before anything is asked.
            do {
                try save(wizard.answers)
            } catch {
                return Output.fail(.output(error))
            }
        }

        let resume = WizardFiles.resumeCommand(draftPath: draftPath, options: resumeOptions(command))
        let outcome: WizardOutcome
        var stoppedBySignal = false
        var interactive = false
        if !usePlainMode(command, environment: environment),
            let terminal = TTYTerminal.openInteractive(environment: environment), terminal.start()
        {
            interactive = true
            outcome = wizard.run(on: .interactive(terminal))
            terminal.restore()
        } else {
            let io = InterruptibleLineIO(signals: Platform.SignalPipe.install())
            outcome = wizard.run(on: .plain(io))
            stoppedBySignal = io.interrupted
        }

        switch outcome {
        case .finished(let answers, _):
            return finish(
                answers, questionnaireName: questionnaireName, catalog: catalog, templates: templates,
                draftPath: draftPath, finalPath: finalPath, output: output, formats: formats, force: force)
        case .interrupted:
            Output.error("\nStopped. Your answers are saved in \(draftPath).\nTo continue: \(resume)")
            return ExitStatus.interrupted
        case .endOfInput:
            if stoppedBySignal || interactive {
                Output.error("\nStopped. Your answers are saved in \(draftPath).\nTo continue: \(resume)")
                return ExitStatus.interrupted
            }
            Output.error(
                Output.prefixed(
                    "input ended before the assessment was finished; your answers so far are saved in \(draftPath)"
                ) + "\nTo continue: \(resume)")
            return ExitStatus.dataError
        case .saveFailed(let error, _):
            Output.error(
                Output.prefixed(
                    "could not save the draft: \(error); stopped so that no answer is lost without you knowing"
                ))
            return ExitStatus.cannotCreate
        }
    }

    /// Writes the final answers file next to the reports, then the reports from it, exactly as
    /// `dpia assess` would; the draft is removed once both are safely written.
    private static func finish(
        _ answers: Answers, questionnaireName: String, catalog: QuestionnaireCatalog?,
        templates: ReportTemplates,
        draftPath: String, finalPath: String, output: String, formats: [ReportFormat], force: Bool
    ) -> Int32 {
        let questionnaire = try? QuestionnaireResolver.resolve(questionnaireName, catalog: catalog)
        let assess = Assessor(
            questionnaire: questionnaireName, outputDirectory: output, formats: formats, overwrite: force,
            templates: templates, catalog: catalog, toolVersion: dpiaVersion)
        do throws(DPIAError) {
            do throws(OutputError) {
                try FileIO.makeDirectory(output)
                try FileIO.writeAtomically(
                    AnswersFile.write(answers, questionnaire: questionnaire), to: finalPath,
                    overwrite: force || finalPath == draftPath)
            } catch {
                throw .output(error)
            }
            let outcome = try assess.run(answersPath: finalPath)
            // Standard output gets only the files written, one a line, for scripts.
            Output.out(([finalPath] + outcome.written).joined(separator: "\n"))
        } catch {
            Output.error(
                Output.prefixed(error.description)
                    + "\nYour answers are safe in \(draftPath); once the problem is fixed, write the reports with: "
                    + assessCommand(
                        draftPath, questionnaireName: questionnaireName, output: output, force: true))
            return error.exitStatus
        }
        var notes = [
            "Wrote \(([finalPath] + formats.map { "\(finalPath.dropLast(5)).\($0.fileExtension)" }).joined(separator: ", "))."
        ]
        if finalPath != draftPath {
            unlink(draftPath)
            notes.append("The draft \(draftPath) was removed; \(finalPath) holds the final answers.")
        }
        notes.append(
            "Re-run the assessment at any time with: "
                + assessCommand(finalPath, questionnaireName: questionnaireName, output: output, force: false)
        )
        Output.error(notes.joined(separator: "\n"))
        return ExitStatus.ok
    }

    /// The questionnaire id a draft names, so `--resume` alone finds the right questionnaire.
    private static func draftQuestionnaireID(_ path: String) -> String? {
        guard let bytes = try? FileIO.read(path) else { return nil }
        return try? AnswersFile.questionnaireReference(bytes, file: path).id
    }

    private static func loadDraft(_ path: String, questionnaire: Questionnaire) throws(DPIAError) -> Answers {
        let bytes: [UInt8]
        do {
            bytes = try FileIO.read(path)
        } catch {
            throw .input(error)
        }
        do {
            return try AnswersFile.loadDraft(bytes, file: path, questionnaire: questionnaire)
        } catch {
            throw .input(.invalid(error))
        }
    }

    private static func assessCommand(
        _ answers: String, questionnaireName: String, output: String, force: Bool
    )
        -> String
    {
        var words = ["dpia", "assess", "--answers", answers]
        if output != defaultOutput { words += ["--out", output] }
        if questionnaireName != defaultQuestionnaire { words += ["--questionnaire", questionnaireName] }
        if force { words.append("--force") }
        return words.map(WizardFiles.shellQuoted).joined(separator: " ")
    }

    /// Plain line-by-line prompts: asked for, or needed because there is no terminal to draw on.
    static func usePlainMode(_ command: ParsedCommand, environment: [String: String]) -> Bool {
        if command.flag("plain") { return true }
        if let accessible = environment["ACCESSIBLE"], !accessible.isEmpty, accessible != "0" { return true }
        if environment["TERM"] == "dumb" { return true }
        return !Platform.isTerminal(STDIN_FILENO) || !Platform.isTerminal(STDERR_FILENO)
    }

    /// The options to repeat when resuming: everything that is not the default, except `--draft`.
    static func resumeOptions(_ command: ParsedCommand) -> [String] {
        var options: [String] = []
        if let questionnaire = command.value("questionnaire"), questionnaire != defaultQuestionnaire {
            options += ["--questionnaire", questionnaire]
        }
        if let output = command.value("out"), output != defaultOutput { options += ["--out", output] }
        let formats = command.values("format")
        if Set(formats) != ["md", "html"] { options += ["--format", formats.joined(separator: ",")] }
        if let templates = command.value("templates") { options += ["--templates", templates] }
        if command.flag("force") { options.append("--force") }
        if command.flag("plain") { options.append("--plain") }
        return options
    }

    /// Today in the local time zone: the default assessment date. Only the executable reads the clock.
    static func localToday() -> CalendarDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? CalendarDate(year: 2000, month: 1, day: 1)!
    }
}

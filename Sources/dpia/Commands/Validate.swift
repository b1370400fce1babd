import DPIAKit

/// `dpia validate`: check definitions, answers files and templates, reporting every problem.
enum Validate {
    static func run(_ command: ParsedCommand, environment: [String: String]) -> Int32 {
        var files = command.positionals(named: "FILE")
        var templatesDirectory = command.value("templates")
        if files.isEmpty && templatesDirectory == nil {
            guard let home = try? CLI.locator(environment).home() else {
                Output.error(
                    "dpia validate: no file given and the bundled files were not found; expected FILE...")
                return ExitStatus.usage
            }
            let loaded = QuestionnaireCatalog.load(directory: home + "/Questionnaires")
            files =
                loaded.catalog.entries.map(\.path)
                + loaded.failures.compactMap {
                    if case .invalid(let failure) = $0 { return failure.diagnostics.first?.file }
                    return nil
                }
            templatesDirectory = home + "/Templates"
        }
        let catalog = CLI.catalog(environment)
        var failures: [DPIAError] = []
        for file in files {
            do {
                Output.out("\(file): ok (\(try check(file, command: command, catalog: catalog)))")
            } catch {
                failures.append(error)
                Output.error(Output.prefixed(error.description))
            }
        }
        if let templatesDirectory {
            do {
                let templates = try CLI.templates(templatesDirectory, environment: environment)
                let unknown = templates.unknownNames(toolVersion: dpiaVersion)
                if unknown.isEmpty {
                    Output.out(
                        "\(templatesDirectory): ok (\(templates.reports.count) report templates, \(templates.partials.count) partials)"
                    )
                } else {
                    for diagnostic in unknown {
                        Output.error(
                            "dpia: error: \(diagnostic): the report data has no such name; it would render empty"
                        )
                    }
                    // Unknown names are bad template data (65), like a syntax error, not a missing file.
                    failures.append(
                        .input(
                            .invalid(
                                ValidationFailure([
                                    Diagnostic(
                                        file: templatesDirectory, path: "", location: nil,
                                        message: "\(unknown.count) unknown name(s) in templates")
                                ]))))
                }
            } catch {
                failures.append(error)
                Output.error(Output.prefixed(error.description))
            }
        }
        return failures.isEmpty ? ExitStatus.ok : DPIAError.several(failures).exitStatus
    }

    /// Checks one file and says what it was.
    static func check(_ path: String, command: ParsedCommand, catalog: QuestionnaireCatalog?)
        throws(DPIAError) -> String
    {
        let bytes: [UInt8]
        do {
            bytes = try FileIO.read(path)
        } catch {
            throw .input(error)
        }
        if let root = try? JSONParser.parse(bytes), root["answers"] != nil {
            let questionnaire = try QuestionnaireResolver.forAnswers(
                bytes, answersPath: path, explicit: command.value("questionnaire"), catalog: catalog)
            do throws(ValidationFailure) {
                _ = try AnswersFile.load(bytes, file: path, questionnaire: questionnaire)
            } catch {
                throw .input(.invalid(error))
            }
            return "answers to \(questionnaire.id) \(questionnaire.version)"
        }
        do throws(ValidationFailure) {
            let questionnaire = try QuestionnaireLoader.load(bytes, file: path)
            return
                "questionnaire \(questionnaire.id) \(questionnaire.version), \(questionnaire.questions.count) questions, \(questionnaire.scoring.risks.count) risks"
        } catch {
            throw .input(.invalid(error))
        }
    }
}

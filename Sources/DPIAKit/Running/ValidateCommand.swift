/// `dpia validate`: check questionnaire definitions, answers files and report templates, reporting every
/// problem rather than stopping at the first.
public struct ValidateCommand {
    /// The files to check; with none (and no `templates`), the bundled questionnaires and templates.
    var files: [String]
    /// `--questionnaire ID|PATH` to check answers files against, instead of the one each names.
    var questionnaire: String?
    /// `--templates DIR`: a templates folder to check too.
    var templates: String?

    public init(files: [String], questionnaire: String?, templates: String?) {
        self.files = files
        self.questionnaire = questionnaire
        self.templates = templates
    }

    public func run(in context: CommandContext, output: CommandOutput) -> ExitStatus {
        var files = self.files
        var templatesDirectory = templates
        if files.isEmpty && templatesDirectory == nil {
            guard let home = try? context.locator.home() else {
                output.error(
                    "dpia validate: no file given and the bundled files were not found; expected FILE...")
                return .usage
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
        let catalog = context.catalog()
        var failures: [DPIAError] = []
        for file in files {
            do {
                output.out("\(file): ok (\(try check(file, catalog: catalog)))")
            } catch {
                failures.append(error)
                output.fail(error)
            }
        }
        if let templatesDirectory {
            do throws(DPIAError) {
                let templates = try context.templates(templatesDirectory)
                let registers: RegisterTemplates
                let comparisons: RegisterTemplates
                let diffs: RegisterTemplates
                do throws(TemplateLoadError) {
                    registers = try RegisterTemplates.load(beside: templates, needed: [])
                    comparisons = try RegisterTemplates.load(beside: templates, needed: [], name: "compare")
                    diffs = try RegisterTemplates.load(beside: templates, needed: [], name: "diff")
                } catch {
                    throw .templates(error)
                }
                let unknown =
                    templates.unknownNames(toolVersion: dpiaVersion)
                    + registers.unknownNames(toolVersion: dpiaVersion)
                    + comparisons.unknownNames(toolVersion: dpiaVersion)
                    + diffs.unknownNames(toolVersion: dpiaVersion)
                    + templates.wordXMLProblems(toolVersion: dpiaVersion)
                if unknown.isEmpty {
                    let registerCount =
                        registers.registers.isEmpty ? "" : ", \(registers.registers.count) register templates"
                    let comparisonCount =
                        (comparisons.registers.isEmpty
                            ? "" : ", \(comparisons.registers.count) comparison templates")
                        + (diffs.registers.isEmpty ? "" : ", \(diffs.registers.count) diff templates")
                    output.out(
                        "\(templatesDirectory): ok (\(templates.reports.count) report templates\(registerCount)\(comparisonCount), \(templates.partials.count) partials)"
                    )
                } else {
                    for diagnostic in unknown {
                        if diagnostic.kind == .unknownName {
                            output.error(
                                "dpia: error: \(diagnostic): the report data has no such name; it would render empty"
                            )
                        } else {
                            output.error("dpia: error: \(diagnostic)")
                        }
                    }
                    // Unknown names are bad template data (65), like a syntax error, not a missing file.
                    failures.append(
                        .input(
                            .invalid(
                                ValidationFailure([
                                    Diagnostic(
                                        file: templatesDirectory, path: "", location: nil,
                                        message: "\(unknown.count) problem(s) in templates")
                                ]))))
                }
            } catch {
                failures.append(error)
                output.fail(error)
            }
        }
        return failures.isEmpty ? .success : DPIAError.several(failures).exitStatus
    }

    /// Checks one file and says what it was.
    private func check(_ path: String, catalog: QuestionnaireCatalog?) throws(DPIAError) -> String {
        let bytes: [UInt8]
        do {
            bytes = try FileIO.read(path)
        } catch {
            throw .input(error)
        }
        let root = try? JSONParser.parse(bytes)
        if let format = root?["format"], format.value == .string(AssessmentJSON.format) {
            throw .input(
                .invalid(
                    ValidationFailure([
                        Diagnostic(
                            file: path, path: "format", location: format.location,
                            message:
                                "is an assessment dpia wrote (--format json), not a questionnaire or answers file; Questionnaires/assessment.schema.json describes it; expected the answers file it was made from"
                        )
                    ])))
        }
        if let root, root["answers"] != nil {
            let questionnaire = try QuestionnaireResolver.forAnswers(
                bytes, answersPath: path, explicit: questionnaire, catalog: catalog)
            let answers: Answers
            do throws(ValidationFailure) {
                answers = try AnswersFile.load(bytes, file: path, questionnaire: questionnaire)
            } catch {
                throw .input(.invalid(error))
            }
            var what = "answers to \(questionnaire.id) \(questionnaire.version)"
            if let latest = questionnaire.supersededBy {
                what += ", superseded by \(latest)"
                let missing = Scorer.assess(questionnaire, answers).missingForFinal.count
                if answers.metadata.status == .final && missing > 0 {
                    what +=
                        "; recorded as final under earlier rules, \(missing) item\(missing == 1 ? "" : "s") missing"
                }
            }
            return what
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

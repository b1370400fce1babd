import Foundation

/// Scores answers files and writes their reports: the work behind `dpia assess`, without any printing.
public struct AssessCommand: Sendable {
    /// A questionnaire id or path given with `--questionnaire`; nil to use the id the answers file names.
    public var questionnaire: String?
    public var outputDirectory: String
    public var formats: [ReportFormat]
    public var overwrite: Bool
    public var templates: ReportTemplates
    public var catalog: QuestionnaireCatalog?
    public var toolVersion: String

    public init(
        questionnaire: String?, outputDirectory: String, formats: [ReportFormat], overwrite: Bool,
        templates: ReportTemplates, catalog: QuestionnaireCatalog?, toolVersion: String
    ) {
        self.questionnaire = questionnaire
        self.outputDirectory = outputDirectory
        self.formats = formats
        self.overwrite = overwrite
        self.templates = templates
        self.catalog = catalog
        self.toolVersion = toolVersion
    }

    /// What one assessment produced.
    public struct Outcome: Sendable {
        public var answersPath: String
        public var assessment: Assessment
        public var written: [String]
    }

    /// Assesses one answers file and writes its reports atomically. Nothing is written unless every
    /// report rendered, and no existing file is replaced unless `overwrite` is set.
    public func run(answersPath: String) throws(DPIAError) -> Outcome {
        let bytes: [UInt8]
        do {
            bytes = try FileIO.read(answersPath)
        } catch {
            throw .input(error)
        }
        let questionnaire = try QuestionnaireResolver.forAnswers(
            bytes, answersPath: answersPath, explicit: questionnaire, catalog: catalog)
        let answers: Answers
        do {
            answers = try AnswersFile.load(bytes, file: answersPath, questionnaire: questionnaire)
        } catch {
            throw .input(.invalid(error))
        }
        let assessment = Scorer.assess(questionnaire, answers)
        let data = ReportData.build(assessment, toolVersion: toolVersion)
        let base = ((answersPath as NSString).lastPathComponent as NSString).deletingPathExtension
        var outputs: [(path: String, text: String)] = []
        for format in formats {
            do {
                let text = try templates.render(format, data: data)
                outputs.append(
                    (
                        (outputDirectory as NSString).appendingPathComponent(
                            "\(base).\(format.fileExtension)"), text
                    ))
            } catch {
                throw .rendering(error)
            }
        }
        do throws(OutputError) {
            if !overwrite, let existing = outputs.first(where: { FileIO.exists($0.path) }) {
                throw OutputError(
                    path: existing.path,
                    reason: "already exists; use --force to replace it (nothing was written)")
            }
            try FileIO.makeDirectory(outputDirectory)
            for output in outputs {
                try FileIO.writeAtomically(output.text, to: output.path, overwrite: overwrite)
            }
        } catch {
            throw .output(error)
        }
        return Outcome(answersPath: answersPath, assessment: assessment, written: outputs.map(\.path))
    }
}

/// Finds a questionnaire from `--questionnaire`: a path to a definition, or a bundled id.
public enum QuestionnaireResolver {
    /// Loads the questionnaire an answers file needs: the one given explicitly, or the one it names.
    public static func forAnswers(
        _ bytes: [UInt8], answersPath: String, explicit: String?, catalog: QuestionnaireCatalog?
    ) throws(DPIAError) -> Questionnaire {
        if let explicit {
            return try resolve(explicit, catalog: catalog)
        }
        let reference: (id: String, version: String)
        do {
            reference = try AnswersFile.questionnaireReference(bytes, file: answersPath)
        } catch {
            throw .input(.invalid(error))
        }
        guard let entry = catalog?.entry(id: reference.id, version: reference.version) else {
            let known = catalog?.entries.map { "\($0.questionnaire.id) \($0.questionnaire.version)" } ?? []
            throw .input(
                .invalid(
                    ValidationFailure([
                        Diagnostic(
                            file: answersPath, path: "questionnaire.id", location: nil,
                            message:
                                "no bundled questionnaire \"\(reference.id)\"; expected one of: \(known.isEmpty ? "none found" : known.joined(separator: ", ")) (or pass --questionnaire PATH)"
                        )
                    ])))
        }
        return entry.questionnaire
    }

    public static func resolve(_ idOrPath: String, catalog: QuestionnaireCatalog?) throws(DPIAError)
        -> Questionnaire
    {
        if idOrPath.hasSuffix(".json") || idOrPath.contains("/") || FileIO.exists(idOrPath) {
            do {
                return try QuestionnaireLoader.load(path: idOrPath)
            } catch {
                throw .input(error)
            }
        }
        if let entry = catalog?.entry(id: idOrPath) { return entry.questionnaire }
        let known = catalog?.entries.map(\.questionnaire.id) ?? []
        var message = "no questionnaire \"\(idOrPath)\""
        if let guess = closest(to: idOrPath, among: known) {
            message += "; did you mean \"\(guess)\"?"
        } else {
            message +=
                "; expected a path to a .json definition or one of: \(known.isEmpty ? "none found" : known.joined(separator: ", "))"
        }
        throw .input(.missing(path: idOrPath, reason: message))
    }
}

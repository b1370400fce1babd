import Foundation
import TestSupport
import Testing

@testable import DPIAKit

/// Finds and loads the questionnaires and worked examples shipped in `Questionnaires/`.
enum BundledContent {
    static let questionnairesDirectory = PackageRoot.url.appendingPathComponent("Questionnaires")
    static let examplesDirectory = questionnairesDirectory.appendingPathComponent("examples")

    /// The default questionnaire definitions (`Questionnaires/*.json`, schemas excluded), by file name.
    static var questionnaireFiles: [String] {
        jsonFiles(in: questionnairesDirectory).filter { !$0.hasSuffix(".schema.json") }
    }

    /// The worked examples, by path under `Questionnaires/examples`: the 1.0.0 assessments of record
    /// directly in it, then each later version's in its own folder (`1.1.0/NAME.json`).
    static var exampleFiles: [String] {
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: examplesDirectory.path)) ?? [])
            .filter { !$0.hasSuffix(".json") && $0.first?.isNumber == true }.sorted()
        return jsonFiles(in: examplesDirectory)
            + versions.flatMap { version in
                jsonFiles(in: examplesDirectory.appendingPathComponent(version)).map { "\(version)/\($0)" }
            }
    }

    /// Whether an example (by path under `examples`) answers the screening questionnaire.
    static func isScreening(_ example: String) -> Bool {
        example.split(separator: "/").last?.hasPrefix("screening-") ?? false
    }

    private static func jsonFiles(in directory: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }

    static func questionnaire(file: String) throws -> Questionnaire {
        try QuestionnaireLoader.load(path: questionnairesDirectory.appendingPathComponent(file).path)
    }

    /// The bundled definitions as `dpia` finds them: each default and every earlier release.
    static let catalog = QuestionnaireCatalog.lazy(directory: questionnairesDirectory.path)

    /// The questionnaire an example names, id and version, found as `dpia assess` finds it.
    static func questionnaire(forExample file: String) throws -> Questionnaire {
        let path = examplesDirectory.appendingPathComponent(file).path
        let reference = try AnswersFile.questionnaireReference(FileIO.read(path), file: path)
        guard let entry = catalog.entry(id: reference.id, version: reference.version),
            entry.questionnaire.version == reference.version
        else {
            throw BundledContentError.noQuestionnaire("\(reference.id) \(reference.version)")
        }
        return entry.questionnaire
    }

    static func answers(example file: String, questionnaire: Questionnaire) throws -> Answers {
        let path = examplesDirectory.appendingPathComponent(file).path
        return try AnswersFile.load(FileIO.read(path), file: path, questionnaire: questionnaire)
    }

    static func assessment(example file: String) throws -> Assessment {
        let questionnaire = try questionnaire(forExample: file)
        return Scorer.assess(questionnaire, try answers(example: file, questionnaire: questionnaire))
    }
}

enum BundledContentError: Error, CustomStringConvertible {
    case noQuestionnaire(String)

    var description: String {
        switch self {
        case .noQuestionnaire(let reference): "no bundled questionnaire is \(reference)"
        }
    }
}

import DPIAKit
import Foundation
import TestSupport
import Testing

/// Finds and loads the questionnaires and worked examples shipped in `Questionnaires/`.
enum BundledContent {
    static let questionnairesDirectory = PackageRoot.url.appendingPathComponent("Questionnaires")
    static let examplesDirectory = questionnairesDirectory.appendingPathComponent("examples")

    /// The questionnaire definitions (`Questionnaires/*.json`, schemas excluded), by file name.
    static var questionnaireFiles: [String] {
        jsonFiles(in: questionnairesDirectory).filter { !$0.hasSuffix(".schema.json") }
    }

    /// The worked examples (`Questionnaires/examples/*.json`), by file name.
    static var exampleFiles: [String] { jsonFiles(in: examplesDirectory) }

    private static func jsonFiles(in directory: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }

    static func questionnaire(file: String) throws -> Questionnaire {
        try QuestionnaireLoader.load(path: questionnairesDirectory.appendingPathComponent(file).path)
    }

    /// The questionnaire an example names, loaded from the bundled definitions.
    static func questionnaire(forExample file: String) throws -> Questionnaire {
        let path = examplesDirectory.appendingPathComponent(file).path
        let reference = try AnswersFile.questionnaireReference(FileIO.read(path), file: path)
        for candidate in questionnaireFiles {
            let questionnaire = try questionnaire(file: candidate)
            if questionnaire.id == reference.id { return questionnaire }
        }
        throw BundledContentError.noQuestionnaire(reference.id)
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
        case .noQuestionnaire(let id): "no bundled questionnaire has the id \"\(id)\""
        }
    }
}

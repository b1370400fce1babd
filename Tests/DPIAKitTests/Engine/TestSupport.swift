import Foundation
import TestSupport

@testable import DPIAKit

/// Paths and loaders shared by the engine tests.
enum Fixture {
    static func path(_ name: String) -> String {
        PackageRoot.fixture(name)
    }

    static func text(_ name: String) throws -> String {
        try String(contentsOfFile: path(name), encoding: .utf8)
    }

    static func mini() throws -> Questionnaire {
        try QuestionnaireLoader.load(path: path("mini.json"))
    }

    /// The mini questionnaire with `edit` applied to its JSON text first.
    static func miniEdited(_ edit: (String) -> String) throws -> Result<Questionnaire, ValidationFailure> {
        let text = edit(try text("mini.json"))
        do {
            return .success(try QuestionnaireLoader.load(Array(text.utf8), file: "mini.json"))
        } catch {
            return .failure(error)
        }
    }

    /// Problems reported for the mini questionnaire after `edit`; fails the caller when there are none.
    static func problems(_ edit: (String) -> String) throws -> [Diagnostic] {
        switch try miniEdited(edit) {
        case .success: return []
        case .failure(let failure): return failure.diagnostics
        }
    }

    static func answers(_ json: String, questionnaire: Questionnaire) -> Result<Answers, ValidationFailure> {
        do {
            return .success(
                try AnswersFile.load(Array(json.utf8), file: "answers.json", questionnaire: questionnaire))
        } catch {
            return .failure(error)
        }
    }

    static let driftAnswers = """
        {
          "questionnaire": {"id": "mini", "version": "1.0.0"},
          "metadata": {"organisation": "Example Trust", "platform": "WhatsApp", "assessor": "A. Lead",
                       "assessmentDate": "2026-11-20", "status": "draft"},
          "answers": {
            "patients": true, "edition": "consumer", "users": 1200,
            "data": ["staff_contact", "patient_names", "clinical"], "approved": ["admin"], "actual": ["admin", "clinical_care"],
            "outsiders": true, "outsider_detail": "A locum", "policy": "no"
          }
          MEASURES
        }
        """

    static func drift(measures: String = "") throws -> Answers {
        let json = driftAnswers.replacingOccurrences(
            of: "MEASURES", with: measures.isEmpty ? "" : ", \"measures\": \(measures)")
        return try AnswersFile.load(Array(json.utf8), file: "drift.json", questionnaire: try mini())
    }
}

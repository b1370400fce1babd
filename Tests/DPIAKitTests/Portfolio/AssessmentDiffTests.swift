import Foundation
import TestSupport
import Testing

@testable import DPIAKit

@Suite("Diff: what changed between two assessments of one platform")
struct AssessmentDiffTests {
    /// An example under `Questionnaires/examples`, scored as `dpia diff` scores it.
    static func assessed(_ example: String) throws -> Assessment {
        var cache = QuestionnaireCache(explicit: nil)
        let path = BundledContent.examplesDirectory.appendingPathComponent(example).path
        let loaded = RegisterLoader(catalog: BundledContent.catalog).load(path, questionnaires: &cache)
        guard case .assessed(let one) = loaded else {
            Issue.record("\(example) did not assess: \(loaded)")
            throw CancellationError()
        }
        return one.assessment
    }

    static func diff(_ old: String, _ new: String) throws -> AssessmentDiff {
        try AssessmentDiff(
            old: try assessed(old), oldFile: old, new: try assessed(new), newFile: new)
    }

    @Test func approvingMeasuresLowersTheResidualRisksAndRecordsEachDecision() throws {
        let diff = try Self.diff(
            "whatsapp-ward-group-drift.json", "whatsapp-ward-group-measures-approved.json")
        #expect(diff.notComparable.isEmpty)
        #expect(diff.overallInherent == .init(old: "high", new: "high"))
        #expect(!diff.overallInherent.changed)
        #expect(diff.overallResidual == .init(old: "high", new: "medium"))
        #expect(diff.recommendation == .init(old: "Do not approve", new: "Approve with conditions"))
        #expect(diff.priorConsultation == .init(old: "would be required", new: "not required"))
        #expect(diff.answers.map(\.title).first == "Q7.1 Measures approved by")
        // Sign-off rows first answered; those a row before it shows were not asked until then.
        #expect(
            diff.answers.allSatisfy {
                ($0.old == nil || $0.old == "not asked with these answers") && $0.new != nil
            })
        #expect(diff.answers.contains { $0.old == "not asked with these answers" })
        #expect(diff.categoriesInScope.isEmpty && diff.driftedCategories.isEmpty)
        #expect(
            diff.risks.first
                == .init(
                    risk: "R1 Unauthorised disclosure of messages", inherent: .init(old: "high", new: "high"),
                    residual: .init(old: "high", new: "medium")))
        #expect(
            diff.risks.map { String($0.risk.prefix(3)) } == ["R1 ", "R2 ", "R3 ", "R4 ", "R5 ", "R6 ", "R7 "])
        let decisions = Dictionary(
            uniqueKeysWithValues: diff.measures.map {
                (String($0.measure.prefix { $0 != " " }), $0.change.new)
            })
        #expect(decisions["M3"] == "declined")
        #expect(decisions["M4"] == "approved, in place")
        #expect(decisions["M1"] == "approved, in progress")
        #expect(diff.measures.allSatisfy { $0.change.old == "undecided" })
        // Questionnaire order, not alphabetical: M10 after M9.
        #expect(diff.measures.map { $0.measure.prefix { $0 != " " } }.suffix(9).first == "M9")
    }

    @Test func aReviewOnTheNextVersionComparesWhatBothVersionsAskAndSaysSo() throws {
        let diff = try Self.diff(
            "register/northshire-ward12/2026-03-16-measures-approved.json",
            "register/northshire-ward12/2026-06-16-review.json")
        #expect(diff.versions == .init(old: "1.0.0", new: "1.1.0"))
        #expect(
            diff.notComparable == [
                "questionnaire communication-platform 1.0.0 and 1.1.0; only the questions both versions ask are compared"
            ])
        #expect(diff.overallResidual == .init(old: "medium", new: "low"))
        #expect(!diff.priorConsultation.changed)
        #expect(diff.categoriesInScope.appeared.isEmpty)
        #expect(diff.categoriesInScope.gone.first == "Patient names")
        #expect(diff.unapprovedPurposes == .init(appeared: [], gone: ["Clinical discussion and handover"]))
        let record = try #require(diff.risks.first { $0.risk.hasPrefix("R3 ") })
        #expect(record.risk == "R3 The health record is incomplete")
        #expect(record.inherent == .init(old: "high", new: "low"))
        #expect(!record.residual.changed)
        #expect(!diff.risks.contains { $0.risk.hasPrefix("R7 ") })
        // M18 to M20 are new in 1.1.0; the review's answers (people told, an IAO named) do not call for them.
        #expect(
            diff.measures.map(\.change)
                == Array(repeating: .init(old: "approved, in progress", new: "approved, in place"), count: 4)
                + Array(repeating: .init(old: "not in 1.0.0", new: "not recommended"), count: 3))
        let members = try #require(diff.answers.first)
        #expect(members.title == "Q2.6 Members")
        #expect(members.new == "Staff of this organisation")
        // No clinical use now, so the clinical safety question is not asked: not a gap.
        #expect(
            diff.answers.contains { $0.title.hasPrefix("Q5.12 ") && $0.new == "not asked with these answers" }
        )
    }

    @Test func theDriftTheReviewRemovedAppearsWhenComparedTheOtherWayRound() throws {
        let diff = try Self.diff(
            "register/northshire-ward12/2026-06-16-review.json",
            "register/northshire-ward12/2026-03-02-drift.json")
        #expect(diff.unapprovedPurposes.appeared == ["Clinical discussion and handover"])
        #expect(diff.driftedCategories.appeared.contains("Patient names"))
        #expect(diff.driftedCategories.gone.isEmpty)
        #expect(diff.measures.contains { $0.change == .init(old: "approved, in place", new: "undecided") })
    }

    @Test func anAssessmentComparedWithItselfHasNoChanges() throws {
        let diff = try Self.diff("admin-only-staff-rota.json", "admin-only-staff-rota.json")
        #expect(!diff.hasChanges)
        // Answers, data categories, purpose drift, controls, risks, measures.
        #expect(diff.terminalLines.filter { $0 == "  No change." }.count == 6)
    }

    @Test func otherOrganisationsAreNotedAndStillCompared() throws {
        let diff = try Self.diff("admin-only-staff-rota.json", "whatsapp-ward-group-drift.json")
        #expect(diff.notComparable.count == 2)
        #expect(diff.notComparable[0].hasPrefix("different organisations (\""))
        #expect(diff.notComparable[1].hasPrefix("different platforms (\""))
        #expect(diff.overallResidual.new == "high")
        #expect(diff.hasChanges)
    }

    @Test func assessmentsOnDifferentQuestionnairesAreRefusedAsBadData() throws {
        let old = try Self.assessed("whatsapp-ward-group-drift.json")
        let new = try Self.assessed("screening-new-analytics.json")
        #expect {
            try AssessmentDiff(old: old, oldFile: "old.json", new: new, newFile: "new.json")
        } throws: { error in
            guard let error = error as? DPIAError else { return false }
            return error.exitStatus == .dataError
                && error.description
                    == "new.json: at questionnaire.id: is \"dpia-screening\" but old.json answers \"communication-platform\"; expected two assessments on the same questionnaire (its versions may differ)"
        }
    }

    @Test func valuesFromInputAreSanitizedInTheTerminalLines() throws {
        var old = try Self.assessed("admin-only-staff-rota.json")
        old = old.withPlatform("Rota\u{1B}]0;owned\u{07}")
        let new = try Self.assessed("admin-only-staff-rota.json")
        let diff = try AssessmentDiff(old: old, oldFile: "a\u{1B}[2J.json", new: new, newFile: "b.json")
        let text = diff.terminalLines.map(\.text).joined(separator: "\n")
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        #expect(text.contains("a\\u{1B}[2J.json"))
        #expect(text.contains("Rota\\u{1B}]0;owned\\u{7}"))
    }
}

extension Assessment {
    /// This assessment with its metadata's platform replaced.
    fileprivate func withPlatform(_ platform: String) -> Assessment {
        var answers = self.answers
        answers.metadata.platform = platform
        return Assessment(
            questionnaire: questionnaire, answers: answers, visibleQuestions: visibleQuestions,
            effectiveAnswers: effectiveAnswers, screening: screening, dataSensitivity: dataSensitivity,
            purposeDrift: purposeDrift, controls: controls, risks: risks, measures: measures,
            overallInherent: overallInherent, overallResidual: overallResidual,
            recommendation: recommendation,
            priorConsultation: priorConsultation, topDrivers: topDrivers, residualHolds: residualHolds,
            actionPlan: actionPlan, signOff: signOff, missingForFinal: missingForFinal, notes: notes,
            contradictions: contradictions)
    }
}

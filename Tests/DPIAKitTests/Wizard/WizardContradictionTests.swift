import Testing

@testable import DPIAKit

/// The wizard says a contradiction in its summary after the decisions and again on the review screen,
/// where the assessor can still change the answer or decision behind it.
@Suite struct WizardContradictionTests {
    @Test func aContradictionIsSaidAfterTheDecisionsAndOnTheReview() throws {
        let file = "1.1.0/whatsapp-ward-group-measures-approved.json"
        let questionnaire = try BundledContent.questionnaire(forExample: file)
        var answers = try BundledContent.answers(example: file, questionnaire: questionnaire)
        // As answered, the example meets one contradiction (implied consent for a use patients would
        // not expect); approving M6 on staff's own phones adds the second.
        let before = WizardText.contradictions(Scorer.assess(questionnaire, answers))
        #expect(before.count == 1)
        answers.measureDecisions["M6"] = MeasureDecision(approved: true)
        let assessment = Scorer.assess(questionnaire, answers)
        let message = try #require(
            questionnaire.scoring.contradictions.first { $0.id == "device_management_on_own_phones" }?.message
        )
        #expect(WizardText.contradictions(assessment) == before + ["Note: Contradiction: \(message)"])
        #expect(
            WizardText.residualSummary(assessment, questionnaire).contains("Note: Contradiction: \(message)"))
    }
}

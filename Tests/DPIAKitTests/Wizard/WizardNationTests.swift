import Testing

@testable import DPIAKit

/// Changing the nation on the review screen withdraws an answer naming the old nation's option, and the
/// wizard asks that question again, so the file it saves always loads.
@Suite struct WizardNationTests {
    @Test func changingTheNationAsksAgainForABasisItNoLongerOffers() throws {
        let file = "1.1.0/scotland-hospital-at-home-teams.json"
        let questionnaire = try BundledContent.questionnaire(forExample: file)
        var answers = try BundledContent.answers(example: file, questionnaire: questionnaire)
        answers.values["confidentiality_basis"] = .string("pbpp_approval")
        var flow = WizardFlow(questionnaire: questionnaire, answers: answers)
        flow.reviewBaseline = Set(flow.visibleQuestions)
        flow.step = .question("nation")
        flow.answer("nation", with: .string("england"))
        #expect(flow.answers.values["confidentiality_basis"] == nil)
        // The basis is asked again first (4.4), then the DSPT question England newly shows (4.20).
        #expect(flow.next() == .question("confidentiality_basis"))
        flow.step = .question("confidentiality_basis")
        flow.answer("confidentiality_basis", with: .string("section_251"))
        #expect(flow.next() == .question("organisation_dspt"))
        // A basis every nation is offered stays when the nation changes.
        flow.answer("confidentiality_basis", with: .string("implied_consent_direct_care"))
        flow.answer("nation", with: .string("northern_ireland"))
        #expect(flow.answers.values["confidentiality_basis"] == .string("implied_consent_direct_care"))
    }
}

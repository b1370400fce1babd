import Testing

@testable import DPIAKit

/// The scoring rules of questionnaire 1.1.0 that an IG lead would check first, and that 1.0.0 keeps its
/// own rules for its records.
@Suite("Content: scoring rules of 1.1.0")
struct ContentScoringRulesTests {
    /// An example's assessment with some answers replaced.
    static func assess(_ example: String, changing changes: [String: AnswerValue]) throws -> Assessment {
        let questionnaire = try BundledContent.questionnaire(forExample: example)
        var answers = try BundledContent.answers(example: example, questionnaire: questionnaire)
        for (question, value) in changes { answers.values[question] = value }
        return Scorer.assess(questionnaire, answers)
    }

    @Test("a fact moves a risk once: no risk has the same condition in its likelihood and its severity")
    func nothingCountsTwice() throws {
        let scoring = try BundledContent.questionnaire(file: "communication-platform.json").scoring
        for risk in scoring.risks {
            let likelihood = risk.likelihood.factors.map(\.when)
            for adjustment in risk.severity.adjustments {
                #expect(!likelihood.contains(adjustment.when), "\(risk.id): \(adjustment.reason)")
            }
        }
    }

    @Test("a clinical platform with every other safeguard in place is not high for want of record transfer")
    func clinicalWithoutRecordTransfer() throws {
        let current = try Self.assess(
            "1.1.0/teams-managed-clinical-handover.json", changing: ["record_transfer": .string("no")])
        let record = try #require(current.risks.first { $0.risk.id == "R3" })
        #expect(record.severity.id == "severe")
        #expect(record.likelihoodPoints == 3)  // missing record transfer, +3: remote
        #expect(record.level.id == "low")
        // 1.0.0 counted clinical use in both, and rated the same answers high; its records keep that.
        let released = try Self.assess(
            "teams-managed-clinical-handover.json", changing: ["record_transfer": .string("no")])
        #expect(released.risks.first { $0.risk.id == "R3" }?.level.id == "high")
    }

    @Test(
        "no lawful basis raises the unlawful-processing risk, leads the drivers and decides the recommendation",
        arguments: [
            ("lawful_basis", "not_identified"), ("lawful_basis", "not_sure"),
            ("special_category_condition", "not_identified"), ("special_category_condition", "not_sure"),
            ("confidentiality_basis", "not_identified"), ("confidentiality_basis", "not_sure"),
        ])
    func noLawfulBasis(question: String, answer: String) throws {
        let assessment = try Self.assess(
            "1.1.0/whatsapp-ward-group-measures-approved.json", changing: [question: .string(answer)])
        let unlawful = try #require(assessment.risks.first { $0.risk.id == "R2" })
        let part = try #require(unlawful.likelihoodContributions.first { $0.questions == [question] })
        #expect(part.amount == 8)
        #expect(unlawful.residualLevel.id == "high")
        #expect(assessment.topDrivers.contains { $0.reason == part.reason })
        #expect(assessment.recommendation?.id == "do_not_approve_no_lawful_basis")
    }

    @Test("with no lawful basis the recommendation is not to approve, even where every risk is low")
    func noLawfulBasisForLowRisk() throws {
        let assessment = try Self.assess(
            "1.1.0/admin-only-staff-rota.json", changing: ["lawful_basis": .string("not_identified")])
        #expect(assessment.overallResidual?.id == "low")
        #expect(assessment.recommendation?.id == "do_not_approve_no_lawful_basis")
        // 1.0.0 scored nothing for it; its records keep that.
        let released = try Self.assess(
            "admin-only-staff-rota.json", changing: ["lawful_basis": .string("not_identified")])
        #expect(released.recommendation?.id == "approve")
    }

    @Test(
        "a control in place never scores worse than a measure only promised: organisational approval with every measure approved"
    )
    func approvalInPlaceNeverWorse() throws {
        let promised = try BundledContent.assessment(
            example: "1.1.0/whatsapp-ward-group-measures-approved.json")
        let inPlace = try Self.assess(
            "1.1.0/whatsapp-ward-group-measures-approved.json",
            changing: ["approval_for_actual_use": .string("yes")])
        for (before, after) in zip(promised.risks, inPlace.risks) {
            #expect(after.residualLikelihoodPoints <= before.residualLikelihoodPoints, "\(after.risk.id)")
        }
        let unlawful = try #require(inPlace.risks.first { $0.risk.id == "R2" })
        #expect(unlawful.residualLevel.id == "low")
        #expect(!inPlace.measures.contains { $0.measure.id == "M1" && $0.recommended })
        // 1.0.0 let M1's promised -4 outweigh the -1 of approval in place; its records keep that.
        let released = try Self.assess(
            "whatsapp-ward-group-measures-approved.json",
            changing: ["approval_for_actual_use": .string("yes")])
        #expect(released.risks.first { $0.risk.id == "R2" }?.residualLevel.id == "medium")
    }

    /// The ICO criteria met by the admin-only example with these screening features ticked.
    static func icoCriteria(_ example: String, _ features: [String]) throws -> (met: [String], required: Bool)
    {
        let assessment = try assess(example, changing: ["screening_features": .strings(features)])
        let screening = try #require(assessment.screening)
        return (screening.groups.first { $0.group.id == "ico-list" }?.met.map(\.id) ?? [], screening.required)
    }

    @Test("the ICO list as the ICO words it: innovative technology alone does not require a DPIA")
    func innovativeNeedsAnEDPBCriterion() throws {
        let alone = try Self.icoCriteria("1.1.0/admin-only-staff-rota.json", ["innovative"])
        #expect(alone.met == [])
        #expect(!alone.required)
        // With another EDPB criterion (evaluation or scoring) it counts, and so does the evaluation.
        let together = try Self.icoCriteria("1.1.0/admin-only-staff-rota.json", ["innovative", "evaluation"])
        #expect(together.met == ["ico_innovative"])
        #expect(together.required)
        // 1.0.0 let innovative technology count on its own; its records keep that.
        let released = try Self.icoCriteria("admin-only-staff-rota.json", ["innovative"])
        #expect(released.met == ["ico_innovative"])
        #expect(released.required)
    }

    @Test(
        "biometrics, genetic data, invisible processing and tracking meet the ICO list only with an EDPB criterion",
        arguments: [
            ("biometric", "ico_biometrics"), ("genetic", "ico_genetic"), ("invisible", "ico_invisible"),
            ("tracking", "ico_tracking"),
        ])
    func needsAnEDPBCriterion(feature: String, criterion: String) throws {
        #expect(try Self.icoCriteria("1.1.0/admin-only-staff-rota.json", [feature]).met == [])
        // Innovative use is an EDPB criterion too: it is a companion for these, though not for itself.
        let together = try Self.icoCriteria("1.1.0/admin-only-staff-rota.json", [feature, "innovative"])
        #expect(together.met == [criterion])
        #expect(
            try Self.icoCriteria("1.1.0/admin-only-staff-rota.json", [feature, "matching"]).met.contains(
                criterion))
    }

    @Test(
        "the ICO types that count alone still do (large-scale profiling, the fifth, needs evaluation and a count)",
        arguments: ["denial_of_service", "matching", "targeting_children", "physical_harm"])
    func countsAlone(feature: String) throws {
        #expect(try Self.icoCriteria("1.1.0/admin-only-staff-rota.json", [feature]).required)
    }

    /// The contradiction warnings of the approved-measures example with some answers and decisions changed,
    /// less those the example meets as answered (implied consent for a use patients would not expect).
    static func contradictions(
        _ changes: [String: AnswerValue], decisions: [String: Bool] = [:],
        example: String =
            "1.1.0/whatsapp-ward-group-measures-approved.json"
    ) throws -> [String] {
        let questionnaire = try BundledContent.questionnaire(forExample: example)
        var answers = try BundledContent.answers(example: example, questionnaire: questionnaire)
        let asAnswered = Set(Scorer.assess(questionnaire, answers).contradictions.map(\.id))
        for (question, value) in changes { answers.values[question] = value }
        for (measure, approved) in decisions {
            answers.measureDecisions[measure] = MeasureDecision(approved: approved)
        }
        let assessment = Scorer.assess(questionnaire, answers)
        // Each is said in the report's notes too.
        #expect(
            assessment.notes.filter { $0.hasPrefix("Contradiction: ") }
                == assessment.contradictions.map { "Contradiction: \($0.message)" })
        return assessment.contradictions.filter { !asAnswered.contains($0.id) }.map(\.message)
    }

    @Test("device management approved on staff's own phones that nobody enrols is a contradiction")
    func deviceManagementOnOwnPhones() throws {
        #expect(try Self.contradictions([:]).isEmpty)
        let warned = try Self.contradictions([:], decisions: ["M6": true])
        #expect(warned.count == 1)
        #expect(warned.first?.contains("M6 (manage the devices, with remote wipe) is approved") == true)
        // Organisation devices, or phones already partly enrolled, make M6 workable.
        #expect(
            try Self.contradictions(["devices": .string("organisation")], decisions: ["M6": true]).isEmpty)
        #expect(
            try Self.contradictions(["device_management": .string("partly")], decisions: ["M6": true]).isEmpty
        )
    }

    @Test(
        "the DPO advising a move of platform while that measure is declined is a contradiction, unless overruled"
    )
    func dpoAdviceDeclined() throws {
        let warned = try Self.contradictions(["dpo_advised_other_platform": .bool(true)])
        #expect(warned.count == 1)
        #expect(warned.first?.contains("M3 (move to an organisation-managed platform) is declined") == true)
        #expect(
            try Self.contradictions(
                ["dpo_advised_other_platform": .bool(true), "dpo_advice_outcome": .string("overruled")]
            ).isEmpty)
        #expect(
            try Self.contradictions(["dpo_advised_other_platform": .bool(true)], decisions: ["M3": true])
                .isEmpty)
    }
}

import Testing

@testable import DPIAKit

/// Expectations worked out by hand from Fixtures/mini.json and the drift answers:
///
/// disclosure: likelihood 1 base + 1 consumer edition + 2 drift (patient names +1, clinical +1, outsiders signal
/// capped at 2) + 1 policy missing = 5 → probable (bands: ≤1 remote, ≤3 possible); severity minimal → severe
/// (clinical information in scope, +2 steps), large scale +1 step limited to 0 at the top → severe; matrix → high.
/// purpose: 0 base + 2 drift categories + 1 unapproved purpose (clinical care) + 2 policy missing = 5 → probable;
/// severity significant; → high.
@Suite("Scoring")
struct ScorerTests {
    @Test func inherentRatingsFollowTheRules() throws {
        let assessment = Scorer.assess(try Fixture.mini(), try Fixture.drift())
        let disclosure = try #require(assessment.risks.first { $0.risk.id == "disclosure" })
        #expect(disclosure.likelihoodPoints == 5)
        #expect(disclosure.likelihood.id == "probable")
        #expect(disclosure.severity.id == "severe")
        #expect(disclosure.level.id == "high")
        #expect(disclosure.likelihoodContributions.map(\.amount) == [1, 1, 1, 1, 0, 1])
        #expect(disclosure.likelihoodContributions[1].reason == "Consumer edition (Q2.1 Edition: Consumer)")
        #expect(
            disclosure.likelihoodContributions[4].reason
                == "Drift signal: People outside the organisation are in the groups [limited: purpose drift adds at most 2 to this risk]"
        )
        #expect(disclosure.severityContributions.map(\.amount) == [0, 2, 0])
        let purpose = try #require(assessment.risks.first { $0.risk.id == "purpose" })
        #expect(purpose.likelihoodPoints == 5)
        #expect(purpose.severity.id == "significant")
        #expect(purpose.level.id == "high")
        #expect(
            purpose.likelihoodContributions.last?.reason
                == "Missing: Policy for the platform (Q4.1 Policy: No)")
    }

    @Test func purposeDriftNamesCategoriesAndPurposes() throws {
        let drift = try #require(Scorer.assess(try Fixture.mini(), try Fixture.drift()).purposeDrift)
        #expect(drift.driftedCategories.map(\.category.id) == ["patient_names", "clinical"])
        #expect(
            drift.driftedCategories.allSatisfy {
                $0.outside.map(\.id) == ["admin"] && $0.neededBy.map(\.id) == ["clinical_care"]
            })
        #expect(drift.unapprovedPurposes.map(\.id) == ["clinical_care"])
        #expect(drift.signals.map(\.id) == ["outsiders"])
    }

    @Test func outcomeWithoutMeasures() throws {
        let assessment = Scorer.assess(try Fixture.mini(), try Fixture.drift())
        #expect(assessment.overallInherent?.id == "high")
        #expect(assessment.overallResidual?.id == "high")
        #expect(assessment.recommendation?.id == "do_not_approve")
        // Both risks are high while M1 and M2 are undecided; approving both would bring them to medium.
        #expect(
            assessment.priorConsultation
                == .wouldBeRequired(
                    risks: ["disclosure", "purpose"], undecidedMeasures: ["M1", "M2"], avoidable: true,
                    enough: ["M1", "M2"]))
        #expect(assessment.measures.filter(\.recommended).map(\.measure.id) == ["M1", "M2"])
        #expect(assessment.risks.map(\.effect) == [.noDecisionYet, .noDecisionYet])
        #expect(assessment.screening?.required == true)
        #expect(assessment.dataSensitivity?.highest?.id == "severe")
        // Drift counts as one driver: its parts on both risks (5 points, weighted by severity 12) outrank
        // the missing policy (3 points, weight 7).
        #expect(
            assessment.topDrivers.prefix(2)
                == [
                    Driver(
                        reason:
                            "Purpose drift: data shared and purposes served outside what the platform is approved for, and warning signs of drift (step 2)",
                        points: 5, weight: 12,
                        risks: ["disclosure", "purpose"]),
                    Driver(
                        reason: "Missing: Policy for the platform (Q4.1 Policy: No)", points: 3, weight: 7,
                        risks: ["disclosure", "purpose"]),
                ])
    }

    /// With M1 and M2 approved: disclosure 5 − 2 − 1 = 2 points → possible, severity severe − 1 = significant →
    /// medium; purpose 5 − 2 = 3 → possible, significant → medium.
    @Test func approvedMeasuresGiveTheResidualRisk() throws {
        let answers = try Fixture.drift(
            measures: #"{"M1": {"approved": true}, "M2": {"approved": true, "note": "By March"}}"#)
        let assessment = Scorer.assess(try Fixture.mini(), answers)
        let disclosure = try #require(assessment.risks.first { $0.risk.id == "disclosure" })
        #expect(disclosure.residualLikelihoodPoints == 2)
        #expect(disclosure.residualSeverity.id == "significant")
        #expect(disclosure.residualLevel.id == "medium")
        #expect(disclosure.effect == .reduced)
        #expect(assessment.risks.map(\.residualLevel.id) == ["medium", "medium"])
        #expect(assessment.overallResidual?.id == "medium")
        #expect(assessment.recommendation?.id == "approve_with_conditions")
        #expect(assessment.priorConsultation == .notApplicable)
        #expect(assessment.notes.isEmpty)
    }

    @Test func aDeclinedMeasureChangesNothing() throws {
        let answers = try Fixture.drift(measures: #"{"M1": {"approved": false}, "M2": {"approved": true}}"#)
        let purpose = try #require(
            Scorer.assess(try Fixture.mini(), answers).risks.first { $0.risk.id == "purpose" })
        #expect(purpose.residualLevel.id == "high")
        #expect(purpose.declinedMeasures == ["M1"])
        // Nobody has accepted the residual risk: the mini questionnaire names no question for it.
        #expect(purpose.effect == .notYetAccepted)
    }

    @Test func aLowRiskNeedsNoMeasuresAndIsApproved() throws {
        let json = """
            {"questionnaire": {"id": "mini", "version": "1.0.0"},
             "metadata": {"organisation": "T", "platform": "Teams", "assessor": "A", "assessmentDate": "2026-11-20", "status": "draft"},
             "answers": {"patients": false, "edition": "enterprise", "users": 40, "data": ["staff_contact"], "approved": ["admin"],
                         "actual": ["admin"], "outsiders": false, "policy": "yes"}}
            """
        let questionnaire = try Fixture.mini()
        let assessment = Scorer.assess(
            questionnaire, try Fixture.answers(json, questionnaire: questionnaire).get())
        #expect(assessment.risks.map(\.level.id) == ["low", "low"])
        #expect(assessment.risks.map(\.effect) == [.noMeasuresNeeded, .noMeasuresNeeded])
        #expect(assessment.measures.filter(\.recommended).isEmpty)
        #expect(assessment.recommendation?.id == "approve")
        #expect(assessment.purposeDrift?.hasDrift == false)
        #expect(assessment.screening?.required == false)
    }

    @Test func reportDataIsDeterministic() throws {
        let questionnaire = try Fixture.mini()
        let answers = try Fixture.drift()
        let first = ReportData.build(Scorer.assess(questionnaire, answers), toolVersion: "test")
        let second = ReportData.build(Scorer.assess(questionnaire, answers), toolVersion: "test")
        #expect(first == second)
        #expect(first["fingerprint"] == second["fingerprint"])
    }
}

import Testing

@testable import DPIAKit

/// The derived outcome states (ICO steps 6 and 7, Art. 36, completeness of a final), with hand-built
/// answers on the mini questionnaire and small edits to its definition.
@Suite("Outcome states")
struct OutcomeTests {
    /// The mini questionnaire with an `outcome` block: residual risks accepted by "measures_by" (its one
    /// step 7 question), the processing under way when outsiders are in the groups, and one requirement.
    static func withOutcome(eliminating: Bool = false) throws -> Questionnaire {
        try Fixture.miniEdited { json in
            var json = json.replacingOccurrences(
                of: #""priorConsultationLevels": ["high"],"#,
                with: #"""
                    "priorConsultationLevels": ["high"],
                    "outcome": {
                      "processingUnderWay": {"question": "outsiders", "equals": true},
                      "residualRisksAcceptedBy": "measures_by",
                      "signOff": [
                        {"item": "Measures approved by", "answers": ["measures_by"], "guidance": "Integrate the actions."},
                        {"item": "Comments"}
                      ],
                      "finalRequires": [
                        {"holds": {"question": "measures_by", "answered": true}, "question": "measures_by", "missing": "who approved the measures"}
                      ]
                    },
                    """#)
            if eliminating {
                json = json.replacingOccurrences(
                    of: #"{"risk": "purpose", "likelihood": -2}"#,
                    with: #"{"risk": "purpose", "likelihood": -2, "eliminates": true}"#)
            }
            return json
        }.get()
    }

    static func answers(
        _ questionnaire: Questionnaire, measures: [String: MeasureDecision] = [:], signedBy: String? = nil,
        outsiders: Bool = true, status: AssessmentMetadata.Status = .draft
    ) throws -> Answers {
        var answers = try Fixture.drift()
        answers.measureDecisions = measures
        answers.values["outsiders"] = .bool(outsiders)
        if !outsiders { answers.values["outsider_detail"] = nil }
        if let signedBy { answers.values["measures_by"] = .string(signedBy) }
        answers.metadata.status = status
        return answers
    }

    func effects(_ assessment: Assessment) -> [String: EffectOnRisk] {
        Dictionary(uniqueKeysWithValues: assessment.risks.map { ($0.risk.id, $0.effect) })
    }

    @Test func undecidedMeasuresLeaveNoDecisionYetAndArt36WouldBeRequired() throws {
        let questionnaire = try Self.withOutcome()
        let assessment = Scorer.assess(questionnaire, try Self.answers(questionnaire))
        #expect(effects(assessment) == ["disclosure": .noDecisionYet, "purpose": .noDecisionYet])
        #expect(
            assessment.priorConsultation
                == .wouldBeRequired(
                    risks: ["disclosure", "purpose"], undecidedMeasures: ["M1", "M2"], avoidable: true,
                    enough: ["M1", "M2"]))
    }

    @Test func declinedMeasuresAreNotAcceptedUntilSomeoneIsNamed() throws {
        let questionnaire = try Self.withOutcome()
        let declined = ["M1": MeasureDecision(approved: false), "M2": MeasureDecision(approved: false)]
        let unsigned = Scorer.assess(questionnaire, try Self.answers(questionnaire, measures: declined))
        #expect(effects(unsigned) == ["disclosure": .notYetAccepted, "purpose": .notYetAccepted])
        // Every decision is recorded and the platform is in use (outsiders in the groups).
        #expect(unsigned.priorConsultation == .required(risks: ["disclosure", "purpose"], underWay: true))
        #expect(unsigned.priorConsultation.headline.contains("stop or contain the current use"))

        let signed = Scorer.assess(
            questionnaire,
            try Self.answers(questionnaire, measures: declined, signedBy: "F. Kerr, SIRO", outsiders: false))
        #expect(
            effects(signed) == [
                "disclosure": .accepted(by: "F. Kerr, SIRO"), "purpose": .accepted(by: "F. Kerr, SIRO"),
            ])
        #expect(signed.priorConsultation == .required(risks: ["disclosure", "purpose"], underWay: false))
        #expect(signed.priorConsultation.headline.contains("before the processing starts"))
    }

    @Test func eliminatedOnlyWhenTheDefinitionSaysSo() throws {
        let approved = ["M1": MeasureDecision(approved: true), "M2": MeasureDecision(approved: true)]
        let plain = try Self.withOutcome()
        #expect(
            effects(Scorer.assess(plain, try Self.answers(plain, measures: approved)))["purpose"] == .reduced)
        let eliminating = try Self.withOutcome(eliminating: true)
        let assessment = Scorer.assess(eliminating, try Self.answers(eliminating, measures: approved))
        #expect(effects(assessment) == ["disclosure": .reduced, "purpose": .eliminated])
        #expect(assessment.priorConsultation == .notApplicable)
    }

    @Test func theSignOffTablePrintsEveryRowBlankOrNot() throws {
        let questionnaire = try Self.withOutcome()
        let assessment = Scorer.assess(
            questionnaire, try Self.answers(questionnaire, signedBy: "A. Reid, 2026-12-01"))
        #expect(
            assessment.signOff == [
                SignOffEntry(
                    item: "Measures approved by", name: "A. Reid, 2026-12-01",
                    guidance: "Integrate the actions.", notes: nil),
                SignOffEntry(item: "Comments", name: nil, guidance: nil, notes: nil),
            ])
    }

    @Test func aFinalListsEveryMissingItemWithItsPlace() throws {
        let questionnaire = try Self.withOutcome()
        let measures = ["M1": MeasureDecision(approved: true, owner: "Ward manager")]
        let assessment = Scorer.assess(
            questionnaire, try Self.answers(questionnaire, measures: measures, status: .final))
        #expect(
            assessment.missingForFinal.map(\.path) == [
                "measures.M1.dueDate", "measures.M2", "metadata.reviewDate", "answers.measures_by",
            ])
        #expect(assessment.actionPlan.map(\.measure) == ["M1"])
        #expect(assessment.actionPlan.first?.owner == "Ward manager")
    }

    @Test func aCompleteFinalHasNothingMissing() throws {
        let questionnaire = try Self.withOutcome()
        let measures = [
            "M1": MeasureDecision(
                approved: true, owner: "Ward manager", dueDate: "2027-01-31", status: .planned),
            "M2": MeasureDecision(approved: false),
        ]
        var answers = try Self.answers(questionnaire, measures: measures, signedBy: "A. Reid", status: .final)
        answers.metadata.reviewDate = "2027-06-01"
        #expect(Scorer.assess(questionnaire, answers).missingForFinal == [])
    }

    @Test func validationRefusesAnIncompleteFinalNamingEachItem() throws {
        let questionnaire = try Self.withOutcome()
        let json = Fixture.driftAnswers
            .replacingOccurrences(
                of: #""status": "draft""#, with: #""status": "final", "reviewDate": "2027-06-01""#
            )
            .replacingOccurrences(of: "MEASURES", with: #", "measures": {"M1": {"approved": true}}"#)
        switch Fixture.answers(json, questionnaire: questionnaire) {
        case .success: Issue.record("an incomplete final was accepted")
        case .failure(let failure):
            #expect(
                failure.diagnostics.map { "\($0.path): \($0.message)" } == [
                    "measures.M1.owner: a final assessment needs an owner for approved measure M1; expected it recorded, or \"status\": \"draft\" until it is",
                    "measures.M1.dueDate: a final assessment needs a due date for approved measure M1; expected it recorded, or \"status\": \"draft\" until it is",
                    "measures.M2: a final assessment needs a decision on recommended measure M2 (Move to the enterprise edition); expected it recorded, or \"status\": \"draft\" until it is",
                    "answers.measures_by: a final assessment needs who approved the measures; expected it recorded, or \"status\": \"draft\" until it is",
                ])
        }
    }
}

@Suite("Missing items, grouped for reading")
struct MissingItemGroupingTests {
    @Test("Measures lacking the same thing share one item; others stay as they are, in order")
    func grouping() {
        let items = [
            MissingItem(path: "measures.M1", description: "a decision on recommended measure M1 (One)"),
            MissingItem(path: "measures.M2", description: "a decision on recommended measure M2 (Two)"),
            MissingItem(path: "measures.M3.owner", description: "an owner for approved measure M3"),
            MissingItem(path: "measures.M3.dueDate", description: "a due date for approved measure M3"),
            MissingItem(path: "measures.M4.dueDate", description: "a due date for approved measure M4"),
            MissingItem(path: "answers.dpo_advice_provided", description: "the DPO's advice"),
        ]
        #expect(
            MissingItem.grouped(items) == [
                MissingItem(path: "measures.*", description: "a decision on recommended measures M1, M2"),
                MissingItem(
                    path: "measures.*.dueDate", description: "a due date for approved measures M3, M4"),
                items[2], items[5],
            ])
    }

    @Test("A single item of a kind is not grouped")
    func single() {
        let items = [
            MissingItem(path: "measures.M1", description: "a decision on recommended measure M1 (One)")
        ]
        #expect(MissingItem.grouped(items) == items)
    }
}

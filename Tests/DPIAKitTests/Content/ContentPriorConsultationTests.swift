import Testing

@testable import DPIAKit

/// While decisions are open, the report names one set of measures whose approval would be enough to
/// avoid consulting the ICO, rather than every open decision. The set must really be enough, and none of
/// it may be left out.
@Suite("Content: the measures enough to avoid prior consultation (Art. 36)")
struct ContentPriorConsultationTests {
    static func hasHighRisk(_ assessment: Assessment, levels: [String]) -> Bool {
        assessment.risks.contains { levels.contains($0.residualLevel.id) }
    }

    @Test(
        "approving exactly the set avoids it, and leaving any one of it out does not",
        arguments: [
            "1.1.0/whatsapp-ward-group-drift.json", "whatsapp-ward-group-drift.json",
        ])
    func enoughAndNoneSpare(example: String) throws {
        let questionnaire = try BundledContent.questionnaire(forExample: example)
        let answers = try BundledContent.answers(example: example, questionnaire: questionnaire)
        let assessment = Scorer.assess(questionnaire, answers)
        guard
            case .wouldBeRequired(_, let undecided, let avoidable, let enough) = assessment.priorConsultation
        else {
            Issue.record(
                "expected prior consultation to be 'would be required': \(assessment.priorConsultation)")
            return
        }
        #expect(avoidable)
        #expect(!enough.isEmpty)
        #expect(enough.count < undecided.count, "the drift example needs fewer than every open decision")
        #expect(enough.allSatisfy(undecided.contains))
        let levels = questionnaire.scoring.priorConsultationLevels
        func approving(_ ids: [String]) -> Assessment {
            var decided = answers
            for id in ids { decided.measureDecisions[id] = MeasureDecision(approved: true) }
            return Scorer.assess(questionnaire, decided)
        }
        #expect(!Self.hasHighRisk(approving(enough), levels: levels))
        for id in enough {
            #expect(
                Self.hasHighRisk(approving(enough.filter { $0 != id }), levels: levels),
                "\(id) could be left out of \(enough)")
        }
    }
}

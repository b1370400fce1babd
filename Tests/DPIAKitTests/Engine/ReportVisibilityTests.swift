import Testing

@testable import DPIAKit

/// The report shows the questions and answers an assessment says were shown, also when a caller changed
/// them after scoring.
@Suite struct ReportVisibilityTests {
    /// A question's entry in the report's appendix, which lists every question.
    func appendixEntry(_ data: TemplateValue, _ id: String) -> TemplateValue? {
        guard case .list(let sections)? = data["appendix"] else { return nil }
        for section in sections {
            guard case .list(let questions)? = section["questions"] else { continue }
            if let entry = questions.first(where: { $0["id"] == .string(id) }) { return entry }
        }
        return nil
    }

    @Test func scoredAnswersAreReportedAsShownAndAnswered() throws {
        let questionnaire = try Fixture.mini()
        let assessment = Scorer.assess(questionnaire, try Fixture.drift())
        let entry = appendixEntry(ReportData.build(assessment, toolVersion: "test"), "edition")
        #expect(entry?["shown"] == .bool(true))
        #expect(entry?["answered"] == .bool(true))
        #expect(entry?["answer"] == .string("Consumer"))
    }

    @Test func anAnswerRemovedAfterScoringIsReportedAsNotAnswered() throws {
        let questionnaire = try Fixture.mini()
        var assessment = Scorer.assess(questionnaire, try Fixture.drift())
        assessment.effectiveAnswers["edition"] = nil
        let entry = appendixEntry(ReportData.build(assessment, toolVersion: "test"), "edition")
        #expect(entry?["shown"] == .bool(true))
        #expect(entry?["answered"] == .bool(false))
        #expect(entry?["answer"] == .string("Not answered"))
    }

    @Test func aQuestionHiddenAfterScoringIsReportedAsNotAsked() throws {
        let questionnaire = try Fixture.mini()
        var assessment = Scorer.assess(questionnaire, try Fixture.drift())
        assessment.visibleQuestions.removeAll { $0 == "edition" }
        assessment.effectiveAnswers["edition"] = nil
        let data = ReportData.build(assessment, toolVersion: "test")
        let entry = appendixEntry(data, "edition")
        #expect(entry?["shown"] == .bool(false))
        #expect(entry?["answer"] == .string("Not asked (does not apply)"))
        // The other answers are still reported.
        #expect(appendixEntry(data, "users")?["answered"] == .bool(true))
    }
}

import Testing

@testable import DPIAKit

/// The report shows the questions and answers that were shown for the answers given.
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

    @Test func anUnansweredQuestionIsReportedAsNotAnswered() throws {
        let questionnaire = try Fixture.mini()
        var answers = try Fixture.drift()
        answers.values["edition"] = nil
        let entry = appendixEntry(
            ReportData.build(Scorer.assess(questionnaire, answers), toolVersion: "test"), "edition")
        #expect(entry?["shown"] == .bool(true))
        #expect(entry?["answered"] == .bool(false))
        #expect(entry?["answer"] == .string("Not answered"))
    }

    @Test func aHiddenQuestionIsReportedAsNotAskedEvenWithAnAnswerLeftBehind() throws {
        let questionnaire = try Fixture.mini()
        var answers = try Fixture.drift()
        // "Who are they?" is asked only when outsiders are in the groups.
        answers.values["outsiders"] = .bool(false)
        answers.values["outsider_detail"] = .string("A locum")
        let data = ReportData.build(Scorer.assess(questionnaire, answers), toolVersion: "test")
        let entry = appendixEntry(data, "outsider_detail")
        #expect(entry?["shown"] == .bool(false))
        #expect(entry?["answer"] == .string("Not asked (does not apply)"))
        // The other answers are still reported.
        #expect(appendixEntry(data, "users")?["answered"] == .bool(true))
    }
}

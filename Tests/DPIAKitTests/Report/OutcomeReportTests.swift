import Foundation
import Testing

@testable import DPIAKit

/// What the committee reads of the outcome, on the bundled examples: every step 7 row, the conditions of
/// an approval, what keeps the residual level, what a draft still lacks, and each answer printed once.
@Suite("Outcome in the report")
struct OutcomeReportTests {
    static func render(_ example: String) throws -> (
        assessment: Assessment, data: TemplateValue, markdown: String
    ) {
        let assessment = try BundledContent.assessment(example: example)
        let data = ReportData.build(assessment, toolVersion: "test")
        let templates = try ReportTemplates.load(directory: ReportFixture.templates)
        return (assessment, data, try templates.render(.markdown, data: data))
    }

    static func lines(_ markdown: String, under heading: String) -> [String] {
        let all = markdown.components(separatedBy: "\n")
        guard let start = all.firstIndex(of: heading) else { return [] }
        let rest = all[(start + 1)...]
        let end = rest.firstIndex { $0.hasPrefix("## ") } ?? all.endIndex
        return Array(all[(start + 1)..<end])
    }

    @Test("Step 7 prints every ICO row, blank where nothing is recorded, with three columns")
    func everySignOffRow() throws {
        let markdown = try Self.render("whatsapp-ward-group-drift.json").markdown
        let rows = Self.lines(markdown, under: "## Step 7: Sign off and record outcomes").filter {
            $0.hasPrefix("| ") && !$0.hasPrefix("| Item ")
        }
        #expect(
            rows.map { $0.components(separatedBy: " | ")[0] } == [
                "| Measures approved by", "| Residual risks approved by", "| DPO advice provided",
                "| Summary of DPO advice", "| DPO advice accepted or overruled by", "| Comments",
                "| Consultation responses reviewed by", "| Comments",
                "| This DPIA will be kept under review by",
            ])
        #expect(
            rows[0]
                == "| Measures approved by |  | *Integrate the actions into the project plan, with a date and who is responsible for completing each.* |"
        )
        #expect(rows[3] == "| Summary of DPO advice |  |  |")
    }

    @Test("An approval on conditions names them: each approved measure not yet in place, with owner and date")
    func conditionsAreListed() throws {
        let (assessment, _, markdown) = try Self.render("whatsapp-ward-group-measures-approved.json")
        #expect(assessment.recommendation?.id == "approve_with_conditions")
        let summary = Self.lines(markdown, under: "## Summary")
        let conditions = summary.filter { $0.hasPrefix("| M") && !$0.hasPrefix("| Measure ") }
        let open = assessment.actionPlan.filter { $0.status != .inPlace }
        #expect(conditions.count == open.count)
        #expect(
            conditions.first
                == "| M1 Decide what the platform is approved for, and stop any other use | Ward manager, Ward 12 | 2026-03-23 | In progress |"
        )
        #expect(
            !conditions.contains { $0.hasPrefix("| M4 ") }, "M4 is in place, so it is no longer a condition")
        #expect(summary.contains("- R4 Vendor access and international transfer: not approved M3, M9"))
    }

    @Test("A draft lists what it lacks, the undecided measures in one line")
    func draftListsWhatIsMissing() throws {
        let markdown = try Self.render("whatsapp-ward-group-drift.json").markdown
        #expect(
            markdown.contains(
                "> **Draft: 23 items missing before this can be final.** See the list after the summary.\n"))
        let missing = Self.lines(markdown, under: "## Missing before this can be final").filter {
            $0.hasPrefix("- ")
        }
        #expect(missing.count == 7)
        #expect(missing[0].hasPrefix("- a decision on recommended measures M1, M2, M3,"))
    }

    @Test("A platform already in use is told to stop or contain the use; a new one is not")
    func recommendationFitsUse() throws {
        let drift = try BundledContent.assessment(example: "whatsapp-ward-group-drift.json")
        #expect(drift.recommendation?.summary.contains("Stop or contain the current use now") == true)
        let questionnaire = try BundledContent.questionnaire(forExample: "whatsapp-ward-group-drift.json")
        var answers = try BundledContent.answers(
            example: "whatsapp-ward-group-drift.json", questionnaire: questionnaire)
        answers.values["assessment_type"] = .string("new")
        let new = Scorer.assess(questionnaire, answers)
        #expect(new.recommendation?.id == "do_not_approve")
        #expect(new.recommendation?.summary.contains("Stop or contain") == false)
        #expect(new.recommendation?.summary.contains("before the processing starts") == true)
    }

    @Test("Each shown question's wording appears once in the report", arguments: BundledContent.exampleFiles)
    func eachAnswerOnce(_ example: String) throws {
        let (assessment, _, markdown) = try Self.render(example)
        for id in assessment.visibleQuestions {
            guard let question = assessment.questionnaire.question(id),
                assessment.questionnaire.sections.first(where: { $0.questions.contains { $0.id == id } })?
                    .icoStep != 7
            else { continue }
            let prompt = MarkdownEscaping.escape(question.prompt)
            let count = markdown.components(separatedBy: prompt).count - 1
            #expect(count == 1, "\(id) is printed \(count) times")
        }
    }
}

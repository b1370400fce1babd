import Testing

@testable import DPIAKit

@Suite("Answers writer")
struct AnswersWriterTests {
    /// The answers file as a JSON value, in the order the writer promises, for `JSONWriter` to write.
    func expectedDocument(_ answers: Answers, order: [String], measures: [String]) -> JSONValue {
        let meta = answers.metadata
        var metadata: [(String, JSONValue)] = [
            ("organisation", .string(meta.organisation)), ("platform", .string(meta.platform)),
        ]
        if let reference = meta.reference { metadata.append(("reference", .string(reference))) }
        metadata += [("assessor", .string(meta.assessor)), ("assessmentDate", .string(meta.assessmentDate))]
        if let review = meta.reviewDate { metadata.append(("reviewDate", .string(review))) }
        metadata.append(("status", .string(meta.status.rawValue)))
        var document: [(String, JSONValue)] = [
            (
                "questionnaire",
                .members([
                    ("id", .string(answers.questionnaireID)),
                    ("version", .string(answers.questionnaireVersion)),
                ])
            ),
            ("metadata", .members(metadata)),
            ("answers", .members(order.map { ($0, answers.values[$0]!.json) })),
        ]
        if !measures.isEmpty {
            document.append(
                (
                    "measures",
                    .members(
                        measures.map { id in
                            let decision = answers.measureDecisions[id]!
                            var fields: [(String, JSONValue)] = [("approved", .bool(decision.approved))]
                            if let note = decision.note { fields.append(("note", .string(note))) }
                            return (id, .members(fields))
                        })
                ))
        }
        return .members(document)
    }

    @Test func writesWhatTheGeneralWriterWritesInQuestionOrder() throws {
        let questionnaire = try Fixture.mini()
        let answers = Answers(
            questionnaireID: "mini", questionnaireVersion: "1.0.0",
            metadata: AssessmentMetadata(
                organisation: "Trust \"North\"\n", platform: "Chat — app", reference: "R\u{2028}1",
                assessor: "A\\B", assessmentDate: "2026-01-01", reviewDate: "2027-01-01", status: .final),
            values: [
                "zzz_unknown": .string("kept"), "users": .integer(-12), "patients": .bool(false),
                "data": .strings(["a", "b\t"]), "approved": .strings([]), "aaa_unknown": .bool(true),
            ],
            measureDecisions: [
                "zz_not_in_questionnaire": MeasureDecision(approved: false, note: nil),
                "aa_not_in_questionnaire": MeasureDecision(approved: true, note: "ok \u{1}"),
                "M2": MeasureDecision(approved: true, note: nil),
                "M1": MeasureDecision(approved: false, note: ""),
            ])
        let order = ["patients", "users", "data", "approved", "aaa_unknown", "zzz_unknown"]
        let expected = JSONWriter.write(
            expectedDocument(
                answers, order: order,
                measures: ["M1", "M2", "aa_not_in_questionnaire", "zz_not_in_questionnaire"]))
        #expect(AnswersFile.write(answers, questionnaire: questionnaire) == expected)
    }

    @Test func writesAnEmptyAnswersObjectAndNoMeasures() {
        let answers = Answers(
            questionnaireID: "q", questionnaireVersion: "1",
            metadata: AssessmentMetadata(
                organisation: "O", platform: "P", reference: nil, assessor: "A", assessmentDate: "2026-01-01",
                reviewDate: nil, status: .draft))
        let text = AnswersFile.write(answers, questionnaire: nil)
        #expect(text == JSONWriter.write(expectedDocument(answers, order: [], measures: [])))
        #expect(text.hasSuffix("  \"answers\": {}\n}\n"))
    }
}

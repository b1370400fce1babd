import Foundation
import TestSupport
import Testing

/// Assessments of record name the questionnaire version they were made on; that version is kept and
/// still assesses them, and a final made under its rules is a record even when today's rules would
/// refuse it.
@Suite(
    "Questionnaire versions (end to end)", .enabled(if: DPIAProcess.isBuilt, "the dpia binary is not built"))
struct QuestionnaireVersionTests {
    /// The bundled final admin-only example (1.0.0) with no DPO advice recorded, for `version`.
    static func finalWithoutDPOAdvice(version: String) throws -> String {
        // The admin-only example as answered on that version (1.1.0 asks questions 1.0.0 did not).
        let folder = version == "1.0.0" ? "" : "\(version)/"
        var text = try String(
            contentsOfFile: PackageRoot.path("Questionnaires/examples/\(folder)admin-only-staff-rota.json"),
            encoding: .utf8)
        text = text.replacingOccurrences(
            of: "\"dpo_advice_provided\": true,", with: "\"dpo_advice_provided\": false,")
        for key in ["dpo_advice_summary", "dpo_advice_outcome", "dpo_advice_decided_by"] {
            text = text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.contains("\"\(key)\"") }.joined(separator: "\n")
        }
        return text.replacingOccurrences(of: "\"version\": \"1.0.0\"", with: "\"version\": \"\(version)\"")
    }

    @Test("a 1.0.0 final lacking DPO advice still renders, its missing items on page 1 and in the summary")
    func earlierFinalRenders() throws {
        let work = try ScratchFolder()
        defer { work.remove() }
        try work.write(try Self.finalWithoutDPOAdvice(version: "1.0.0"), to: "record.json")
        expect(
            try work.run(["assess", "--out", "out", "record.json"]),
            equals: .init(
                stdout: """
                    WhatsApp group "Riverside reception cover" — Riverside Surgery (final, 2026-01-20)
                      Overall residual risk: LOW (before measures: low)
                      Recommendation: Approve
                      DPIA required: no
                      Top drivers:
                        +3 Missing: Staff training (Q5.11 Staff training: Partly) [R1, R2, R3]
                        +2 Staff use their own devices (Q2.5 Devices: Staff's own devices) [R1, R7]
                        +2 Missing: Device management and remote wipe (Q5.4 Device management and remote wipe: No) [R1, R7]
                      Recorded as final under earlier rules; 4 items missing:
                        answers.dpo_advice_provided: the DPO's advice, which UK GDPR Art. 35(2) requires to be sought (step 7, "DPO advice provided")
                        answers.dpo_advice_summary: a summary of the DPO's advice (step 7)
                        answers.dpo_advice_outcome: whether the DPO's advice was accepted or overruled (step 7)
                        answers.dpo_advice_decided_by: who accepted or overruled the DPO's advice (step 7)
                      Wrote out/record.md, out/record.html

                    """))
        // Page 1 of the report says so before the summary, in both formats.
        let markdown = try work.read("out/record.md")
        let notice = try #require(markdown.range(of: "Recorded as final under earlier rules, but 4 items"))
        let summary = try #require(markdown.range(of: "## Summary"))
        #expect(notice.lowerBound < summary.lowerBound)
        #expect(
            try work.read("out/record.html").contains("Recorded as final under earlier rules, but 4 items"))
        expect(
            try work.run(["validate", "record.json"]),
            equals: .init(
                stdout:
                    "record.json: ok (answers to communication-platform 1.0.0, superseded by 1.1.0; recorded as final under earlier rules, 4 items missing)\n"
            ))
    }

    @Test("the released definition given by path is the same record as the version named")
    func earlierFinalByPath() throws {
        let work = try ScratchFolder()
        defer { work.remove() }
        try work.write(try Self.finalWithoutDPOAdvice(version: "1.0.0"), to: "record.json")
        let result = try work.run([
            "assess", "--questionnaire", PackageRoot.path("Questionnaires/communication-platform/1.0.0.json"),
            "--out", "out", "record.json",
        ])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("  Recorded as final under earlier rules; 4 items missing:\n"))
    }

    @Test("the same final on the current version is refused, every missing item named")
    func newFinalRefused() throws {
        let work = try ScratchFolder()
        defer { work.remove() }
        try work.write(try Self.finalWithoutDPOAdvice(version: "1.1.0"), to: "new.json")
        let tail = #"; expected it recorded, or "status": "draft" until it is"#
        expect(
            try work.run(["assess", "--out", "out", "new.json"]),
            equals: .init(
                status: 65,
                stderr: """
                    dpia: error: new.json:75:28: at answers.dpo_advice_provided: a final assessment needs the DPO's advice, which UK GDPR Art. 35(2) requires to be sought (step 7, "DPO advice provided")\(tail)
                    dpia: error: new.json:12:14: at answers.dpo_advice_summary: a final assessment needs a summary of the DPO's advice (step 7)\(tail)
                    dpia: error: new.json:12:14: at answers.dpo_advice_outcome: a final assessment needs whether the DPO's advice was accepted or overruled (step 7)\(tail)
                    dpia: error: new.json:12:14: at answers.dpo_advice_decided_by: a final assessment needs who accepted or overruled the DPO's advice (step 7)\(tail)

                    """))
        #expect(!work.exists("out/new.md"))
    }
}

import Foundation
import TestSupport
import Testing

/// `--format json`: `NAME.assessment.json` is one more output of an assessment's set, never taken for an
/// answers file, and a batch can write it into its own folder and run again.
@Suite(
    "dpia assess --format json (end to end)",
    .enabled(if: DPIAProcess.isBuilt, "the dpia binary is not built"))
struct AssessmentJSONEndToEndTests {
    static let example = PackageRoot.path("Questionnaires/examples/admin-only-staff-rota.json")

    @Test func theAssessmentIsWrittenWithTheReportsAsOneSet() throws {
        let work = try ScratchFolder()
        defer { work.remove() }
        try work.copy(Self.example, to: "rota.json")
        try work.write("kept\n", to: "out/rota.assessment.json")
        expect(
            try work.run(["assess", "--out", "out", "--format", "md,html,json", "rota.json"]),
            equals: .init(
                status: 73, stdout: "",
                stderr:
                    "dpia: error: out/rota.assessment.json: already exists; use --force to replace it (nothing was written)\n"
            ))
        #expect(work.files(in: "out") == ["rota.assessment.json"])
        #expect(try work.read("out/rota.assessment.json") == "kept\n")

        let forced = try work.run(["assess", "--out", "out", "--format", "json,md", "--force", "rota.json"])
        #expect(forced.status == 0, "\(forced)")
        #expect(forced.stdout.hasSuffix("  Wrote out/rota.md, out/rota.assessment.json\n"), "\(forced)")
        #expect(work.files(in: "out") == ["rota.assessment.json", "rota.md"])
        #expect(
            try work.read("out/rota.assessment.json").hasPrefix("{\n  \"format\": \"dpia-assessment\",\n"))
    }

    @Test func anAssessmentFileIsRefusedAsAnswers() throws {
        let work = try ScratchFolder()
        defer { work.remove() }
        try work.copy(Self.example, to: "rota.json")
        #expect(try work.run(["assess", "--out", ".", "--format", "json", "rota.json"]).status == 0)
        expect(
            try work.run(["assess", "--out", "out", "rota.assessment.json"]),
            equals: .init(
                status: 65, stdout: "",
                stderr:
                    "dpia: error: rota.assessment.json: is an assessment dpia wrote (--format json), not an answers file; expected the answers file it was made from, named without .assessment\n"
            ))
        #expect(!work.exists("out"))
        // Renamed, it is told apart by what it holds.
        try work.copy(work.path("rota.assessment.json"), to: "results.json")
        expect(
            try work.run(["assess", "--out", "out", "results.json"]),
            equals: .init(
                status: 65, stdout: "",
                stderr:
                    "dpia: error: results.json:2:13: at format: is an assessment dpia wrote (--format json), not an answers file; expected the answers file it was made from, which holds \"answers\"\n"
            ))
        #expect(!work.exists("out"))
    }

    @Test func validateSaysWhatAnAssessmentFileIs() throws {
        let work = try ScratchFolder()
        defer { work.remove() }
        try work.copy(Self.example, to: "rota.json")
        #expect(try work.run(["assess", "--out", "out", "--format", "json", "rota.json"]).status == 0)
        // Renamed, it is still told apart by its content, with one error instead of one per member.
        try work.copy(work.path("out/rota.assessment.json"), to: "results.json")
        expect(
            try work.run(["validate", "results.json"]),
            equals: .init(
                status: 65, stdout: "",
                stderr:
                    "dpia: error: results.json:2:13: at format: is an assessment dpia wrote (--format json), not a questionnaire or answers file; Questionnaires/assessment.schema.json describes it; expected the answers file it was made from\n"
            ))
    }

    @Test func aBatchRerunOverAFolderHoldingItsOwnOutputsKeepsThem() throws {
        let work = try ScratchFolder()
        defer { work.remove() }
        try work.copy(Self.example, to: "answers/rota.json")
        let line =
            #"answers/rota.json: WhatsApp group "Riverside reception cover" — Riverside Surgery (final): residual low (inherent low); Approve"#
        let arguments = ["assess", "--batch", "answers", "--out", "answers", "--format", "md,json"]
        expect(
            try work.run(arguments),
            equals: .init(status: 0, stdout: line + "\nWrote answers/summary.tsv\n", stderr: ""))
        let written = try work.data("answers/rota.assessment.json")
        #expect(work.files(in: "answers") == ["rota.assessment.json", "rota.json", "rota.md", "summary.tsv"])
        // The outputs are not taken for answers files, and the same bytes are kept, not refused.
        expect(
            try work.run(arguments),
            equals: .init(
                status: 0,
                stdout: line.replacingOccurrences(of: "(final)", with: "(exists, kept)")
                    + "\nWrote answers/summary.tsv\n",
                stderr: ""))
        #expect(try work.data("answers/rota.assessment.json") == written)
        #expect(work.files(in: "answers") == ["rota.assessment.json", "rota.json", "rota.md", "summary.tsv"])
    }
}

import Foundation
import TestSupport
import Testing

/// `dpia assess --batch DIR` and several `--answers`: every file assessed in one process, a summary line
/// each and `summary.tsv`, with bad files reported without stopping the others.
@Suite("dpia assess --batch (end to end)")
struct BatchTests {
    static let examples = PackageRoot.url.appendingPathComponent("Questionnaires/examples")

    /// A scratch folder whose `answers/` holds copies of the bundled examples and, optionally, broken files.
    static func batchFolder(adding extra: [String: String] = [:]) throws -> ScratchFolder {
        let work = try ScratchFolder()
        try work.copy(examples.path, to: "answers")
        for (name, text) in extra { try work.write(text, to: "answers/\(name)") }
        return work
    }

    /// What a batch over the bundled examples prints, one line per example, in file order.
    static let exampleLines = [
        #"answers/admin-only-staff-rota.json: WhatsApp group "Riverside reception cover" — Riverside Surgery (final): residual low (inherent low); Approve"#,
        #"answers/screening-new-analytics.json: Population health analytics platform — Northshire Integrated Care Board (draft)"#,
        #"answers/teams-managed-clinical-handover.json: Microsoft Teams (NHSmail), district nursing handover — Northshire Community Health NHS Trust (final): residual low (inherent low); Approve"#,
        #"answers/whatsapp-ward-group-drift.json: WhatsApp group "Ward 12 nursing team" — Northshire Acute Hospitals NHS Trust (draft): residual high (inherent high); Do not approve; ICO prior consultation would be required"#,
        #"answers/whatsapp-ward-group-measures-approved.json: WhatsApp group "Ward 12 nursing team" — Northshire Acute Hospitals NHS Trust (draft): residual medium (inherent high); Approve with conditions"#,
    ]

    static let exampleReports = [
        "admin-only-staff-rota.md", "screening-new-analytics.md", "summary.tsv",
        "teams-managed-clinical-handover.md", "whatsapp-ward-group-drift.md",
        "whatsapp-ward-group-measures-approved.md",
    ]

    @Test func aBatchAssessesEveryFileAndABadOneDoesNotStopTheOthers() throws {
        let truncated = try String(
            contentsOfFile: BrokenCorpus.path("answers/truncated.json"), encoding: .utf8)
        let work = try Self.batchFolder(adding: ["broken.json": truncated, "notes.txt": "not answers"])
        defer { work.remove() }
        expect(
            try work.run(["assess", "--batch", "answers", "--out", "reports", "--format", "md"]),
            equals: .init(
                status: 65,
                stdout: (Self.exampleLines + ["Wrote reports/summary.tsv", ""]).joined(separator: "\n"),
                stderr: """
                    dpia: error: answers/broken.json:29:12: unexpected end of file inside a string
                    dpia: 1 of 6 assessments failed; the others were written

                    """))
        #expect(work.files(in: "reports") == Self.exampleReports)
        #expect(
            try work.read("reports/summary.tsv") == """
                file\tplatform\torganisation\tinherent\tresidual\trecommendation\tico_consultation\tstatus
                answers/admin-only-staff-rota.json\t"WhatsApp group ""Riverside reception cover\"""\tRiverside Surgery\tLow\tLow\tApprove\tnot required\tfinal
                answers/broken.json\t\t\t\t\t\t\tfailed (65)
                answers/screening-new-analytics.json\tPopulation health analytics platform\tNorthshire Integrated Care Board\t\t\t\tnot required\tdraft
                answers/teams-managed-clinical-handover.json\tMicrosoft Teams (NHSmail), district nursing handover\tNorthshire Community Health NHS Trust\tLow\tLow\tApprove\tnot required\tfinal
                answers/whatsapp-ward-group-drift.json\t"WhatsApp group ""Ward 12 nursing team\"""\tNorthshire Acute Hospitals NHS Trust\tHigh\tHigh\tDo not approve\twould be required\tdraft
                answers/whatsapp-ward-group-measures-approved.json\t"WhatsApp group ""Ward 12 nursing team\"""\tNorthshire Acute Hospitals NHS Trust\tHigh\tMedium\tApprove with conditions\tnot required\tdraft

                """)
    }

    @Test func aBatchWritesTheSameReportsAsOneFileAtATime() throws {
        let work = try Self.batchFolder()
        defer { work.remove() }
        let batch = try work.run(["assess", "--batch", "answers", "--out", "batch"])
        #expect(batch.status == 0, "\(batch)")
        for name in try FileManager.default.contentsOfDirectory(atPath: work.path("answers"))
        where name.hasSuffix(".json") {
            let stem = (name as NSString).deletingPathExtension
            // One file at a time prints the summary the goldens pin, for reports written to `out`.
            let summary = try String(
                contentsOf: Golden.folder.appendingPathComponent("\(stem)/summary.txt"), encoding: .utf8)
            expect(
                try work.run(["assess", "answers/\(name)", "--out", "out"]), equals: .init(stdout: summary))
            for report in ["\(stem).md", "\(stem).html"] {
                #expect(try work.data("batch/\(report)") == work.data("out/\(report)"), "\(report)")
            }
        }
    }

    @Test func severalAnswersOptionsShareTheBatchPath() throws {
        let work = try Self.batchFolder()
        defer { work.remove() }
        expect(
            try work.run([
                "assess", "--answers", "answers/admin-only-staff-rota.json", "--answers",
                "answers/teams-managed-clinical-handover.json", "--out", "out", "--format", "md",
            ]),
            equals: .init(
                stdout: [Self.exampleLines[0], Self.exampleLines[2], "Wrote out/summary.tsv", ""].joined(
                    separator: "\n")))
        #expect(
            work.files(in: "out") == [
                "admin-only-staff-rota.md", "summary.tsv", "teams-managed-clinical-handover.md",
            ])
    }

    @Test func twoAnswersFilesWithOneNameDoNotOverwriteEachOther() throws {
        let work = try ScratchFolder()
        defer { work.remove() }
        try work.copy(
            Self.examples.appendingPathComponent("admin-only-staff-rota.json").path, to: "a/same.json")
        try work.copy(
            Self.examples.appendingPathComponent("teams-managed-clinical-handover.json").path,
            to: "b/same.json")
        expect(
            try work.run([
                "assess", "a/same.json", "b/same.json", "--out", "reports", "--format", "md", "--force",
            ]),
            equals: .init(
                status: 73,
                stdout: """
                    a/same.json: WhatsApp group "Riverside reception cover" — Riverside Surgery (final): residual low (inherent low); Approve
                    Wrote reports/summary.tsv

                    """,
                stderr: """
                    dpia: error: reports/same.md: is also the report of a/same.json; rename one of the answers files (nothing was written)
                    dpia: 1 of 2 assessments failed; the others were written

                    """))
        #expect(work.files(in: "reports") == ["same.md", "summary.tsv"])
        #expect(try work.read("reports/same.md").contains("Riverside"))
    }

    @Test func aRerunKeepsExistingReportsUnlessForced() throws {
        let work = try Self.batchFolder()
        defer { work.remove() }
        let arguments = ["assess", "--batch", "answers", "--out", "reports", "--format", "md"]
        let written = DPIAProcess.Result(
            stdout: (Self.exampleLines + ["Wrote reports/summary.tsv", ""]).joined(separator: "\n"))
        expect(try work.run(arguments), equals: written)
        try work.write("edited by hand", to: "reports/admin-only-staff-rota.md")
        // Reports already there exactly as this run would write them are kept and listed with their
        // ratings (a rerun after a kill finishes the batch); one that differs is refused.
        let kept = Self.exampleLines.dropFirst().map {
            $0.replacingOccurrences(of: "(final)", with: "(exists, kept)")
                .replacingOccurrences(of: "(draft)", with: "(exists, kept)")
        }
        expect(
            try work.run(arguments),
            equals: .init(
                status: 73,
                stdout: (kept + ["Wrote reports/summary.tsv", ""]).joined(separator: "\n"),
                stderr: """
                    dpia: error: reports/admin-only-staff-rota.md: already exists; use --force to replace it (nothing was written)
                    dpia: 1 of 5 assessments failed; the others were written or were there already

                    """))
        #expect(
            try work.read("reports/summary.tsv").split(separator: "\n").map {
                $0.split(separator: "\t").last!
            }
                == ["status", "failed (73)", "exists, kept", "exists, kept", "exists, kept", "exists, kept"])
        #expect(try work.read("reports/admin-only-staff-rota.md") == "edited by hand")
        expect(try work.run(arguments + ["--force"]), equals: written)
        #expect(try work.read("reports/admin-only-staff-rota.md").hasPrefix("# "))
    }

    @Test func aRerunWithANewFileListsEveryReportInTheSummary() throws {
        let work = try Self.batchFolder()
        defer { work.remove() }
        let arguments = ["assess", "--batch", "answers", "--out", "reports", "--format", "md"]
        #expect(try work.run(arguments).status == 0)
        let before = try work.read("reports/summary.tsv")
        try FileManager.default.moveItem(
            atPath: work.path("answers/teams-managed-clinical-handover.json"), toPath: work.path("teams.json")
        )
        try work.copy(work.path("teams.json"), to: "answers/zz-new.json")
        // Without the Teams file and with a new one: the Teams row is carried (its report is still
        // there), the new one is added, the rest are kept.
        let result = try work.run(arguments)
        #expect(result.status == 0, "\(result)")
        let rows = try work.read("reports/summary.tsv").split(separator: "\n")
        let teams = before.split(separator: "\n").first { $0.hasPrefix("answers/teams") }!
        #expect(rows.count == 7)
        #expect(rows.last == teams)
        #expect(rows[5].hasPrefix("answers/zz-new.json\tMicrosoft Teams"))
        #expect(rows[5].hasSuffix("\tfinal"))
        #expect(work.files(in: "reports").count == 7)
    }

    @Test func aMissingOrEmptyBatchFolderIsMissingInput() throws {
        let work = try ScratchFolder()
        defer { work.remove() }
        try work.makeFolder("empty")
        expect(
            try work.run(["assess", "--batch", "empty", "--out", "empty/reports"]),
            equals: .init(status: 66, stderr: "dpia: error: empty: holds no answers files (*.json)\n"))
        expect(
            try work.run(["assess", "--batch", "empty/nowhere"]),
            equals: .init(status: 66, stderr: "dpia: error: empty/nowhere: no such directory\n"))
        #expect(work.files() == ["empty"])
    }
}

import Foundation
import TestSupport
import Testing

/// `dpia assess --batch DIR` and several `--answers`: every file assessed in one process, a summary line
/// each and `summary.tsv`, with bad files reported without stopping the others.
@Suite("dpia assess --batch (end to end)")
struct BatchTests {
    static let examples = DPIAProcess.root.appendingPathComponent("Questionnaires/examples")

    /// A batch folder holding copies of the bundled examples and, optionally, broken files.
    static func batchFolder(adding extra: [String: String] = [:]) throws -> URL {
        let folder = try DPIAProcess.temporaryDirectory().appendingPathComponent("answers")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: examples.path)
        where name.hasSuffix(".json") {
            try FileManager.default.copyItem(
                at: examples.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        for (name, text) in extra {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test func aBatchAssessesEveryFileAndABadOneDoesNotStopTheOthers() throws {
        let truncated = try String(
            contentsOfFile: BrokenCorpus.path("answers/truncated.json"), encoding: .utf8)
        let folder = try Self.batchFolder(adding: ["broken.json": truncated, "notes.txt": "not answers"])
        let out = folder.deletingLastPathComponent().appendingPathComponent("reports")
        let result = try DPIAProcess.run([
            "assess", "--batch", folder.path, "--out", out.path, "--format", "md",
        ])
        #expect(result.status == 65)
        let broken = folder.appendingPathComponent("broken.json").path
        #expect(
            result.stderr
                == "dpia: error: \(broken):29:12: unexpected end of file inside a string\ndpia: 1 of 6 assessments failed; the others were written\n"
        )
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 6)
        #expect(
            lines.contains(
                "\(folder.path)/whatsapp-ward-group-drift.json: WhatsApp group \"Ward 12 nursing team\" — Northshire Acute Hospitals NHS Trust (draft): residual high (inherent high); Do not approve; ICO prior consultation would be required"
            ))
        #expect(lines.last == "Wrote \(out.path)/summary.tsv")
        #expect(
            BrokenCorpus.files(in: out) == [
                "admin-only-staff-rota.md", "screening-new-analytics.md", "summary.tsv",
                "teams-managed-clinical-handover.md", "whatsapp-ward-group-drift.md",
                "whatsapp-ward-group-measures-approved.md",
            ])
        let summary = try String(contentsOf: out.appendingPathComponent("summary.tsv"), encoding: .utf8)
        let rows = summary.split(separator: "\n").map(String.init)
        #expect(rows.count == 7)
        #expect(
            rows[0]
                == "file\tplatform\torganisation\tinherent\tresidual\trecommendation\tico_consultation\tstatus"
        )
        #expect(
            rows.contains(
                "\(folder.path)/whatsapp-ward-group-measures-approved.json\tWhatsApp group \"Ward 12 nursing team\"\tNorthshire Acute Hospitals NHS Trust\tHigh\tMedium\tApprove with conditions\tnot required\tdraft"
            ))
        #expect(rows.contains("\(broken)\t\t\t\t\t\t\tfailed (65)"))
    }

    @Test func aBatchWritesTheSameReportsAsOneFileAtATime() throws {
        let folder = try Self.batchFolder()
        let batchOut = folder.deletingLastPathComponent().appendingPathComponent("batch")
        let batch = try DPIAProcess.run([
            "assess", "--batch", folder.path, "--out", batchOut.path, "--format", "md",
        ])
        #expect(batch.status == 0, "\(batch.stderr)")
        let singleOut = folder.deletingLastPathComponent().appendingPathComponent("single")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let single = try DPIAProcess.run([
                "assess", folder.appendingPathComponent(name).path, "--out", singleOut.path, "--format", "md",
            ])
            #expect(single.status == 0, "\(single.stderr)")
            #expect(
                single.stdout.contains("Overall residual risk") || single.stdout.contains("DPIA required"))
            let report = (name as NSString).deletingPathExtension + ".md"
            #expect(
                try Data(contentsOf: batchOut.appendingPathComponent(report))
                    == Data(contentsOf: singleOut.appendingPathComponent(report)), "\(report)")
        }
    }

    @Test func severalAnswersOptionsShareTheBatchPath() throws {
        let out = try DPIAProcess.temporaryDirectory()
        let rota = Self.examples.appendingPathComponent("admin-only-staff-rota.json").path
        let teams = Self.examples.appendingPathComponent("teams-managed-clinical-handover.json").path
        let result = try DPIAProcess.run([
            "assess", "--answers", rota, "--answers", teams, "--out", out.path, "--format", "md",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout == """
                \(rota): WhatsApp group "Riverside reception cover" — Riverside Surgery (final): residual low (inherent low); Approve
                \(teams): Microsoft Teams (NHSmail), district nursing handover — Northshire Community Health NHS Trust (final): residual low (inherent low); Approve
                Wrote \(out.path)/summary.tsv

                """)
        #expect(
            BrokenCorpus.files(in: out) == [
                "admin-only-staff-rota.md", "summary.tsv", "teams-managed-clinical-handover.md",
            ])
    }

    @Test func twoAnswersFilesWithOneNameDoNotOverwriteEachOther() throws {
        let root = try DPIAProcess.temporaryDirectory()
        let rota = Self.examples.appendingPathComponent("admin-only-staff-rota.json").path
        let teams = Self.examples.appendingPathComponent("teams-managed-clinical-handover.json").path
        for (folder, source) in [("a", rota), ("b", teams)] {
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                atPath: source, toPath: root.appendingPathComponent("\(folder)/same.json").path)
        }
        let out = root.appendingPathComponent("reports")
        let result = try DPIAProcess.run([
            "assess", root.appendingPathComponent("a/same.json").path,
            root.appendingPathComponent("b/same.json").path,
            "--out", out.path, "--format", "md", "--force",
        ])
        #expect(result.status == 73)
        #expect(
            result.stderr.contains(
                "dpia: error: \(out.path)/same.md: is also the report of \(root.path)/a/same.json; rename one of the answers files (nothing was written)"
            ))
        let report = try String(contentsOf: out.appendingPathComponent("same.md"), encoding: .utf8)
        #expect(report.contains("Riverside"))
    }

    @Test func aRerunKeepsExistingReportsUnlessForced() throws {
        let folder = try Self.batchFolder()
        let out = folder.deletingLastPathComponent().appendingPathComponent("reports")
        let arguments = ["assess", "--batch", folder.path, "--out", out.path, "--format", "md"]
        #expect(try DPIAProcess.run(arguments).status == 0)
        let marker = out.appendingPathComponent("admin-only-staff-rota.md")
        try "edited by hand".write(to: marker, atomically: true, encoding: .utf8)
        let refused = try DPIAProcess.run(arguments)
        #expect(refused.status == 73)
        #expect(
            refused.stderr.contains("admin-only-staff-rota.md: already exists; use --force to replace it"))
        #expect(refused.stderr.contains("summary.tsv: already exists; use --force to replace it"))
        // The summary is not an assessment: five refused examples, not six, and none was written.
        #expect(refused.stderr.hasSuffix("dpia: all 5 assessments failed; no report was written\n"))
        #expect(try String(contentsOf: marker, encoding: .utf8) == "edited by hand")
        let forced = try DPIAProcess.run(arguments + ["--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOf: marker, encoding: .utf8).hasPrefix("# "))
    }

    @Test func aMissingOrEmptyBatchFolderIsMissingInput() throws {
        let empty = try DPIAProcess.temporaryDirectory()
        let none = try DPIAProcess.run(["assess", "--batch", empty.path, "--out", empty.path + "/reports"])
        #expect(none.status == 66)
        #expect(none.stderr == "dpia: error: \(empty.path): holds no answers files (*.json)\n")
        let missing = empty.appendingPathComponent("nowhere").path
        let absent = try DPIAProcess.run(["assess", "--batch", missing])
        #expect(absent.status == 66)
        #expect(absent.stderr == "dpia: error: \(missing): no such directory\n")
        #expect(BrokenCorpus.files(in: empty).isEmpty)
    }
}

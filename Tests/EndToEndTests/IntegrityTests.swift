import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// What dpia writes is whole and is its own: report sets land together, drafts are locked, odd files
/// and names get clear errors (issue 14, integrity half).
@Suite("Integrity of what is written (end to end)", .serialized)
struct IntegrityTests {
    static var hostName: String {
        var buffer = [CChar](repeating: 0, count: 256)
        gethostname(&buffer, 255)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    @Test func aFolderInPlaceOfTheHTMLLeavesTheMarkdownAsItWas() throws {
        let work = try ScratchFolder()
        defer { work.remove() }
        try work.copy(BrokenCorpus.example, to: "rota.json")
        try work.write("old report", to: "reports/rota.md")
        try work.makeFolder("reports/rota.html")
        expect(
            try work.run(["assess", "rota.json", "--out", "reports", "--force"]),
            equals: BrokenCorpus.failure(
                73,
                [
                    "dpia: error: reports/rota.html: is a folder, so it cannot be replaced by a report; nothing was changed (kept as before: reports/rota.md)"
                ]))
        #expect(try work.read("reports/rota.md") == "old report")
        #expect(work.files(in: "reports") == ["rota.html", "rota.md"])
        try FileManager.default.removeItem(atPath: work.path("reports/rota.md"))
        expect(
            try work.run(["assess", "rota.json", "--out", "reports", "--force", "--format", "html,md"]),
            equals: BrokenCorpus.failure(
                73,
                [
                    "dpia: error: reports/rota.html: is a folder, so it cannot be replaced by a report; nothing was changed (not written: reports/rota.md)"
                ]))
        #expect(work.files(in: "reports") == ["rota.html"])
    }

    @Test func aRerunAfterAKillFinishesTheBatchAndKeepsTheRatings() throws {
        let work = try BatchTests.batchFolder()
        defer { work.remove() }
        let arguments = ["assess", "--batch", "answers", "--out", "reports", "--format", "md"]
        #expect(try work.run(arguments).status == 0)
        let complete = try work.read("reports/summary.tsv")
        // As a kill leaves it: some reports written, no summary.
        try FileManager.default.removeItem(atPath: work.path("reports/summary.tsv"))
        try FileManager.default.removeItem(atPath: work.path("reports/whatsapp-ward-group-drift.md"))
        let result = try work.run(arguments)
        #expect(result.status == 0, "\(result)")
        let kept = { (line: String) in
            line.replacingOccurrences(of: "\tfinal", with: "\texists, kept")
                .replacingOccurrences(of: "\tdraft", with: "\texists, kept")
        }
        let expected = complete.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("answers/whatsapp-ward-group-drift") || line.hasPrefix("file")
                ? String(line) : kept(String(line))
        }
        #expect(try work.read("reports/summary.tsv") == expected.joined(separator: "\n"))
    }

    @Test func aFIFOIsRefusedAtOnceWhereverItIsGiven() throws {
        let work = try ScratchFolder()
        defer { work.remove() }
        try work.makeFolder("batch")
        try work.copy(BrokenCorpus.example, to: "batch/rota.json")
        try work.copy(PackageRoot.path("Templates"), to: "templates")
        #expect(mkfifo(work.path("pipe.json"), 0o600) == 0)
        #expect(mkfifo(work.path("batch/pipe.json"), 0o600) == 0)
        let pipe = "is a named pipe (FIFO), not a regular file; expected a file saved on disk"
        expect(
            try work.run(["assess", "pipe.json", "--out", "reports"]),
            equals: BrokenCorpus.failure(66, ["dpia: error: pipe.json: \(pipe)"]))
        let batch = try work.run(["assess", "--batch", "batch", "--out", "reports", "--format", "md"])
        #expect(batch.status == 66)
        #expect(batch.stderr.hasPrefix("dpia: error: batch/pipe.json: \(pipe)\n"))
        #expect(try work.read("reports/summary.tsv").contains("batch/pipe.json\t\t\t\t\t\t\tfailed (66)"))
        let partials = try FileManager.default.contentsOfDirectory(atPath: work.path("templates/partials"))
        let partial = try #require(partials.first)
        try FileManager.default.removeItem(atPath: work.path("templates/partials/\(partial)"))
        #expect(mkfifo(work.path("templates/partials/\(partial)"), 0o600) == 0)
        let templated = try work.run([
            "assess", "batch/rota.json", "--out", "other", "--templates", "templates",
        ])
        #expect(templated.status == 65)
        #expect(templated.stderr.contains("templates/partials/\(partial)"))
        #expect(templated.stderr.contains(pipe))
        #expect(!work.exists("other"))
    }

    @Test(arguments: [
        (
            ["assess", "--format", "", "rota.json"],
            "empty value for option '--format'; expected one of: md, html, docx, json"
        ),
        (["assess", "--out", "", "rota.json"], "empty value for option '--out'; expected DIR"),
        (["wizard", "--out", ""], "empty value for option '--out'; expected DIR"),
    ])
    func anEmptyFormatOrFolderIsAUsageError(arguments: [String], message: String) throws {
        let work = try ScratchFolder()
        defer { work.remove() }
        try work.copy(BrokenCorpus.example, to: "rota.json")
        let result = try work.run(arguments)
        #expect(result.status == 64)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("dpia \(arguments[0]): \(message)\nusage: dpia \(arguments[0]) "))
        #expect(work.files() == ["rota.json"])
    }

    @Test func aLongAnswersFileNameGetsItsReports() throws {
        let work = try ScratchFolder()
        defer { work.remove() }
        let stem = String(repeating: "r", count: 235)
        try work.copy(BrokenCorpus.path("integrity/\(stem).json"), to: "\(stem).json")
        let result = try work.run(["assess", "\(stem).json", "--out", "reports"])
        #expect(result.status == 0, "\(result)")
        #expect(work.files(in: "reports") == ["\(stem).html", "\(stem).md"])
    }

    @Test func aUsersHiddenFileSurvivesTheStartUpCleanUp() throws {
        let work = try ScratchFolder()
        defer { work.remove() }
        try work.copy(
            BrokenCorpus.path("integrity/.minutes.2026.draft.tmp"), to: "reports/.minutes.2026.draft.tmp")
        try work.copy(BrokenCorpus.example, to: "a.json")
        try work.copy(BrokenCorpus.example, to: "b.json")
        #expect(
            try work.run(["assess", "a.json", "b.json", "--out", "reports", "--format", "md"]).status == 0)
        #expect(work.files(in: "reports") == [".minutes.2026.draft.tmp", "a.md", "b.md", "summary.tsv"])
        #expect(try work.read("reports/.minutes.2026.draft.tmp") == "partial")
    }

    @Test func aSecondWizardOnADraftIsRefusedAndADeadOnesLockIsTakenOver() throws {
        let work = try ScratchFolder()
        defer { work.remove() }
        // A lock file a killed wizard left: taken over at once.
        try work.copy(BrokenCorpus.path("integrity/.stale.draft.json.dpia-lock"), to: ".d.json.dpia-lock")
        let first = try work.run(["wizard", "--draft", "d.json", "--plain"])
        // Plain mode's input ends at once: the wizard stops with 75 (input ended), keeping the draft.
        #expect(first.status == 75, "\(first)")
        #expect(!work.exists(".d.json.dpia-lock"))
        let draft = try work.read("d.json")
        // A wizard waiting for an answer, with its input held open.
        let holder = Process()
        holder.executableURL = DPIAProcess.binary
        holder.arguments = ["wizard", "--resume", "d.json", "--plain"]
        holder.currentDirectoryURL = work.url
        let input = Pipe()
        holder.standardInput = input
        holder.standardOutput = FileHandle.nullDevice
        holder.standardError = FileHandle.nullDevice
        try holder.run()
        defer { if holder.isRunning { kill(holder.processIdentifier, SIGKILL) } }
        var waited = 0
        while (try? work.read(".d.json.dpia-lock"))?.hasSuffix("\n") != true && waited < 400 {
            usleep(25_000)
            waited += 1
        }
        expect(
            try work.run(["wizard", "--resume", "d.json", "--plain"]),
            equals: BrokenCorpus.failure(
                73,
                [
                    "dpia: error: d.json: is open in another dpia wizard (process \(holder.processIdentifier) on host \(Self.hostName)); finish or stop that one first (nothing was changed)"
                ]))
        #expect(try work.read("d.json") == draft)
        kill(holder.processIdentifier, SIGKILL)
        holder.waitUntilExit()
        #expect(work.exists(".d.json.dpia-lock"))
        let after = try work.run(["wizard", "--resume", "d.json", "--plain"])
        #expect(after.status == 75, "\(after)")
        #expect(after.stderr.contains("your answers so far are saved in d.json"))
        #expect(!work.exists(".d.json.dpia-lock"))
    }
}

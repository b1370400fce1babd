import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Reports are written to a temporary file beside them and renamed: killing dpia at any moment leaves
/// each report either as it was or complete, and the temporary files it leaves are cleaned up later.
@Suite("Crash-safe report writing (end to end)", .serialized)
struct CrashSafetyTests {
    /// `count` answers files made from the examples; `edition` goes into each platform name, so
    /// reports of different editions differ.
    static func answersFolder(_ folder: URL, count: Int, edition: String) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let examples = BatchTests.examples
        let sources = try FileManager.default.contentsOfDirectory(atPath: examples.path).filter {
            $0.hasPrefix("whatsapp") || $0.hasPrefix("teams") || $0.hasPrefix("admin")
        }.sorted()
        for index in 0..<count {
            let text = try String(
                contentsOf: examples.appendingPathComponent(sources[index % sources.count]), encoding: .utf8
            ).replacingOccurrences(of: "\"platform\": \"", with: "\"platform\": \"\(edition) \(index) ")
            try text.write(
                to: folder.appendingPathComponent(String(format: "assessment-%03d.json", index)),
                atomically: true,
                encoding: .utf8)
        }
    }

    /// Starts dpia in `work` without waiting for it; its standard error goes to the file `errors` there.
    static func start(_ arguments: [String], in work: ScratchFolder, errors: String? = nil) throws -> Process
    {
        let process = Process()
        process.executableURL = DPIAProcess.binary
        process.arguments = arguments
        process.currentDirectoryURL = work.url
        process.standardOutput = FileHandle.nullDevice
        if let errors {
            try work.write("", to: errors)
            process.standardError = try FileHandle(forWritingTo: work.url(errors))
        } else {
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        return process
    }

    @Test func killingABatchMidWriteLeavesEveryReportOldOrNewAndComplete() throws {
        let work = try ScratchFolder()
        defer { work.remove() }
        let root = work.url
        let count = 60
        let old = root.appendingPathComponent("old")
        let new = root.appendingPathComponent("new")
        try Self.answersFolder(old, count: count, edition: "Old")
        try Self.answersFolder(new, count: count, edition: "New")
        // The complete old and new reports, to compare against.
        let oldReports = root.appendingPathComponent("old-reports")
        let newReports = root.appendingPathComponent("new-reports")
        for (answers, reports) in [(old, oldReports), (new, newReports)] {
            let result = try DPIAProcess.run([
                "assess", "--batch", answers.path, "--out", reports.path, "--format", "md",
            ])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let out = root.appendingPathComponent("reports")
        try FileManager.default.copyItem(at: oldReports, to: out)
        // How long a whole run takes, to kill the next ones at random moments within it.
        let started = Date()
        let timed = try DPIAProcess.run([
            "assess", "--batch", new.path, "--out", root.appendingPathComponent("timing").path, "--format",
            "md",
        ])
        #expect(timed.status == 0)
        let duration = Date().timeIntervalSince(started)

        var killed = 0
        var leftovers: Set<String> = []
        for round in 0..<12 {
            let answers = round.isMultiple(of: 2) ? new : old
            let process = try Self.start(
                ["assess", "--batch", answers.path, "--out", out.path, "--format", "md", "--force"], in: work)
            usleep(useconds_t(Double.random(in: 0.05...0.95) * duration * 1_000_000))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killed += 1
            }
            process.waitUntilExit()
            for name in work.files(in: "reports") {
                if name.hasSuffix(".tmp") {
                    leftovers.insert(name)
                    continue
                }
                let bytes = try Data(contentsOf: out.appendingPathComponent(name))
                let before = try? Data(contentsOf: oldReports.appendingPathComponent(name))
                let after = try? Data(contentsOf: newReports.appendingPathComponent(name))
                #expect(
                    bytes == before || bytes == after,
                    "round \(round): \(name) is neither the old nor the new report")
            }
        }
        #expect(killed > 0, "no run was killed mid-way; the runs were too quick to interrupt")

        // A complete run replaces every report and removes the temporary files the killed runs left.
        let final = try DPIAProcess.run([
            "assess", "--batch", new.path, "--out", out.path, "--format", "md", "--force",
        ])
        #expect(final.status == 0, "\(final.stderr)")
        let names = work.files(in: "reports")
        #expect(names.filter { $0.hasSuffix(".tmp") }.isEmpty, "left over: \(leftovers.sorted())")
        #expect(names.count == count + 1)
        for name in names {
            #expect(
                try Data(contentsOf: out.appendingPathComponent(name))
                    == Data(contentsOf: newReports.appendingPathComponent(name)), "\(name)")
        }
    }

    /// A temporary name as dpia makes them (`.NAME.dpia-HOST-NAMESPACE-PID-RANDOM.tmp`, documented in
    /// `TemporaryFiles`): HOST is the 32-bit FNV-1a hash of the host name, NAMESPACE the inode of
    /// `/proc/self/ns/pid`.
    static func temporaryName(_ target: String, pid: Int32) -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        gethostname(&buffer, 255)
        var hash: UInt32 = 0x811c_9dc5
        for byte in buffer.prefix(while: { $0 != 0 }) {
            hash = (hash ^ UInt32(UInt8(bitPattern: byte))) &* 0x0100_0193
        }
        var namespace = stat()
        stat("/proc/self/ns/pid", &namespace)
        return
            ".\(target).dpia-\(String(format: "%08x", hash))-\(namespace.st_ino)-\(pid)-00000000001a2b3c.tmp"
    }

    @Test func temporaryFilesOfRunningProcessesAreKeptAndOthersRemoved() throws {
        let work = try ScratchFolder()
        defer { work.remove() }
        var deadPID: Int32 = 4_000_000
        while kill(deadPID, 0) == 0 || errno != ESRCH { deadPID -= 1 }
        let stale = Self.temporaryName("admin-only-staff-rota.md", pid: deadPID)
        let live = Self.temporaryName("admin-only-staff-rota.md", pid: getpid())
        // A user's hidden files, one shaped like the temporary names of earlier versions.
        let unrelated = [
            ".notes.tmp", ".minutes.2026.draft.tmp", ".admin-only-staff-rota.md.\(deadPID).1a2b.tmp",
        ]
        for name in [stale, live] + unrelated { try work.write("partial", to: "reports/\(name)") }
        try work.copy(BrokenCorpus.example, to: "admin-only-staff-rota.json")
        try work.copy(BrokenCorpus.path("answers/bom.json"), to: "bom.json")
        let result = try work.run([
            "assess", "admin-only-staff-rota.json", "bom.json", "--out", "reports", "--format", "md",
        ])
        expect(
            result,
            equals: .init(
                stdout: """
                    admin-only-staff-rota.json: WhatsApp group "Riverside reception cover" — Riverside Surgery (final): residual low (inherent low); Approve
                    bom.json: WhatsApp group "Riverside reception cover" — Riverside Surgery (final): residual low (inherent low); Approve
                    Wrote reports/summary.tsv

                    """))
        #expect(
            work.files(in: "reports")
                == ([live, "admin-only-staff-rota.md", "bom.md", "summary.tsv"] + unrelated).sorted())
    }

    @Test func aStopSignalMidBatchLeavesNoTemporaryFile() throws {
        let work = try ScratchFolder()
        defer { work.remove() }
        let answers = work.url.appendingPathComponent("answers")
        try Self.answersFolder(answers, count: 120, edition: "Stopped")
        var stopped = 0
        for round in 0..<6 {
            let process = try Self.start(
                ["assess", "--batch", answers.path, "--out", "reports", "--format", "md,html", "--force"],
                in: work,
                errors: "errors.txt")
            usleep(useconds_t(50_000 + round * 60_000))
            if process.isRunning {
                kill(process.processIdentifier, [SIGTERM, SIGINT, SIGHUP][round % 3])
                stopped += 1
            }
            process.waitUntilExit()
            let errors = try work.read("errors.txt")
            if process.terminationStatus == 130 {
                #expect(
                    errors.hasSuffix(
                        "dpia: stopped; the reports already written are complete, and no partial file was left\n"
                    ))
            } else {
                #expect(process.terminationStatus == 0, "round \(round): \(errors)")
            }
            #expect(work.files(in: "reports").filter { $0.hasSuffix(".tmp") } == [], "round \(round)")
        }
        #expect(stopped > 0, "no run was stopped mid-way")
    }

    @Test func concurrentRunsIntoOneFolderDoNotShareTemporaryFiles() throws {
        let work = try ScratchFolder()
        defer { work.remove() }
        let root = work.url
        let answers = root.appendingPathComponent("answers")
        try Self.answersFolder(answers, count: 30, edition: "Same")
        let out = root.appendingPathComponent("reports")
        let runs = try (0..<3).map { index in
            try Self.start(
                ["assess", "--batch", answers.path, "--out", out.path, "--format", "md", "--force"], in: work,
                errors: "errors-\(index).txt")
        }
        for (index, run) in runs.enumerated() {
            run.waitUntilExit()
            let errors = try work.read("errors-\(index).txt")
            #expect(run.terminationStatus == 0, "run \(index): \(errors)")
            #expect(errors == "", "run \(index)")
        }
        let names = work.files(in: "reports")
        #expect(names.count == 31)
        #expect(names.filter { $0.hasSuffix(".tmp") }.isEmpty)
        let reference = root.appendingPathComponent("reference")
        #expect(
            try DPIAProcess.run([
                "assess", "--batch", answers.path, "--out", reference.path, "--format", "md",
            ]).status == 0)
        for name in names where name.hasSuffix(".md") {
            #expect(
                try Data(contentsOf: out.appendingPathComponent(name))
                    == Data(contentsOf: reference.appendingPathComponent(name)), "\(name)")
        }
    }
}

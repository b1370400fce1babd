import Foundation
import TestSupport
import Testing

/// `dpia register` over the worked example `Questionnaires/examples/register/`, run by the built binary:
/// the register in each format and what it prints, compared byte for byte with `Tests/Goldens/register/`;
/// and the exit statuses a scheduled job relies on.
@Suite("Golden register (end to end)", .enabled(if: DPIAProcess.isBuilt, "the dpia binary is not built"))
struct RegisterGoldenTests {
    static let example = PackageRoot.path("Questionnaires/examples/register")

    /// A scratch folder with the worked example copied in as `assessments/`, so every printed path is relative.
    static func exampleFolder() throws -> ScratchFolder {
        let work = try ScratchFolder()
        try work.copy(example, to: "assessments")
        return work
    }

    static let stdout = """
        Register: 4 platforms from 6 assessments, as of 2026-07-01: 1 review overdue, 0 due within 30 days, 6 actions overdue
          Review overdue by 11 days: WhatsApp group "Riverside reception cover" — Riverside Surgery
          6 actions overdue: WhatsApp group "Ward 12 nursing team" — Northshire Acute Hospitals NHS Trust (IG-2026-031)
          No review date: Population health analytics platform — Northshire Integrated Care Board (SCR-2026-004)
        Wrote out/register.md, out/register.html, out/register.tsv

        """

    @Test("The worked example's register matches the goldens")
    func register() throws {
        let work = try Self.exampleFolder()
        defer { work.remove() }
        let result = try work.run(["register", "assessments", "--as-of", "2026-07-01", "--out", "out"])
        expect(result, equals: DPIAProcess.Result(status: 0, stdout: Self.stdout))
        for name in ["register.md", "register.html", "register.tsv"] {
            if let difference = Golden.check(try work.data("out/\(name)"), against: "register/\(name)") {
                Issue.record("\(difference)")
            }
        }
    }

    @Test("--fail-on-overdue exits 10 when a review or an action is overdue, and 0 when nothing is")
    func failOnOverdue() throws {
        let work = try Self.exampleFolder()
        defer { work.remove() }
        expect(
            try work.run([
                "register", "assessments", "--as-of", "2026-07-01", "--out", "out", "--fail-on-overdue",
            ]),
            equals: DPIAProcess.Result(
                status: 10, stdout: Self.stdout,
                stderr: "dpia: 1 review(s) and 6 action(s) overdue as of 2026-07-01 (--fail-on-overdue)\n"))
        // On the first day of the first assessment nothing is late yet; the one without a review date is
        // flagged but not overdue.
        let early = try work.run([
            "register", "assessments", "--as-of", "2026-03-02", "--out", "early", "--format", "tsv",
            "--fail-on-overdue",
        ])
        expect(
            early,
            equals: DPIAProcess.Result(
                status: 0,
                stdout: """
                    Register: 4 platforms from 6 assessments, as of 2026-03-02: 0 reviews overdue, 0 due within 30 days, 0 actions overdue
                      No review date: Population health analytics platform — Northshire Integrated Care Board (SCR-2026-004)
                    Wrote early/register.tsv

                    """))
    }

    @Test("A broken file is listed with its error, the others are registered, and the status is 65")
    func brokenFile() throws {
        let work = try Self.exampleFolder()
        defer { work.remove() }
        try work.write("{\"answers\": ", to: "assessments/broken.json")
        try work.write(
            "{\"id\": \"x\", \"sections\": [], \"scoring\": {}}", to: "assessments/sub/definition.json")
        try work.write("{}", to: "assessments/reports/old.assessment.json")
        let result = try work.run([
            "register", "assessments", "--as-of", "2026-07-01", "--out", "out", "--format", "tsv",
            "--fail-on-overdue",
        ])
        #expect(result.status == 65, "\(result)")
        let stderrLines = result.stderr.split(separator: "\n").map(String.init)
        #expect(
            stderrLines.first
                == "dpia: note: assessments/sub/definition.json is a questionnaire definition, not an answers file; skipped",
            "\(result)")
        #expect(stderrLines.count == 3, "\(result)")
        #expect(stderrLines[1].hasPrefix("dpia: error: assessments/broken.json:1:"), "\(result)")
        #expect(
            stderrLines.last
                == "dpia: 1 of 7 answers files could not be assessed; they are listed in the register",
            "\(result)")
        let tsv = try work.read("out/register.tsv").split(separator: "\n")
        #expect(tsv.count == 6)
        #expect(tsv.last?.hasPrefix("Could not be assessed (exit 65)\t") == true)
        #expect(tsv.last?.contains("\tassessments/broken.json\tassessments/broken.json:1:") == true)
    }

    @Test("An existing register is kept without --force, and nothing else is written")
    func existingOutput() throws {
        let work = try Self.exampleFolder()
        defer { work.remove() }
        try work.write("mine\n", to: "out/register.html")
        expect(
            try work.run(["register", "assessments", "--as-of", "2026-07-01", "--out", "out"]),
            equals: DPIAProcess.Result(
                status: 73,
                stderr:
                    "dpia: error: out/register.html: already exists; use --force to replace it (nothing was written)\n"
            ))
        #expect(try work.read("out/register.html") == "mine\n")
        #expect(!work.exists("out/register.md") && !work.exists("out/register.tsv"))
        let forced = try work.run([
            "register", "assessments", "--as-of", "2026-07-01", "--out", "out", "--force",
        ])
        #expect(forced.status == 0, "\(forced)")
        #expect(try work.read("out/register.html").hasPrefix("<!DOCTYPE html>"))
    }

    @Test(
        "Bad options and missing folders are named with what was expected",
        arguments: [
            (
                ["register", "assessments", "--as-of", "2026-02-30"], Int32(64),
                "dpia register: --as-of 2026-02-30: expected a date as YYYY-MM-DD, for example 2026-07-01"
            ),
            (
                ["register", "assessments", "--due-within", "soon"], 64,
                "dpia register: --due-within soon: expected a whole number of days from 0 to 3650"
            ),
            (["register", "nowhere"], 66, "dpia: error: nowhere: no such directory"),
        ])
    func badInput(arguments: [String], status: Int32, firstLine: String) throws {
        let work = try Self.exampleFolder()
        defer { work.remove() }
        let result = try work.run(arguments)
        #expect(result.status == status, "\(result)")
        #expect(result.stdout == "")
        #expect(result.stderr.split(separator: "\n").first.map(String.init) == firstLine, "\(result)")
        #expect(!work.exists("reports"))
    }
}

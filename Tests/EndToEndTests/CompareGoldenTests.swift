import Foundation
import TestSupport
import Testing

/// `dpia compare` run by the built binary over the worked example `Questionnaires/examples/compare/`
/// (WhatsApp, Teams and Siilo for one ward): the appraisal in each format and what it prints, compared
/// byte for byte with `Tests/Goldens/compare/`; files that are not comparable or cannot be read; and the
/// exit statuses.
@Suite("Golden compare (end to end)", .enabled(if: DPIAProcess.isBuilt, "the dpia binary is not built"))
struct CompareGoldenTests {
    static let options = ["options/a-whatsapp.json", "options/b-teams.json", "options/c-siilo.json"]

    /// A scratch folder with the worked example as `options/`, and other examples under `other/`: a
    /// screening, the 1.0.0 Ward 12 drift assessment and another trust's Teams review.
    static func exampleFolder() throws -> ScratchFolder {
        let work = try ScratchFolder()
        try work.copy(PackageRoot.path("Questionnaires/examples/compare"), to: "options")
        for (example, name) in [
            ("screening-new-analytics.json", "screening.json"),
            ("whatsapp-ward-group-drift.json", "ward12-2026-03.json"),
            ("1.1.0/teams-managed-clinical-handover.json", "district-nursing.json"),
        ] {
            try work.copy(PackageRoot.path("Questionnaires/examples/\(example)"), to: "other/\(name)")
        }
        return work
    }

    @Test("The worked example's appraisal matches the goldens, its reports linked")
    func workedExample() throws {
        let work = try Self.exampleFolder()
        defer { work.remove() }
        let reports = try work.run(["assess", "--out", "out", "--format", "html"] + Self.options)
        #expect(reports.status == 0, "\(reports)")
        let result = try work.run(["compare"] + Self.options + ["--out", "out"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr == "", "\(result)")
        for (golden, bytes) in [
            ("compare/stdout.txt", Data(result.stdout.utf8)),
            ("compare/compare.md", try work.data("out/compare.md")),
            ("compare/compare.html", try work.data("out/compare.html")),
        ] {
            if let difference = Golden.check(bytes, against: golden) { Issue.record("\(difference)") }
        }
    }

    @Test(
        "A screening is left out and named; another version and another organisation are compared and noted")
    func notComparable() throws {
        let work = try Self.exampleFolder()
        defer { work.remove() }
        let result = try work.run([
            "compare", "options/a-whatsapp.json", "other/ward12-2026-03.json", "other/district-nursing.json",
            "other/screening.json", "--out", "mixed", "--format", "md",
        ])
        #expect(result.status == 0, "\(result)")
        #expect(
            result.stderr
                == "dpia: note: other/screening.json not compared: answers \"dpia-screening\" (DPIA screening: is a full DPIA needed?), not \"communication-platform\" as the others do; its questions, risks and measures are not the same, so it cannot be set beside them\n",
            "\(result)")
        #expect(work.files(in: "mixed") == ["compare.md"])
        for (golden, bytes) in [
            ("compare/mixed.txt", Data(result.stdout.utf8)),
            ("compare/mixed.md", try work.data("mixed/compare.md")),
        ] {
            if let difference = Golden.check(bytes, against: golden) { Issue.record("\(difference)") }
        }
    }

    @Test("Files that cannot be read are named with their error, left out, listed, and the status says so")
    func unreadableFiles() throws {
        let work = try Self.exampleFolder()
        defer { work.remove() }
        try work.write("{\"answers\": ", to: "broken.json")
        let result = try work.run(
            ["compare"] + Self.options.prefix(2) + [
                "broken.json", "nowhere.json", "--out", "out", "--format", "md",
            ])
        #expect(result.status == 66, "\(result)")
        #expect(
            result.stderr == """
                dpia: error: broken.json:1:13: unexpected end of file; expected a value
                dpia: error: nowhere.json: no such file
                dpia: 2 of 4 answers files could not be assessed; the comparison leaves them out and lists them

                """, "\(result)")
        #expect(
            result.stdout.hasSuffix(
                """
                  Could not be assessed: broken.json
                  Could not be assessed: nowhere.json
                Wrote out/compare.md

                """), "\(result)")
        let markdown = try work.read("out/compare.md")
        #expect(
            markdown.contains(
                """
                ## Files that could not be assessed

                These are not in the comparison above. Fix each and run the comparison again.

                - broken.json:1:13: unexpected end of file; expected a value
                - nowhere.json: no such file

                """))
        #expect(markdown.contains("| **B** | Microsoft Teams (NHSmail), Ward 12 team |"))
    }

    @Test("Terminal controls in a platform's name reach the terminal only as visible text")
    func hostileNames() throws {
        let work = try Self.exampleFolder()
        defer { work.remove() }
        try work.copy(PackageRoot.path("Tests/Corpus/answers/terminal-escapes.json"), to: "hostile.json")
        let result = try work.run(["compare", "hostile.json", "options/b-teams.json", "--out", "out"])
        #expect(result.status == 0, "\(result)")
        let controls = result.stdout.unicodeScalars.filter {
            $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}"
        }
        #expect(controls.isEmpty, "\(result)")
        #expect(
            result.stdout.split(separator: "\n")[1]
                == "  A  WhatsApp \\u{202E}tsilnruN\\u{202C}\\u{1B}[6n\\u{9B}2J — Northshire\\u{1B}]0;Approved\\u{7}\\u{1B}[2J\\u{1B}[H\\r\\n  Overall residual risk: LOW (before measures: low)\\n  Recommendation: Approve\\u{1B}[8m (draft, 2026-03-02): residual high"
        )
    }

    @Test("An existing comparison is kept without --force, and nothing else is written")
    func existingOutput() throws {
        let work = try Self.exampleFolder()
        defer { work.remove() }
        try work.write("mine\n", to: "out/compare.html")
        expect(
            try work.run(["compare"] + Self.options + ["--out", "out"]),
            equals: DPIAProcess.Result(
                status: 73,
                stderr:
                    "dpia: error: out/compare.html: already exists; use --force to replace it (nothing was written)\n"
            ))
        #expect(try work.read("out/compare.html") == "mine\n")
        #expect(!work.exists("out/compare.md"))
        let forced = try work.run(["compare"] + Self.options + ["--out", "out", "--force"])
        #expect(forced.status == 0, "\(forced)")
        #expect(try work.read("out/compare.html").hasPrefix("<!DOCTYPE html>"))
    }

    @Test(
        "Too few files, nothing comparable and other kinds of JSON are refused with what was expected",
        arguments: [
            (
                ["compare", "options/a-whatsapp.json"], Int32(64),
                [
                    "dpia compare: expected at least two answers files to compare, got 1",
                    "usage: dpia compare [options] ANSWERS...", "Run 'dpia --help' for more.",
                ]
            ),
            (
                ["compare", "options/a-whatsapp.json", "other/screening.json"], Int32(65),
                [
                    "dpia: error: dpia compare: fewer than two answers files can be compared (options/a-whatsapp.json answers \"communication-platform\"; other/screening.json answers \"dpia-screening\"); expected at least two assessments on the same questionnaire"
                ]
            ),
            (
                ["compare", "definition.json", "options/a-whatsapp.json"], Int32(65),
                [
                    "dpia: error: definition.json: is a questionnaire definition, not an answers file; dpia compare sets answers files side by side",
                    "dpia: error: dpia compare: fewer than two answers files can be compared (options/a-whatsapp.json answers \"communication-platform\"); expected at least two assessments on the same questionnaire",
                ]
            ),
        ])
    func badInput(arguments: [String], status: Int32, stderr: [String]) throws {
        let work = try Self.exampleFolder()
        defer { work.remove() }
        try work.write("{\"id\": \"x\", \"sections\": [], \"scoring\": {}}", to: "definition.json")
        expect(
            try work.run(arguments),
            equals: DPIAProcess.Result(status: status, stderr: stderr.map { $0 + "\n" }.joined()))
        #expect(!work.exists("reports"))
    }
}

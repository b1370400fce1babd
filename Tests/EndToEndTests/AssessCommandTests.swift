import Foundation
import TestSupport
import Testing

@testable import DPIAKit

/// Runs the built binary on fixture files copied into a scratch folder, and checks the exit status and
/// the whole of what it prints, and the files it writes.
@Suite("dpia assess, validate, list and usage (end to end)")
struct AssessCommandTests {
    /// A scratch folder holding `mini.json` and `mini-drift.json`.
    static func scratch() throws -> ScratchFolder {
        let work = try ScratchFolder()
        for name in ["mini.json", "mini-drift.json"] { try work.copy(PackageRoot.fixture(name), to: name) }
        return work
    }

    /// What `assess` prints for the mini drift answers, writing Markdown into `folder`.
    static func driftSummary(writtenTo folder: String) -> String {
        """
        WhatsApp | ward 7 — Example Trust (draft, 2026-11-20)
          Overall residual risk: HIGH (before measures: high)
          Recommendation: Do not approve
          ICO prior consultation: Would be required unless measures are approved: approving M1, M2 would avoid it (UK GDPR Art. 36)
          DPIA required: yes
          Top drivers:
            +5 Purpose drift: data shared and purposes served outside what the platform is approved for, and warning signs of drift (step 2) [disclosure, purpose]
            +3 Missing: Policy for the platform (Q4.1 Policy: No) [disclosure, purpose]
            +1 Consumer edition (Q2.1 Edition: Consumer) [disclosure]
          Kept at high by:
            disclosure Unauthorised disclosure: no decision yet on M1, M2
            purpose Use beyond the approved purpose: no decision yet on M1
          Draft: 2 items missing before this can be final:
            measures.*: a decision on recommended measures M1, M2
          Wrote \(folder)/mini-drift.md

        """
    }

    @Test func assessWritesTheReportAndPrintsASummary() throws {
        let work = try Self.scratch()
        defer { work.remove() }
        let result = try work.run([
            "assess", "--questionnaire", "mini.json", "--answers", "mini-drift.json", "--out", "out",
            "--format",
            "md",
        ])
        expect(result, equals: .init(stdout: Self.driftSummary(writtenTo: "out")))
        let report = try work.read("out/mini-drift.md")
        #expect(report.hasPrefix("# Data protection impact assessment: WhatsApp \\| ward 7\n"))
        #expect(report.contains("| Patient names | Significant | Administration | Clinical care |"))
        #expect(report.contains("Line one<br>Line two with &lt;b&gt;html&lt;/b&gt; and \\| pipes"))
        #expect(work.files(in: "out") == ["mini-drift.md"])
    }

    @Test func theSameInputsGiveTheSameBytes() throws {
        let work = try Self.scratch()
        defer { work.remove() }
        for out in ["first", "second"] {
            let result = try work.run([
                "assess", "-q", "mini.json", "mini-drift.json", "--out", out, "--format=md",
            ])
            expect(result, equals: .init(stdout: Self.driftSummary(writtenTo: out)))
        }
        #expect(try work.data("first/mini-drift.md") == work.data("second/mini-drift.md"))
    }

    @Test func anExistingReportIsKeptWithoutForce() throws {
        let work = try Self.scratch()
        defer { work.remove() }
        try work.write("previous report", to: "out/mini-drift.md")
        let arguments = ["assess", "-q", "mini.json", "mini-drift.json", "--out", "out", "--format", "md"]
        expect(
            try work.run(arguments),
            equals: .init(
                status: 73,
                stderr:
                    "dpia: error: out/mini-drift.md: already exists; use --force to replace it (nothing was written)\n"
            ))
        #expect(try work.read("out/mini-drift.md") == "previous report")
        expect(
            try work.run(arguments + ["--force"]), equals: .init(stdout: Self.driftSummary(writtenTo: "out")))
        #expect(try work.read("out/mini-drift.md").hasPrefix("# Data protection impact assessment"))
        #expect(work.files(in: "out") == ["mini-drift.md"])
    }

    @Test func invalidAnswersListEveryProblemAndWriteNothing() throws {
        let work = try Self.scratch()
        defer { work.remove() }
        let text = try work.read("mini-drift.json")
            .replacingOccurrences(of: "\"edition\": \"consumer\"", with: "\"edition\": \"consumr\"")
            .replacingOccurrences(of: "\"users\": 1200", with: "\"users\": -5")
        try work.write(text, to: "bad.json")
        expect(
            try work.run(["assess", "-q", "mini.json", "bad.json", "--out", "reports"]),
            equals: .init(
                status: 65,
                stderr: """
                    dpia: error: bad.json:7:16: at answers.edition: "consumr" is not an option of "edition"; did you mean "consumer"?; expected one of "consumer" or "enterprise"
                    dpia: error: bad.json:8:14: at answers.users: -5 is below the minimum 0

                    """))
        #expect(!work.exists("reports"))
    }

    @Test func missingInputIs66() throws {
        let work = try Self.scratch()
        defer { work.remove() }
        expect(
            try work.run(["assess", "-q", "mini.json", "/nonexistent/answers.json"]),
            equals: .init(status: 66, stderr: "dpia: error: /nonexistent/answers.json: no such file\n"))
        try work.makeFolder("folder")
        expect(
            try work.run(["assess", "-q", "mini.json", "folder"]),
            equals: .init(status: 66, stderr: "dpia: error: folder: is a directory; expected a JSON file\n"))
    }

    @Test func usageErrorsAre64WithASuggestion() throws {
        expect(
            try DPIAProcess.run(["assess", "--anwsers", "mini-drift.json"]),
            equals: .init(
                status: 64,
                stderr: """
                    dpia assess: unknown option '--anwsers'; did you mean '--answers'?
                    usage: dpia assess [options] [ANSWERS...]
                    Run 'dpia --help' for more.

                    """))
        expect(
            try DPIAProcess.run(["assess"]),
            equals: .init(
                status: 64,
                stderr: """
                    dpia assess: no answers file given; expected --answers PATH or --batch DIR (for example Questionnaires/examples/admin-only-staff-rota.json)
                    usage: dpia assess [options] [ANSWERS...]

                    """))
    }

    @Test func failOnTurnsTheRatingIntoAnExitStatus() throws {
        let work = try Self.scratch()
        defer { work.remove() }
        let result = try work.run([
            "assess", "-q", "mini.json", "mini-drift.json", "--out", "out", "--fail-on", "medium", "--format",
            "md",
        ])
        expect(
            result,
            equals: .init(
                status: 22, stdout: Self.driftSummary(writtenTo: "out"),
                stderr: "dpia: overall residual risk High is at or above --fail-on medium\n"))
        #expect(work.files(in: "out") == ["mini-drift.md"])
    }

    @Test func validateReportsEveryProblemWithLines() throws {
        let work = try Self.scratch()
        defer { work.remove() }
        let text = try work.read("mini.json")
            .replacingOccurrences(of: "\"type\": \"integer\"", with: "\"type\": \"int\"")
            .replacingOccurrences(of: "\"sensitivity\": \"severe\"}", with: "\"sensitivity\": \"extreme\"}")
        try work.write(text, to: "broken.json")
        expect(
            try work.run(["validate", "broken.json"]),
            equals: .init(
                status: 65,
                stderr: """
                    dpia: error: broken.json:21:50: at sections[1].questions[1].type: unknown question type "int"; expected one of "yesno", "single", "multiple", "text", "longtext", "integer" or "date"
                    dpia: error: broken.json:68:9: at scoring.dataCategories.categories[2].sensitivity: unknown severity level "extreme"; expected "minimal", "significant" or "severe"
                    dpia: error: broken.json:85:7: at scoring.risks[0].severity.adjustments: condition names unknown question "users"

                    """))
        expect(
            try work.run(["validate", "mini.json"]),
            equals: .init(stdout: "mini.json: ok (questionnaire mini 1.0.0, 13 questions, 2 risks)\n"))
    }

    @Test func versionIsTheLibrarysVersion() throws {
        expect(try DPIAProcess.run(["--version"]), equals: .init(stdout: "dpia \(dpiaVersion)\n"))
    }
}

/// The bundled files are found from any working directory, and the error lists where it looked.
@Suite("Finding the bundled files (end to end)")
struct ResourceLocationTests {
    @Test func listWorksFromAnotherDirectory() throws {
        expect(
            try DPIAProcess.run(["list"]),
            equals: .init(
                stdout: """
                    ID                      VERSION  STATUS               TITLE
                    communication-platform  1.1.0    default              DPIA: messaging and collaboration platform
                    communication-platform  1.0.0    superseded by 1.1.0  DPIA: messaging and collaboration platform
                    dpia-screening          1.1.0    default              DPIA screening: is a full DPIA needed?
                    dpia-screening          1.0.0    superseded by 1.1.0  DPIA screening: is a full DPIA needed?

                    """))
    }

    @Test func aTemplatesFolderThatHoldsNoTemplatesIsNamed() throws {
        let work = try AssessCommandTests.scratch()
        defer { work.remove() }
        try work.makeFolder("empty")
        expect(
            try work.run(["assess", "--answers", "mini-drift.json", "--templates", "empty"]),
            equals: .init(
                status: 66,
                stderr:
                    "dpia: error: empty: has no report.md.mustache, report.html.mustache or report.docx.mustache; expected a dpia templates folder\n"
            ))
        #expect(work.files(in: "empty").isEmpty)
    }

    @Test func anUnknownQuestionnaireIdIsNamedWithASuggestion() throws {
        let work = try AssessCommandTests.scratch()
        defer { work.remove() }
        expect(
            try work.run(["assess", "--questionnaire", "comunication-platform", "mini-drift.json"]),
            equals: .init(
                status: 66,
                stderr:
                    "dpia: error: comunication-platform: no questionnaire \"comunication-platform\"; did you mean \"communication-platform\"?\n"
            ))
    }
}

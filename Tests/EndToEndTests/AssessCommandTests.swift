import Foundation
import TestSupport
import Testing

/// Runs the built binary on fixture files and checks exit statuses, files written and error text.
@Suite("dpia assess, validate, list and usage (end to end)")
struct AssessCommandTests {
    let mini = DPIAProcess.fixture("mini.json")
    let drift = DPIAProcess.fixture("mini-drift.json")

    @Test func assessWritesTheReportAndPrintsASummary() throws {
        let out = try DPIAProcess.temporaryDirectory()
        let result = try DPIAProcess.run([
            "assess", "--questionnaire", mini, "--answers", drift, "--out", out.path, "--format", "md",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Overall residual risk: HIGH (before measures: high)"))
        #expect(result.stdout.contains("Recommendation: Do not approve"))
        #expect(
            result.stdout.contains(
                "ICO prior consultation: Would be required unless measures are approved: approving M1, M2 would avoid it"
            ))
        let report = try String(contentsOf: out.appendingPathComponent("mini-drift.md"), encoding: .utf8)
        #expect(report.hasPrefix("# Data protection impact assessment: WhatsApp \\| ward 7\n"))
        #expect(report.contains("| Patient names | Significant | Administration | Clinical care |"))
        #expect(report.contains("Line one<br>Line two with &lt;b&gt;html&lt;/b&gt; and \\| pipes"))
    }

    @Test func theSameInputsGiveTheSameBytes() throws {
        let first = try DPIAProcess.temporaryDirectory()
        let second = try DPIAProcess.temporaryDirectory()
        for out in [first, second] {
            let result = try DPIAProcess.run(["assess", "-q", mini, drift, "--out", out.path, "--format=md"])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let a = try Data(contentsOf: first.appendingPathComponent("mini-drift.md"))
        let b = try Data(contentsOf: second.appendingPathComponent("mini-drift.md"))
        #expect(a == b)
    }

    @Test func anExistingReportIsKeptWithoutForce() throws {
        let out = try DPIAProcess.temporaryDirectory()
        let path = out.appendingPathComponent("mini-drift.md")
        try "previous report".write(to: path, atomically: true, encoding: .utf8)
        let refused = try DPIAProcess.run(["assess", "-q", mini, drift, "--out", out.path, "--format", "md"])
        #expect(refused.status == 73)
        #expect(
            refused.stderr.contains(
                "mini-drift.md: already exists; use --force to replace it (nothing was written)"))
        #expect(try String(contentsOf: path, encoding: .utf8) == "previous report")
        let forced = try DPIAProcess.run([
            "assess", "-q", mini, drift, "--out", out.path, "--format", "md", "--force",
        ])
        #expect(forced.status == 0)
        #expect(
            try String(contentsOf: path, encoding: .utf8).hasPrefix("# Data protection impact assessment"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.path).filter {
            $0.hasSuffix(".tmp")
        }
        #expect(leftovers.isEmpty)
    }

    @Test func invalidAnswersListEveryProblemAndWriteNothing() throws {
        let out = try DPIAProcess.temporaryDirectory()
        let bad = out.appendingPathComponent("bad.json")
        let text = try String(contentsOfFile: drift, encoding: .utf8)
            .replacingOccurrences(of: "\"edition\": \"consumer\"", with: "\"edition\": \"consumr\"")
            .replacingOccurrences(of: "\"users\": 1200", with: "\"users\": -5")
        try text.write(to: bad, atomically: true, encoding: .utf8)
        let result = try DPIAProcess.run([
            "assess", "-q", mini, bad.path, "--out", out.appendingPathComponent("reports").path,
        ])
        #expect(result.status == 65)
        #expect(
            result.stderr.contains(
                "bad.json:7:16: at answers.edition: \"consumr\" is not an option of \"edition\"; did you mean \"consumer\"?"
            ))
        #expect(result.stderr.contains("at answers.users: -5 is below the minimum 0"))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("reports").path))
    }

    @Test func missingInputIs66() throws {
        let result = try DPIAProcess.run(["assess", "-q", mini, "/nonexistent/answers.json"])
        #expect(result.status == 66)
        #expect(result.stderr == "dpia: error: /nonexistent/answers.json: no such file\n")
        let directory = try DPIAProcess.run(["assess", "-q", mini, "/tmp"])
        #expect(directory.status == 66)
        #expect(directory.stderr.contains("/tmp: is a directory; expected a JSON file"))
    }

    @Test func usageErrorsAre64WithASuggestion() throws {
        let result = try DPIAProcess.run(["assess", "--anwsers", drift])
        #expect(result.status == 64)
        #expect(
            result.stderr.hasPrefix(
                "dpia assess: unknown option '--anwsers'; did you mean '--answers'?\nusage: dpia assess"))
        let noAnswers = try DPIAProcess.run(["assess"])
        #expect(noAnswers.status == 64)
        #expect(noAnswers.stderr.contains("no answers file given"))
    }

    @Test func failOnTurnsTheRatingIntoAnExitStatus() throws {
        let out = try DPIAProcess.temporaryDirectory()
        let result = try DPIAProcess.run([
            "assess", "-q", mini, drift, "--out", out.path, "--fail-on", "medium", "--format", "md",
        ])
        #expect(result.status == 22)
        #expect(result.stderr.contains("overall residual risk High is at or above --fail-on medium"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("mini-drift.md").path))
    }

    @Test func validateReportsEveryProblemWithLines() throws {
        let out = try DPIAProcess.temporaryDirectory()
        let bad = out.appendingPathComponent("broken.json")
        let text = try String(contentsOfFile: mini, encoding: .utf8)
            .replacingOccurrences(of: "\"type\": \"integer\"", with: "\"type\": \"int\"")
            .replacingOccurrences(of: "\"sensitivity\": \"severe\"}", with: "\"sensitivity\": \"extreme\"}")
        try text.write(to: bad, atomically: true, encoding: .utf8)
        let result = try DPIAProcess.run(["validate", bad.path])
        #expect(result.status == 65)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count >= 2)
        #expect(lines.allSatisfy { $0.hasPrefix("dpia: error: \(bad.path):") })
        #expect(result.stderr.contains("unknown question type \"int\""))
        #expect(result.stderr.contains("unknown severity level \"extreme\""))
        let good = try DPIAProcess.run(["validate", mini])
        #expect(good.status == 0)
        #expect(good.stdout == "\(mini): ok (questionnaire mini 1.0.0, 13 questions, 2 risks)\n")
    }

    @Test func helpAndVersion() throws {
        let version = try DPIAProcess.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("dpia "))
        for command in ["assess", "validate", "list", "wizard"] {
            let help = try DPIAProcess.run([command, "--help"])
            #expect(help.status == 0)
            #expect(help.stdout.contains("dpia \(command)"))
        }
    }
}

/// The bundled files are found from any working directory, and the error lists where it looked.
@Suite("Finding the bundled files (end to end)")
struct ResourceLocationTests {
    @Test func listWorksFromAnotherDirectory() throws {
        let elsewhere = try DPIAProcess.temporaryDirectory()
        let result = try DPIAProcess.run(["list"], in: elsewhere)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("communication-platform  1.0.0"))
        #expect(result.stdout.contains("dpia-screening"))
    }

    @Test func dpiaHomeThatHoldsNothingFallsBackAndAnExplicitBadOneIsNamed() throws {
        let empty = try DPIAProcess.temporaryDirectory()
        let result = try DPIAProcess.run(
            ["assess", "--answers", DPIAProcess.fixture("mini-drift.json"), "--templates", empty.path],
            in: empty)
        #expect(result.status == 66)
        #expect(
            result.stderr.contains(
                "\(empty.path): has no report.md.mustache or report.html.mustache; expected a dpia templates folder"
            ))
    }

    @Test func anUnknownQuestionnaireIdIsNamedWithASuggestion() throws {
        let result = try DPIAProcess.run([
            "assess", "--questionnaire", "comunication-platform", DPIAProcess.fixture("mini-drift.json"),
        ])
        #expect(result.status == 66)
        #expect(
            result.stderr.contains(
                "no questionnaire \"comunication-platform\"; did you mean \"communication-platform\"?"))
    }
}

import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// One file of the broken-input corpus and what dpia must say about it.
struct BrokenCase: Sendable, CustomTestStringConvertible {
    var file: String
    var line: Int?
    var message: String

    init(_ file: String, line: Int?, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    var testDescription: String { file }
}

/// Runs every file of `Tests/Corpus/` through the binary: each gets a clear error naming the file (and
/// line), the documented exit status, no crash, and no report or temporary file is left behind.
@Suite("Broken inputs are refused clearly and write nothing (end to end)")
struct BrokenInputTests {
    static let answers: [BrokenCase] = [
        BrokenCase("truncated.json", line: 29, "unexpected end of file inside a string"),
        BrokenCase("wrong-types.json", line: 22, "found a string \"nine\"; expected a whole number"),
        BrokenCase("huge-float.json", line: 22, "found 1e400; expected a whole number"),
        BrokenCase("huge-integer.json", line: 22, "number 99999999999999999999 is out of range"),
        BrokenCase("deep-nesting.json", line: 22, "nesting deeper than 200 levels"),
        BrokenCase("invalid-utf8.json", line: 5, "the string ending here is not valid UTF-8"),
        BrokenCase("duplicate-keys.json", line: 23, "duplicate key \"user_count\" (first given on line 22)"),
        BrokenCase("unknown-fields.json", line: 11, "unknown field \"approvedBy\""),
        BrokenCase("empty.json", line: 1, "the file is empty; expected a JSON value"),
        BrokenCase("not-an-object.json", line: 1, "found an array"),
        BrokenCase("trailing-garbage.json", line: 61, "unexpected '}' after the end of the JSON value"),
        BrokenCase("nul-byte.json", line: 10, "control character 0x0 inside a string"),
        BrokenCase("wrong-questionnaire.json", line: nil, "these answers are for version 9.9.9"),
    ]

    static let questionnaires: [BrokenCase] = [
        BrokenCase("truncated.json", line: 86, "unexpected end of file inside a string"),
        BrokenCase(
            "wrong-types.json", line: 35, "at sections[2].icoStep: found a string; expected a whole number"),
        BrokenCase("huge-numbers.json", line: 21, "found 1e400; expected a whole number"),
        BrokenCase("deep-nesting.json", line: 7, "nesting deeper than 200 levels"),
        BrokenCase("invalid-utf8.json", line: 4, "not valid UTF-8"),
        BrokenCase("duplicate-keys.json", line: 4, "duplicate key \"version\" (first given on line 3)"),
        BrokenCase("unknown-fields.json", line: 7, "did you mean \"estimatedMinutes\"?"),
        BrokenCase("condition-cycle.json", line: 12, "looks at question \"novel\", which is asked later"),
        BrokenCase("condition-self-reference.json", line: 30, "has a condition on its own answer"),
        BrokenCase(
            "condition-unknown-question.json", line: 39,
            "unknown question \"polcy\"; did you mean \"policy\"?"),
        BrokenCase("duplicate-ids.json", line: 13, "duplicate question id \"patients\""),
        BrokenCase("empty.json", line: 1, "the file is empty"),
        BrokenCase(
            "not-an-object.json", line: 1, "found a string; expected a questionnaire definition object"),
        BrokenCase("nul-byte.json", line: 2, "control character 0x0 inside a string"),
    ]

    static let templates: [BrokenCase] = [
        BrokenCase("unclosed-section", line: 2, "section \"risks\" opened on line 2 is never closed"),
        BrokenCase("unclosed-tag", line: 1, "tag \"{{\" is never closed by \"}}\""),
        BrokenCase("bad-delimiters", line: 2, "tag \"<%\" is never closed by \"%>\""),
        BrokenCase("invalid-utf8", line: nil, "is not valid UTF-8 text"),
    ]

    @Test(arguments: answers)
    func brokenAnswersFile(_ broken: BrokenCase) throws {
        let file = BrokenCorpus.path("answers/\(broken.file)")
        let out = try DPIAProcess.temporaryDirectory()
        let assess = try DPIAProcess.run(["assess", file, "--out", out.path, "--format", "md"])
        BrokenCorpus.expectFailure(assess, status: 65, file: file, line: broken.line, message: broken.message)
        #expect(BrokenCorpus.files(in: out).isEmpty)
        let validate = try DPIAProcess.run(["validate", file])
        BrokenCorpus.expectFailure(
            validate, status: 65, file: file, line: broken.line, message: broken.message)
    }

    @Test(arguments: questionnaires)
    func brokenQuestionnaire(_ broken: BrokenCase) throws {
        let file = BrokenCorpus.path("questionnaire/\(broken.file)")
        let out = try DPIAProcess.temporaryDirectory()
        let assess = try DPIAProcess.run([
            "assess", "--questionnaire", file, BrokenCorpus.miniAnswers, "--out", out.path, "--format", "md",
        ])
        BrokenCorpus.expectFailure(assess, status: 65, file: file, line: broken.line, message: broken.message)
        #expect(BrokenCorpus.files(in: out).isEmpty)
        let validate = try DPIAProcess.run(["validate", file])
        BrokenCorpus.expectFailure(
            validate, status: 65, file: file, line: broken.line, message: broken.message)
    }

    @Test(arguments: templates)
    func brokenTemplate(_ broken: BrokenCase) throws {
        let folder = BrokenCorpus.path("templates/\(broken.file)")
        let out = try DPIAProcess.temporaryDirectory()
        let assess = try DPIAProcess.run([
            "assess", "-q", BrokenCorpus.miniQuestionnaire, BrokenCorpus.miniAnswers, "--templates", folder,
            "--out", out.path, "--format", "md",
        ])
        let file = folder + "/report.md.mustache"
        BrokenCorpus.expectFailure(assess, status: 65, file: file, line: broken.line, message: broken.message)
        #expect(BrokenCorpus.files(in: out).isEmpty)
        let validate = try DPIAProcess.run(["validate", "--templates", folder])
        BrokenCorpus.expectFailure(
            validate, status: 65, file: file, line: broken.line, message: broken.message)
    }

    @Test func partialsThatIncludeThemselvesStopWithAnError() throws {
        let folder = BrokenCorpus.path("templates/recursive-partial")
        let out = try DPIAProcess.temporaryDirectory()
        let assess = try DPIAProcess.run([
            "assess", "-q", BrokenCorpus.miniQuestionnaire, BrokenCorpus.miniAnswers, "--templates", folder,
            "--out", out.path, "--format", "md",
        ])
        BrokenCorpus.expectFailure(
            assess, status: 65, file: folder + "/partials/loop.mustache", line: 1,
            message: "partial \"loop\" is nested more than 100 deep; does it include itself?")
        #expect(BrokenCorpus.files(in: out).isEmpty)
    }

    @Test func aPartialThatDoesNotExistFailsTheReportAndValidation() throws {
        let folder = BrokenCorpus.path("templates/unknown-partial")
        let file = folder + "/report.md.mustache"
        let out = try DPIAProcess.temporaryDirectory()
        let assess = try DPIAProcess.run([
            "assess", "-q", BrokenCorpus.miniQuestionnaire, BrokenCorpus.miniAnswers, "--templates", folder,
            "--out", out.path, "--format", "md",
        ])
        BrokenCorpus.expectFailure(
            assess, status: 65, file: file, line: 2, message: "unknown partial \"appendix\"")
        #expect(BrokenCorpus.files(in: out).isEmpty)
        let validate = try DPIAProcess.run(["validate", "--templates", folder])
        #expect(validate.status == 65)
        #expect(validate.stderr.contains("\(file):2:1: unknown partial \"appendix\""))
    }

    @Test func aMisspeltNameFailsValidationAsBadData() throws {
        let folder = BrokenCorpus.path("templates/unknown-name")
        let validate = try DPIAProcess.run(["validate", "--templates", folder])
        #expect(validate.status == 65, "\(validate.stderr)")
        #expect(
            validate.stderr.contains(
                "\(folder)/report.md.mustache:1:3: unknown name \"platfrom\": the report data has no such name"
            ))
    }

    @Test func aTemplatesFolderWithoutReportsIsMissingInput() throws {
        let empty = try DPIAProcess.temporaryDirectory()
        let out = try DPIAProcess.temporaryDirectory()
        let assess = try DPIAProcess.run([
            "assess", "-q", BrokenCorpus.miniQuestionnaire, BrokenCorpus.miniAnswers, "--templates",
            empty.path,
            "--out", out.path,
        ])
        BrokenCorpus.expectFailure(
            assess, status: 66, file: empty.path, line: nil,
            message: "has no report.md.mustache or report.html.mustache")
        #expect(BrokenCorpus.files(in: out).isEmpty)
    }

    @Test func aByteOrderMarkIsAcceptedAndChangesNothing() throws {
        let plain = try DPIAProcess.temporaryDirectory()
        let marked = try DPIAProcess.temporaryDirectory()
        let withoutMark = plain.appendingPathComponent("rota.json")
        try FileManager.default.copyItem(atPath: BrokenCorpus.example, toPath: withoutMark.path)
        let withMark = marked.appendingPathComponent("rota.json")
        try FileManager.default.copyItem(atPath: BrokenCorpus.path("answers/bom.json"), toPath: withMark.path)
        for input in [withoutMark, withMark] {
            let result = try DPIAProcess.run([
                "assess", input.path, "--out", input.deletingLastPathComponent().path, "--format", "md",
            ])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let expected = try Data(contentsOf: plain.appendingPathComponent("rota.md"))
        #expect(try Data(contentsOf: marked.appendingPathComponent("rota.md")) == expected)
        let validate = try DPIAProcess.run(["validate", BrokenCorpus.path("questionnaire/bom.json")])
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(validate.stdout.contains("ok (questionnaire mini 1.0.0, 13 questions, 2 risks)"))
    }

    @Test func tenMegabyteStringsAreHandledQuickly() throws {
        let folder = try DPIAProcess.temporaryDirectory()
        let example = try String(contentsOfFile: BrokenCorpus.example, encoding: .utf8)
        let huge = String(repeating: "u", count: 10_000_000)
        let badKey = folder.appendingPathComponent("huge-key.json")
        try example.replacingOccurrences(of: "\"user_count\": 9,", with: "\"\(huge)\": 9,")
            .write(to: badKey, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("reports")
        let started = Date()
        let refused = try DPIAProcess.run(["assess", badKey.path, "--out", out.path, "--format", "md"])
        BrokenCorpus.expectFailure(
            refused, status: 65, file: badKey.path, line: 22, message: "characters left out)…uuuu")
        #expect(refused.stderr.contains("missing answer to required question \"user_count\""))
        #expect(Date().timeIntervalSince(started) < 30, "a long unknown key must not take minutes")
        #expect(BrokenCorpus.files(in: out).isEmpty)

        let longName = folder.appendingPathComponent("long-name.json")
        try example.replacingOccurrences(
            of: "\"platform_name\": \"WhatsApp", with: "\"platform_name\": \"\(huge)"
        )
        .write(to: longName, atomically: true, encoding: .utf8)
        let accepted = try DPIAProcess.run(["assess", longName.path, "--out", out.path, "--format", "md"])
        #expect(accepted.status == 0, "\(accepted.stderr.prefix(500))")
        let report = try Data(contentsOf: out.appendingPathComponent("long-name.md"))
        #expect(report.count > 10_000_000)
    }

    @Test func directoriesAndMissingFilesAreMissingInput() throws {
        let folder = try DPIAProcess.temporaryDirectory()
        let out = folder.appendingPathComponent("reports")
        let directory = try DPIAProcess.run(["assess", folder.path, "--out", out.path])
        BrokenCorpus.expectFailure(
            directory, status: 66, file: folder.path, line: nil,
            message: "is a directory; expected a JSON file")
        let questionnaireDirectory = try DPIAProcess.run([
            "assess", "-q", folder.path + "/", BrokenCorpus.miniAnswers, "--out", out.path,
        ])
        #expect(questionnaireDirectory.status == 66)
        #expect(questionnaireDirectory.stderr.contains("is a directory; expected a JSON file"))
        let missing = folder.appendingPathComponent("nowhere.json").path
        BrokenCorpus.expectFailure(
            try DPIAProcess.run(["validate", missing]), status: 66, file: missing, line: nil,
            message: "no such file")
        #expect(BrokenCorpus.files(in: out).isEmpty)
    }

    @Test(
        .enabled(
            if: BrokenCorpus.modesAreEnforced,
            "skipped: this process reads files whatever their mode (running as root), so chmod 000 cannot make one unreadable"
        ))
    func anUnreadableFileIsMissingInput() throws {
        let folder = try DPIAProcess.temporaryDirectory()
        let file = folder.appendingPathComponent("locked.json")
        try FileManager.default.copyItem(atPath: BrokenCorpus.example, toPath: file.path)
        chmod(file.path, 0)
        defer { chmod(file.path, 0o644) }
        let out = folder.appendingPathComponent("reports")
        let result = try DPIAProcess.run(["assess", file.path, "--out", out.path, "--format", "md"])
        BrokenCorpus.expectFailure(
            result, status: 66, file: file.path, line: nil, message: "Permission denied")
        #expect(BrokenCorpus.files(in: out).isEmpty)
    }

    @Test func anOutputFolderThatIsAFileCannotBeCreated() throws {
        let folder = try DPIAProcess.temporaryDirectory()
        let blocker = folder.appendingPathComponent("reports")
        try Data("not a folder".utf8).write(to: blocker)
        let result = try DPIAProcess.run([
            "assess", BrokenCorpus.example, "--out", blocker.path, "--format", "md",
        ])
        BrokenCorpus.expectFailure(
            result, status: 73, file: blocker.path, line: nil, message: "exists and is not a directory")
        let nested = blocker.appendingPathComponent("sub").path
        let below = try DPIAProcess.run(["assess", BrokenCorpus.example, "--out", nested, "--format", "md"])
        #expect(below.status == 73, "\(below.stderr)")
        #expect(below.stderr.contains("dpia: error: \(nested): cannot create the directory"))
        #expect(BrokenCorpus.files(in: folder) == ["reports"])
    }
}

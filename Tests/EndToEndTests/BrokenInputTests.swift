import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// One file of the broken-input corpus and the whole of what dpia says about it.
struct BrokenCase: Sendable, CustomTestStringConvertible {
    /// The corpus file or folder, also its path (relative to the scratch folder) in the messages.
    var file: String
    /// The stderr lines of `assess`, which `validate` prints too unless `validateLines` says otherwise.
    var lines: [String]
    var validateLines: [String]?

    init(_ file: String, _ lines: String..., validate: [String]? = nil) {
        self.file = file
        self.lines = lines
        validateLines = validate
    }

    var testDescription: String { file }
}

/// Runs every file of `Tests/Corpus/` through the binary: each gets the documented exit status and
/// exactly the expected errors naming the file and line, and no report or temporary file is left.
@Suite("Broken inputs are refused clearly and write nothing (end to end)")
struct BrokenInputTests {
    static let answers: [BrokenCase] = [
        BrokenCase(
            "answers/truncated.json",
            "dpia: error: answers/truncated.json:29:12: unexpected end of file inside a string"),
        BrokenCase(
            "answers/wrong-types.json",
            #"dpia: error: answers/wrong-types.json:21:22: at answers.group_members: found a string "own_staff"; expected an array of option values (a "multiple" question)"#,
            #"dpia: error: answers/wrong-types.json:22:19: at answers.user_count: found a string "nine"; expected a whole number (an "integer" question)"#,
            #"dpia: error: answers/wrong-types.json:24:28: at answers.vulnerable_subjects: found a string "no"; expected true or false (a "yesno" question)"#
        ),
        BrokenCase(
            "answers/huge-float.json",
            "dpia: error: answers/huge-float.json:22:19: at answers.user_count: found 1e400; expected a whole number"
        ),
        BrokenCase(
            "answers/huge-integer.json",
            "dpia: error: answers/huge-integer.json:22:19: at answers.user_count: number 99999999999999999999 is out of range; expected a whole number between -9223372036854775808 and 9223372036854775807"
        ),
        BrokenCase(
            "answers/deep-nesting.json",
            "dpia: error: answers/deep-nesting.json:22:217: nesting deeper than 200 levels"),
        BrokenCase(
            "answers/invalid-utf8.json",
            "dpia: error: answers/invalid-utf8.json:5:43: the string ending here is not valid UTF-8"),
        BrokenCase(
            "answers/duplicate-keys.json",
            #"dpia: error: answers/duplicate-keys.json:23:5: duplicate key "user_count" (first given on line 22)"#
        ),
        BrokenCase(
            "answers/unknown-fields.json",
            #"dpia: error: answers/unknown-fields.json:11:5: at metadata.approvedBy: unknown field "approvedBy"; expected one of "organisation", "platform", "reference", "assessor", "assessmentDate", "reviewDate" or "status""#
        ),
        BrokenCase(
            "answers/empty.json",
            "dpia: error: answers/empty.json:1:1: the file is empty; expected a JSON value"),
        // `validate` guesses from the top level what kind of file it was given.
        BrokenCase(
            "answers/not-an-object.json",
            "dpia: error: answers/not-an-object.json:1:1: found an array; expected an answers object",
            validate: [
                "dpia: error: answers/not-an-object.json:1:1: found an array; expected a questionnaire definition object"
            ]),
        BrokenCase(
            "answers/trailing-garbage.json",
            "dpia: error: answers/trailing-garbage.json:61:1: unexpected '}' after the end of the JSON value"),
        BrokenCase(
            "answers/nul-byte.json",
            "dpia: error: answers/nul-byte.json:10:19: control character 0x0 inside a string (escape it)"),
        BrokenCase(
            "answers/wrong-questionnaire.json",
            #"dpia: error: answers/wrong-questionnaire.json: at questionnaire.version: no bundled version 9.9.9 of "communication-platform"; expected one of: 1.1.0 (the default), 1.0.0 (or pass --questionnaire PATH to that version's definition)"#
        ),
        // Keys and values echoed in errors cannot act on the terminal.
        BrokenCase(
            "answers/terminal-escapes-in-keys.json",
            #"dpia: error: answers/terminal-escapes-in-keys.json:18:16: at answers.edition: "consumer\u{1B}[6n\r\n" is not an option of "edition"; expected one of "consumer", "business" or "nhs_national""#,
            #"dpia: error: answers/terminal-escapes-in-keys.json:22:48: at answers.user_count\u{1B}]0;pwned\u{7}\u{1B}[2J: unknown question "user_count\u{1B}]0;pwned\u{7}\u{1B}[2J"; expected a question id of "communication-platform""#,
            #"dpia: error: answers/terminal-escapes-in-keys.json:12:14: at answers: missing answer to required question "user_count" (How many staff use it (or will)?); expected a whole number"#
        ),
    ]

    static let questionnaires: [BrokenCase] = [
        BrokenCase(
            "questionnaire/truncated.json",
            "dpia: error: questionnaire/truncated.json:86:125: unexpected end of file inside a string"),
        BrokenCase(
            "questionnaire/wrong-types.json",
            "dpia: error: questionnaire/wrong-types.json:6:23: at estimatedMinutes: found a string; expected a whole number",
            "dpia: error: questionnaire/wrong-types.json:35:57: at sections[2].icoStep: found a string; expected a whole number"
        ),
        BrokenCase(
            "questionnaire/huge-numbers.json",
            "dpia: error: questionnaire/huge-numbers.json:6:23: at estimatedMinutes: number 99999999999999999999 is out of range; expected a whole number between -9223372036854775808 and 9223372036854775807",
            "dpia: error: questionnaire/huge-numbers.json:21:109: at sections[1].questions[1].minimum: found 1e400; expected a whole number"
        ),
        BrokenCase(
            "questionnaire/deep-nesting.json",
            "dpia: error: questionnaire/deep-nesting.json:7:216: nesting deeper than 200 levels"),
        BrokenCase(
            "questionnaire/invalid-utf8.json",
            "dpia: error: questionnaire/invalid-utf8.json:4:27: the string ending here is not valid UTF-8"),
        BrokenCase(
            "questionnaire/duplicate-keys.json",
            #"dpia: error: questionnaire/duplicate-keys.json:4:3: duplicate key "version" (first given on line 3)"#
        ),
        BrokenCase(
            "questionnaire/unknown-fields.json",
            #"dpia: error: questionnaire/unknown-fields.json:7:3: at estimatedMinuets: unknown field "estimatedMinuets"; did you mean "estimatedMinutes"?"#
        ),
        BrokenCase(
            "questionnaire/condition-cycle.json",
            #"dpia: error: questionnaire/condition-cycle.json:12:9: at sections[0].questions[0].when: condition looks at question "novel", which is asked later; expected only questions asked before (this also rules out cycles)"#
        ),
        BrokenCase(
            "questionnaire/condition-self-reference.json",
            #"dpia: error: questionnaire/condition-self-reference.json:30:9: at sections[1].questions[6].when: question "outsider_detail" has a condition on its own answer; expected a condition on earlier questions"#
        ),
        BrokenCase(
            "questionnaire/condition-unknown-question.json",
            #"dpia: error: questionnaire/condition-unknown-question.json:39:9: at sections[2].questions[1].when: condition names unknown question "polcy"; did you mean "policy"?"#
        ),
        BrokenCase(
            "questionnaire/duplicate-ids.json",
            #"dpia: error: questionnaire/duplicate-ids.json:13:9: at sections[0].questions[1]: duplicate question id "patients" (first defined at sections[0].questions[0], line 12)"#,
            #"dpia: error: questionnaire/duplicate-ids.json:124:9: at scoring.screening.criteria[2].when: condition names unknown question "novel""#
        ),
        BrokenCase(
            "questionnaire/empty.json",
            "dpia: error: questionnaire/empty.json:1:1: the file is empty; expected a JSON value"),
        BrokenCase(
            "questionnaire/not-an-object.json",
            "dpia: error: questionnaire/not-an-object.json:1:1: found a string; expected a questionnaire definition object"
        ),
        // Links in reports are only ever web pages or e-mail addresses.
        BrokenCase(
            "questionnaire/javascript-links.json",
            #"dpia: error: questionnaire/javascript-links.json:8:56: at references[0].url: scheme "javascript:" is not allowed in link "javascript:alert(document.cookie)"; expected an https:, http: or mailto: address"#,
            #"dpia: error: questionnaire/javascript-links.json:9:48: at references[1].url: scheme "data:" is not allowed in link "DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="; expected an https:, http: or mailto: address"#,
            #"dpia: error: questionnaire/javascript-links.json:10:52: at references[2].url: scheme "file:" is not allowed in link "file:///etc/passwd"; expected an https:, http: or mailto: address"#,
            #"dpia: error: questionnaire/javascript-links.json:11:47: at references[3].url: a space, control, quote, backslash or angle bracket in link "https://example.org/" onmouseover="alert(1)"; expected an https:, http: or mailto: address"#
        ),
        BrokenCase(
            "questionnaire/nul-byte.json",
            "dpia: error: questionnaire/nul-byte.json:2:12: control character 0x0 inside a string (escape it)"
        ),
        // Scores large enough to overflow a sum are refused before anything is scored.
        BrokenCase(
            "questionnaire/overflow-points.json",
            "dpia: error: questionnaire/overflow-points.json:54:97: at scoring.likelihood.bands[1].maximumPoints: 9223372036854775807 is too large for a score; expected a whole number between -1000000 and 1000000",
            "dpia: error: questionnaire/overflow-points.json:89:19: at scoring.risks[0].likelihood.base: 9223372036854775807 is too large for a score; expected a whole number between -1000000 and 1000000",
            "dpia: error: questionnaire/overflow-points.json:90:89: at scoring.risks[0].likelihood.factors[0].points: 9223372036854775807 is too large for a score; expected a whole number between -1000000 and 1000000",
            "dpia: error: questionnaire/overflow-points.json:95:85: at scoring.risks[0].severity.adjustments[0].steps: -9223372036854775808 is too large for a score; expected a whole number between -1000000 and 1000000",
            "dpia: error: questionnaire/overflow-points.json:109:57: at scoring.measures[1].reduces[0].likelihood: -9223372036854775808 is too large for a score; expected a whole number between -1000000 and 1000000",
            "dpia: error: questionnaire/overflow-points.json:109:91: at scoring.measures[1].reduces[0].severity: 5000000 is too large for a score; expected a whole number between -1000000 and 1000000"
        ),
    ]

    static let templates: [BrokenCase] = [
        BrokenCase(
            "templates/unclosed-section",
            #"dpia: error: templates/unclosed-section/report.md.mustache:2:1: section "risks" opened on line 2 is never closed"#
        ),
        BrokenCase(
            "templates/unclosed-tag",
            #"dpia: error: templates/unclosed-tag/report.md.mustache:1:3: tag "{{" is never closed by "}}""#),
        BrokenCase(
            "templates/bad-delimiters",
            #"dpia: error: templates/bad-delimiters/report.md.mustache:2:3: tag "<%" is never closed by "%>""#
        ),
        BrokenCase(
            "templates/invalid-utf8",
            "dpia: error: templates/invalid-utf8/report.md.mustache: is not valid UTF-8 text"),
        BrokenCase(
            "templates/unknown-partial",
            #"dpia: error: templates/unknown-partial/report.md.mustache:2:1: unknown partial "appendix""#,
            validate: [
                #"dpia: error: templates/unknown-partial/report.md.mustache:2:1: unknown partial "appendix": the report data has no such name; it would render empty"#
            ]),
        // 41 partials each including the next twice: 2^41 expansions, stopped by the step bound.
        BrokenCase(
            "templates/partial-bomb",
            "dpia: error: templates/partial-bomb/partials/p41.mustache: the report would take more than 10000000 steps to expand; expected partials and sections that do not repeat each other without end",
            validate: [
                "dpia: error: templates/partial-bomb/partials/p41.mustache: checking the templates took more than 10000000 steps; expected partials and sections that do not repeat each other without end"
            ]),
        BrokenCase(
            "templates/mutual-partials",
            #"dpia: error: templates/mutual-partials/partials/b.mustache:1:3: partial "a" is nested more than 100 deep; does it include itself?"#,
            validate: [
                #"dpia: error: templates/mutual-partials/partials/b.mustache:1:3: partial "a" includes itself ("a" → "b" → "a"); expected partials that do not include each other in a loop, which would never finish"#
            ]),
        // A partial linked to a file outside the folder would copy it into every report.
        BrokenCase(
            "templates/symlink-outside",
            "dpia: error: templates/symlink-outside/partials/leak.mustache: is a link to /etc/passwd, outside the templates folder; expected a file inside templates/symlink-outside"
        ),
    ]

    @Test(arguments: answers)
    func brokenAnswersFile(_ broken: BrokenCase) throws {
        let work = try BrokenCorpus.scratch()
        defer { work.remove() }
        try work.copy(BrokenCorpus.path(broken.file), to: broken.file)
        expect(
            try work.run(["assess", broken.file, "--out", "out", "--format", "md"]),
            equals: BrokenCorpus.failure(65, broken.lines))
        #expect(!work.exists("out"))
        expect(
            try work.run(["validate", broken.file]),
            equals: BrokenCorpus.failure(65, broken.validateLines ?? broken.lines))
    }

    @Test(arguments: questionnaires)
    func brokenQuestionnaire(_ broken: BrokenCase) throws {
        let work = try BrokenCorpus.scratch()
        defer { work.remove() }
        try work.copy(BrokenCorpus.path(broken.file), to: broken.file)
        expect(
            try work.run([
                "assess", "--questionnaire", broken.file, "mini-drift.json", "--out", "out", "--format", "md",
            ]),
            equals: BrokenCorpus.failure(65, broken.lines))
        #expect(!work.exists("out"))
        expect(
            try work.run(["validate", broken.file]),
            equals: BrokenCorpus.failure(65, broken.validateLines ?? broken.lines))
    }

    @Test(arguments: templates)
    func brokenTemplate(_ broken: BrokenCase) throws {
        let work = try BrokenCorpus.scratch()
        defer { work.remove() }
        try work.copy(BrokenCorpus.path(broken.file), to: broken.file)
        expect(
            try work.run([
                "assess", "-q", "mini.json", "mini-drift.json", "--templates", broken.file, "--out", "out",
                "--format", "md",
            ]),
            equals: BrokenCorpus.failure(65, broken.lines))
        #expect(!work.exists("out"))
        expect(
            try work.run(["validate", "--templates", broken.file]),
            equals: BrokenCorpus.failure(65, broken.validateLines ?? broken.lines))
    }

    @Test func partialsThatIncludeThemselvesStopWithAnError() throws {
        let work = try BrokenCorpus.scratch()
        defer { work.remove() }
        try work.copy(BrokenCorpus.path("templates/recursive-partial"), to: "templates")
        expect(
            try work.run([
                "assess", "-q", "mini.json", "mini-drift.json", "--templates", "templates", "--out", "out",
                "--format", "md",
            ]),
            equals: BrokenCorpus.failure(
                65,
                [
                    #"dpia: error: templates/partials/loop.mustache:1:7: partial "loop" is nested more than 100 deep; does it include itself?"#
                ]))
        #expect(!work.exists("out"))
        expect(
            try work.run(["validate", "--templates", "templates"]),
            equals: BrokenCorpus.failure(
                65,
                [
                    #"dpia: error: templates/partials/loop.mustache:1:7: partial "loop" includes itself ("loop" → "loop"); expected partials that do not include each other in a loop, which would never finish"#,
                    #"dpia: error: templates/partials/loop.mustache:1:17: partial "loop" includes itself ("loop" → "loop"); expected partials that do not include each other in a loop, which would never finish"#,
                ]))
    }

    @Test func aMisspeltNameFailsValidationAsBadData() throws {
        let work = try BrokenCorpus.scratch()
        defer { work.remove() }
        try work.copy(BrokenCorpus.path("templates/unknown-name"), to: "templates")
        expect(
            try work.run(["validate", "--templates", "templates"]),
            equals: BrokenCorpus.failure(
                65,
                [
                    #"dpia: error: templates/report.md.mustache:1:3: unknown name "platfrom": the report data has no such name; it would render empty"#
                ]))
    }

    @Test func aTemplatesFolderWithoutReportsIsMissingInput() throws {
        let work = try BrokenCorpus.scratch()
        defer { work.remove() }
        try work.makeFolder("empty")
        expect(
            try work.run([
                "assess", "-q", "mini.json", "mini-drift.json", "--templates", "empty", "--out", "out",
            ]),
            equals: BrokenCorpus.failure(
                66,
                [
                    "dpia: error: empty: has no report.md.mustache, report.html.mustache or report.docx.mustache; expected a dpia templates folder"
                ]))
        #expect(!work.exists("out"))
    }

    @Test func aByteOrderMarkIsAcceptedAndChangesNothing() throws {
        let work = try ScratchFolder()
        defer { work.remove() }
        try work.copy(BrokenCorpus.example, to: "plain/rota.json")
        try work.copy(BrokenCorpus.path("answers/bom.json"), to: "marked/rota.json")
        let plain = try work.run(["assess", "plain/rota.json", "--out", "plain", "--format", "md"])
        #expect(plain.status == 0, "\(plain)")
        let marked = try work.run(["assess", "marked/rota.json", "--out", "marked", "--format", "md"])
        expect(
            marked,
            equals: .init(
                stdout: plain.stdout.replacingOccurrences(of: "Wrote plain/", with: "Wrote marked/")))
        #expect(try work.data("marked/rota.md") == work.data("plain/rota.md"))
        try work.copy(BrokenCorpus.path("questionnaire/bom.json"), to: "bom.json")
        expect(
            try work.run(["validate", "bom.json"]),
            equals: .init(stdout: "bom.json: ok (questionnaire mini 1.0.0, 13 questions, 2 risks)\n"))
    }

    /// A regression from the corpus: suggesting a question id for a 10 MB key compared it with every
    /// id character by character, which took minutes; the time limit catches that coming back.
    @Test(.timeLimit(.minutes(2)))
    func tenMegabyteStringsAreRefusedOrReportedInFull() throws {
        let work = try ScratchFolder()
        defer { work.remove() }
        let example = try String(contentsOfFile: BrokenCorpus.example, encoding: .utf8)
        func u(_ count: Int) -> String { String(repeating: "u", count: count) }
        let huge = u(10_000_000)
        try work.write(
            example.replacingOccurrences(of: "\"user_count\": 9,", with: "\"\(huge)\": 9,"),
            to: "huge-key.json")
        expect(
            try work.run(["assess", "huge-key.json", "--out", "reports", "--format", "md"]),
            equals: BrokenCorpus.failure(
                65,
                [
                    "dpia: error: huge-key.json:22:10000009: at answers.\(u(992))…(9998508 characters left out)…\(u(500)): unknown question \"\(u(982))…(9998571 characters left out)…\(u(447))\"; expected a question id of \"communication-platform\"",
                    #"dpia: error: huge-key.json:12:14: at answers: missing answer to required question "user_count" (How many staff use it (or will)?); expected a whole number"#,
                ]))
        #expect(!work.exists("reports"))

        try work.copy(BrokenCorpus.example, to: "long-name.json")
        let plain = try work.run(["assess", "long-name.json", "--out", "plain", "--format", "md"])
        #expect(plain.status == 0, "\(plain)")
        try work.write(
            example.replacingOccurrences(
                of: "\"platform_name\": \"WhatsApp", with: "\"platform_name\": \"\(huge)"),
            to: "long-name.json")
        let accepted = try work.run(["assess", "long-name.json", "--out", "reports", "--format", "md"])
        // The summary shows the metadata's platform; the long answer goes into the report only.
        expect(
            accepted,
            equals: .init(
                stdout: plain.stdout.replacingOccurrences(of: "Wrote plain/", with: "Wrote reports/")))
        #expect(try work.data("reports/long-name.md").count > 10_000_000)
    }

    @Test func directoriesAndMissingFilesAreMissingInput() throws {
        let work = try BrokenCorpus.scratch()
        defer { work.remove() }
        try work.makeFolder("folder")
        expect(
            try work.run(["assess", "folder", "--out", "reports"]),
            equals: BrokenCorpus.failure(66, ["dpia: error: folder: is a directory; expected a JSON file"]))
        expect(
            try work.run(["assess", "-q", "folder/", "mini-drift.json", "--out", "reports"]),
            equals: BrokenCorpus.failure(66, ["dpia: error: folder/: is a directory; expected a JSON file"]))
        expect(
            try work.run(["validate", "folder/nowhere.json"]),
            equals: BrokenCorpus.failure(66, ["dpia: error: folder/nowhere.json: no such file"]))
        #expect(!work.exists("reports"))
    }

    @Test(
        .enabled(
            if: BrokenCorpus.modesAreEnforced,
            "skipped: this process reads files whatever their mode (running as root), so chmod 000 cannot make one unreadable"
        ))
    func anUnreadableFileIsMissingInput() throws {
        let work = try ScratchFolder()
        defer { work.remove() }
        try work.copy(BrokenCorpus.example, to: "locked.json")
        chmod(work.path("locked.json"), 0)
        defer { chmod(work.path("locked.json"), 0o644) }
        expect(
            try work.run(["assess", "locked.json", "--out", "reports", "--format", "md"]),
            equals: BrokenCorpus.failure(66, ["dpia: error: locked.json: Permission denied"]))
        #expect(!work.exists("reports"))
    }

    @Test func anOutputFolderThatIsAFileCannotBeCreated() throws {
        let work = try ScratchFolder()
        defer { work.remove() }
        try work.copy(BrokenCorpus.example, to: "rota.json")
        try work.write("not a folder", to: "reports")
        expect(
            try work.run(["assess", "rota.json", "--out", "reports", "--format", "md"]),
            equals: BrokenCorpus.failure(73, ["dpia: error: reports: exists and is not a directory"]))
        expect(
            try work.run(["assess", "rota.json", "--out", "reports/sub", "--format", "md"]),
            equals: BrokenCorpus.failure(
                73,
                [
                    "dpia: error: reports/sub: cannot create the directory: reports is a file, not a directory"
                ]))
        #expect(work.files() == ["reports", "rota.json"])
    }
}

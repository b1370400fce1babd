import Foundation
import TestSupport
import Testing

/// Every bundled example and a hostile-text case, rendered by the built binary and compared byte for
/// byte with `Tests/Goldens`: the reports, the assessment as data, what `assess` prints, a batch's `summary.tsv`, and the help
/// of every command.
///
/// Refresh on purpose with `make goldens` (`DPIA_UPDATE_GOLDENS=1 swift test --filter Golden`), and
/// say in the commit why the reports moved.
@Suite("Golden reports", .enabled(if: DPIAProcess.isBuilt, "the dpia binary is not built"))
struct GoldenReportTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var answers: String
        var questionnaire: String?
        /// The goldens' folder under `Tests/Goldens`: the name, under the version folder for examples
        /// of a version kept in its own folder.
        var golden: String
        var testDescription: String { golden }

        init(name: String, answers: String, questionnaire: String? = nil, golden: String? = nil) {
            self.name = name
            self.answers = answers
            self.questionnaire = questionnaire
            self.golden = golden ?? name
        }
    }

    /// The examples in `Questionnaires/examples` (the 1.0.0 assessments of record) and in each version
    /// folder under it (`examples/1.1.0/`).
    static let examples: [Case] = {
        func cases(in relative: String, goldenPrefix: String) -> [Case] {
            let folder = PackageRoot.path(relative)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            return names.filter { $0.hasSuffix(".json") }.sorted().map {
                Case(
                    name: String($0.dropLast(5)), answers: "\(folder)/\($0)",
                    golden: goldenPrefix + String($0.dropLast(5)))
            }
        }
        let root = PackageRoot.path("Questionnaires/examples")
        // Version folders only (`1.1.0`); `register/` holds the register's worked example.
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).filter {
            !$0.hasSuffix(".json") && $0.first?.isNumber == true
        }.sorted()
        return cases(in: "Questionnaires/examples", goldenPrefix: "")
            + versions.flatMap { cases(in: "Questionnaires/examples/\($0)", goldenPrefix: "\($0)/") }
    }()

    static let cases: [Case] =
        examples + [
            Case(
                name: "hostile", answers: PackageRoot.fixture("Report/hostile.json"),
                questionnaire: PackageRoot.fixture("mini.json"))
        ]

    @Test("Reports and the terminal summary match the goldens", arguments: cases)
    func report(_ example: Case) throws {
        let work = try ScratchFolder()
        defer { work.remove() }
        // The answers file is copied in so every path the tool prints is relative and stable.
        try work.copy(example.answers, to: "\(example.name).json")
        var arguments = ["assess", "--out", "out", "\(example.name).json"]
        if let questionnaire = example.questionnaire { arguments += ["--questionnaire", questionnaire] }
        let result = try work.run(arguments)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr == "", "\(result)")
        let outputs: [(String, Data)] = [
            ("\(example.golden)/summary.txt", Data(result.stdout.utf8)),
            (
                "\(example.golden)/\(example.name).md",
                try work.data("out/\(example.name).md")
            ),
            (
                "\(example.golden)/\(example.name).html",
                try work.data("out/\(example.name).html")
            ),
        ]
        for (golden, bytes) in outputs {
            if let difference = Golden.check(bytes, against: golden) { Issue.record("\(difference)") }
        }
    }

    /// The Word reports pinned by golden files, part by part: every part of the drift example's, and the
    /// parts holding text for the cases whose content differs most (no risks, measures approved, hostile
    /// text). Every example's Word report is still written and read back.
    static let wordParts = [
        "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "word/document.xml",
        "word/_rels/document.xml.rels", "word/styles.xml", "word/settings.xml", "word/numbering.xml",
        "word/footer1.xml",
    ]
    static let wordTextParts = ["docProps/core.xml", "word/document.xml", "word/footer1.xml"]
    static let wordGoldens: [String: [String]] = [
        "whatsapp-ward-group-drift": wordParts, "whatsapp-ward-group-measures-approved": wordTextParts,
        "screening-new-analytics": wordTextParts, "hostile": wordTextParts,
    ]

    @Test("Word reports read back whole, and match the goldens part by part", arguments: cases)
    func word(_ example: Case) throws {
        let work = try ScratchFolder()
        defer { work.remove() }
        try work.copy(example.answers, to: "\(example.name).json")
        var arguments = ["assess", "--out", "out", "--format", "docx", "\(example.name).json"]
        if let questionnaire = example.questionnaire { arguments += ["--questionnaire", questionnaire] }
        let result = try work.run(arguments)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr == "", "\(result)")
        let entries = try StoredZIP.entries(try work.data("out/\(example.name).docx"))
        #expect(entries.map(\.name) == Self.wordParts)
        let pinned = Self.wordGoldens[example.golden] ?? []
        for entry in entries where pinned.contains(entry.name) {
            if let difference = Golden.check(
                Data(entry.bytes), against: "\(example.golden)/docx/\(entry.name)")
            {
                Issue.record("\(difference)")
            }
        }
    }

    @Test("The assessment as data (--format json) matches the goldens", arguments: cases)
    func assessmentJSON(_ example: Case) throws {
        let work = try ScratchFolder()
        defer { work.remove() }
        try work.copy(example.answers, to: "\(example.name).json")
        var arguments = ["assess", "--out", "out", "--format", "json", "\(example.name).json"]
        if let questionnaire = example.questionnaire { arguments += ["--questionnaire", questionnaire] }
        let result = try work.run(arguments)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr == "", "\(result)")
        #expect(work.files(in: "out") == ["\(example.name).assessment.json"])
        let golden = "\(example.golden)/\(example.name).assessment.json"
        if let difference = Golden.check(
            try work.data("out/\(example.name).assessment.json"), against: golden)
        {
            Issue.record("\(difference)")
        }
    }

    @Test("A batch over every example prints and summarises as the goldens say")
    func batch() throws {
        let work = try ScratchFolder()
        defer { work.remove() }
        try work.copy(PackageRoot.path("Questionnaires/examples"), to: "examples")
        let result = try work.run(["assess", "--batch", "examples", "--out", "out"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr == "", "\(result)")
        let summary = try work.data("out/summary.tsv")
        for (golden, bytes) in [
            ("batch/stdout.txt", Data(result.stdout.utf8)), ("batch/summary.tsv", summary),
        ] {
            if let difference = Golden.check(bytes, against: golden) { Issue.record("\(difference)") }
        }
    }

    @Test(
        "Each command's help matches the goldens",
        arguments: [
            "dpia", "assess", "validate", "register", "diff", "compare", "list", "wizard", "completions",
            "man",
        ])
    func help(_ command: String) throws {
        let result = try DPIAProcess.run(command == "dpia" ? ["--help"] : [command, "--help"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr == "", "\(result)")
        if let difference = Golden.check(Data(result.stdout.utf8), against: "help/\(command).txt") {
            Issue.record("\(difference)")
        }
    }
}

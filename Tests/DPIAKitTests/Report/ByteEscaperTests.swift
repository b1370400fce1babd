import Foundation
import TestSupport
import Testing

@testable import DPIAKit

/// Reports render through escapers that append straight to the output (`ReportFormat.appendEscaped`);
/// `Template.render` takes a `(String) -> String` escaper. These pin the first to the second: the same
/// bytes for every bundled example and for hostile text, and the HTML escaper to a character-by-character
/// reading of its rules.
@Suite("Escapers that write into the output")
struct ByteEscaperTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var answers: String
        var questionnaire: String
        var testDescription: String { name }
    }

    static let cases: [Case] = {
        let folder = PackageRoot.path("Questionnaires/examples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let examples = names.filter { $0.hasSuffix(".json") }.sorted().map { name -> Case in
            // The examples here are records on the first release of each questionnaire.
            let id =
                name.hasPrefix("screening")
                ? "dpia-screening/1.0.0.json" : "communication-platform/1.0.0.json"
            return Case(
                name: name, answers: "\(folder)/\(name)",
                questionnaire: PackageRoot.path("Questionnaires/\(id)"))
        }
        // The examples of the current release, which the generated benchmark answers are made from.
        let currentFolder = "\(folder)/1.1.0"
        let currentNames = (try? FileManager.default.contentsOfDirectory(atPath: currentFolder)) ?? []
        let current = currentNames.filter { $0.hasSuffix(".json") }.sorted().map { name in
            let id = name.hasPrefix("screening") ? "dpia-screening" : "communication-platform"
            return Case(
                name: "1.1.0/\(name)", answers: "\(currentFolder)/\(name)",
                questionnaire: PackageRoot.path("Questionnaires/\(id).json"))
        }
        return examples + current + [
            Case(
                name: "hostile", answers: PackageRoot.fixture("Report/hostile.json"),
                questionnaire: PackageRoot.fixture("mini.json"))
        ]
    }()

    static let hostile = [
        "", "plain", "<script>alert('x')</script>", "Tom & Jerry's \"quote\"", "# heading", "1. item",
        "- item", "---", "a\r\nb\rc\nd\te", "\\`*_[]|~$", "|a|b|\n|-|-|", "né € 😀 <b>", "&amp;&#39;",
        String(repeating: "x<", count: 300), "=", "+", "12) x", "\u{0}\u{1F}\u{7F}",
    ]

    @Test("Every report renders the same bytes through either kind of escaper", arguments: cases)
    func reportsMatch(_ example: Case) throws {
        let questionnaire = try QuestionnaireLoader.load(path: example.questionnaire)
        let answers = try AnswersFile.load(
            FileIO.read(example.answers), file: example.answers, questionnaire: questionnaire)
        let data = ReportData.build(Scorer.assess(questionnaire, answers), toolVersion: "9.9.9-test")
        let templates = try ReportTemplates.load(directory: PackageRoot.path("Templates"))
        let escapers: [ReportFormat: (String) -> String] = [
            .markdown: MarkdownEscaping.escape, .html: Template.htmlEscape,
        ]
        // The Word report's bytes are an archive; its escaper is pinned by `appendAfterOutput`.
        for format in [ReportFormat.markdown, .html] {
            let plain = try #require(templates.reports[format]).render(
                data, partials: templates.partials, escape: escapers[format]!)
            let bytes = try templates.renderBytes(format, data: data)
            #expect(!bytes.isEmpty)
            #expect(String(decoding: bytes, as: UTF8.self) == plain, "\(format)")
        }
    }

    @Test("Appending escaped text after other output adds what the escaper returns", arguments: hostile)
    func appendAfterOutput(_ text: String) {
        for format in ReportFormat.allCases {
            var output = Array("before ".utf8)
            format.appendEscaped(text, to: &output)
            let escaped =
                switch format {
                case .html: Template.htmlEscape(text)
                case .markdown: MarkdownEscaping.escape(text)
                case .docx: XMLEscaping.runText(text)
                case .json: text
                }
            #expect(output == Array(("before " + escaped).utf8), "\(format)")
        }
    }

    @Test("Every bundled example of both releases is a case")
    func casesCoverBothReleases() {
        func jsonFiles(_ folder: String) -> Int {
            ((try? FileManager.default.contentsOfDirectory(atPath: PackageRoot.path(folder))) ?? [])
                .count { $0.hasSuffix(".json") }
        }
        let current = jsonFiles("Questionnaires/examples/1.1.0")
        #expect(current >= 5)
        #expect(Self.cases.filter { $0.name.hasPrefix("1.1.0/") }.count == current)
        #expect(Self.cases.count == jsonFiles("Questionnaires/examples") + current + 1)
    }

    /// Every ASCII character, in and out of a block marker's place, and around the letters the Markdown
    /// escaper passes with one range test.
    static let everyASCII: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }.flatMap {
        ["x\($0)x", "a\($0)z", "`\($0)"]
    }

    @Test("Markdown escaping changes exactly its characters, one by one", arguments: everyASCII)
    func markdownByCharacter(_ text: String) {
        // Inside a value (not at its start, where block markers are escaped) each character is replaced
        // by its own rule alone; "\r\n" is the one pair, and is not in these cases.
        let replaced: [Character: String] = [
            "\r": "<br>", "\n": "<br>", "\t": " ", "<": "&lt;", ">": "&gt;", "&": "&amp;", "\\": "\\\\",
            "`": "\\`", "*": "\\*", "_": "\\_", "[": "\\[", "]": "\\]", "|": "\\|", "~": "\\~", "$": "\\$",
        ]
        let expected = text.map { replaced[$0] ?? String($0) }.joined()
        #expect(MarkdownEscaping.escape(text) == expected)
        var output = Array("before ".utf8)
        MarkdownEscaping.append(text, to: &output)
        #expect(output == Array(("before " + expected).utf8))
    }

    @Test("HTML escaping replaces exactly its five characters, one by one", arguments: hostile)
    func htmlByCharacter(_ text: String) {
        let entities: [Character: String] = [
            "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;",
        ]
        let expected = text.map { entities[$0] ?? String($0) }.joined()
        #expect(Template.htmlEscape(text) == expected)
    }
}

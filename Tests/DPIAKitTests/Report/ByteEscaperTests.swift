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
        return examples + [
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

    @Test("HTML escaping replaces exactly its five characters, one by one", arguments: hostile)
    func htmlByCharacter(_ text: String) {
        let entities: [Character: String] = [
            "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;",
        ]
        let expected = text.map { entities[$0] ?? String($0) }.joined()
        #expect(Template.htmlEscape(text) == expected)
    }
}

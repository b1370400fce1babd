import Foundation
import TestSupport

@testable import DPIAKit

/// Renders the bundled templates over a fixture answers file, as `dpia assess` does.
struct ReportFixture {
    static let templates = PackageRoot.path("Templates")
    static let fixtures = PackageRoot.url.appendingPathComponent("Tests/DPIAKitTests/Fixtures")
    static let toolVersion = "9.9.9-test"

    /// The mini questionnaire with drift, and the same answers with hostile text in every free field.
    static let names = ["mini-drift.json", "Report/hostile.json"]

    let data: TemplateValue
    let markdown: String
    let html: String
    /// The Word report's `.docx` bytes.
    let docx: [UInt8]

    init(_ answersName: String, templatesDirectory: String = ReportFixture.templates) throws {
        try self.init(
            answersPath: Self.fixtures.appendingPathComponent(answersName).path,
            templatesDirectory: templatesDirectory)
    }

    /// Renders the answers file at `answersPath` for the questionnaire at `questionnairePath` (the mini one
    /// unless given).
    init(
        answersPath path: String, questionnairePath: String? = nil,
        templatesDirectory: String = ReportFixture.templates
    ) throws {
        let questionnaire = try QuestionnaireLoader.load(
            path: questionnairePath ?? Self.fixtures.appendingPathComponent("mini.json").path)
        let answers = try AnswersFile.load(FileIO.read(path), file: path, questionnaire: questionnaire)
        let assessment = Scorer.assess(questionnaire, answers)
        data = ReportData.build(assessment, toolVersion: Self.toolVersion)
        let templates = try ReportTemplates.load(directory: templatesDirectory)
        markdown = try templates.render(.markdown, data: data)
        html = try templates.render(.html, data: data)
        docx = try templates.renderBytes(.docx, data: data)
    }

    /// The hostile answers with characters XML 1.0 forbids added to a free-text answer, written to a
    /// scratch folder; returns its path.
    static func writeControlCharacters(in work: ScratchFolder) throws -> String {
        let hostile = try String(
            contentsOf: fixtures.appendingPathComponent("Report/hostile.json"), encoding: .utf8)
        let edited = hostile.replacingOccurrences(
            of: #""notes": ""#, with: #""notes": "bell\u0007 nul\u0000 vt\u000b non-character\uffff end. "#)
        precondition(edited != hostile)
        try work.write(edited, to: "controls.json")
        return work.path("controls.json")
    }

    /// Every match of a pattern, as the captured groups of each match (group 0 is the whole match).
    static func matches(_ pattern: String, in text: String) -> [[String]] {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        let string = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: string.length)).map { match in
            (0..<match.numberOfRanges).map {
                let range = match.range(at: $0)
                return range.location == NSNotFound ? "" : string.substring(with: range)
            }
        }
    }
}

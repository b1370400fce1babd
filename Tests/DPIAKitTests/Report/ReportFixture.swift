import DPIAKit
import Foundation
import TestSupport

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

    init(_ answersName: String, templatesDirectory: String = ReportFixture.templates) throws {
        let questionnaire = try QuestionnaireLoader.load(
            path: Self.fixtures.appendingPathComponent("mini.json").path)
        let path = Self.fixtures.appendingPathComponent(answersName).path
        let answers = try AnswersFile.load(FileIO.read(path), file: path, questionnaire: questionnaire)
        let assessment = Scorer.assess(questionnaire, answers)
        data = ReportData.build(assessment, toolVersion: Self.toolVersion)
        let templates = try ReportTemplates.load(directory: templatesDirectory)
        markdown = try templates.render(.markdown, data: data)
        html = try templates.render(.html, data: data)
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

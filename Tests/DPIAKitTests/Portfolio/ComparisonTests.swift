import Foundation
import TestSupport
import Testing

@testable import DPIAKit

@Suite("Compare: the best option per row, ties, and what is not comparable")
struct ComparisonTests {
    static let examples = BundledContent.examplesDirectory.path

    /// Answers files under `Questionnaires/examples`, scored as `dpia compare` scores them.
    static func assessed(_ files: [String]) -> [Register.Assessed] {
        RegisterLoader(catalog: BundledContent.catalog).load(files.map { "\(examples)/\($0)" }).compactMap {
            if case .assessed(let one) = $0 { return one }
            return nil
        }
    }

    static let options = ["compare/a-whatsapp.json", "compare/b-teams.json", "compare/c-siilo.json"]

    static func row(_ comparison: Comparison, _ label: String) throws -> Comparison.Row {
        try #require(comparison.sections.flatMap(\.rows).first { $0.label == label })
    }

    @Test(
        "Lower ranks are better; a tie names every option sharing the best; equal ranks are no difference",
        arguments: [
            ([0, 1, 2], Comparison.Best.one(0)), ([2, 0, 0], .tie([1, 2])), ([1, 1, 1], .noDifference),
            ([2, 1, 2], .one(1)),
        ])
    func best(ranks: [Int], expected: Comparison.Best) {
        let row = Comparison.row("x", ranks.map { Comparison.Cell(text: "\($0)", rank: $0) })
        #expect(row.best == expected)
    }

    @Test("An option without a value takes no part, and a row with fewer than two values is not ranked")
    func unranked() {
        let some = Comparison.row(
            "x",
            [Comparison.Cell(text: "Not in 1.0.0"), .init(text: "1", rank: 1), .init(text: "0", rank: 0)])
        #expect(some.best == .one(2))
        let one = Comparison.row("x", [Comparison.Cell(text: "Not in 1.0.0"), .init(text: "1", rank: 1)])
        #expect(one.best == .notRanked)
        #expect(
            Comparison.row("x", [.init(text: "a", rank: 0), .init(text: "b", rank: 1)], ranked: false).best
                == .notRanked)
    }

    @Test func columnsAreLetteredPastZ() {
        #expect(
            [0, 1, 25, 26, 27, 51, 52].map(Comparison.letter) == ["A", "B", "Z", "AA", "AB", "AZ", "BA"])
    }

    @Test("The worked example: Teams and Siilo tie at low after measures; Teams has fewest controls missing")
    func workedExample() throws {
        let comparison = try Comparison(Self.assessed(Self.options))
        #expect(comparison.options.map(\.letter) == ["A", "B", "C"])
        #expect(comparison.notes.isEmpty && comparison.leftOut.isEmpty)
        #expect(
            comparison.headline
                == "Lowest overall risk after approved measures: low, a tie between options B and C")
        let residual = try Self.row(comparison, "Overall risk after approved measures")
        #expect(residual.cells.map(\.text) == ["High", "Low", "Low"])
        #expect(residual.best == .tie([1, 2]))
        #expect(comparison.bestText(residual) == "Tie: B and C")
        #expect(try Self.row(comparison, "Overall risk before measures").best == .noDifference)
        #expect(try Self.row(comparison, "Recommendation").best == .notRanked)
        let art36 = try Self.row(comparison, "ICO prior consultation (UK GDPR Art. 36)")
        #expect(art36.cells.map(\.text) == ["Required", "Not required", "Not required"])
        let controls = try Self.row(comparison, "Controls missing")
        #expect(controls.cells.map(\.items.count) == [18, 5, 12])
        #expect(controls.best == .one(1))
        let measures = try Self.row(comparison, "Measures still needed (recommended, not yet in place)")
        // Declined, undecided and approved-but-not-in-place all count; M17 is undecided for Siilo.
        #expect(
            measures.cells[2].items.contains(
                "M17 Complete a clinical safety assessment (DCB0160) (no decision yet)"))
        #expect(
            measures.cells[1].items.contains(
                "M17 Complete a clinical safety assessment (DCB0160) (approved, in progress)"))
    }

    @Test("A screening is left out and named; other versions and organisations are compared and noted")
    func notComparable() throws {
        let comparison = try Comparison(
            Self.assessed([
                "compare/a-whatsapp.json", "screening-new-analytics.json", "whatsapp-ward-group-drift.json",
                "1.1.0/teams-managed-clinical-handover.json",
            ]))
        #expect(
            comparison.options.map { URL(fileURLWithPath: $0.file).lastPathComponent } == [
                "a-whatsapp.json", "whatsapp-ward-group-drift.json", "teams-managed-clinical-handover.json",
            ])
        #expect(comparison.versions == ["1.0.0", "1.1.0"])
        #expect(comparison.leftOut.count == 1)
        #expect(comparison.leftOut.first?.reason.hasPrefix("answers \"dpia-screening\"") == true)
        #expect(comparison.notes.count == 2)
        #expect(
            comparison.notes[0].hasPrefix(
                "Different versions of the questionnaire: A and C on 1.1.0 and B on 1.0.0."))
        #expect(
            comparison.notes[1].hasPrefix(
                "Different organisations: A and B by Northshire Acute Hospitals NHS Trust and C by Northshire Community Health NHS Trust."
            ))
    }

    @Test("Fewer than two files on one questionnaire is bad data, saying what each answers")
    func fewerThanTwo() {
        #expect(throws: DPIAError.self) {
            try Comparison(Self.assessed(["compare/a-whatsapp.json", "screening-new-analytics.json"]))
        }
        do {
            _ = try Comparison(Self.assessed(["compare/a-whatsapp.json", "screening-new-analytics.json"]))
        } catch {
            #expect(error.exitStatus == .dataError)
            #expect(error.description.contains("screening-new-analytics.json answers \"dpia-screening\""))
        }
    }

    @Test("The comparison templates use only names the comparison data has")
    func templatesKnowEveryName() throws {
        let reports = try ReportTemplates.load(directory: PackageRoot.path("Templates"))
        let templates = try RegisterTemplates.load(
            beside: reports, needed: [.markdown, .html], name: "compare")
        #expect(templates.registers.count == 2)
        #expect(templates.unknownNames(toolVersion: dpiaVersion).isEmpty)
    }

    @Test("A register history mixing questionnaires trends only the latest's and says what it left out")
    func registerHistoryMixingQuestionnaires() throws {
        // A screening under the ward's organisation and reference, made before the review.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dpia-compare-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try Data(
            contentsOf: URL(fileURLWithPath: "\(Self.examples)/screening-new-analytics.json"))
        var root = try #require(try JSONSerialization.jsonObject(with: source) as? [String: Any])
        var metadata = try #require(root["metadata"] as? [String: Any])
        metadata["organisation"] = "Northshire Acute Hospitals NHS Trust"
        metadata["reference"] = "IG-2026-031"
        metadata["assessmentDate"] = "2026-01-10"
        root["metadata"] = metadata
        let screening = folder.appendingPathComponent("screening.json").path
        try JSONSerialization.data(withJSONObject: root).write(to: URL(fileURLWithPath: screening))
        let review = "\(Self.examples)/register/northshire-ward12/2026-06-16-review.json"
        let items = RegisterLoader(catalog: BundledContent.catalog).load([review, screening]).compactMap {
            if case .assessed(let one) = $0 { return one }
            return nil
        }
        #expect(items.count == 2)
        let register = Register(items, asOf: CalendarDate(iso: "2026-07-01")!, dueWithinDays: 30)
        #expect(register.entries.count == 1)
        let entry = try #require(register.entries.first)
        #expect(entry.notComparable == ["\(screening) answers dpia-screening, not communication-platform"])
        #expect(
            entry.trend
                == "first assessment; not comparable: \(screening) answers dpia-screening, not communication-platform"
        )
    }
}

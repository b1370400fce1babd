import Foundation
import TestSupport
import Testing

@testable import DPIAKit

@Suite("Register: dates, histories, urgency and the TSV")
struct RegisterTests {
    static let examples = BundledContent.examplesDirectory.appendingPathComponent("register").path

    /// The worked example's assessments, scored as `dpia register` scores them.
    static func assessed() -> [Register.Assessed] {
        let scan = try? RegisterScan.scan([examples])
        return RegisterLoader(catalog: BundledContent.catalog).load(scan?.files ?? []).compactMap {
            if case .assessed(let one) = $0 { return one }
            return nil
        }
    }

    static func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    @Test(
        "Days between dates count leap days and cross years",
        arguments: [
            ("1970-01-01", "1970-01-01", 0), ("2026-07-01", "2026-06-20", 11),
            ("2024-03-01", "2024-02-28", 2),
            ("2023-03-01", "2023-02-28", 1), ("2027-01-01", "2026-12-31", 1),
            ("2000-03-01", "1900-03-01", 36_525),
        ])
    func daysBetween(later: String, earlier: String, days: Int) {
        #expect(Self.date(later).days(since: Self.date(earlier)) == days)
        #expect(Self.date(earlier).days(since: Self.date(later)) == -days)
    }

    @Test func assessmentsWithTheSameOrganisationAndReferenceAreOneHistoryWithATrend() throws {
        let register = Register(Self.assessed(), asOf: Self.date("2026-07-01"), dueWithinDays: 30)
        #expect(register.entries.count == 4)
        #expect(register.assessmentCount == 6)
        let ward = try #require(register.entries.first { $0.history.count == 3 })
        #expect(ward.latest.assessment.answers.metadata.assessmentDate == "2026-06-16")
        #expect(ward.latest.assessment.questionnaire.version == "1.1.0")
        #expect(ward.trend == "high → medium → low since 2026-03")
        #expect(ward.overdueActions.count == 6)
        #expect(ward.review == .scheduled)
        #expect(ward.attention == "6 actions overdue")
    }

    @Test func anAssessmentNamingAnotherAsPreviousJoinsItsHistoryWhateverItsReference() throws {
        let review = Self.examples + "/northshire-ward12/2026-06-16-review.json"
        let text = try String(contentsOfFile: review, encoding: .utf8)
        // The first "reference" is the metadata's; the previous member keeps the old one.
        let range = try #require(text.range(of: "\"reference\": \"IG-2026-031\""))
        let renamed = text.replacingCharacters(in: range, with: "\"reference\": \"IG-2026-077\"")
        let others = Self.assessed().filter { !$0.file.hasSuffix("2026-06-16-review.json") }
        func register(_ text: String) throws -> Register {
            var cache = QuestionnaireCache(explicit: nil)
            guard
                case .assessed(let one) = RegisterLoader(catalog: BundledContent.catalog).load(
                    review, bytes: Array(text.utf8), questionnaires: &cache)
            else {
                Issue.record("the edited review did not load")
                return Register([], asOf: Self.date("2026-07-01"), dueWithinDays: 30)
            }
            return Register(others + [one], asOf: Self.date("2026-07-01"), dueWithinDays: 30)
        }
        let linked = try register(renamed)
        #expect(linked.entries.count == 4)
        let ward = try #require(linked.entries.first { $0.history.count == 3 })
        #expect(ward.latest.assessment.answers.metadata.reference == "IG-2026-077")
        // Without the link, the renamed review is a history of its own.
        let start = try #require(renamed.range(of: "  \"previous\": {"))
        let end = try #require(renamed.range(of: "},\n", range: start.upperBound..<renamed.endIndex))
        let unlinked = try register(
            renamed.replacingCharacters(in: start.lowerBound..<end.upperBound, with: ""))
        #expect(unlinked.entries.count == 5)
        #expect(!unlinked.entries.contains { $0.history.count == 3 })
    }

    @Test func theMostUrgentComeFirst() {
        let register = Register(Self.assessed(), asOf: Self.date("2026-07-01"), dueWithinDays: 30)
        // Both overdue: the review overdue at low residual risk and the actions overdue at low; then no
        // review date; then nothing to do.
        #expect(
            register.entries.map(\.attention) == [
                "Review overdue by 11 days", "6 actions overdue", "No review date", "",
            ])
        #expect(register.hasOverdue)
    }

    @Test("A review inside the window is due soon, on the day it is due today, after it overdue")
    func reviewWindow() throws {
        for (asOf, window, expected) in [
            ("2026-06-10", 10, Register.Review.dueSoon(days: 10)), ("2026-06-10", 9, .scheduled),
            ("2026-06-20", 0, .dueSoon(days: 0)), ("2026-06-21", 30, .overdue(days: 1)),
        ] {
            let register = Register(Self.assessed(), asOf: Self.date(asOf), dueWithinDays: window)
            let riverside = try #require(
                register.entries.first {
                    $0.latest.assessment.answers.metadata.organisation == "Riverside Surgery"
                })
            #expect(riverside.review == expected, "as of \(asOf) within \(window)")
        }
    }

    @Test func theTSVNeutralisesFormulasAndKeepsEachRowOneLine() throws {
        var assessed = Self.assessed()
        let index = try #require(assessed.firstIndex { $0.assessment.answers.metadata.reference == nil })
        assessed[index].file = "=HYPERLINK(\"http://x\")\tnext\nline.json"
        let tsv = RegisterTSV.tsv(Register(assessed, asOf: Self.date("2026-07-01"), dueWithinDays: 30))
        let lines = tsv.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 6)  // header, four platforms, and the final newline
        #expect(
            lines.allSatisfy {
                $0.isEmpty
                    || $0.split(separator: "\t", omittingEmptySubsequences: false).count
                        == RegisterTSV.header.count
            })
        #expect(tsv.contains("\t\"'=HYPERLINK(\"\"http://x\"\")\\tnext\\nline.json\"\t"))
    }

    @Test("--as-of and --due-within are checked; today is only the default")
    func options() throws {
        let today = Self.date("2026-12-01")
        #expect(try RegisterCommand.parseDates(asOf: nil, dueWithin: nil, today: today) == (today, 30))
        #expect(
            try RegisterCommand.parseDates(asOf: "2026-07-01", dueWithin: "7", today: today)
                == (Self.date("2026-07-01"), 7))
        #expect(throws: UsageError.self) {
            try RegisterCommand.parseDates(asOf: "1/7/2026", dueWithin: nil, today: today)
        }
        #expect(throws: UsageError.self) {
            try RegisterCommand.parseDates(asOf: nil, dueWithin: "3651", today: today)
        }
    }

    @Test func theBundledRegisterTemplatesUseOnlyNamesTheRegisterDataHas() throws {
        let reports = try ReportTemplates.load(directory: PackageRoot.path("Templates"))
        let registers = try RegisterTemplates.load(beside: reports, needed: RegisterTemplates.formats)
        #expect(registers.registers.count == 2)
        #expect(registers.unknownNames(toolVersion: "test").isEmpty)
    }
}

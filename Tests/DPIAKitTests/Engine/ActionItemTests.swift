import Testing

@testable import DPIAKit

/// An approved measure is overdue on a date when it is not in place and was due before that date: the
/// register asks it of the day it runs, a report of its own assessment date.
@Suite("Action plan: overdue")
struct ActionItemTests {
    static func item(due: String?, status: MeasureDecision.Status?) -> ActionItem {
        ActionItem(measure: "M1", title: "Title", risks: ["R1"], owner: "Owner", dueDate: due, status: status)
    }

    static let june16 = CalendarDate(year: 2026, month: 6, day: 16)!

    @Test(
        "overdue only when not in place and due before the date",
        arguments: [
            ("2026-06-15", MeasureDecision.Status.planned, true),
            ("2026-03-23", .inProgress, true),
            ("2026-06-16", .planned, false),
            ("2026-06-17", .planned, false),
            ("2026-03-23", .inPlace, false),
        ] as [(String, MeasureDecision.Status, Bool)])
    func overdue(due: String, status: MeasureDecision.Status, expected: Bool) {
        #expect(Self.item(due: due, status: status).isOverdue(on: Self.june16) == expected)
    }

    @Test("no due date, or no status recorded with a past date, reads as it is")
    func missingFacts() {
        #expect(!Self.item(due: nil, status: .planned).isOverdue(on: Self.june16))
        #expect(Self.item(due: "2026-01-01", status: nil).isOverdue(on: Self.june16))
    }
}

/// Type a whole number, optionally within a range, with or without thousands separators ("1,500").
/// Built on `TextPrompt`, so it edits the same way.
struct IntegerPrompt: Sendable {
    var heading: PromptHeading
    var range: ClosedRange<Int>?
    var defaultValue: Int?
    /// Further checks after the number is known to parse and be in range; given its plain digits.
    var validate: @Sendable (String) -> String?

    init(
        _ heading: PromptHeading, range: ClosedRange<Int>? = nil, defaultValue: Int? = nil,
        validate: @escaping @Sendable (String) -> String? = { _ in nil }
    ) {
        self.heading = heading
        self.range = range
        self.defaultValue = defaultValue
        self.validate = validate
    }

    var textPrompt: TextPrompt {
        let range = range
        let validate = validate
        var prompt = TextPrompt(heading, defaultValue: defaultValue.map(String.init)) { text in
            guard let number = Self.number(text) else {
                return text.isEmpty ? "Please enter a whole number." : "“\(text)” is not a whole number."
            }
            if let range, !range.contains(number) {
                return "Please enter a number from \(range.lowerBound) to \(range.upperBound)."
            }
            return validate(String(number))
        }
        prompt.normalize = { text in Self.number(text).map(String.init) ?? text }
        return prompt
    }

    /// The number typed: digits with an optional sign, or digits in groups of three separated by
    /// commas as help text writes them ("5,000"). "1,5" is refused rather than guessed at.
    static func number(_ text: String) -> Int? {
        let text = text.trimmingSpaces()
        if let plain = Int(text) { return plain }
        let groups = text.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.count > 1, let first = groups.first, (1...3).contains(first.count),
            groups.dropFirst().allSatisfy({ $0.count == 3 }),
            groups.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        return Int(groups.joined())
    }

    func run(on terminal: some Terminal) -> PromptResult<Int> {
        textPrompt.run(on: terminal).map { Int($0) ?? 0 }
    }
}

/// A calendar date without a time or time zone, written YYYY-MM-DD.
public struct CalendarDate: Equatable, Hashable, Comparable, Sendable, CustomStringConvertible {
    var year: Int
    var month: Int
    var day: Int

    /// Fails unless the date exists (so 2023-02-29 is refused; 2024-02-29 is accepted).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...lengths[month - 1]).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Parses a date as an assessor types it: `YYYY-MM-DD`, or the UK day-first `D/M/YYYY` and
    /// `DD/MM/YYYY`. Two-digit years are refused, since 1/12/26 could be either century.
    init?(typed text: String) {
        let text = text.trimmingSpaces()
        if let iso = CalendarDate(iso: text) {
            self = iso
            return
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
            parts[2].count == 4, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            String(repeating: "0", count: max(width - String(value).count, 0)) + String(value)
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// Type a date as YYYY-MM-DD, or day first as in the UK (1/12/2026, 01/12/2026); the answer is
/// always given back as YYYY-MM-DD. Built on `TextPrompt`, so it edits the same way.
struct DatePrompt: Sendable {
    var heading: PromptHeading
    var defaultValue: CalendarDate?
    /// Further checks (such as "not in the future") after the text is known to be a real date; given
    /// the date as YYYY-MM-DD.
    var validate: @Sendable (String) -> String?

    init(
        _ heading: PromptHeading, defaultValue: CalendarDate? = nil,
        validate: @escaping @Sendable (String) -> String? = { _ in nil }
    ) {
        self.heading = heading
        self.defaultValue = defaultValue
        self.validate = validate
    }

    var textPrompt: TextPrompt {
        let validate = validate
        var prompt = TextPrompt(heading, defaultValue: defaultValue?.description) { text in
            guard let date = CalendarDate(typed: text) else {
                return
                    "Please enter a real date as YYYY-MM-DD or DD/MM/YYYY, for example 2024-03-31 or 31/03/2024."
            }
            return validate(date.description)
        }
        prompt.normalize = { text in CalendarDate(typed: text)?.description ?? text.trimmingSpaces() }
        return prompt
    }

    func run(on terminal: some Terminal) -> PromptResult<CalendarDate> {
        textPrompt.run(on: terminal).map { CalendarDate(iso: $0)! }
    }
}

extension String {
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return String(text)
    }
}

/// Type a whole number, optionally within a range. Built on `TextPrompt`, so it edits the same way.
public struct IntegerPrompt: Sendable {
    public var heading: PromptHeading
    public var range: ClosedRange<Int>?
    public var defaultValue: Int?
    /// Further checks after the number is known to parse and be in range.
    public var validate: @Sendable (String) -> String?

    public init(
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
        return TextPrompt(heading, defaultValue: defaultValue.map(String.init)) { text in
            guard let number = Int(text.trimmingSpaces()) else {
                return text.isEmpty ? "Please enter a whole number." : "“\(text)” is not a whole number."
            }
            if let range, !range.contains(number) {
                return "Please enter a number from \(range.lowerBound) to \(range.upperBound)."
            }
            return validate(text)
        }
    }

    public func run(on terminal: some Terminal) -> PromptResult<Int> {
        textPrompt.run(on: terminal).map { Int($0.trimmingSpaces()) ?? 0 }
    }
}

/// A calendar date without a time or time zone, written YYYY-MM-DD.
public struct CalendarDate: Equatable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

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
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
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

/// Type a date as YYYY-MM-DD. Built on `TextPrompt`, so it edits the same way.
public struct DatePrompt: Sendable {
    public var heading: PromptHeading
    public var defaultValue: CalendarDate?
    /// Further checks (such as "not in the future") after the text is known to be a real date.
    public var validate: @Sendable (String) -> String?

    public init(
        _ heading: PromptHeading, defaultValue: CalendarDate? = nil,
        validate: @escaping @Sendable (String) -> String? = { _ in nil }
    ) {
        self.heading = heading
        self.defaultValue = defaultValue
        self.validate = validate
    }

    var textPrompt: TextPrompt {
        let validate = validate
        return TextPrompt(heading, defaultValue: defaultValue?.description) { text in
            guard CalendarDate(iso: text.trimmingSpaces()) != nil else {
                return "Please enter a real date as YYYY-MM-DD, for example 2024-03-31."
            }
            return validate(text)
        }
    }

    public func run(on terminal: some Terminal) -> PromptResult<CalendarDate> {
        textPrompt.run(on: terminal).map { CalendarDate(iso: $0.trimmingSpaces())! }
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

/// Text that may be written to a terminal: everything that came from input has been through
/// `TerminalText.sanitize`, so it cannot move the cursor, clear the screen, retitle the window, ask the
/// terminal to type, or reorder what is shown.
///
/// Only string literals in dpia's own code are trusted as they are (they carry the prompts' own
/// escape sequences); every value interpolated into one is sanitized unless it is itself a
/// `TerminalText`. `CommandOutput`, `Terminal` and `LineIO` accept nothing else, so a raw input string
/// cannot reach a terminal by mistake.
public struct TerminalText: Sendable, Equatable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// What is written, ready for the terminal.
    public private(set) var text: String

    /// `value` sanitized as one line: line breaks and tabs are shown as `\n` and `\t` too.
    public init(_ value: String) {
        text = Self.sanitize(value, keepingLineBreaks: false)
    }

    /// `value` sanitized, keeping its line feeds and tabs as layout (help paragraphs, multi-line answers).
    public init(lines value: String) {
        text = Self.sanitize(value, keepingLineBreaks: true)
    }

    /// Text already sanitized, or made only of dpia's own words.
    init(trusted text: String) {
        self.text = text
    }

    public init(stringLiteral value: String) {
        text = value
    }

    public init(stringInterpolation: StringInterpolation) {
        text = stringInterpolation.text
    }

    public var description: String { text }

    public static let empty: TerminalText = ""

    public static func + (left: TerminalText, right: TerminalText) -> TerminalText {
        var joined = left
        joined.text += right.text
        return joined
    }

    public static func += (left: inout TerminalText, right: TerminalText) {
        left.text += right.text
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        var text = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity + 16 * interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) {
            text += literal
        }

        /// Already safe: appended as it is.
        public mutating func appendInterpolation(_ value: TerminalText) {
            text += value.text
        }

        /// Anything else is sanitized as one line.
        public mutating func appendInterpolation(_ value: some Any) {
            text += TerminalText.sanitize(String(describing: value), keepingLineBreaks: false)
        }

        /// Sanitized, keeping line feeds and tabs as layout.
        public mutating func appendInterpolation(lines value: String) {
            text += TerminalText.sanitize(value, keepingLineBreaks: true)
        }
    }

    /// `text` with every character a terminal would act on shown as a visible escape (`\u{1B}`,
    /// `\r`...): C0 and C1 controls, DEL, bidirectional overrides and isolates, and the Unicode line
    /// and paragraph separators. Line feeds and tabs are kept only when `keepingLineBreaks`. Letters,
    /// accents, emoji (with their joiners) and every other script are kept as they are.
    public static func sanitize(_ text: String, keepingLineBreaks: Bool) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepingLineBreaks: keepingLineBreaks) })
        else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 16)
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar, keepingLineBreaks: keepingLineBreaks) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default: result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return result
    }

    static func needsEscape(_ scalar: Unicode.Scalar, keepingLineBreaks: Bool) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: !keepingLineBreaks
        case 0x00...0x1F, 0x7F...0x9F: true
        // Arabic letter mark, left-to-right and right-to-left marks, embeddings and overrides,
        // isolates: each can make a line read differently from the bytes in it.
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        // Line and paragraph separators start new lines in some terminals.
        case 0x2028, 0x2029: true
        default: false
        }
    }
}

extension [TerminalText] {
    /// The texts with `separator` between them.
    public func joined(separator: TerminalText) -> TerminalText {
        var result = TerminalText.empty
        for (index, element) in enumerated() {
            if index > 0 { result += separator }
            result += element
        }
        return result
    }
}

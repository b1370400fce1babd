/// How a run of text is drawn. Meaning never depends on it: every state also has a text marker.
enum TextStyle: Sendable {
    case plain, bold, dim, accent, error, success

    var sgr: TerminalText {
        switch self {
        case .plain: return ""
        case .bold: return "\u{1B}[1m"
        case .dim: return "\u{1B}[2m"
        case .accent: return "\u{1B}[36;1m"
        case .error: return "\u{1B}[31m"
        case .success: return "\u{1B}[32m"
        }
    }
}

/// A run of text in one style, sanitized for the terminal when made.
struct Span: Sendable {
    var text: String
    var style: TextStyle

    init(_ text: String, _ style: TextStyle = .plain) {
        self.text = TerminalText.sanitize(text, keepingLineBreaks: false)
        self.style = style
    }
}

/// One screen row of a prompt, never wider than the terminal once rendered.
struct FrameLine: Sendable {
    var spans: [Span]

    init(_ spans: [Span]) {
        self.spans = spans
    }

    init(_ text: String, _ style: TextStyle = .plain) {
        self.spans = [Span(text, style)]
    }

    /// The line cut to `width` cells (an ellipsis marks a cut), with styling only if `color`.
    func rendered(width: Int, color: Bool) -> TerminalText {
        let total = spans.reduce(0) { $0 + $1.text.count }
        var remaining = total > width ? max(width - 1, 0) : width
        var output = TerminalText.empty
        for span in spans where remaining > 0 {
            // Span text was sanitized when the span was made; a prefix of it is still safe.
            let text = TerminalText(trusted: String(span.text.prefix(remaining)))
            remaining -= text.text.count
            if color && span.style != .plain && !text.text.isEmpty {
                output += span.style.sgr + text + "\u{1B}[0m"
            } else {
                output += text
            }
        }
        if total > width && width > 0 { output += "…" }
        return output
    }
}

/// Everything a prompt shows at one moment, and where the text cursor goes (nil hides it).
struct Frame: Sendable {
    var lines: [FrameLine] = []
    var cursor: (row: Int, column: Int)?
}

enum TextWrap {
    /// Splits `text` into rows of at most `width` characters, breaking at spaces where possible and
    /// keeping explicit line breaks.
    static func lines(_ text: String, width: Int) -> [String] {
        let width = max(width, 1)
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                var word = Substring(word)
                let candidate = line.isEmpty ? String(word) : line + " " + word
                if candidate.count <= width {
                    line = candidate
                    continue
                }
                if !line.isEmpty { result.append(line) }
                while word.count > width {
                    result.append(String(word.prefix(width)))
                    word = word.dropFirst(width)
                }
                line = String(word)
            }
            result.append(line)
        }
        return result
    }
}

/// Escapes user text for GitHub-flavoured Markdown so that it reads as the same text wherever a template
/// puts it: in a paragraph, a list item, a heading or a table cell.
///
/// Every character with inline meaning (emphasis, links, code, strikethrough, pandoc's `$` maths) gets a
/// backslash; `<`, `>` and `&` become entities so raw HTML and entity names cannot pass; `|` is escaped for
/// tables; a line break becomes `<br>`, the one break both cmark-gfm and pandoc keep inside a table cell;
/// and block markers (`#`, `>`, `-`, `+`, `=`, `1.`) at the start are escaped in case the value starts a line.
public enum MarkdownEscaping {
    public static func escape(_ text: String) -> String {
        var escaped: [UInt8] = []
        append(text, to: &escaped)
        return String(decoding: escaped, as: UTF8.self)
    }

    /// Appends `text` to `output` escaped, copying the runs between the bytes acted on whole.
    static func append(_ text: String, to output: inout [UInt8]) {
        // Every character acted on is ASCII, so the work is done on UTF-8 bytes: the bytes of other
        // characters are all 128 or above and pass through.
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            // The marker gets a backslash before it; neither it nor the digits before it are acted on.
            if let marker = blockMarker(in: bytes) {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<marker]))
                output.append(UInt8(ascii: "\\"))
                runStart = marker
            }
            for index in runStart..<bytes.count {
                let byte = bytes[index]
                // Most bytes are left as they are; this test is the whole cost of passing them.
                guard isActedOn(byte) else { continue }
                if byte == UInt8(ascii: "\n") && index > 0 && bytes[index - 1] == UInt8(ascii: "\r") {
                    // The carriage return already wrote the line break.
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    runStart = index + 1
                } else if let replacement = replacement(for: byte) {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    output.appendUTF8(replacement)
                    runStart = index + 1
                }
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
    }

    /// Whether `replacement(for:)` changes the byte.
    private static func isActedOn(_ byte: UInt8) -> Bool {
        // Lower-case letters are most of any text: one range test passes them.
        if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") { return false }
        return switch byte {
        case UInt8(ascii: "\r"), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "<"), UInt8(ascii: ">"),
            UInt8(ascii: "&"), UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"),
            UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "|"), UInt8(ascii: "~"), UInt8(ascii: "$"):
            true
        default: false
        }
    }

    /// What a byte becomes wherever it is, or `nil` when it stays as it is.
    private static func replacement(for byte: UInt8) -> String? {
        switch byte {
        case UInt8(ascii: "\r"), UInt8(ascii: "\n"): "<br>"
        case UInt8(ascii: "\t"): " "
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "\\"): "\\\\"
        case UInt8(ascii: "`"): "\\`"
        case UInt8(ascii: "*"): "\\*"
        case UInt8(ascii: "_"): "\\_"
        case UInt8(ascii: "["): "\\["
        case UInt8(ascii: "]"): "\\]"
        case UInt8(ascii: "|"): "\\|"
        case UInt8(ascii: "~"): "\\~"
        case UInt8(ascii: "$"): "\\$"
        default: nil
        }
    }

    /// The offset of the byte that would make the text begin a block if it started a line, which then
    /// gets a backslash: `#` or `=` first; `-` or `+` first and followed by a space, a tab or nothing; a
    /// rule such as `---`; or `.` or `)` after leading digits, followed likewise (an ordered list item).
    private static func blockMarker(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var digits = 0
        while digits < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[digits]) {
            digits += 1
        }
        guard digits < bytes.count else { return nil }
        let next: UInt8? = digits + 1 < bytes.count ? bytes[digits + 1] : nil
        let endsMarker = next == nil || next == UInt8(ascii: " ") || next == UInt8(ascii: "\t")
        switch bytes[digits] {
        case UInt8(ascii: "#") where digits == 0, UInt8(ascii: "=") where digits == 0:
            return 0
        case UInt8(ascii: "-") where digits == 0 && (endsMarker || isRule(bytes)),
            UInt8(ascii: "+") where digits == 0 && endsMarker:
            return 0
        case UInt8(ascii: ".") where digits > 0 && endsMarker,
            UInt8(ascii: ")") where digits > 0 && endsMarker:
            return digits
        default:
            return nil
        }
    }

    /// "---" or "- - -" would be a thematic break or a setext underline.
    private static func isRule(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for index in bytes.indices
        where bytes[index] != UInt8(ascii: "-") && bytes[index] != UInt8(ascii: " ") {
            return false
        }
        return true
    }
}

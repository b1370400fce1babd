/// Escapes user text for the XML of a Word document, so that it reads as the same text and can never
/// become markup.
///
/// `&`, `<`, `>`, `"` and `'` become entities. Characters XML 1.0 forbids (its `Char` production: the C0
/// controls other than tab, line feed and carriage return, and U+FFFE and U+FFFF) cannot be written at all,
/// even as references, so they are shown visibly instead: a C0 control as its Unicode control picture
/// (U+0001 as U+2401 "␁"), the two non-characters as U+FFFD "�".
public enum XMLEscaping {
    /// Text inside a run's `<w:t xml:space="preserve">` element, which is how the Word templates place every
    /// value. A line break ends the text element and continues after a `<w:br/>`, a tab after a `<w:tab/>`,
    /// because Word shows a line feed inside `w:t` as a space.
    public static func runText(_ text: String) -> String {
        escape(
            text, lineBreak: "</w:t><w:br/><w:t xml:space=\"preserve\">",
            tab: "</w:t><w:tab/><w:t xml:space=\"preserve\">")
    }

    /// Text in XML that is not inside a Word run (document properties, attribute values): line breaks and
    /// tabs become spaces.
    public static func plainText(_ text: String) -> String {
        escape(text, lineBreak: " ", tab: " ")
    }

    private static func escape(_ text: String, lineBreak: String, tab: String) -> String {
        // Most values need nothing, and then the same string comes back. Every character acted on is ASCII
        // but U+FFFE and U+FFFF, whose UTF-8 starts with 0xEF.
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0xEF || entity(for: $0) != nil }) else {
            return text
        }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 16)
        var afterCarriageReturn = false
        for scalar in text.unicodeScalars {
            defer { afterCarriageReturn = scalar == "\r" }
            switch scalar.value {
            case 0x0A where afterCarriageReturn:
                continue  // the carriage return already wrote the line break
            case 0x0A, 0x0D:
                escaped += lineBreak
            case 0x09:
                escaped += tab
            case 0x00..<0x20:
                escaped.unicodeScalars.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0xFFFE, 0xFFFF:
                escaped += "\u{FFFD}"
            case 0x80...:
                escaped.unicodeScalars.append(scalar)
            default:
                if let entity = entity(for: UInt8(scalar.value)) {
                    escaped += entity
                } else {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        return escaped
    }

    private static func entity(for byte: UInt8) -> String? {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&apos;"
        default: nil
        }
    }
}

/// Escapes user text for the XML of a Word document, so that it reads as the same text and can never
/// become markup.
///
/// `&`, `<`, `>`, `"` and `'` become entities. Characters XML 1.0 forbids (its `Char` production: the C0
/// controls other than tab, line feed and carriage return, and U+FFFE and U+FFFF) cannot be written at all,
/// even as references, so they are shown visibly instead: a C0 control as its Unicode control picture
/// (U+0001 as U+2401 "␁"), the two non-characters as U+FFFD "�".
enum XMLEscaping {
    /// Text inside a run's `<w:t xml:space="preserve">` element, which is how the Word templates place every
    /// value. A line break ends the text element and continues after a `<w:br/>`, a tab after a `<w:tab/>`,
    /// because Word shows a line feed inside `w:t` as a space.
    static func runText(_ text: String) -> String {
        escape(
            text, lineBreak: "</w:t><w:br/><w:t xml:space=\"preserve\">",
            tab: "</w:t><w:tab/><w:t xml:space=\"preserve\">")
    }

    /// Text in XML that is not inside a Word run (document properties, attribute values): line breaks and
    /// tabs become spaces.
    static func plainText(_ text: String) -> String {
        escape(text, lineBreak: " ", tab: " ")
    }

    private static func escape(_ text: String, lineBreak: String, tab: String) -> String {
        // Every character acted on is ASCII but U+FFFE and U+FFFF (UTF-8 EF BF BE and EF BF BF), so the work
        // is done on UTF-8 bytes; the bytes of other characters are all 128 or above and pass through.
        let bytes = text.utf8.span
        var changes = false
        for index in bytes.indices
        where bytes[index] < 0x20 || bytes[index] == 0xEF || entity(for: bytes[index]) != nil {
            changes = true
            break
        }
        // Most values need nothing, and then the same string comes back.
        guard changes else { return text }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(bytes.count + 32)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case 0x0D:
                escaped += lineBreak.utf8
                if index < bytes.count, bytes[index] == 0x0A { index += 1 }  // CR LF is one break
            case 0x0A:
                escaped += lineBreak.utf8
            case 0x09:
                escaped += tab.utf8
            case 0x00..<0x20:
                escaped += [0xE2, 0x90, 0x80 + byte]  // U+2400 + the control's code: its control picture
            case 0xEF
            where index + 1 < bytes.count && bytes[index] == 0xBF
                && (bytes[index + 1] == 0xBE || bytes[index + 1] == 0xBF):
                escaped += [0xEF, 0xBF, 0xBD]  // U+FFFE or U+FFFF as U+FFFD
                index += 2
            default:
                if let entity = entity(for: byte) {
                    escaped += entity.utf8
                } else {
                    escaped.append(byte)
                }
            }
        }
        return String(decoding: escaped, as: UTF8.self)
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

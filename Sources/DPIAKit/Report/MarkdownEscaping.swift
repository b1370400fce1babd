/// Escapes user text for GitHub-flavoured Markdown so that it reads as the same text wherever a template
/// puts it: in a paragraph, a list item, a heading or a table cell.
///
/// Every character with inline meaning (emphasis, links, code, strikethrough, pandoc's `$` maths) gets a
/// backslash; `<`, `>` and `&` become entities so raw HTML and entity names cannot pass; `|` is escaped for
/// tables; a line break becomes `<br>`, the one break both cmark-gfm and pandoc keep inside a table cell;
/// and block markers (`#`, `>`, `-`, `+`, `=`, `1.`) at the start are escaped in case the value starts a line.
public enum MarkdownEscaping {
    public static func escape(_ text: String) -> String {
        var source = text
        return source.withUTF8 { bytes in
            guard cleanPrefix(bytes) < bytes.count else { return text }
            var output = TemplateOutput(capacity: bytes.count + 16)
            defer { output.deallocate() }
            append(bytes, to: &output)
            return String(decoding: output.bytes, as: UTF8.self)
        }
    }

    /// Appends the escaped form of UTF-8 `bytes` to `output`: what rendering uses, so no `String` is made
    /// per value.
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout TemplateOutput) {
        // Every character acted on is ASCII, so the work is done on UTF-8 bytes: other bytes, including
        // every byte of a multi-byte character, are copied as they are. Most values need nothing, and the
        // bytes that need nothing are copied in runs, not one by one.
        let clean = cleanPrefix(bytes)
        guard clean < bytes.count else {
            output.append(bytes)
            return
        }
        // Whether this value's output so far is all digits: "1. " at the start would begin an ordered list.
        // Only bytes that are copied unchanged can be digits, so that is the clean prefix when it is digits.
        var outputIsDigits = clean > 0 && bytes[..<clean].allSatisfy(isDigit)
        var runStart = 0
        for index in clean..<bytes.count {
            let byte = bytes[index]
            let next: UInt8? = index + 1 < bytes.count ? bytes[index + 1] : nil
            let endsMarker = next == nil || next == space || next == tab
            let replacement: StaticString?
            switch byte {
            case carriageReturn where next == newline:
                replacement = ""
            case carriageReturn, newline:
                replacement = "<br>"
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"),
                UInt8(ascii: "["),
                UInt8(ascii: "]"), UInt8(ascii: "|"), UInt8(ascii: "~"), UInt8(ascii: "$"):
                replacement = nil
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "#") where index == 0, UInt8(ascii: "=") where index == 0:
                replacement = nil
            case UInt8(ascii: "-") where index == 0 && (endsMarker || isRule(bytes)),
                UInt8(ascii: "+") where index == 0 && endsMarker:
                replacement = nil
            case UInt8(ascii: ".") where endsMarker && outputIsDigits,
                UInt8(ascii: ")") where endsMarker && outputIsDigits:
                replacement = nil
            case tab:
                replacement = " "
            default:
                // Copied unchanged: nothing before it was written if it is first.
                outputIsDigits = (index == 0 || outputIsDigits) && isDigit(byte)
                continue
            }
            output.append(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            runStart = index + 1
            if let replacement {
                output.append(replacement)
                // A dropped carriage return writes nothing, so the output is as digit-only as it was.
                if replacement.utf8CodeUnitCount == 0 { continue }
            } else {
                output.append(UInt8(ascii: "\\"))
                output.append(byte)
            }
            outputIsDigits = false
        }
        output.append(UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= 48 && byte <= 57
    }

    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// Bit b of `special.0` (b below 64) or of `special.1` (b + 64) is set when byte b needs escaping wherever
    /// it is: one of `\r\n\t\\`*_[]|~$<>&`. Constant bits, so checking a byte costs no lazy initialisation.
    private static let special: (UInt64, UInt64) = (
        1 << 9 | 1 << 10 | 1 << 13 | 1 << 36 | 1 << 38 | 1 << 42 | 1 << 60 | 1 << 62,
        1 << (91 - 64) | 1 << (92 - 64) | 1 << (93 - 64) | 1 << (95 - 64) | 1 << (96 - 64) | 1 << (124 - 64)
            | 1 << (126 - 64)
    )

    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte < 128 && (byte < 64 ? special.0 : special.1) &>> (byte & 63) & 1 != 0
    }

    /// How many bytes at the start need nothing, and need nothing whatever follows: all of them when the
    /// value needs no escaping. A block marker first, or `.` or `)` right after leading digits, make it 0.
    private static func cleanPrefix(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let first = bytes.first else { return 0 }
        if first == UInt8(ascii: "#") || first == UInt8(ascii: "=") || first == UInt8(ascii: "-")
            || first == UInt8(ascii: "+")
        {
            return 0
        }
        var index = 0
        // Leading digits first: a "." or ")" right after them (not first) would start an ordered list.
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        if index > 0, index < bytes.count,
            bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ")")
        {
            return 0
        }
        guard let base = bytes.baseAddress else { return 0 }
        while index < bytes.count {
            if bytes.count - index >= 8, !maybeSpecial(ByteWord.load(base + index)) {
                index += 8
                continue
            }
            // This word holds a special byte or is the last few bytes: check them one by one.
            let end = min(index + 8, bytes.count)
            while index < end {
                if isSpecial(base[index]) { return index }
                index += 1
            }
        }
        return index
    }

    /// Whether any of the 8 bytes in `word` may need escaping: a control byte, `$` to `*`, `<` to `>`, `[` to
    /// `` ` `` or `|` to DEL. Those ranges hold every special byte and few others, so plain text passes a word
    /// at a time.
    @inline(__always)
    private static func maybeSpecial(_ word: UInt64) -> Bool {
        ByteWord.asciiBytes(of: word, from: 0, through: 31)
            | ByteWord.asciiBytes(of: word, from: UInt8(ascii: "$"), through: UInt8(ascii: "*"))
            | ByteWord.asciiBytes(of: word, from: UInt8(ascii: "<"), through: UInt8(ascii: ">"))
            | ByteWord.asciiBytes(of: word, from: UInt8(ascii: "["), through: UInt8(ascii: "`"))
            | ByteWord.asciiBytes(of: word, from: UInt8(ascii: "|"), through: 127) != 0
    }

    /// "---" or "- - -" would be a thematic break or a setext underline.
    private static func isRule(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == UInt8(ascii: "-") || $0 == space }
    }
}

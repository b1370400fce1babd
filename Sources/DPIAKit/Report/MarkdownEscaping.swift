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
            guard needsEscaping(bytes) else { return text }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 16)
            append(bytes, to: &output)
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// Appends the escaped form of UTF-8 `bytes` to `output`: what rendering uses, so no `String` is made
    /// per value.
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        // Every character acted on is ASCII, so the work is done on UTF-8 bytes: other bytes, including
        // every byte of a multi-byte character, are copied as they are. Most values need nothing.
        guard needsEscaping(bytes) else {
            output.append(contentsOf: bytes)
            return
        }
        let start = output.count
        // Whether this value's output so far is all digits: "1. " at the start would begin an ordered list.
        var outputIsDigits = false
        for index in bytes.indices {
            let byte = bytes[index]
            let next: UInt8? = index + 1 < bytes.count ? bytes[index + 1] : nil
            let endsMarker = next == nil || next == space || next == tab
            var escaped = false
            switch byte {
            case carriageReturn where next == newline:
                continue
            case carriageReturn, newline:
                output.append(contentsOf: "<br>".utf8)
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"),
                UInt8(ascii: "["),
                UInt8(ascii: "]"), UInt8(ascii: "|"), UInt8(ascii: "~"), UInt8(ascii: "$"):
                escaped = true
            case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "#") where index == 0, UInt8(ascii: "=") where index == 0:
                escaped = true
            case UInt8(ascii: "-") where index == 0 && (endsMarker || isRule(bytes)),
                UInt8(ascii: "+") where index == 0 && endsMarker:
                escaped = true
            case UInt8(ascii: ".") where endsMarker && outputIsDigits,
                UInt8(ascii: ")") where endsMarker && outputIsDigits:
                escaped = true
            case tab:
                output.append(space)
            default:
                output.append(byte)
                outputIsDigits = (output.count - start == 1 || outputIsDigits) && byte >= 48 && byte <= 57
                continue
            }
            if escaped {
                output.append(UInt8(ascii: "\\"))
                output.append(byte)
            }
            outputIsDigits = false
        }
    }

    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// Whether each byte value needs escaping wherever it is: one of `\r\n\t\\`*_[]|~$<>&`. A table,
    /// because every byte of every value is checked against it.
    private static let special: [Bool] = (0...255).map { byte in
        "\r\n\t\\`*_[]|~$<>&".utf8.contains(UInt8(byte))
    }

    /// Whether any byte needs escaping: a special byte anywhere, a block marker first, or `.` or `)`
    /// right after leading digits.
    private static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        if first == UInt8(ascii: "#") || first == UInt8(ascii: "=") || first == UInt8(ascii: "-")
            || first == UInt8(ascii: "+")
        {
            return true
        }
        var index = 0
        // Leading digits first: a "." or ")" right after them (not first) would start an ordered list.
        while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
        if index > 0, index < bytes.count,
            bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ")")
        {
            return true
        }
        return special.withUnsafeBufferPointer { special in
            while index < bytes.count {
                if special[Int(bytes[index])] { return true }
                index += 1
            }
            return false
        }
    }

    /// "---" or "- - -" would be a thematic break or a setext underline.
    private static func isRule(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == UInt8(ascii: "-") || $0 == space }
    }
}

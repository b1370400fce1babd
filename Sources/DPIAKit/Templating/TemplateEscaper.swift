/// How rendering escapes the text of `{{name}}` tags.
enum TemplateEscaper {
    /// Appends the escaped UTF-8 of a value straight to the output, so no `String` is made per value.
    case bytes((UnsafeBufferPointer<UInt8>, inout TemplateOutput) -> Void)
    /// A caller's escaper, as the public `Template.render` takes it.
    case string((String) -> String)

    /// HTML escaping, as `Template.htmlEscape` does it.
    static var html: TemplateEscaper { .bytes(HTMLEscaping.append) }
}

/// Escapes `&`, `<`, `>`, `"` and `'` for HTML, working on UTF-8 bytes because every one of them is ASCII.
enum HTMLEscaping {
    /// All five are below 64, so one shift and mask per byte tells whether it is one of them.
    private static let special: UInt64 = 1 << 38 | 1 << 60 | 1 << 62 | 1 << 34 | 1 << 39

    static func isSpecial(_ byte: UInt8) -> Bool {
        byte < 64 && special &>> byte & 1 != 0
    }

    /// Whether any of the 8 bytes in `word` may be special: `"` to `'` (which takes in `#`, `$` and `%`) or `<`
    /// to `>`. Values are long runs of plain text, and this costs about one instruction a byte where testing
    /// bytes one by one costs about nine.
    @inline(__always)
    private static func maybeSpecial(_ word: UInt64) -> Bool {
        ByteWord.asciiBytes(of: word, from: UInt8(ascii: "\""), through: UInt8(ascii: "'"))
            | ByteWord.asciiBytes(of: word, from: UInt8(ascii: "<"), through: UInt8(ascii: ">")) != 0
    }

    /// Appends `bytes` to `output` escaped, copying the runs between special bytes whole.
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout TemplateOutput) {
        guard let base = bytes.baseAddress else { return }
        var runStart = 0
        var index = 0
        while index < bytes.count {
            let end = min(index + 8, bytes.count)
            if end - index == 8, !maybeSpecial(ByteWord.load(base + index)) {
                index = end
                continue
            }
            while index < end {
                if isSpecial(base[index]) {
                    output.append(UnsafeBufferPointer(start: base + runStart, count: index - runStart))
                    switch base[index] {
                    case UInt8(ascii: "&"): output.append("&amp;")
                    case UInt8(ascii: "<"): output.append("&lt;")
                    case UInt8(ascii: ">"): output.append("&gt;")
                    case UInt8(ascii: "\""): output.append("&quot;")
                    default: output.append("&#39;")
                    }
                    runStart = index + 1
                }
                index += 1
            }
        }
        output.append(UnsafeBufferPointer(start: base + runStart, count: bytes.count - runStart))
    }
}

/// How rendering escapes the text of `{{name}}` tags.
enum TemplateEscaper {
    /// Appends the escaped UTF-8 of a value straight to the output, so no `String` is made per value.
    case bytes((UnsafeBufferPointer<UInt8>, inout [UInt8]) -> Void)
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
        byte < 64 && special >> byte & 1 != 0
    }

    /// Appends `bytes` to `output` escaped, copying the runs between special bytes whole.
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var runStart = 0
        for index in bytes.indices where isSpecial(bytes[index]) {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            switch bytes[index] {
            case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
            default: output.append(contentsOf: "&#39;".utf8)
            }
            runStart = index + 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }
}

/// Writes `JSONValue`s as pretty, stable text: two-space indentation, members in the order given, a final
/// newline. The same value always gives the same bytes, so answers files diff cleanly.
enum JSONWriter {
    static func write(_ value: JSONValue) -> String {
        String(decoding: bytes(value), as: UTF8.self)
    }

    /// The same text as `write`, as UTF-8 bytes, for callers that hash or store it.
    static func bytes(_ value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        write(value, indent: 0, into: &output)
        output.append(newline)
        return output
    }

    private static let newline = UInt8(ascii: "\n")

    static func append(_ text: StaticString, into output: inout [UInt8]) {
        text.withUTF8Buffer { output.append(contentsOf: $0) }
    }

    static func appendIndent(_ indent: Int, into output: inout [UInt8]) {
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
    }

    private static func write(_ value: JSONValue, indent: Int, into output: inout [UInt8]) {
        switch value {
        case .null: append("null", into: &output)
        case .bool(let bool): bool ? append("true", into: &output) : append("false", into: &output)
        case .number(let text): output.append(contentsOf: text.utf8)
        case .string(let string): appendQuoted(string, into: &output)
        case .array(let elements):
            if elements.isEmpty {
                append("[]", into: &output)
                return
            }
            let scalarsOnly = elements.allSatisfy {
                switch $0.value {
                case .array, .object: false
                default: true
                }
            }
            if scalarsOnly {
                append("[", into: &output)
                for (offset, element) in elements.enumerated() {
                    if offset > 0 { append(", ", into: &output) }
                    write(element.value, indent: indent, into: &output)
                }
                append("]", into: &output)
                return
            }
            append("[\n", into: &output)
            for (offset, element) in elements.enumerated() {
                appendIndent(indent + 1, into: &output)
                write(element.value, indent: indent + 1, into: &output)
                offset == elements.count - 1 ? append("\n", into: &output) : append(",\n", into: &output)
            }
            appendIndent(indent, into: &output)
            append("]", into: &output)
        case .object(let members):
            if members.isEmpty {
                append("{}", into: &output)
                return
            }
            append("{\n", into: &output)
            for (offset, member) in members.enumerated() {
                appendIndent(indent + 1, into: &output)
                appendQuoted(member.key, into: &output)
                append(": ", into: &output)
                write(member.value.value, indent: indent + 1, into: &output)
                offset == members.count - 1 ? append("\n", into: &output) : append(",\n", into: &output)
            }
            appendIndent(indent, into: &output)
            append("}", into: &output)
        }
    }

    /// Escapes on UTF-8 bytes: everything escaped is ASCII except U+2028 and U+2029, whose encodings
    /// (E2 80 A8, E2 80 A9) cannot occur inside any other character's. Runs of bytes that need no escape
    /// are copied whole.
    static func appendQuoted(_ string: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != 0x7F
                    && byte != 0xE2
                {
                    index += 1
                    continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                index += 1
                switch byte {
                case UInt8(ascii: "\""): append("\\\"", into: &output)
                case UInt8(ascii: "\\"): append("\\\\", into: &output)
                case UInt8(ascii: "\n"): append("\\n", into: &output)
                case UInt8(ascii: "\r"): append("\\r", into: &output)
                case UInt8(ascii: "\t"): append("\\t", into: &output)
                case 0..<0x20, 0x7F: appendUnicodeEscape(UInt32(byte), into: &output)
                case 0xE2
                where index + 1 < bytes.count && bytes[index] == 0x80
                    && (bytes[index + 1] == 0xA8 || bytes[index + 1] == 0xA9):
                    appendUnicodeEscape(bytes[index + 1] == 0xA8 ? 0x2028 : 0x2029, into: &output)
                    index += 2
                default: output.append(byte)
                }
                runStart = index
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
        }
        output.append(UInt8(ascii: "\""))
    }

    private static func appendUnicodeEscape(_ value: UInt32, into output: inout [UInt8]) {
        let hex = String(value, radix: 16)
        append("\\u", into: &output)
        for _ in hex.utf8.count..<4 { output.append(UInt8(ascii: "0")) }
        output.append(contentsOf: hex.utf8)
    }
}

extension JSONValue {
    /// Builds an object from key-value pairs, in order.
    static func members(_ pairs: [(String, JSONValue)]) -> JSONValue {
        .object(
            pairs.map {
                JSONMember(key: $0.0, keyLocation: TextPosition(line: 0, column: 0), value: JSONNode($0.1))
            })
    }

    /// Builds an array of values.
    static func elements(_ values: [JSONValue]) -> JSONValue {
        .array(values.map { JSONNode($0) })
    }
}

/// Writes an object member by member, giving the bytes `JSONWriter` gives for the same members, for
/// callers that would otherwise build a `JSONValue` only to write it.
struct JSONObjectWriter {
    private(set) var bytes: [UInt8] = []
    private var depth = 0
    /// Bit `n` is set while the object open at depth `n + 1` has no member yet.
    private var emptyObjects: UInt64 = 0

    init() {
        bytes.reserveCapacity(4096)
        beginObject()
    }

    /// Opens an object as the value of the member just named (or as the document).
    mutating func beginObject() {
        bytes.append(UInt8(ascii: "{"))
        emptyObjects |= 1 << depth
        depth += 1
    }

    mutating func endObject() {
        depth -= 1
        if emptyObjects & (1 << depth) == 0 {
            bytes.append(UInt8(ascii: "\n"))
            JSONWriter.appendIndent(depth, into: &bytes)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// Starts a member of the innermost open object; its value is written next.
    mutating func key(_ key: String) {
        let bit: UInt64 = 1 << (depth - 1)
        if emptyObjects & bit != 0 {
            emptyObjects &= ~bit
            bytes.append(UInt8(ascii: "\n"))
        } else {
            JSONWriter.append(",\n", into: &bytes)
        }
        JSONWriter.appendIndent(depth, into: &bytes)
        JSONWriter.appendQuoted(key, into: &bytes)
        JSONWriter.append(": ", into: &bytes)
    }

    mutating func string(_ string: String) {
        JSONWriter.appendQuoted(string, into: &bytes)
    }

    mutating func bool(_ bool: Bool) {
        bool ? JSONWriter.append("true", into: &bytes) : JSONWriter.append("false", into: &bytes)
    }

    mutating func integer(_ integer: Int) {
        bytes.append(contentsOf: String(integer).utf8)
    }

    /// An array of strings, on one line as `JSONWriter` writes arrays of scalars.
    mutating func strings(_ strings: [String]) {
        bytes.append(UInt8(ascii: "["))
        for (offset, string) in strings.enumerated() {
            if offset > 0 { JSONWriter.append(", ", into: &bytes) }
            JSONWriter.appendQuoted(string, into: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Closes the document: the final newline `JSONWriter` writes.
    mutating func finish() -> [UInt8] {
        while depth > 0 { endObject() }
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }
}

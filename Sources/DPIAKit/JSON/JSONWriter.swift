/// Writes `JSONValue`s as pretty, stable text: two-space indentation, members in the order given, a final
/// newline. The same value always gives the same bytes, so answers files diff cleanly.
public enum JSONWriter {
    public static func write(_ value: JSONValue) -> String {
        var output = ""
        write(value, indent: 0, into: &output)
        output.append("\n")
        return output
    }

    private static func write(_ value: JSONValue, indent: Int, into output: inout String) {
        switch value {
        case .null: output.append("null")
        case .bool(let bool): output.append(bool ? "true" : "false")
        case .number(let text): output.append(text)
        case .string(let string): appendQuoted(string, into: &output)
        case .array(let elements):
            if elements.isEmpty {
                output.append("[]")
                return
            }
            let scalarsOnly = elements.allSatisfy {
                switch $0.value {
                case .array, .object: false
                default: true
                }
            }
            if scalarsOnly {
                output.append("[")
                for (offset, element) in elements.enumerated() {
                    if offset > 0 { output.append(", ") }
                    write(element.value, indent: indent, into: &output)
                }
                output.append("]")
                return
            }
            output.append("[\n")
            for (offset, element) in elements.enumerated() {
                output.append(String(repeating: "  ", count: indent + 1))
                write(element.value, indent: indent + 1, into: &output)
                output.append(offset == elements.count - 1 ? "\n" : ",\n")
            }
            output.append(String(repeating: "  ", count: indent) + "]")
        case .object(let members):
            if members.isEmpty {
                output.append("{}")
                return
            }
            output.append("{\n")
            for (offset, member) in members.enumerated() {
                output.append(String(repeating: "  ", count: indent + 1))
                appendQuoted(member.key, into: &output)
                output.append(": ")
                write(member.value.value, indent: indent + 1, into: &output)
                output.append(offset == members.count - 1 ? "\n" : ",\n")
            }
            output.append(String(repeating: "  ", count: indent) + "}")
        }
    }

    private static func appendQuoted(_ string: String, into output: inout String) {
        output.append("\"")
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output.append("\\\"")
            case "\\": output.append("\\\\")
            case "\n": output.append("\\n")
            case "\r": output.append("\\r")
            case "\t": output.append("\\t")
            case _
            where scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028
                || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                output.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: output.unicodeScalars.append(scalar)
            }
        }
        output.append("\"")
    }
}

extension JSONValue {
    /// Builds an object from key-value pairs, in order.
    public static func members(_ pairs: [(String, JSONValue)]) -> JSONValue {
        .object(
            pairs.map {
                JSONMember(key: $0.0, keyLocation: TextPosition(line: 0, column: 0), value: JSONNode($0.1))
            })
    }

    /// Builds an array of values.
    public static func elements(_ values: [JSONValue]) -> JSONValue {
        .array(values.map { JSONNode($0) })
    }
}

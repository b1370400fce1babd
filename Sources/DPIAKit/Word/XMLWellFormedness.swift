/// A small check that rendered WordprocessingML is well-formed XML (XML 1.0, section 2.1): one root
/// element, every start tag closed by an end tag of the same name in order, attribute values quoted, and
/// `&` only in the five predefined entities or a character reference. It does not validate against a
/// schema: it catches the edits that make Word call a file damaged (a tag left open, a misspelt end tag,
/// a bare `&`), which a Mustache name check cannot see.
enum XMLWellFormedness {
    /// A place in the document and what is wrong there.
    struct Problem: Error, Equatable {
        /// 1-based line and column of the byte where the problem was found.
        var line: Int
        var column: Int
        var message: String
    }

    /// Nil when `bytes` are well-formed, else the first problem.
    static func check(_ bytes: [UInt8]) -> Problem? {
        var open: [ArraySlice<UInt8>] = []
        var roots = 0
        var index = 0
        var line = 1
        var lineStart = 0
        func problem(_ message: String, at position: Int) -> Problem {
            Problem(line: line, column: position - lineStart + 1, message: message)
        }
        func skip(past terminator: [UInt8], from start: Int) -> Int? {
            var position = start
            while position + terminator.count <= bytes.count {
                if bytes[position..<position + terminator.count].elementsEqual(terminator) {
                    return position + terminator.count
                }
                if bytes[position] == UInt8(ascii: "\n") {
                    line += 1
                    lineStart = position + 1
                }
                position += 1
            }
            return nil
        }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\n"):
                line += 1
                lineStart = index + 1
                index += 1
            case UInt8(ascii: "&"):
                guard let end = bytes[index...].firstIndex(of: UInt8(ascii: ";")), end - index <= 10 else {
                    return problem("a bare \"&\"; expected &amp; or another entity", at: index)
                }
                let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
                let predefined = ["amp", "lt", "gt", "quot", "apos"].contains(name)
                let reference =
                    name.hasPrefix("#x")
                    ? UInt32(name.dropFirst(2), radix: 16) != nil
                    : name.hasPrefix("#") ? UInt32(name.dropFirst(1)) != nil : false
                guard predefined || reference else {
                    return problem(
                        "unknown entity \"&\(name);\"; expected one of XML's five or &#N;", at: index)
                }
                index = end + 1
            case UInt8(ascii: "<"):
                let start = index
                if bytes[index...].starts(with: Array("<?".utf8)) {
                    guard let end = skip(past: Array("?>".utf8), from: index) else {
                        return problem("a processing instruction that never ends", at: start)
                    }
                    index = end
                } else if bytes[index...].starts(with: Array("<!--".utf8)) {
                    guard let end = skip(past: Array("-->".utf8), from: index) else {
                        return problem("a comment that never ends", at: start)
                    }
                    index = end
                } else {
                    guard let end = tagEnd(bytes, from: index + 1) else {
                        return problem(
                            "a tag that never ends, or an unquoted \">\" in an attribute", at: start)
                    }
                    var body = bytes[(index + 1)..<end]
                    index = end + 1
                    if body.first == UInt8(ascii: "/") {
                        let name = tagName(body.dropFirst())
                        guard let last = open.popLast() else {
                            return problem("end tag </\(text(name))> with no element open", at: start)
                        }
                        guard last.elementsEqual(name) else {
                            return problem(
                                "end tag </\(text(name))> where </\(text(last))> was expected", at: start)
                        }
                        continue
                    }
                    let selfClosing = body.last == UInt8(ascii: "/")
                    if selfClosing { body = body.dropLast() }
                    let name = tagName(body)
                    guard !name.isEmpty else { return problem("a tag with no name", at: start) }
                    if open.isEmpty {
                        roots += 1
                        guard roots == 1 else { return problem("a second root element", at: start) }
                    }
                    if !selfClosing { open.append(name) }
                }
            default:
                index += 1
            }
        }
        if let last = open.last {
            return problem("<\(text(last))> is never closed", at: bytes.count)
        }
        return roots == 1 ? nil : problem("no root element", at: bytes.count)
    }

    /// The index of the `>` ending a tag that starts at `start`, skipping quoted attribute values.
    private static func tagEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var quote: UInt8?
        for position in start..<bytes.count {
            let byte = bytes[position]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return position
            } else if byte == UInt8(ascii: "<") {
                return nil
            }
        }
        return nil
    }

    private static func tagName(_ body: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let space: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
        return body.prefix { !space.contains($0) }
    }

    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}

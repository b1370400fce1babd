import Foundation

/// A JSON syntax error with the place it was found.
struct JSONSyntaxError: Error, Sendable, Equatable {
    var message: String
    var location: TextPosition
}

/// A strict RFC 8259 parser that records the line and column of every value.
///
/// Strict where hand-edited files go wrong quietly elsewhere: duplicate keys are an error (Foundation keeps
/// the last one), invalid UTF-8 is an error, and nesting is limited so hostile input cannot exhaust the
/// stack. A leading UTF-8 byte order mark, which Windows editors add, is accepted.
struct JSONParser {
    /// How deep arrays and objects may nest.
    static let maximumDepth = 200

    /// The input, borrowed for the length of `parse`: reading through a buffer pointer skips the bounds
    /// check on every byte, and the code below checks `index < bytes.count` itself.
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var line = 1
    private var lineStart = 0
    private var depth = 0
    private var entries: [JSONDocument.Entry] = []
    private var unescaped: [UInt8] = []

    /// Parses a whole document: one value, surrounded only by white space.
    static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONNode {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONSyntaxError) -> JSONDocument in try parse(buffer, source: bytes) }
        }
        return JSONNode(try result.get(), 0)
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, source: [UInt8]) throws(JSONSyntaxError)
        -> JSONDocument
    {
        var parser = JSONParser(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            parser.index = 3
            parser.lineStart = 3
        }
        parser.skipWhitespace()
        if parser.index == bytes.count {
            throw parser.error("the file is empty; expected a JSON value")
        }
        // Offsets are kept in 32 bits; files are read only up to `FileIO.maximumInputSize`.
        if bytes.count >= Int(Int32.max) {
            throw parser.error("the text is \(bytes.count) bytes; expected less than 2 GiB")
        }
        parser.entries.reserveCapacity(bytes.count / 24 + 4)
        try parser.parseValue()
        parser.skipWhitespace()
        if parser.index < bytes.count {
            throw parser.error("unexpected \(parser.describeCurrent()) after the end of the JSON value")
        }
        return JSONDocument(source: source, unescaped: parser.unescaped, entries: parser.entries)
    }

    /// Parses a file's bytes, reporting a syntax error as a diagnostic naming the file.
    static func parseDocument(_ bytes: [UInt8], file: String) throws(ValidationFailure) -> JSONNode {
        do {
            return try parse(bytes)
        } catch {
            throw ValidationFailure([
                Diagnostic(file: file, path: "", location: error.location, message: error.message)
            ])
        }
    }

    /// Parses a string of JSON text.
    static func parse(_ text: String) throws(JSONSyntaxError) -> JSONNode {
        try parse(Array(text.utf8))
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    private var location: TextPosition {
        TextPosition(line: line, column: index - lineStart + 1)
    }

    private func error(_ message: String, at location: TextPosition? = nil) -> JSONSyntaxError {
        JSONSyntaxError(message: message, location: location ?? self.location)
    }

    private func describeCurrent() -> String {
        guard index < bytes.count else { return "end of file" }
        let byte = bytes[index]
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(UnicodeScalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D:
                index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            default:
                return
            }
        }
    }

    /// Starts an entry at the current position; its end is the entry after it until contents are added.
    private mutating func appendEntry(_ kind: JSONDocument.Kind) -> Int {
        let at = entries.count
        entries.append(
            JSONDocument.Entry(
                kind: kind, line: Int32(truncatingIfNeeded: line),
                column: Int32(truncatingIfNeeded: index - lineStart + 1),
                end: Int32(truncatingIfNeeded: at + 1)))
        return at
    }

    private mutating func parseValue() throws(JSONSyntaxError) {
        guard index < bytes.count else { throw error("unexpected end of file; expected a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): try parseObject()
        case UInt8(ascii: "["): try parseArray()
        case UInt8(ascii: "\""): try parseString()
        case UInt8(ascii: "t"):
            _ = appendEntry(.trueValue)
            try expectWord("true")
        case UInt8(ascii: "f"):
            _ = appendEntry(.falseValue)
            try expectWord("false")
        case UInt8(ascii: "n"):
            _ = appendEntry(.null)
            try expectWord("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try parseNumber()
        default:
            throw error(
                "unexpected \(describeCurrent()); expected a value (object, array, string, number, true, false or null)"
            )
        }
    }

    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw error("nesting deeper than \(Self.maximumDepth) levels")
        }
    }

    /// The bytes of a string entry made so far, for the length of `body`.
    private func withText<R>(_ entry: JSONDocument.Entry, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let range = Int(entry.start)..<Int(entry.start + entry.count)
        if entry.escaped {
            return unescaped.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
        }
        return body(UnsafeBufferPointer(rebasing: bytes[range]))
    }

    private func sameText(_ left: Int, _ right: Int) -> Bool {
        let a = entries[left]
        let b = entries[right]
        guard a.count == b.count else { return false }
        if a.escaped || b.escaped {
            return withText(a) { first in withText(b) { first.elementsEqual($0) } }
        }
        return memcmp(bytes.baseAddress! + Int(a.start), bytes.baseAddress! + Int(b.start), Int(a.count)) == 0
    }

    /// An earlier key of the object at `object` equal to the key at `key`.
    private func earlierKey(equalTo key: Int, in object: Int) -> Int? {
        var entry = object + 1
        while entry < key {
            if sameText(entry, key) { return entry }
            entry = Int(entries[entry + 1].end)
        }
        return nil
    }

    /// FNV-1a of a key's bytes: cheaper than hashing a `String`, and equal keys always agree.
    private func hash(_ key: Int) -> UInt64 {
        withText(entries[key]) { text in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in text { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            return hash
        }
    }

    private mutating func parseObject() throws(JSONSyntaxError) {
        let object = appendEntry(.object)
        try enter()
        defer { depth -= 1 }
        index += 1
        var count = 0
        // Most objects are small, where a scan beats hashing every key; large ones get a table of hashes.
        var seen: [UInt64: Int] = [:]
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
            index += 1
            return
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw error("unexpected \(describeCurrent()); expected a member name in double quotes")
            }
            let key = entries.count
            try parseString()
            var first: Int?
            if count < 16 {
                first = earlierKey(equalTo: key, in: object)
            } else {
                if seen.isEmpty {
                    var entry = object + 1
                    while entry < key {
                        seen[hash(entry)] = entry
                        entry = Int(entries[entry + 1].end)
                    }
                }
                let keyHash = hash(key)
                if let same = seen[keyHash] {
                    first = sameText(same, key) ? same : earlierKey(equalTo: key, in: object)
                } else {
                    seen[keyHash] = key
                }
            }
            if let first {
                let keyEntry = entries[key]
                throw error(
                    "duplicate key \"\(keyText(key))\" (first given on line \(entries[first].line))",
                    at: TextPosition(line: Int(keyEntry.line), column: Int(keyEntry.column)))
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw error("unexpected \(describeCurrent()); expected ':' after \"\(keyText(key))\"")
            }
            index += 1
            skipWhitespace()
            try parseValue()
            count += 1
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of file; expected ',' or '}'") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                entries[object].count = Int32(truncatingIfNeeded: count)
                entries[object].end = Int32(truncatingIfNeeded: entries.count)
                return
            }
            throw error("unexpected \(describeCurrent()); expected ',' or '}'")
        }
    }

    private func keyText(_ key: Int) -> String {
        withText(entries[key]) { String(decoding: $0, as: UTF8.self) }
    }

    private mutating func parseArray() throws(JSONSyntaxError) {
        let array = appendEntry(.array)
        try enter()
        defer { depth -= 1 }
        index += 1
        var count = 0
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
            index += 1
            return
        }
        while true {
            skipWhitespace()
            try parseValue()
            count += 1
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of file; expected ',' or ']'") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                entries[array].count = Int32(truncatingIfNeeded: count)
                entries[array].end = Int32(truncatingIfNeeded: entries.count)
                return
            }
            throw error("unexpected \(describeCurrent()); expected ',' or ']'")
        }
    }

    private mutating func expectWord(_ word: StaticString) throws(JSONSyntaxError) {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard index + expected.count <= bytes.count,
            bytes[index..<index + expected.count].elementsEqual(expected)
        else {
            throw error("unexpected \(describeCurrent()); expected a value (did you mean \(word)?)")
        }
        index += expected.count
    }

    private mutating func parseNumber() throws(JSONSyntaxError) {
        let entry = appendEntry(.number)
        let start = index
        func digits(_ parser: inout JSONParser) -> Int {
            let from = parser.index
            while parser.index < parser.bytes.count,
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(parser.bytes[parser.index])
            {
                parser.index += 1
            }
            return parser.index - from
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let leadingZero = index < bytes.count && bytes[index] == UInt8(ascii: "0")
        let integerDigits = digits(&self)
        if integerDigits == 0 { throw error("a number needs digits after '-'") }
        if leadingZero && integerDigits > 1 { throw error("numbers cannot have leading zeros") }
        if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
            index += 1
            if digits(&self) == 0 { throw error("a number needs digits after the decimal point") }
        }
        if index < bytes.count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
            index += 1
            if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"))
            {
                index += 1
            }
            if digits(&self) == 0 { throw error("a number needs digits in its exponent") }
        }
        entries[entry].start = Int32(truncatingIfNeeded: start)
        entries[entry].count = Int32(truncatingIfNeeded: index - start)
    }

    private mutating func parseString() throws(JSONSyntaxError) {
        let entry = appendEntry(.string)
        index += 1
        // Most strings have no escapes: they stay a range of the input, and ASCII ones need no UTF-8 check.
        var plainEnd = index
        var high: UInt8 = 0
        while plainEnd < bytes.count {
            let byte = bytes[plainEnd]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            high |= byte
            plainEnd += 1
        }
        if plainEnd < bytes.count, bytes[plainEnd] == UInt8(ascii: "\"") {
            let start = index
            index = plainEnd + 1
            if high >= 0x80 && !UTF8Validation.isValid(UnsafeBufferPointer(rebasing: bytes[start..<plainEnd]))
            {
                throw error("the string ending here is not valid UTF-8")
            }
            entries[entry].start = Int32(truncatingIfNeeded: start)
            entries[entry].count = Int32(truncatingIfNeeded: plainEnd - start)
            return
        }
        let start = unescaped.count
        var runStart = index
        while true {
            guard index < bytes.count else { throw error("unexpected end of file inside a string") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                unescaped.append(contentsOf: bytes[runStart..<index])
                index += 1
                break
            }
            if byte == UInt8(ascii: "\\") {
                unescaped.append(contentsOf: bytes[runStart..<index])
                try parseEscape()
                runStart = index
                continue
            }
            if byte < 0x20 {
                throw error(
                    byte == 0x0A
                        ? "a string cannot run over a line break (write \\n)"
                        : "control character 0x\(String(byte, radix: 16)) inside a string (escape it)")
            }
            index += 1
        }
        let valid = unescaped.withUnsafeBufferPointer {
            UTF8Validation.isValid(UnsafeBufferPointer(rebasing: $0[start...]))
        }
        guard valid else { throw error("the string ending here is not valid UTF-8") }
        entries[entry].escaped = true
        entries[entry].start = Int32(truncatingIfNeeded: start)
        entries[entry].count = Int32(truncatingIfNeeded: unescaped.count - start)
    }

    private mutating func parseEscape() throws(JSONSyntaxError) {
        index += 1
        guard index < bytes.count else { throw error("unexpected end of file inside a string") }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""): unescaped.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): unescaped.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "/"): unescaped.append(UInt8(ascii: "/"))
        case UInt8(ascii: "b"): unescaped.append(0x08)
        case UInt8(ascii: "f"): unescaped.append(0x0C)
        case UInt8(ascii: "n"): unescaped.append(0x0A)
        case UInt8(ascii: "r"): unescaped.append(0x0D)
        case UInt8(ascii: "t"): unescaped.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try parseHex4()
            if (0xD800...0xDBFF).contains(scalar) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                    bytes[index + 1] == UInt8(ascii: "u")
                else { throw error("a \\u escape for a high surrogate must be followed by a low surrogate") }
                index += 2
                let low = try parseHex4()
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw error("invalid low surrogate in \\u escape")
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw error("a \\u escape cannot start with a low surrogate")
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw error("invalid \\u escape") }
            unescaped.append(contentsOf: Array(String(Character(unicode)).utf8))
        default:
            index -= 1
            throw error("invalid escape '\\\(Character(UnicodeScalar(byte)))' in a string")
        }
    }

    private mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("unexpected end of file in a \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error("a \\u escape needs four hexadecimal digits")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }
}

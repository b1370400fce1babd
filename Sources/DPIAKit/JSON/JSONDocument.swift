import Foundation

/// A JSON text held flat: each value is one entry, in source order, and a container's contents follow it.
/// A string or number is a range of bytes, of the source when it has no escapes; it becomes a `String`
/// only when asked for.
final class JSONDocument: Sendable {
    enum Kind: UInt8 {
        case null, falseValue, trueValue, number, string, array, object
    }

    /// One value. An object's contents are its members in order, each a string entry for the key followed
    /// by the value's entries.
    struct Entry {
        var kind: Kind
        /// The bytes are in `unescaped` rather than `source`.
        var escaped = false
        var line: Int32
        var column: Int32
        /// The text's first byte, for a string (inside the quotes) or number.
        var start: Int32 = 0
        /// The text's length, or a container's number of elements or members.
        var count: Int32 = 0
        /// The index of the first entry after this value and its contents.
        var end: Int32
    }

    let source: [UInt8]
    let unescaped: [UInt8]
    let entries: [Entry]

    init(source: [UInt8], unescaped: [UInt8], entries: [Entry]) {
        self.source = source
        self.unescaped = unescaped
        self.entries = entries
    }

    /// A document holding `value`, built for nodes made in code rather than parsed.
    convenience init(_ value: JSONValue, at location: TextPosition) {
        var builder = Builder()
        builder.append(value, at: location)
        self.init(source: [], unescaped: builder.text, entries: builder.entries)
    }

    private struct Builder {
        var text: [UInt8] = []
        var entries: [Entry] = []

        mutating func appendText(_ kind: Kind, _ string: String, at location: TextPosition) {
            let start = text.count
            text.append(contentsOf: string.utf8)
            entries.append(
                Entry(
                    kind: kind, escaped: true, line: Int32(location.line), column: Int32(location.column),
                    start: Int32(start), count: Int32(text.count - start), end: Int32(entries.count + 1)))
        }

        mutating func append(_ value: JSONValue, at location: TextPosition) {
            let at = entries.count
            var entry = Entry(
                kind: .null, line: Int32(location.line), column: Int32(location.column), end: Int32(at + 1))
            switch value {
            case .null: break
            case .bool(let bool): entry.kind = bool ? .trueValue : .falseValue
            case .number(let text):
                appendText(.number, text, at: location)
                return
            case .string(let string):
                appendText(.string, string, at: location)
                return
            case .array(let elements):
                entry.kind = .array
                entry.count = Int32(elements.count)
                entries.append(entry)
                for element in elements { append(element.value, at: element.location) }
                entries[at].end = Int32(entries.count)
                return
            case .object(let members):
                entry.kind = .object
                entry.count = Int32(members.count)
                entries.append(entry)
                for member in members {
                    appendText(.string, member.key, at: member.keyLocation)
                    append(member.value.value, at: member.value.location)
                }
                entries[at].end = Int32(entries.count)
                return
            }
            entries.append(entry)
        }
    }

    func location(at index: Int) -> TextPosition {
        let entry = entries[index]
        return TextPosition(line: Int(entry.line), column: Int(entry.column))
    }

    func kind(at index: Int) -> Kind { entries[index].kind }

    /// The bytes of a string or number entry, for the length of `body`.
    func withText<R>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let entry = entries[index]
        let range = Int(entry.start)..<Int(entry.start + entry.count)
        if entry.escaped {
            return unescaped.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
        }
        return source.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// The text of a string or number entry; the parser has checked that it is valid UTF-8.
    func text(at index: Int) -> String {
        withText(at: index) { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether a string entry's text is `key`, compared as bytes; the lengths settle most comparisons.
    func text(at index: Int, equals key: String) -> Bool {
        let utf8 = key.utf8
        guard utf8.count == Int(entries[index].count) else { return false }
        return withText(at: index) { text in
            guard let start = text.baseAddress else { return true }
            return utf8.withContiguousStorageIfAvailable { memcmp($0.baseAddress!, start, text.count) == 0 }
                ?? utf8.elementsEqual(text)
        }
    }

    /// The key entry of the member after the one whose key is at `key`, or the object's end.
    func nextKey(after key: Int) -> Int {
        Int(entries[key + 1].end)
    }

    /// The first key entry of an object and the entry after its last member.
    func memberRange(of object: Int) -> (first: Int, end: Int) {
        (object + 1, Int(entries[object].end))
    }

    /// The entries of an array's elements, or of an object's member values, in order.
    func children(of index: Int) -> [Int] {
        let container = entries[index]
        var result: [Int] = []
        result.reserveCapacity(Int(container.count))
        var child = index + 1
        let isObject = container.kind == .object
        while child < Int(container.end) {
            if isObject { child += 1 }
            result.append(child)
            child = Int(entries[child].end)
        }
        return result
    }

    /// The key entries of an object's members, in order; each member's value is the entry after its key.
    func keys(of index: Int) -> [Int] {
        children(of: index).map { $0 - 1 }
    }

    /// The value entry of the member named `key`, when `index` is an object that has it.
    func member(_ key: String, of index: Int) -> Int? {
        let object = entries[index]
        guard object.kind == .object else { return nil }
        var entry = index + 1
        let end = Int(object.end)
        while entry < end {
            if text(at: entry, equals: key) { return entry + 1 }
            entry = nextKey(after: entry)
        }
        return nil
    }

    func value(at index: Int) -> JSONValue {
        switch entries[index].kind {
        case .null: .null
        case .falseValue: .bool(false)
        case .trueValue: .bool(true)
        case .number: .number(text(at: index))
        case .string: .string(text(at: index))
        case .array: .array(children(of: index).map { JSONNode(self, $0) })
        case .object:
            .object(
                keys(of: index).map {
                    JSONMember(
                        key: text(at: $0), keyLocation: location(at: $0), value: JSONNode(self, $0 + 1))
                })
        }
    }

    /// The kind name `JSONValue.kindName` gives, without forming the value.
    func kindName(at index: Int) -> String {
        switch entries[index].kind {
        case .null: "null"
        case .falseValue, .trueValue: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// A position in a source file, counted from 1.
struct TextPosition: Sendable, Equatable, Hashable {
    var line: Int
    var column: Int
}

/// A parsed JSON value that remembers where it was written, so that errors can name the line.
///
/// A node is a place in a flat `JSONDocument`: building one is a few appends, freeing a whole document a
/// few releases, and a loader reads what it needs from it without forming the values it skips.
struct JSONNode: Sendable, Equatable {
    let document: JSONDocument
    let index: Int

    init(_ document: JSONDocument, _ index: Int) {
        self.document = document
        self.index = index
    }

    init(_ value: JSONValue, at location: TextPosition = TextPosition(line: 0, column: 0)) {
        self.init(JSONDocument(value, at: location), 0)
    }

    /// The value, with its elements or members as nodes.
    var value: JSONValue { document.value(at: index) }

    var location: TextPosition { document.location(at: index) }

    static func == (left: JSONNode, right: JSONNode) -> Bool {
        left.location == right.location && left.value == right.value
    }
}

/// One `"key": value` pair of an object, in the order written.
struct JSONMember: Sendable, Equatable {
    var key: String
    var keyLocation: TextPosition
    var value: JSONNode
}

/// The JSON data model. Objects keep their members in source order; numbers keep their text so that
/// integers never pass through a `Double`.
enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONNode])
    case object([JSONMember])

    /// A short name for the kind of value, for error messages ("found a string").
    var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

extension JSONNode {
    /// The member named `key`, when this is an object that has it.
    subscript(key: String) -> JSONNode? {
        document.member(key, of: index).map { JSONNode(document, $0) }
    }
}

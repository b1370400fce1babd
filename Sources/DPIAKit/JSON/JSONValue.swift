/// A position in a source file, counted from 1.
public struct TextPosition: Sendable, Equatable, Hashable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// A parsed JSON value that remembers where it was written, so that errors can name the line.
///
/// A node is a place in a flat `JSONDocument`: building one is a few appends, freeing a whole document a
/// few releases, and a loader reads what it needs from it without forming the values it skips.
public struct JSONNode: Sendable, Equatable {
    let document: JSONDocument
    let index: Int

    init(_ document: JSONDocument, _ index: Int) {
        self.document = document
        self.index = index
    }

    public init(_ value: JSONValue, at location: TextPosition = TextPosition(line: 0, column: 0)) {
        self.init(JSONDocument(value, at: location), 0)
    }

    /// The value, with its elements or members as nodes.
    public var value: JSONValue { document.value(at: index) }

    public var location: TextPosition { document.location(at: index) }

    public static func == (left: JSONNode, right: JSONNode) -> Bool {
        left.location == right.location && left.value == right.value
    }
}

/// One `"key": value` pair of an object, in the order written.
public struct JSONMember: Sendable, Equatable {
    public var key: String
    public var keyLocation: TextPosition
    public var value: JSONNode
}

/// The JSON data model. Objects keep their members in source order; numbers keep their text so that
/// integers never pass through a `Double`.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONNode])
    case object([JSONMember])

    /// A short name for the kind of value, for error messages ("found a string").
    public var kindName: String {
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
    public subscript(key: String) -> JSONNode? {
        document.member(key, of: index).map { JSONNode(document, $0) }
    }
}

/// Reads a JSON object into model values, reporting every problem (with its path and line) to a sink
/// instead of stopping at the first, and rejecting unknown members so typos do not pass silently.
struct JSONReader {
    let node: JSONNode
    let path: String
    let sink: DiagnosticSink
    private let members: [JSONMember]

    /// A reader for `node`, or nil (with a diagnostic) when it is not an object.
    init?(_ node: JSONNode, path: String, sink: DiagnosticSink, what: String = "an object") {
        guard case .object(let members) = node.value else {
            sink.report("found \(node.value.kindName); expected \(what)", at: path, node.location)
            return nil
        }
        self.node = node
        self.path = path
        self.sink = sink
        self.members = members
    }

    func childPath(_ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    func member(_ key: String) -> JSONNode? {
        members.first(where: { $0.key == key })?.value
    }

    /// Reports members other than `known`, suggesting the closest known name.
    func rejectUnknownKeys(_ known: [String]) {
        for member in members where !known.contains(member.key) {
            var message = "unknown field \"\(member.key)\""
            if let suggestion = closest(to: member.key, among: known) {
                message += "; did you mean \"\(suggestion)\"?"
            } else {
                message += "; expected one of \(quotedList(known))"
            }
            sink.report(message, at: childPath(member.key), member.keyLocation)
        }
    }

    private func missing(_ key: String, _ expected: String) {
        sink.report("missing required field \"\(key)\" (\(expected))", at: path, node.location)
    }

    private func wrongType(_ key: String, _ found: JSONNode, _ expected: String) {
        sink.report("found \(found.value.kindName); expected \(expected)", at: childPath(key), found.location)
    }

    func string(_ key: String, required: Bool = true, nonEmpty: Bool = true) -> String? {
        guard let value = member(key) else {
            if required { missing(key, "a string") }
            return nil
        }
        guard case .string(let string) = value.value else {
            wrongType(key, value, "a string")
            return nil
        }
        if nonEmpty && string.isBlank {
            sink.report("is empty; expected some text", at: childPath(key), value.location)
            return nil
        }
        return string
    }

    func bool(_ key: String) -> Bool? {
        guard let value = member(key) else { return nil }
        guard case .bool(let bool) = value.value else {
            wrongType(key, value, "true or false")
            return nil
        }
        return bool
    }

    func int(_ key: String, required: Bool = false) -> Int? {
        guard let value = member(key) else {
            if required { missing(key, "a whole number") }
            return nil
        }
        return JSONReader.integer(value, path: childPath(key), sink: sink)
    }

    static func integer(_ node: JSONNode, path: String, sink: DiagnosticSink) -> Int? {
        guard case .number(let text) = node.value else {
            sink.report("found \(node.value.kindName); expected a whole number", at: path, node.location)
            return nil
        }
        guard let int = Int(text) else {
            let isWhole = !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" })
            sink.report(
                isWhole
                    ? "number \(text) is out of range; expected a whole number between \(Int.min) and \(Int.max)"
                    : "found \(text); expected a whole number", at: path, node.location)
            return nil
        }
        return int
    }

    /// The elements of an array member with their paths.
    func array(_ key: String, required: Bool = false) -> [(node: JSONNode, path: String)]? {
        guard let value = member(key) else {
            if required { missing(key, "an array") }
            return nil
        }
        guard case .array(let elements) = value.value else {
            wrongType(key, value, "an array")
            return nil
        }
        let arrayPath = childPath(key)
        return elements.enumerated().map { ($0.element, "\(arrayPath)[\($0.offset)]") }
    }

    func stringArray(_ key: String, required: Bool = false) -> [String]? {
        guard let elements = array(key, required: required) else { return nil }
        return elements.compactMap { element in
            guard case .string(let string) = element.node.value else {
                sink.report(
                    "found \(element.node.value.kindName); expected a string", at: element.path,
                    element.node.location)
                return nil
            }
            return string
        }
    }

    func object(_ key: String, required: Bool = false) -> JSONReader? {
        guard let value = member(key) else {
            if required { missing(key, "an object") }
            return nil
        }
        return JSONReader(value, path: childPath(key), sink: sink)
    }

    /// The members of an object-valued member, as readers, for maps keyed by id.
    var allMembers: [JSONMember] { members }

    func location(of key: String) -> TextPosition? {
        members.first(where: { $0.key == key })?.value.location
    }
}

/// Reads a JSON object into model values, reporting every problem (with its path and line) to a sink
/// instead of stopping at the first, and rejecting unknown members so typos do not pass silently.
struct JSONReader {
    let node: JSONNode
    let path: String
    let sink: DiagnosticSink

    /// A reader for `node`, or nil (with a diagnostic) when it is not an object.
    init?(_ node: JSONNode, path: String, sink: DiagnosticSink, what: String = "an object") {
        guard node.document.kind(at: node.index) == .object else {
            sink.report(
                "found \(node.document.kindName(at: node.index)); expected \(what)", at: path, node.location)
            return nil
        }
        self.node = node
        self.path = path
        self.sink = sink
    }

    private var document: JSONDocument { node.document }

    /// The entry of the member named `key`'s value; keys are compared as bytes, never made into strings.
    private func memberIndex(_ key: String) -> Int? {
        document.member(key, of: node.index)
    }

    func childPath(_ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    func member(_ key: String) -> JSONNode? {
        memberIndex(key).map { JSONNode(document, $0) }
    }

    /// Reports members other than `known`, suggesting the closest known name.
    func rejectUnknownKeys(_ known: [String]) {
        let (first, end) = document.memberRange(of: node.index)
        var keyIndex = first
        while keyIndex < end {
            if !known.contains(where: { document.text(at: keyIndex, equals: $0) }) {
                reportUnknownKey(at: keyIndex, known: known)
            }
            keyIndex = document.nextKey(after: keyIndex)
        }
    }

    private func reportUnknownKey(at keyIndex: Int, known: [String]) {
        let key = document.text(at: keyIndex)
        var message = "unknown field \"\(key)\""
        if let suggestion = closest(to: key, among: known) {
            message += "; did you mean \"\(suggestion)\"?"
        } else {
            message += "; expected one of \(quotedList(known))"
        }
        sink.report(message, at: childPath(key), document.location(at: keyIndex))
    }

    private func missing(_ key: String, _ expected: String) {
        sink.report("missing required field \"\(key)\" (\(expected))", at: path, node.location)
    }

    private func wrongType(_ key: String, _ found: Int, _ expected: String) {
        sink.report(
            "found \(document.kindName(at: found)); expected \(expected)", at: childPath(key),
            document.location(at: found))
    }

    func string(_ key: String, required: Bool = true, nonEmpty: Bool = true) -> String? {
        guard let value = memberIndex(key) else {
            if required { missing(key, "a string") }
            return nil
        }
        guard document.kind(at: value) == .string else {
            wrongType(key, value, "a string")
            return nil
        }
        let string = document.text(at: value)
        if nonEmpty && string.isBlank {
            sink.report("is empty; expected some text", at: childPath(key), document.location(at: value))
            return nil
        }
        return string
    }

    func bool(_ key: String) -> Bool? {
        guard let value = memberIndex(key) else { return nil }
        switch document.kind(at: value) {
        case .trueValue: return true
        case .falseValue: return false
        default:
            wrongType(key, value, "true or false")
            return nil
        }
    }

    func int(_ key: String, required: Bool = false) -> Int? {
        guard let value = member(key) else {
            if required { missing(key, "a whole number") }
            return nil
        }
        return JSONReader.integer(value, path: childPath(key), sink: sink)
    }

    /// A number of points, steps or a reduction: a whole number no larger than
    /// `ScoreArithmetic.maximumScore` either way, so that no sum of them can overflow.
    func score(_ key: String, required: Bool = false) -> Int? {
        guard let value = int(key, required: required) else { return nil }
        let limit = ScoreArithmetic.maximumScore
        guard value.magnitude <= limit else {
            sink.report(
                "\(value) is too large for a score; expected a whole number between -\(limit) and \(limit)",
                at: childPath(key), member(key)?.location)
            return nil
        }
        return value
    }

    /// The whole number at `node`; the path is spelled out only for a diagnostic.
    static func integer(_ node: JSONNode, path: @autoclosure () -> String, sink: DiagnosticSink) -> Int? {
        let document = node.document
        guard document.kind(at: node.index) == .number else {
            sink.report(
                "found \(document.kindName(at: node.index)); expected a whole number", at: path(),
                node.location)
            return nil
        }
        let text = document.text(at: node.index)
        guard let int = Int(text) else {
            let isWhole = !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" })
            sink.report(
                isWhole
                    ? "number \(text) is out of range; expected a whole number between \(Int.min) and \(Int.max)"
                    : "found \(text); expected a whole number", at: path(), node.location)
            return nil
        }
        return int
    }

    /// The elements of an array member with their paths.
    func array(_ key: String, required: Bool = false) -> [(node: JSONNode, path: String)]? {
        guard let value = memberIndex(key) else {
            if required { missing(key, "an array") }
            return nil
        }
        guard document.kind(at: value) == .array else {
            wrongType(key, value, "an array")
            return nil
        }
        let arrayPath = childPath(key)
        return document.children(of: value).enumerated().map {
            (JSONNode(document, $0.element), "\(arrayPath)[\($0.offset)]")
        }
    }

    func stringArray(_ key: String, required: Bool = false) -> [String]? {
        guard let elements = array(key, required: required) else { return nil }
        return elements.compactMap { element in
            guard document.kind(at: element.node.index) == .string else {
                sink.report(
                    "found \(document.kindName(at: element.node.index)); expected a string", at: element.path,
                    element.node.location)
                return nil
            }
            return document.text(at: element.node.index)
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
    var allMembers: [JSONMember] {
        document.keys(of: node.index).map {
            JSONMember(
                key: document.text(at: $0), keyLocation: document.location(at: $0),
                value: JSONNode(document, $0 + 1))
        }
    }

    func location(of key: String) -> TextPosition? {
        memberIndex(key).map { document.location(at: $0) }
    }
}

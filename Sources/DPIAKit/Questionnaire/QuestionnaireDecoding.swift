/// Turns a parsed JSON document into a `Questionnaire`, reporting every structural problem at once.
/// Cross-references (conditions naming questions, rules naming options) are checked afterwards by
/// `QuestionnaireValidator`.
enum QuestionnaireDecoding {
    static func decode(_ root: JSONNode, sink: DiagnosticSink) -> Questionnaire? {
        guard let reader = JSONReader(root, path: "", sink: sink, what: "a questionnaire definition object")
        else {
            return nil
        }
        if reader.member("answers") != nil && reader.member("sections") == nil {
            sink.report(
                "this is an answers file, not a questionnaire definition; expected a definition (assess answers with: dpia assess --answers FILE)",
                at: "", root.location)
            return nil
        }
        reader.rejectUnknownKeys([
            "$schema", "id", "version", "title", "description", "estimatedMinutes", "references", "sections",
            "scoring",
        ])
        let id = reader.string("id")
        let version = reader.string("version")
        let title = reader.string("title")
        let description = reader.string("description", required: false) ?? ""
        let minutes = reader.int("estimatedMinutes")
        let references = (reader.array("references") ?? []).compactMap { reference($0.node, $0.path, sink) }
        let sections = (reader.array("sections", required: true) ?? []).compactMap {
            section($0.node, $0.path, sink)
        }
        let scoring = reader.object("scoring").map { Self.scoring($0) } ?? .empty
        guard let id, let version, let title else { return nil }
        return Questionnaire(
            id: id, version: version, title: title, description: description, estimatedMinutes: minutes,
            references: references, sections: sections, scoring: scoring)
    }

    private static func reference(_ node: JSONNode, _ path: String, _ sink: DiagnosticSink) -> Reference? {
        guard let reader = JSONReader(node, path: path, sink: sink) else { return nil }
        reader.rejectUnknownKeys(["id", "title", "url", "when"])
        let when = reader.member("when").flatMap { condition($0, reader.childPath("when"), sink) }
        guard let id = reader.string("id"), let title = reader.string("title") else { return nil }
        let url = reader.string("url", required: false)
        if let url, let problem = linkProblem(url) {
            sink.report(
                "\(problem) in link \"\(url)\"; expected an https:, http: or mailto: address",
                at: reader.childPath("url"), reader.member("url")?.location)
            return nil
        }
        return Reference(id: id, title: title, url: url, when: when)
    }

    /// The schemes a reference may link to: reports are opened in browsers, where `javascript:`,
    /// `data:` or `file:` links would run or open something other than a page.
    static let linkSchemes: Set<String> = ["https", "http", "mailto"]

    /// Why `url` may not be a link in a report, or nil when it may.
    static func linkProblem(_ url: String) -> String? {
        guard let colon = url.firstIndex(of: ":") else { return "no scheme" }
        let scheme = url[..<colon].lowercased()
        guard linkSchemes.contains(scheme) else { return "scheme \"\(scheme):\" is not allowed" }
        // Spaces, controls, quotes and angle brackets would end the link early in HTML or Markdown.
        if url.unicodeScalars.contains(where: {
            $0.value <= 0x20 || (0x7F...0x9F).contains($0.value) || "\"'<>`\\".unicodeScalars.contains($0)
        }) {
            return "a space, control, quote, backslash or angle bracket"
        }
        return nil
    }

    private static func section(_ node: JSONNode, _ path: String, _ sink: DiagnosticSink) -> Section? {
        guard let reader = JSONReader(node, path: path, sink: sink) else { return nil }
        reader.rejectUnknownKeys(["id", "title", "icoStep", "description", "when", "questions", "statements"])
        let id = reader.string("id")
        let title = reader.string("title")
        let step = reader.int("icoStep")
        if let step, !(1...7).contains(step), let location = reader.location(of: "icoStep") {
            sink.report(
                "ICO step \(step) does not exist; expected 1 to 7", at: reader.childPath("icoStep"), location)
        }
        let when = reader.member("when").flatMap { condition($0, reader.childPath("when"), sink) }
        let questions = (reader.array("questions", required: true) ?? []).compactMap {
            question($0.node, $0.path, sink)
        }
        let statements = (reader.array("statements") ?? []).compactMap { statement($0.node, $0.path, sink) }
        guard let id, let title else { return nil }
        sink.register("section", id, path: path, location: node.location)
        return Section(
            id: id, title: title, icoStep: step, description: reader.string("description", required: false),
            when: when,
            questions: questions, statements: statements)
    }

    private static func statement(_ node: JSONNode, _ path: String, _ sink: DiagnosticSink) -> Statement? {
        guard let reader = JSONReader(node, path: path, sink: sink) else { return nil }
        reader.rejectUnknownKeys(["id", "text", "when"])
        let when = reader.member("when").flatMap { condition($0, reader.childPath("when"), sink) }
        guard let id = reader.string("id"), let text = reader.string("text") else { return nil }
        sink.register("statement", id, path: path, location: node.location)
        return Statement(id: id, text: text, when: when)
    }

    private static func question(_ node: JSONNode, _ path: String, _ sink: DiagnosticSink) -> Question? {
        guard let reader = JSONReader(node, path: path, sink: sink) else { return nil }
        reader.rejectUnknownKeys([
            "id", "number", "type", "prompt", "label", "help", "required", "default", "options", "when",
            "minimum",
            "maximum", "minimumSelections", "startsFrom", "filledFrom",
        ])
        let id = reader.string("id")
        var type: QuestionType?
        if let typeName = reader.string("type") {
            type = QuestionType(rawValue: typeName)
            if type == nil {
                var message = "unknown question type \"\(typeName)\""
                if let guess = closest(to: typeName, among: QuestionType.allCases.map(\.rawValue)) {
                    message += "; did you mean \"\(guess)\"?"
                } else {
                    message += "; expected one of \(quotedList(QuestionType.allCases.map(\.rawValue)))"
                }
                sink.report(message, at: reader.childPath("type"), reader.location(of: "type"))
            }
        }
        let prompt = reader.string("prompt")
        let options = (reader.array("options") ?? []).compactMap { option($0.node, $0.path, sink) }
        let defaultValue = reader.member("default").flatMap {
            answerValue($0, reader.childPath("default"), sink)
        }
        let when = reader.member("when").flatMap { condition($0, reader.childPath("when"), sink) }
        guard let id, let type, let prompt else { return nil }
        sink.register("question", id, path: path, location: node.location)
        var seenOptions: Set<String> = []
        for (offset, option) in options.enumerated() where !seenOptions.insert(option.value).inserted {
            sink.report(
                "duplicate option value \"\(option.value)\" in question \"\(id)\"",
                at: "\(path).options[\(offset)]",
                node.location)
        }
        return Question(
            id: id, number: reader.string("number", required: false), type: type, prompt: prompt,
            label: reader.string("label", required: false), help: reader.string("help", required: false),
            required: reader.bool("required") ?? true, defaultValue: defaultValue, options: options,
            when: when,
            minimum: reader.int("minimum"), maximum: reader.int("maximum"),
            minimumSelections: reader.int("minimumSelections"),
            startsFrom: reader.string("startsFrom", required: false),
            filledFrom: reader.string("filledFrom", required: false))
    }

    private static func option(_ node: JSONNode, _ path: String, _ sink: DiagnosticSink) -> Option? {
        guard let reader = JSONReader(node, path: path, sink: sink) else { return nil }
        reader.rejectUnknownKeys(["value", "label", "help", "when"])
        let when = reader.member("when").flatMap { condition($0, reader.childPath("when"), sink) }
        guard let value = reader.string("value"), let label = reader.string("label") else { return nil }
        return Option(value: value, label: label, help: reader.string("help", required: false), when: when)
    }

    /// A JSON value used as an answer in a rule: true/false, a string, a whole number or an array of strings.
    /// The path is spelled out only for a diagnostic: answers files have one per answer.
    static func answerValue(_ node: JSONNode, _ path: @autoclosure () -> String, _ sink: DiagnosticSink)
        -> AnswerValue?
    {
        let document = node.document
        switch document.kind(at: node.index) {
        case .trueValue: return .bool(true)
        case .falseValue: return .bool(false)
        case .string: return .string(document.text(at: node.index))
        case .number: return JSONReader.integer(node, path: path(), sink: sink).map { .integer($0) }
        case .array:
            var strings: [String] = []
            for (offset, element) in document.children(of: node.index).enumerated() {
                guard document.kind(at: element) == .string else {
                    sink.report(
                        "found \(document.kindName(at: element)); expected an option value (a string)",
                        at: "\(path())[\(offset)]",
                        document.location(at: element))
                    return nil
                }
                strings.append(document.text(at: element))
            }
            return .strings(strings)
        case .null, .object:
            sink.report(
                "found \(document.kindName(at: node.index)); expected true, false, a string, a whole number or an array of strings",
                at: path(), node.location)
            return nil
        }
    }

    static let conditionKeys = [
        "question", "equals", "includesAny", "answered", "atLeast", "atMost", "not", "all", "any",
    ]

    static func condition(_ node: JSONNode, _ path: String, _ sink: DiagnosticSink) -> Condition? {
        guard let reader = JSONReader(node, path: path, sink: sink, what: "a condition object") else {
            return nil
        }
        reader.rejectUnknownKeys(conditionKeys)
        if let inner = reader.member("not") {
            return condition(inner, reader.childPath("not"), sink).map { .not($0) }
        }
        for key in ["all", "any"] where reader.member(key) != nil {
            guard let elements = reader.array(key) else { return nil }
            if elements.isEmpty {
                sink.report(
                    "is empty; expected at least one condition", at: reader.childPath(key),
                    reader.location(of: key))
                return nil
            }
            let conditions = elements.compactMap { condition($0.node, $0.path, sink) }
            guard conditions.count == elements.count else { return nil }
            return key == "all" ? .all(conditions) : .any(conditions)
        }
        guard let question = reader.string("question") else { return nil }
        let tests = ["equals", "includesAny", "answered", "atLeast", "atMost"].filter {
            reader.member($0) != nil
        }
        guard tests.count == 1 else {
            sink.report(
                tests.isEmpty
                    ? "a condition on \"\(question)\" needs one test: \"equals\", \"includesAny\", \"answered\", \"atLeast\" or \"atMost\""
                    : "a condition may have only one test; found \(quotedList(tests, conjunction: "and")) (combine them with \"all\")",
                at: path, node.location)
            return nil
        }
        switch tests[0] {
        case "equals":
            return reader.member("equals").flatMap { answerValue($0, reader.childPath("equals"), sink) }
                .map { .equals(question: question, $0) }
        case "includesAny":
            return reader.stringArray("includesAny").map { .includesAny(question: question, $0) }
        case "answered":
            return reader.bool("answered").map { .answered(question: question, $0) }
        case "atLeast":
            return reader.int("atLeast").map { .atLeast(question: question, $0) }
        default:
            return reader.int("atMost").map { .atMost(question: question, $0) }
        }
    }
}

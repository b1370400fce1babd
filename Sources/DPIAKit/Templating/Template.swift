/// A Mustache template, parsed once and rendered many times.
///
/// Follows the core Mustache spec: escaped and raw interpolation, dotted names, `{{.}}`,
/// sections, inverted sections, comments, partials (with standalone indentation) and
/// set delimiters, including every standalone-line rule.
public struct Template: Sendable {
    /// What rendering does with a partial tag whose name is not in `partials`.
    public enum MissingPartial: Sendable {
        /// Throw `TemplateError` of kind `.unknownPartial`: right for reports, where a missing
        /// partial is a mistake.
        case fail
        /// Render nothing, as the Mustache spec asks.
        case renderEmpty
    }

    /// How deep partials may include partials before rendering gives up, to stop endless recursion.
    public static let maximumPartialDepth = 100

    /// The template's name, usually its file name; errors and diagnostics start with it.
    public let name: String
    let nodes: [TemplateNode]

    /// Parses `source`, reporting the first syntax error with `name`, line and column.
    public init(source: String, name: String) throws(TemplateError) {
        var parser = TemplateParser(source: source, name: name)
        self.nodes = try parser.parse()
        self.name = name
    }

    /// Renders the template with `context` as the root context.
    ///
    /// - Parameters:
    ///   - partials: templates that `{{>name}}` tags include, by name.
    ///   - escape: applied to the text of every `{{name}}` tag (not to `{{{name}}}` or `{{&name}}`);
    ///     pass `Template.htmlEscape` for HTML, a Markdown escaper for Markdown.
    ///   - missingPartial: whether an unknown partial is an error (the default) or renders empty.
    public func render(
        _ context: TemplateValue,
        partials: [String: Template] = [:],
        escape: (String) -> String,
        missingPartial: MissingPartial = .fail
    ) throws(TemplateError) -> String {
        var renderer = Renderer(partials: partials, missingPartial: missingPartial, stack: [context])
        try renderer.render(nodes, of: self, indentation: "", depth: 0, escape: escape)
        return renderer.output
    }

    /// Escapes text for HTML: `&`, `<`, `>`, `"` and `'`.
    public static func htmlEscape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }) else {
            return text
        }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }
}

/// Walks a node tree, appending to one string.
private struct Renderer {
    let partials: [String: Template]
    let missingPartial: Template.MissingPartial
    var stack: [TemplateValue]
    var output = ""

    mutating func render(
        _ nodes: [TemplateNode], of template: Template, indentation: String, depth: Int,
        escape: (String) -> String
    ) throws(TemplateError) {
        for node in nodes {
            switch node {
            case .text(let text):
                output += text
            case .lineStart:
                output += indentation
            case .variable(let name, let escaped, _):
                guard let value = name.resolve(in: stack) else { continue }
                let text = value.renderedText
                output += escaped ? escape(text) : text
            case .section(let name, let inverted, let children, _):
                let value = name.resolve(in: stack) ?? .null
                if inverted {
                    if !value.isTruthy {
                        try render(
                            children, of: template, indentation: indentation, depth: depth, escape: escape)
                    }
                } else if case .list(let items) = value {
                    for item in items {
                        stack.append(item)
                        try render(
                            children, of: template, indentation: indentation, depth: depth, escape: escape)
                        stack.removeLast()
                    }
                } else if value.isTruthy {
                    stack.append(value)
                    try render(children, of: template, indentation: indentation, depth: depth, escape: escape)
                    stack.removeLast()
                }
            case .partial(let partialName, let ownIndentation, let position):
                guard let partial = partials[partialName] else {
                    if missingPartial == .renderEmpty { continue }
                    throw TemplateError(
                        kind: .unknownPartial, template: template.name, line: position.line,
                        column: position.column, message: "unknown partial \"\(partialName)\"")
                }
                guard depth < Template.maximumPartialDepth else {
                    throw TemplateError(
                        kind: .partialRecursion, template: template.name, line: position.line,
                        column: position.column,
                        message: "partial \"\(partialName)\" is nested more than "
                            + "\(Template.maximumPartialDepth) deep; does it include itself?")
                }
                // Only a standalone partial is indented, and it inherits the indentation around it.
                let inner = ownIndentation.map { indentation + $0 } ?? ""
                try render(partial.nodes, of: partial, indentation: inner, depth: depth + 1, escape: escape)
            }
        }
    }
}

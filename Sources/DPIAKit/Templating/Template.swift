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
    /// How many instructions one rendering (or one name check) may carry out, counting each time a
    /// partial or a section body is walked again: a bounded report takes well under a million; partials
    /// that each include the next twice would take 2^depth.
    public static let maximumRenderSteps = 10_000_000
    /// The most bytes one rendering may write: several times the largest report the biggest accepted
    /// answers file (64 MiB) could produce.
    public static let maximumOutputBytes = 256 * 1024 * 1024

    /// The template's name, usually its file name; errors and diagnostics start with it.
    public let name: String
    /// The parsed template, which rendering and the name checker walk.
    let program: TemplateProgram

    /// Parses `source`, reporting the first syntax error with `name`, line and column.
    public init(source: String, name: String) throws(TemplateError) {
        self.program = try TemplateParser.parse(source, name: name)
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
        let bytes = try renderBytes(
            context, partials: partials, appendEscaped: { text, output in output.appendUTF8(escape(text)) },
            missingPartial: missingPartial)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// What `render` returns, as UTF-8 bytes, for callers that write it to a file. `appendEscaped` appends
    /// the escaped text of a `{{name}}` tag to the output; reports pass an escaper that writes straight
    /// into it, which saves making a string per value (a third of the renderer's time in the profile).
    func renderBytes(
        _ context: TemplateValue, partials: [String: Template],
        appendEscaped: (String, inout [UInt8]) -> Void, missingPartial: MissingPartial = .fail
    ) throws(TemplateError) -> [UInt8] {
        try withoutActuallyEscaping(appendEscaped) { appendEscaped throws(TemplateError) in
            var renderer = Renderer(
                partials: partials, missingPartial: missingPartial, appendEscaped: appendEscaped,
                stack: [context])
            // Reports run to tens of kilobytes, up to about eight times their template's text (partials
            // and lists repeat it); starting there saves the copies that growing the output would make.
            renderer.output.reserveCapacity(8 * program.text.count)
            try renderer.render(0..<program.instructions.count, of: self, indentation: [], depth: 0)
            return renderer.output
        }
    }

    /// Escapes text for HTML: `&`, `<`, `>`, `"` and `'`.
    public static func htmlEscape(_ text: String) -> String {
        var escaped: [UInt8] = []
        appendHTMLEscaped(text, to: &escaped)
        return String(decoding: escaped, as: UTF8.self)
    }

    /// Appends `text` to `output` escaped for HTML, copying the runs between special bytes whole.
    static func appendHTMLEscaped(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for index in bytes.indices {
                guard bytes[index] < 64, let entity = htmlEntity(for: bytes[index]) else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                output.appendUTF8(entity)
                runStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
    }

    /// Every character HTML escaping replaces is ASCII (and below 64, which the loop tests first, as most
    /// bytes are letters), so it works on UTF-8 bytes; the bytes of other characters are all 128 or above
    /// and pass through.
    private static func htmlEntity(for byte: UInt8) -> String? {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&#39;"
        default: nil
        }
    }
}

extension [UInt8] {
    /// Appends the UTF-8 of `text` in one copy (`+= text.utf8` goes byte by byte).
    mutating func appendUTF8(_ text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }
}

/// Walks a template's program with a stack of contexts, innermost last, appending UTF-8 to `output`.
private struct Renderer {
    let partials: [String: Template]
    let missingPartial: Template.MissingPartial
    let appendEscaped: (String, inout [UInt8]) -> Void
    var stack: [TemplateValue]
    var output: [UInt8] = []
    var steps = 0

    /// Renders `template`'s instructions in `range`.
    mutating func render(
        _ range: Range<Int>, of template: Template, indentation: [UInt8], depth: Int
    ) throws(TemplateError) {
        let program = template.program
        var index = range.lowerBound
        while index < range.upperBound {
            steps += 1
            if steps > Template.maximumRenderSteps || output.count > Template.maximumOutputBytes {
                throw tooLarge(in: template, line: 0, column: 0)
            }
            switch program.instructions[index] {
            case .text(let start, let end):
                // Through a buffer pointer: appending an array slice costs about a third more a call.
                program.text.withUnsafeBufferPointer {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: $0[start..<end]))
                }
            case .lineStart:
                // Outside an indented partial there is nothing to write (and an empty append still costs).
                if !indentation.isEmpty { output += indentation }
            case .variable(let name, let escaped):
                guard let value = program.names[name].resolve(in: stack) else { break }
                if escaped {
                    appendEscaped(value.renderedText, &output)
                } else {
                    output.appendUTF8(value.renderedText)
                }
            case .section(let name, let inverted, let end):
                let body = index + 1..<end
                index = end
                let value = program.names[name].resolve(in: stack)
                if inverted {
                    if !(value?.isTruthy ?? false) {
                        try render(body, of: template, indentation: indentation, depth: depth)
                    }
                } else if case .list(let items) = value {
                    for item in items {
                        try render(body, of: template, in: item, indentation: indentation, depth: depth)
                    }
                } else if let value, value.isTruthy {
                    try render(body, of: template, in: value, indentation: indentation, depth: depth)
                }
                continue
            case .partial(let tag):
                try renderPartial(program.partials[tag], in: template, indentation: indentation, depth: depth)
            }
            index += 1
        }
    }

    /// Renders a section's body with `context` as the innermost context.
    private mutating func render(
        _ body: Range<Int>, of template: Template, in context: TemplateValue, indentation: [UInt8],
        depth: Int
    ) throws(TemplateError) {
        stack.append(context)
        try render(body, of: template, indentation: indentation, depth: depth)
        stack.removeLast()
    }

    private mutating func renderPartial(
        _ tag: TemplateProgram.PartialTag, in template: Template, indentation: [UInt8], depth: Int
    ) throws(TemplateError) {
        guard let partial = partials[tag.name] else {
            if missingPartial == .renderEmpty { return }
            throw TemplateError(
                kind: .unknownPartial, template: template.name, line: tag.position.line,
                column: tag.position.column, message: "unknown partial \"\(tag.name)\"")
        }
        guard depth < Template.maximumPartialDepth else {
            throw TemplateError(
                kind: .partialRecursion, template: template.name, line: tag.position.line,
                column: tag.position.column,
                message: "partial \"\(tag.name)\" is nested more than "
                    + "\(Template.maximumPartialDepth) deep; does it include itself?")
        }
        if steps > Template.maximumRenderSteps || output.count > Template.maximumOutputBytes {
            throw tooLarge(in: template, line: tag.position.line, column: tag.position.column)
        }
        // Only a standalone partial is indented, and it inherits the indentation around it.
        let inner = tag.indentation.map { indentation + $0 } ?? []
        try render(0..<partial.program.instructions.count, of: partial, indentation: inner, depth: depth + 1)
    }

    private func tooLarge(in template: Template, line: Int, column: Int) -> TemplateError {
        TemplateError(
            kind: .tooLarge, template: template.name, line: line, column: column,
            message: steps > Template.maximumRenderSteps
                ? "the report would take more than \(Template.maximumRenderSteps) steps to expand; expected partials and sections that do not repeat each other without end"
                : "the report would be larger than \(Template.maximumOutputBytes / 1024 / 1024) MiB; expected partials and sections that do not repeat each other without end"
        )
    }
}

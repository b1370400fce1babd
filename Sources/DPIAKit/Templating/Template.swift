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
        let bytes = try withoutActuallyEscaping(escape) { escape throws(TemplateError) in
            try renderBytes(
                context, partials: partials, escaper: .string(escape), missingPartial: missingPartial)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// What `render` returns, as UTF-8 bytes, for callers that write it to a file.
    func renderBytes(
        _ context: TemplateValue, partials: [String: Template], escaper: TemplateEscaper,
        missingPartial: MissingPartial = .fail
    ) throws(TemplateError) -> [UInt8] {
        // Rendering reads the values in place through pointers; `context` holds every one of them for
        // as long as this pointer to it is valid.
        let result = withUnsafePointer(to: context) { root in
            Result { () throws(TemplateError) -> [UInt8] in
                // Reports are several times their template's size; a generous start saves regrowing the buffer.
                var renderer = Renderer(
                    partials: partials, missingPartial: missingPartial, escaper: escaper,
                    stack: [TemplateContext(root)],
                    output: TemplateOutput(capacity: 64 * 1024))
                defer { renderer.deallocate() }
                try renderer.render(
                    0..<program.instructions.count, of: self, in: renderer.view(of: self), indentation: [],
                    depth: 0)
                return Array(renderer.output.bytes)
            }
        }
        return try result.get()
    }

    /// Escapes text for HTML: `&`, `<`, `>`, `"` and `'`.
    public static func htmlEscape(_ text: String) -> String {
        var source = text
        return source.withUTF8 { bytes in
            // Most values need nothing, and then the same string comes back.
            guard bytes.contains(where: HTMLEscaping.isSpecial) else { return text }
            var escaped = TemplateOutput(capacity: bytes.count + 16)
            defer { escaped.deallocate() }
            HTMLEscaping.append(bytes, to: &escaped)
            return String(decoding: escaped.bytes, as: UTF8.self)
        }
    }
}

/// Walks a template's program, appending UTF-8 to one buffer that becomes the output at the end.
///
/// The context stack points into the rendered value (see `TemplateContext`) rather than holding copies.
private struct Renderer {
    let partials: [String: Template]
    let missingPartial: Template.MissingPartial
    /// The escaper's function, taken out of `TemplateEscaper` once so a tag does not copy the enum to call it.
    let escapeBytes: ((UnsafeBufferPointer<UInt8>, inout TemplateOutput) -> Void)?
    let escapeString: ((String) -> String)?
    var stack: [TemplateContext]
    var output: TemplateOutput
    /// The views of the programs rendered so far, the root template's first: one per program, so each keeps
    /// its lookup hints across every inclusion of a partial.
    private var views: [ProgramView] = []

    init(
        partials: [String: Template], missingPartial: Template.MissingPartial, escaper: TemplateEscaper,
        stack: [TemplateContext], output: TemplateOutput
    ) {
        self.partials = partials
        self.missingPartial = missingPartial
        switch escaper {
        case .bytes(let escape):
            escapeBytes = escape
            escapeString = nil
        case .string(let escape):
            escapeBytes = nil
            escapeString = escape
        }
        self.stack = stack
        self.output = output
    }

    /// The view of `template`'s program, made the first time it is rendered.
    mutating func view(of template: Template) -> ProgramView {
        // Programs with no instructions may share one empty buffer, but then render nothing either way.
        let instructions = template.program.instructions.withUnsafeBufferPointer { $0.baseAddress }
        for view in views where view.instructions.baseAddress == instructions {
            return view
        }
        let view = ProgramView(template.program)
        views.append(view)
        return view
    }

    func deallocate() {
        output.deallocate()
        for view in views { view.deallocate() }
    }

    /// Appends `text`, escaped or raw, reading a native string's UTF-8 where it is rather than through a
    /// mutable copy, which would retain and release the string once more per tag.
    mutating func append(_ text: String, escaped: Bool) {
        if escaped, let escapeString {
            output.append(escapeString(text))
            return
        }
        let appended: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            append(bytes, escaped: escaped)
        }
        if appended == nil {
            var text = text
            text.withUTF8 { append($0, escaped: escaped) }
        }
    }

    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, escaped: Bool) {
        if escaped, let escapeBytes {
            escapeBytes(bytes, &output)
        } else {
            output.append(bytes)
        }
    }

    /// Resolves `view.names[name]` as `TemplateName.resolve(in:)` does, asking each object on the stack's
    /// shape for the first part only when the hint for that name and depth was left by another shape.
    func resolve(_ index: Int, in view: ProgramView) -> UnsafePointer<TemplateValue>? {
        let name = view.names.baseAddress.unsafelyUnwrapped + index
        guard let first = name.pointee.first else { return stack.last?.value }
        let hints = view.hints + view.hintStarts[index]
        return stack.withUnsafeBufferPointer { contexts in
            var depth = 0
            while depth < contexts.count {
                let context = contexts[contexts.count - 1 - depth]
                if let found = context.member(
                    first, hint: depth < ProgramView.hintsPerName ? hints + depth : nil)
                {
                    return name.pointee.rest.isEmpty
                        ? found : descend(name, into: found, hints: hints + ProgramView.hintsPerName)
                }
                depth += 1
            }
            return nil
        }
    }

    /// Looks up the later parts of a dotted name inside what its first part found, as
    /// `TemplateName.descend(into:)` does, with a hint for each part.
    private func descend(
        _ name: UnsafePointer<TemplateName>, into found: UnsafePointer<TemplateValue>,
        hints: UnsafeMutablePointer<TemplateContext.LookupHint>
    ) -> UnsafePointer<TemplateValue>? {
        name.pointee.rest.withUnsafeBufferPointer { rest in
            var current = found
            for part in rest.indices {
                guard let value = TemplateContext(current).member(rest[part], hint: hints + part) else {
                    return nil
                }
                current = value
            }
            return current
        }
    }

    /// Renders `template`'s instructions in `range`; `view` is `template`'s program, read in place.
    mutating func render(
        _ range: Range<Int>, of template: Template, in view: ProgramView, indentation: [UInt8], depth: Int
    ) throws(TemplateError) {
        var index = range.lowerBound
        while index < range.upperBound {
            switch view.instructions[index] {
            case .text(let start, let end):
                output.append(UnsafeBufferPointer(start: view.text + start, count: end - start))
            case .lineStart:
                if !indentation.isEmpty {
                    indentation.withUnsafeBufferPointer { output.append($0) }
                }
            case .variable(let name, let escaped):
                guard let value = resolve(name, in: view) else { break }
                if case .string(let string) = value.pointee {
                    append(string, escaped: escaped)
                } else {
                    append(value.pointee.renderedText, escaped: escaped)
                }
            case .section(let name, let inverted, let end):
                let body = index + 1..<end
                index = end
                let value = resolve(name, in: view)
                if inverted {
                    if !(value?.pointee.isTruthy ?? false) {
                        try render(body, of: template, in: view, indentation: indentation, depth: depth)
                    }
                } else if let value {
                    try renderSection(
                        body, over: value, of: template, in: view, indentation: indentation, depth: depth)
                }
                continue
            case .partial(let tag):
                try renderPartial(
                    template.program.partials[tag], in: template, indentation: indentation, depth: depth)
            }
            index += 1
        }
    }

    /// Renders a section's body once for each item of a list, or once with a truthy `value` as context.
    private mutating func renderSection(
        _ body: Range<Int>, over value: UnsafePointer<TemplateValue>, of template: Template,
        in view: ProgramView, indentation: [UInt8], depth: Int
    ) throws(TemplateError) {
        if case .list(let items) = value.pointee {
            // The items stay in `value`'s array, which lives as long as the rendered value does.
            guard let first = items.withUnsafeBufferPointer({ $0.baseAddress }) else { return }
            for item in 0..<items.count {
                stack.append(TemplateContext(first + item))
                try render(body, of: template, in: view, indentation: indentation, depth: depth)
                stack.removeLast()
            }
        } else if value.pointee.isTruthy {
            stack.append(TemplateContext(value))
            try render(body, of: template, in: view, indentation: indentation, depth: depth)
            stack.removeLast()
        }
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
        // Only a standalone partial is indented, and it inherits the indentation around it.
        let inner = tag.indentation.map { indentation + $0 } ?? []
        try render(
            0..<partial.program.instructions.count, of: partial, in: view(of: partial), indentation: inner,
            depth: depth + 1)
    }
}

/// A program's tables as pointers, so walking instructions retains nothing, and its lookup hints.
///
/// The template owning the program outlives the render, and its arrays are never changed, so the pointers
/// stay valid for as long as the renderer uses them.
private struct ProgramView {
    /// Hints kept per name: one for each of the innermost contexts a lookup tries.
    static let hintsPerName = 8

    let instructions: UnsafeBufferPointer<TemplateProgram.Instruction>
    let text: UnsafePointer<UInt8>
    let names: UnsafeBufferPointer<TemplateName>
    /// For each name, `hintsPerName` for its first part and then one for each later part, those of `names[i]`
    /// from `hintStarts[i]`.
    let hints: UnsafeMutablePointer<TemplateContext.LookupHint>
    let hintStarts: UnsafeMutablePointer<Int>

    init(_ program: TemplateProgram) {
        instructions = program.instructions.withUnsafeBufferPointer { $0 }
        text = program.text.withUnsafeBufferPointer { $0.baseAddress ?? UnsafePointer(bitPattern: 1)! }
        names = program.names.withUnsafeBufferPointer { $0 }
        hintStarts = .allocate(capacity: max(1, program.names.count))
        var count = 0
        for (index, name) in program.names.enumerated() {
            (hintStarts + index).initialize(to: count)
            count += Self.hintsPerName + name.rest.count
        }
        hints = .allocate(capacity: max(1, count))
        hints.initialize(repeating: TemplateContext.LookupHint(), count: max(1, count))
    }

    func deallocate() {
        hints.deallocate()
        hintStarts.deallocate()
    }
}

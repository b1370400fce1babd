/// Where a tag starts in its template.
struct SourcePosition: Sendable, Equatable {
    var line: Int
    var column: Int
}

/// A name in a tag: `.` (the current context) or a dotted path such as `risk.level`.
struct TemplateName: Sendable, Equatable {
    /// One dotted part, with its `TemplateObject.hash(_:)` worked out at parse time rather than per lookup.
    struct Part: Sendable, Equatable {
        let key: String
        let hash: UInt32

        init(_ key: String) {
            self.key = key
            hash = TemplateShape.hash(key)
        }
    }

    /// The name as written, trimmed; used in messages and to match a section's close tag.
    let text: String
    /// The dotted parts; empty for the implicit iterator `.`.
    let parts: [Part]

    init(text: String, parts: [String]) {
        self.text = text
        self.parts = parts.map(Part.init)
    }

    /// Resolves this name against a context stack, innermost context last.
    ///
    /// The first part is looked up from the innermost context outwards; later parts only inside
    /// what the first part found (the spec's "no masking" rule). `nil` means the name resolves nowhere.
    func resolve(in stack: [TemplateValue]) -> TemplateValue? {
        guard let first = parts.first else { return stack.last }
        // The contexts are read in place through a buffer pointer: indexing the array copied each
        // context out (a retain and a release per context tried) before looking inside it.
        let found = stack.withUnsafeBufferPointer { contexts -> TemplateValue? in
            var index = contexts.count - 1
            while index >= 0 {
                if let value = contexts[index].member(first.key, hash: first.hash) {
                    return value
                }
                index -= 1
            }
            return nil
        }
        guard let found else { return nil }
        return parts.count == 1 ? found : Self.descend(into: found, parts)
    }

    /// Looks up the second and later parts inside what the first part found.
    private static func descend(into found: TemplateValue, _ parts: [Part]) -> TemplateValue? {
        var current = found
        for part in parts[1...] {
            guard let value = current.member(part.key, hash: part.hash) else { return nil }
            current = value
        }
        return current
    }
}

/// One piece of a parsed template.
///
/// The parser builds this tree and the name checker walks it; rendering walks the same tree flattened
/// into a `TemplateProgram`.
indirect enum TemplateNode: Sendable {
    /// Literal text as UTF-8, written as is.
    case text([UInt8])
    /// The start of a template line that is kept; an indented standalone partial writes its
    /// indentation here, which is how the spec's "indent every line of the partial" works on a parsed tree.
    case lineStart
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (raw).
    case variable(TemplateName, escaped: Bool, SourcePosition)
    /// `{{#name}}...{{/name}}`, or `{{^name}}...{{/name}}` when inverted.
    case section(TemplateName, inverted: Bool, children: [TemplateNode], SourcePosition)
    /// `{{>name}}`; `indentation` is the whitespace before a standalone partial tag, `nil` when inline.
    case partial(String, indentation: String?, SourcePosition)
}

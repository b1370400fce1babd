/// Where a tag starts in its template.
struct SourcePosition: Sendable, Equatable {
    var line: Int
    var column: Int
}

/// A name in a tag: `.` (the current context) or a dotted path such as `risk.level`.
struct TemplateName: Sendable, Equatable {
    /// One dotted part, with its `TemplateShape.hash(_:)` worked out at parse time rather than per lookup.
    struct Part: Sendable, Equatable {
        let key: String
        let hash: UInt32

        init(_ key: String) {
            self.init(key, hash: TemplateShape.hash(key))
        }

        init(_ key: String, hash: UInt32) {
            self.key = key
            self.hash = hash
        }
    }

    /// The name as written, trimmed; used in messages and to match a section's close tag.
    let text: String
    /// The first dotted part, looked up through the context stack; `nil` for the implicit iterator `.`.
    let first: Part?
    /// The later parts, looked up only inside what `first` found; most names have none.
    let rest: [Part]

    init(text: String, parts: [Part]) {
        self.text = text
        first = parts.first
        rest = Array(parts.dropFirst())
    }

    /// Resolves this name against a context stack, innermost context last.
    ///
    /// The first part is looked up from the innermost context outwards; later parts only inside
    /// what the first part found (the spec's "no masking" rule). `nil` means the name resolves nowhere.
    ///
    /// Contexts and results are pointers into the value being rendered, which the caller keeps alive and
    /// unchanged: copying a `TemplateValue` out costs a retain and a release, and rendering resolves
    /// names thousands of times per report.
    func resolve(in contexts: UnsafeBufferPointer<UnsafePointer<TemplateValue>>) -> UnsafePointer<
        TemplateValue
    >? {
        guard let first else { return contexts.last }
        var index = contexts.count - 1
        while index >= 0 {
            if let found = TemplateValue.member(of: contexts[index], first.key, hash: first.hash) {
                return rest.isEmpty ? found : descend(into: found)
            }
            index -= 1
        }
        return nil
    }

    /// Looks up the second and later parts inside what the first part found.
    private func descend(into found: UnsafePointer<TemplateValue>) -> UnsafePointer<TemplateValue>? {
        var current = found
        for part in rest {
            guard let value = TemplateValue.member(of: current, part.key, hash: part.hash) else { return nil }
            current = value
        }
        return current
    }
}

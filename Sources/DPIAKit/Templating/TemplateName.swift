/// Where a tag starts in its template.
struct SourcePosition: Sendable, Equatable {
    var line: Int
    var column: Int
}

/// A name in a tag: `.` (the current context) or a dotted path such as `risk.level`.
struct TemplateName: Sendable, Equatable {
    /// The name as written, trimmed; used in messages and to match a section's close tag.
    let text: String
    /// The dotted parts; none for the implicit iterator `.`.
    let parts: [String]

    /// Resolves this name against a context stack, innermost context last.
    ///
    /// The first part is looked up from the innermost context outwards; later parts only inside
    /// what the first part found (the spec's "no masking" rule). `nil` means the name resolves nowhere.
    func resolve(in contexts: [TemplateValue]) -> TemplateValue? {
        guard !parts.isEmpty else { return contexts.last }
        for index in contexts.indices.reversed() {
            guard var found = contexts[index][parts[0]] else { continue }
            for part in 1..<parts.count {
                guard let value = found[parts[part]] else { return nil }
                found = value
            }
            return found
        }
        return nil
    }
}

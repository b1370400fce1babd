extension Template {
    /// Names in this template (and the partials it includes) that `schema` does not supply.
    ///
    /// `schema` is a sample context shaped like a real one: every name a report may use is
    /// present (use `null` for values that may be absent), and each list holds one or more
    /// sample elements. Names are resolved with a context stack exactly as rendering does, so a
    /// name inside `{{#risks}}` may come from a risk or from any enclosing context. A name inside
    /// a list section counts as known when it resolves for at least one sample element. A section
    /// whose own name is unknown is reported once and its contents are not checked further.
    ///
    /// This catches typos that would otherwise silently render empty.
    public func unknownNames(
        against schema: TemplateValue, partials: [String: Template] = [:]
    ) -> [TemplateDiagnostic] {
        var checker = NameChecker(partials: partials)
        let found = checker.check(nodes, of: self, stack: [schema])
        return found.sorted { ($0.template, $0.line, $0.column) < ($1.template, $1.line, $1.column) }
    }
}

private struct NameChecker {
    let partials: [String: Template]
    /// Partials being walked, so that a recursive partial is checked once rather than forever.
    var activePartials: Set<String> = []

    mutating func check(
        _ nodes: [TemplateNode], of template: Template, stack: [TemplateValue]
    ) -> Set<TemplateDiagnostic> {
        var found: Set<TemplateDiagnostic> = []
        for node in nodes {
            switch node {
            case .text, .lineStart:
                continue
            case .variable(let name, _, let position):
                if name.resolve(in: stack) == nil {
                    found.insert(unknown(name, in: template, at: position))
                }
            case .section(let name, let inverted, let children, let position):
                guard let value = name.resolve(in: stack) else {
                    found.insert(unknown(name, in: template, at: position))
                    continue
                }
                if inverted {
                    found.formUnion(check(children, of: template, stack: stack))
                } else if case .list(let items) = value, !items.isEmpty {
                    // Only what no sample element supplies is unknown: elements may differ in optional members.
                    var common = check(children, of: template, stack: stack + [items[0]])
                    for item in items.dropFirst() where !common.isEmpty {
                        common.formIntersection(check(children, of: template, stack: stack + [item]))
                    }
                    found.formUnion(common)
                } else {
                    found.formUnion(check(children, of: template, stack: stack + [value]))
                }
            case .partial(let partialName, _, let position):
                guard let partial = partials[partialName] else {
                    found.insert(
                        TemplateDiagnostic(
                            template: template.name, line: position.line, column: position.column,
                            name: partialName, message: "unknown partial \"\(partialName)\""))
                    continue
                }
                guard activePartials.insert(partialName).inserted else { continue }
                found.formUnion(check(partial.nodes, of: partial, stack: stack))
                activePartials.remove(partialName)
            }
        }
        return found
    }

    private func unknown(_ name: TemplateName, in template: Template, at position: SourcePosition)
        -> TemplateDiagnostic
    {
        TemplateDiagnostic(
            template: template.name, line: position.line, column: position.column, name: name.text,
            message: "unknown name \"\(name.text)\"")
    }
}

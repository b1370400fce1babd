extension Template {
    /// Names in this template (and the partials it includes) that `schema` does not supply.
    ///
    /// `schema` is a sample context shaped like a real one: every name a report may use is
    /// present (use `null` for values that may be absent), and each list holds one or more
    /// sample elements. Names are resolved with a context stack exactly as rendering does, so a
    /// name inside `{{#risks}}` may come from a risk or from any enclosing context. A name inside
    /// a list section counts as known when it resolves for at least one sample element that reaches
    /// it: an element whose own list inside is empty (step 7's sections) says nothing about the names
    /// under that list. A section whose own name is unknown is reported once and its contents are not
    /// checked further.
    ///
    /// This catches typos that would otherwise silently render empty. It also reports a partial that
    /// includes itself, directly or through others, and stops with one diagnostic when the walk would
    /// take more than `Template.maximumRenderSteps` (partials that each include the next twice).
    func unknownNames(
        against schema: TemplateValue, partials: [String: Template] = [:]
    ) -> [TemplateDiagnostic] {
        var checker = NameChecker(partials: partials)
        let found = checker.check(0..<program.instructions.count, of: self, stack: [schema]).unknown
        return found.sorted { ($0.template, $0.line, $0.column) < ($1.template, $1.line, $1.column) }
    }
}

/// What checking part of a template found: the names that did not resolve, and every name it tried, as the
/// diagnostic each would give, so that a list's elements can tell "resolved here" from "not reached here".
private struct Findings {
    var unknown: Set<TemplateDiagnostic> = []
    var tried: Set<TemplateDiagnostic> = []

    /// A problem that is not about one name (a recursive partial, too many steps): reported wherever met.
    mutating func insert(_ problem: TemplateDiagnostic) {
        tried.insert(problem)
        unknown.insert(problem)
    }

    mutating func formUnion(_ other: Findings) {
        unknown.formUnion(other.unknown)
        tried.formUnion(other.tried)
    }

    /// What a list section's elements found together: a name is unknown when it is unknown in every
    /// element that tried it.
    static func acrossElements(_ elements: [Findings]) -> Findings {
        var result = Findings()
        for element in elements { result.tried.formUnion(element.tried) }
        let candidates = elements.reduce(into: Set<TemplateDiagnostic>()) { $0.formUnion($1.unknown) }
        result.unknown = candidates.filter { name in
            elements.allSatisfy { !$0.tried.contains(name) || $0.unknown.contains(name) }
        }
        return result
    }
}

private struct NameChecker {
    let partials: [String: Template]
    /// Partials being walked, outermost first, so that a recursive partial is reported, not walked forever.
    var activePartials: [String] = []
    /// Instructions visited so far, against `Template.maximumRenderSteps`.
    var steps = 0
    var exhausted = false

    /// Checks `template`'s instructions in `range` against a context stack, innermost context last.
    mutating func check(
        _ range: Range<Int>, of template: Template, stack: [TemplateValue]
    ) -> Findings {
        let program = template.program
        var found = Findings()
        var index = range.lowerBound
        while index < range.upperBound && !exhausted {
            steps += 1
            if steps > Template.maximumRenderSteps {
                exhausted = true
                found.insert(
                    TemplateDiagnostic(
                        template: template.name, line: 0, column: 0, name: "",
                        message:
                            "checking the templates took more than \(Template.maximumRenderSteps) steps; expected partials and sections that do not repeat each other without end",
                        kind: .tooLarge))
                break
            }
            switch program.instructions[index] {
            case .text, .lineStart:
                break
            case .variable(let name, _):
                found.tried.insert(unknown(name, in: template))
                if program.names[name].resolve(in: stack) == nil {
                    found.unknown.insert(unknown(name, in: template))
                }
            case .section(let name, let inverted, let end):
                let body = index + 1..<end
                index = end
                found.tried.insert(unknown(name, in: template))
                guard let value = program.names[name].resolve(in: stack) else {
                    found.unknown.insert(unknown(name, in: template))
                    continue
                }
                if inverted {
                    found.formUnion(check(body, of: template, stack: stack))
                } else if case .list(let items) = value, !items.isEmpty {
                    // Only what no sample element supplies is unknown: elements may differ in optional members.
                    found.formUnion(
                        .acrossElements(items.map { check(body, of: template, stack: stack + [$0]) }))
                } else {
                    found.formUnion(check(body, of: template, stack: stack + [value]))
                }
                continue
            case .partial(let tag):
                let tag = program.partials[tag]
                guard let partial = partials[tag.name] else {
                    let missing = TemplateDiagnostic(
                        template: template.name, line: tag.position.line, column: tag.position.column,
                        name: tag.name, message: "unknown partial \"\(tag.name)\"")
                    found.tried.insert(missing)
                    found.unknown.insert(missing)
                    break
                }
                if let start = activePartials.firstIndex(of: tag.name) {
                    let cycle = (activePartials[start...] + [tag.name]).map { "\"\($0)\"" }
                    found.insert(
                        TemplateDiagnostic(
                            template: template.name, line: tag.position.line, column: tag.position.column,
                            name: tag.name,
                            message:
                                "partial \"\(tag.name)\" includes itself (\(cycle.joined(separator: " → "))); expected partials that do not include each other in a loop, which would never finish",
                            kind: .recursivePartial))
                    break
                }
                activePartials.append(tag.name)
                found.formUnion(check(0..<partial.program.instructions.count, of: partial, stack: stack))
                activePartials.removeLast()
            }
            index += 1
        }
        return found
    }

    private func unknown(_ name: Int, in template: Template) -> TemplateDiagnostic {
        let text = template.program.names[name].text
        let position = template.program.namePositions[name]
        return TemplateDiagnostic(
            template: template.name, line: position.line, column: position.column, name: text,
            message: "unknown name \"\(text)\"")
    }
}

import Testing

@testable import DPIAKit

@Suite("Template errors")
struct TemplateErrorTemplatingTests {
    private func parseError(_ source: String) -> TemplateError? {
        do {
            _ = try Template(source: source, name: "report.md.mustache")
            return nil
        } catch {
            return error
        }
    }

    @Test("A section closed by another name names both and the opening line")
    func mismatchedClose() {
        let error = parseError("# Report\n\n{{#risks}}\n- {{title}}\n    {{/measures}}\n")
        #expect(error?.kind == .mismatchedClose)
        #expect(
            error?.description
                == "report.md.mustache:5:5: section \"risks\" opened on line 3 is closed by \"measures\"")
    }

    @Test("A section left open points at its opening tag")
    func unclosedSection() {
        let error = parseError("# Report\n{{#risks}}\n{{#measures}}\n{{/measures}}\n")
        #expect(error?.kind == .unclosedSection)
        #expect(
            error?.description == "report.md.mustache:2:1: section \"risks\" opened on line 2 is never closed"
        )
    }

    @Test("A close tag without a section is reported")
    func unopenedClose() {
        let error = parseError("text\n  {{/risks}}")
        #expect(error?.kind == .unopenedClose)
        #expect(error?.description == "report.md.mustache:2:3: closing tag \"risks\" has no open section")
    }

    @Test("A tag that never closes is reported where it opens")
    func unclosedTag() {
        let error = parseError("Title\nHello {{name, welcome")
        #expect(error?.kind == .unclosedTag)
        #expect(error?.description == "report.md.mustache:2:7: tag \"{{\" is never closed by \"}}\"")
    }

    @Test("An unclosed triple mustache expects the brace and the delimiter")
    func unclosedTripleMustache() {
        let error = parseError("{{{name}}")
        #expect(error?.kind == .unclosedTag)
        #expect(error?.description == "report.md.mustache:1:1: tag \"{{\" is never closed by \"}}}\"")
    }

    @Test("Empty tags are errors", arguments: ["{{}}", "{{ }}", "{{#}}{{/}}", "{{&}}", "{{>  }}"])
    func emptyTag(source: String) {
        let error = parseError("Café: " + source)
        #expect(error?.kind == .emptyTag)
        #expect(error?.line == 1)
        // Columns count characters, not bytes.
        #expect(error?.column == 7)
    }

    @Test("A name with an empty dotted part is an error")
    func invalidName() {
        let error = parseError("{{risk..level}}")
        #expect(error?.kind == .invalidName)
        #expect(error?.message == "name \"risk..level\" has an empty part between dots")
    }

    @Test("A delimiter tag needs exactly two delimiters")
    func invalidDelimiters() {
        let error = parseError("a\n{{=<%=}}")
        #expect(error?.kind == .invalidDelimiters)
        #expect(error?.line == 2)
    }

    @Test("An unknown partial fails at render time with the line of the partial tag")
    func unknownPartial() throws {
        let template = try Template(
            source: "# Report\n\n{{#risks}}\n  {{> risk_row }}\n{{/risks}}\n", name: "r.md")
        #expect(
            throws: TemplateError(
                kind: .unknownPartial, template: "r.md", line: 4, column: 3,
                message: "unknown partial \"risk_row\"")
        ) {
            try template.render(["risks": [["title": "x"]]], escape: { $0 })
        }
        // Nothing to render, nothing to miss: the partial is only looked up when reached.
        #expect(try template.render(["risks": []], escape: { $0 }) == "# Report\n\n")
    }

    @Test("A partial that includes itself forever stops at the depth limit")
    func partialRecursion() throws {
        let loop = try Template(source: "again:\n{{>loop}}\n", name: "loop.mustache")
        let main = try Template(source: "{{>loop}}", name: "main.mustache")
        do {
            _ = try main.render([:], partials: ["loop": loop], escape: { $0 })
            Issue.record("expected a recursion error")
        } catch {
            #expect(error.kind == .partialRecursion)
            #expect(error.template == "loop.mustache")
            #expect(error.line == 2)
            #expect(error.message.contains("more than 100 deep"))
        }
    }
}

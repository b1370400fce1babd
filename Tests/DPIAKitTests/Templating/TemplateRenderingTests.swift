import Foundation
import Testing

@testable import DPIAKit

@Suite("Template rendering")
struct TemplateRenderingTemplatingTests {
    private func render(
        _ source: String, _ context: TemplateValue, partials: [String: String] = [:],
        escape: (String) -> String = { $0 }
    ) throws -> String {
        var parsed: [String: Template] = [:]
        for (name, text) in partials {
            parsed[name] = try Template(source: text, name: name)
        }
        return try Template(source: source, name: "test").render(context, partials: parsed, escape: escape)
    }

    @Test("A standalone section line inside a Markdown table leaves no blank line")
    func markdownTable() throws {
        let source = """
            | Risk | Likelihood |
            | --- | --- |
            {{#rows}}
            | {{title}} | {{likelihood}} |
            {{/rows}}

            Total: {{count}}

            """
        let context: TemplateValue = [
            "rows": [
                ["title": "Re-identification", "likelihood": "Possible"], ["title": "Loss", "likelihood": 3],
            ],
            "count": 2,
        ]
        #expect(
            try render(source, context) == """
                | Risk | Likelihood |
                | --- | --- |
                | Re-identification | Possible |
                | Loss | 3 |

                Total: 2

                """)
    }

    @Test("Indented standalone sections and comments in a Markdown list vanish with their lines")
    func markdownList() throws {
        let source =
            "## Measures\n  {{! one bullet per measure }}\n  {{#measures}}\n- {{.}}\n  {{/measures}}\n  {{^measures}}\n_None._\n  {{/measures}}\n"
        #expect(
            try render(source, ["measures": ["Encrypt", "Train staff"]])
                == "## Measures\n- Encrypt\n- Train staff\n")
        #expect(try render(source, ["measures": []]) == "## Measures\n_None._\n")
    }

    @Test("The caller's escaper applies to {{name}} only, never to raw tags or template text")
    func escaperChoice() throws {
        let markdown: (String) -> String = { $0.replacingOccurrences(of: "|", with: "\\|") }
        let output = try render("| {{a}} | {{{a}}} | {{&a}} |", ["a": "x|y"], escape: markdown)
        #expect(output == "| x\\|y | x|y | x|y |")
    }

    @Test("HTML escaping covers the five special characters")
    func htmlEscape() {
        #expect(
            Template.htmlEscape(#"<a href="x">Tom & Jerry's</a>"#)
                == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(Template.htmlEscape("plain – text") == "plain – text")
    }

    @Test("Numbers and booleans print as a reader expects")
    func scalars() throws {
        let context: TemplateValue = [
            "i": 85, "d": 1.21, "whole": 85.0, "neg": -0.5, "yes": true, "none": nil,
        ]
        #expect(
            try render("{{i}} {{d}} {{whole}} {{neg}} {{yes}} [{{none}}] [{{missing}}]", context)
                == "85 1.21 85 -0.5 true [] []")
    }

    @Test("Zero and the empty string are truthy; false, null and empty lists are not")
    func truthiness() throws {
        let source = "{{#v}}yes{{/v}}{{^v}}no{{/v}}"
        #expect(try render(source, ["v": 0]) == "yes")
        #expect(try render(source, ["v": ""]) == "yes")
        #expect(try render(source, ["v": [:]]) == "yes")
        #expect(try render(source, ["v": false]) == "no")
        #expect(try render(source, ["v": nil]) == "no")
        #expect(try render(source, ["v": []]) == "no")
        #expect(try render(source, [:]) == "no")
    }

    @Test("Names inside a list section fall back to enclosing contexts")
    func contextStack() throws {
        let context: TemplateValue = [
            "org": "NHS Trust", "risks": [["title": "A"], ["title": "B", "org": "Other"]],
        ]
        #expect(try render("{{#risks}}{{title}}@{{org}} {{/risks}}", context) == "A@NHS Trust B@Other ")
    }

    @Test("A standalone partial inside an indented standalone partial is indented by both")
    func nestedPartialIndentation() throws {
        let output = try render(
            "list:\n  {{>outer}}\nend\n", ["items": ["a", "b"]],
            partials: ["outer": "- outer\n  {{>inner}}\n", "inner": "{{#items}}\n* {{.}}\n{{/items}}\n"])
        #expect(output == "list:\n  - outer\n    * a\n    * b\nend\n")
    }

    @Test("One parsed template renders many contexts")
    func reuse() throws {
        let template = try Template(source: "Hello {{name}}!", name: "greeting")
        let names = ["Ada", "Grace", "Linus"]
        let outputs = try names.map {
            try template.render(["name": .string($0)], escape: Template.htmlEscape)
        }
        #expect(outputs == ["Hello Ada!", "Hello Grace!", "Hello Linus!"])
    }

    @Test("Set delimiters change the tags for the rest of the template")
    func delimiters() throws {
        #expect(try render("{{=<% %>=}}<% a %> {{a}} <%={{ }}=%>{{a}}", ["a": "x"]) == "x {{a}} x")
    }

    @Test("A context decodes from JSON with the right value kinds")
    func decodeJSON() throws {
        let json = #"{"n": 3, "d": 2.5, "b": false, "s": "t", "l": [1, null], "o": {"k": "v"}}"#
        let value = try JSONDecoder().decode(TemplateValue.self, from: Data(json.utf8))
        #expect(value == ["n": 3, "d": 2.5, "b": false, "s": "t", "l": [1, nil], "o": ["k": "v"]])
    }
}

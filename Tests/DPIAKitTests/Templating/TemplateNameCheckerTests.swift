import Testing

@testable import DPIAKit

@Suite("Template name checker")
struct TemplateNameCheckerTemplatingTests {
    private let schema: TemplateValue = [
        "organisation": ["name": "Trust", "dpo": nil],
        "risks": [
            ["title": "Loss", "rating": "High", "measures": ["Encrypt"]],
            ["title": "Misuse", "rating": "Low", "measures": [], "note": "optional"],
        ],
    ]

    private func unknown(
        _ source: String, partials: [String: String] = [:]
    ) throws -> [TemplateDiagnostic] {
        var parsed: [String: Template] = [:]
        for (name, text) in partials {
            parsed[name] = try Template(source: text, name: name)
        }
        return try Template(source: source, name: "report.md.mustache").unknownNames(
            against: schema, partials: parsed)
    }

    @Test("A typo is reported with its line and column")
    func typo() throws {
        let found = try unknown(
            "# {{organisation.name}}\n\nDPO: {{organisation.dpo}}\n{{#risks}}\n- {{titel}}\n{{/risks}}\n")
        #expect(found.map(\.description) == ["report.md.mustache:5:3: unknown name \"titel\""])
        #expect(found.first?.name == "titel")
    }

    @Test("Correct names inside list sections, from the element or an enclosing context, are known")
    func knownInsideList() throws {
        let found = try unknown(
            "{{#risks}}{{title}} {{rating}} {{organisation.name}} {{#measures}}{{.}} {{title}}{{/measures}}{{/risks}}"
        )
        #expect(found.isEmpty)
    }

    @Test("A member only some sample elements have is known")
    func optionalMember() throws {
        #expect(try unknown("{{#risks}}{{#note}}{{note}}{{/note}}{{/risks}}").isEmpty)
    }

    @Test("A typo under a list that one element has empty is still reported")
    func typoUnderListEmptyInOneElement() throws {
        let schema: TemplateValue = [
            "steps": [
                ["sections": [["questions": [["prompt": "P"]]]]],
                ["sections": []],
            ]
        ]
        let template = try Template(
            source: "{{#steps}}{{#sections}}{{#questions}}{{promtp}}{{/questions}}{{/sections}}{{/steps}}",
            name: "t")
        #expect(
            template.unknownNames(against: schema).map(\.description) == ["t:1:38: unknown name \"promtp\""])
        let correct = try Template(
            source: "{{#steps}}{{#sections}}{{#questions}}{{prompt}}{{/questions}}{{/sections}}{{/steps}}",
            name: "t")
        #expect(correct.unknownNames(against: schema).isEmpty)
    }

    @Test("A typo among a report's step questions is reported, though step 7 has no sections")
    func typoInReportStepQuestions() throws {
        let sample = ReportData.schemaSample(toolVersion: "1")
        let template = try Template(
            source:
                "{{#steps}}{{#sections}}{{#questions}}{{answr}} {{answer}}{{/questions}}{{/sections}}{{/steps}}",
            name: "report.md.mustache")
        #expect(template.unknownNames(against: sample).map(\.name) == ["answr"])
    }

    @Test("A list's element names are unknown outside the list")
    func elementNameOutsideList() throws {
        let found = try unknown("{{title}}\n{{#risks}}{{title}}{{/risks}}")
        #expect(found.map(\.description) == ["report.md.mustache:1:1: unknown name \"title\""])
    }

    @Test("Unknown inverted sections, sections and dotted names are reported once each")
    func sectionsAndDottedNames() throws {
        let found = try unknown(
            "{{^riskz}}none{{/riskz}}\n{{#mesures}}{{whatever}}{{/mesures}}\n{{organisation.nmae}}")
        #expect(found.map(\.name) == ["riskz", "mesures", "organisation.nmae"])
        #expect(found.map(\.line) == [1, 2, 3])
    }

    @Test("Names in partials are reported against the partial, and unknown partials are reported")
    func partials() throws {
        let found = try unknown(
            "{{#risks}}\n{{>row}}\n{{/risks}}\n{{>footer}}\n",
            partials: ["row": "| {{title}} |\n| {{ratng}} |\n"])
        #expect(
            found.map(\.description) == [
                "report.md.mustache:4:1: unknown partial \"footer\"", "row:2:3: unknown name \"ratng\"",
            ])
    }

    @Test("A recursive partial is reported, and checked without looping forever")
    func recursivePartial() throws {
        let found = try unknown(
            "{{>node}}", partials: ["node": "{{organisation.name}}{{#risks}}{{>node}}{{bad}}{{/risks}}"])
        #expect(found.map(\.name) == ["node", "bad"])
        #expect(found.map(\.kind) == [.recursivePartial, .unknownName])
        #expect(
            found.first?.description
                == #"node:1:32: partial "node" includes itself ("node" → "node"); expected partials that do not include each other in a loop, which would never finish"#
        )
    }

    @Test("Partials that include each other many times stop at the step bound, reported once")
    func partialBomb() throws {
        var partials: [String: String] = [:]
        for level in 0..<30 { partials["p\(level)"] = "{{>p\(level + 1)}}{{>p\(level + 1)}}" }
        partials["p30"] = "{{organisation.name}}"
        let found = try unknown("{{>p0}}", partials: partials)
        #expect(found.map(\.kind) == [.tooLarge])
    }
}

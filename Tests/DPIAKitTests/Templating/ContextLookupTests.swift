import Testing

@testable import DPIAKit

/// Lists whose items differ in their members, as report items do when optional values are left out: each
/// item must show its own values, and fall back to the enclosing context only for a name it lacks.
@Suite("Name lookup through the context stack")
struct ContextLookupTests {
    @Test("Items with different members each show their own")
    func itemsWithDifferentMembers() throws {
        let items: TemplateValue = [
            ["name": "a", "level": "low"], ["level": "high", "extra": "x", "name": "b"],
            ["name": "c", "level": "medium"],
        ]
        let template = try Template(source: "{{#items}}{{name}}={{level}};{{/items}}", name: "t")
        let text = try template.render(["items": items], escape: { $0 })
        #expect(text == "a=low;b=high;c=medium;")
    }

    @Test("A name an item lacks comes from the enclosing context, and the next item's own is shown again")
    func missingInOneItem() throws {
        let items: TemplateValue = [["title": "own"], ["other": "x"], ["title": "again"], ["other": "y"]]
        let template = try Template(source: "{{#items}}{{title}},{{/items}}", name: "t")
        let text = try template.render(["title": "outer", "items": items], escape: { $0 })
        #expect(text == "own,outer,again,outer,")
    }

    @Test("A partial included at different depths finds each name in the innermost context holding it")
    func partialAtDifferentDepths() throws {
        let partial = try Template(source: "{{label}}|", name: "p")
        let template = try Template(
            source: "{{>p}}{{#inner}}{{>p}}{{#deeper}}{{>p}}{{/deeper}}{{/inner}}{{>p}}", name: "t")
        let value: TemplateValue = [
            "label": "root", "inner": ["label": "inner", "deeper": ["other": 1]],
        ]
        let text = try template.render(value, partials: ["p": partial], escape: { $0 })
        #expect(text == "root|inner|inner|root|")
    }

    @Test("A dotted name's later part one item lacks renders empty there, not the enclosing context's")
    func laterPartMissingInOneItem() throws {
        let items: TemplateValue = [
            ["risk": ["owner": "a", "level": "low"]], ["risk": ["owner": "b"]],
            ["risk": ["owner": "c", "level": "high"]],
        ]
        let template = try Template(
            source: "{{#items}}{{risk.owner}}={{risk.level}};{{/items}}", name: "t")
        let text = try template.render(["items": items, "level": "outer"], escape: { $0 })
        #expect(text == "a=low;b=;c=high;")
    }

    @Test("Three-part names follow each item's objects at every level")
    func threePartNames() throws {
        let items: TemplateValue = [
            ["a": ["b": ["name": "one"]]], ["a": ["x": 1, "b": ["id": 2, "name": "two"]]],
            ["a": ["b": "not an object"]], ["a": ["b": ["name": "three"]]],
        ]
        let template = try Template(source: "{{#items}}[{{a.b.name}}]{{/items}}", name: "t")
        let text = try template.render(["items": items], escape: { $0 })
        #expect(text == "[one][two][][three]")
    }

    @Test("In an object literal a repeated name takes its later value")
    func laterDuplicateWins() throws {
        let object: TemplateObject = ["name": "first", "name": "second"]
        let template = try Template(source: "{{name}}", name: "t")
        #expect(try template.render(.object(object), escape: { $0 }) == "second")
        let value: TemplateValue = ["name": "first", "name": "second"]
        #expect(value == ["name": "second"])
    }
}

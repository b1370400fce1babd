import DPIAKit
import Testing

/// Rendering remembers, per name and context depth, where a shape holds the name; these render lists whose
/// items change shape from one item to the next, so a remembered index served to the wrong shape shows up
/// as the wrong value or a value that should be missing.
@Suite("Name lookup hints")
struct LookupHintTests {
    @Test("Items of different shapes each show their own member, even at a different index")
    func differentShapesInOneList() throws {
        let first = TemplateShape("name", "level")
        let second = TemplateShape("level", "extra", "name")
        let items: [TemplateValue] = [
            .object(TemplateObject(first, ["a", "low"])),
            .object(TemplateObject(second, ["high", "x", "b"])),
            .object(TemplateObject(first, ["c", "medium"])),
        ]
        let template = try Template(source: "{{#items}}{{name}}={{level}};{{/items}}", name: "t")
        let text = try template.render(["items": .list(items)], escape: { $0 })
        #expect(text == "a=low;b=high;c=medium;")
    }

    @Test("A name an item lacks falls through to the enclosing context, then is found in the next item")
    func missingInOneShapeFoundInAnother() throws {
        let with = TemplateShape("title")
        let without = TemplateShape("other")
        let items: [TemplateValue] = [
            .object(TemplateObject(with, ["own"])),
            .object(TemplateObject(without, ["x"])),
            .object(TemplateObject(with, ["again"])),
            .object(TemplateObject(without, ["y"])),
        ]
        let template = try Template(source: "{{#items}}{{title}},{{/items}}", name: "t")
        let text = try template.render(["title": "outer", "items": .list(items)], escape: { $0 })
        #expect(text == "own,outer,again,outer,")
    }

    @Test("A partial included at different depths finds each name in the right context")
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
}

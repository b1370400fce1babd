import DPIAKit
import Testing

/// Rendering remembers where each part of a dotted name was found, per shape; these render lists whose
/// items hold objects of different shapes under the same name, so a remembered index served to the wrong
/// shape shows up as the wrong value or a value that should be missing.
@Suite("Dotted name lookup hints")
struct DottedNameHintTests {
    @Test("Each item's nested object shows its own member, whatever its shape")
    func nestedObjectsOfDifferentShapes() throws {
        let short = TemplateShape("level")
        let long = TemplateShape("note", "extra", "level")
        let items: [TemplateValue] = [
            ["risk": .object(TemplateObject(short, ["low"]))],
            ["risk": .object(TemplateObject(long, ["n", "x", "high"]))],
            ["risk": .object(TemplateObject(short, ["medium"]))],
        ]
        let template = try Template(source: "{{#items}}{{risk.level}};{{/items}}", name: "t")
        let text = try template.render(["items": .list(items)], escape: { $0 })
        #expect(text == "low;high;medium;")
    }

    @Test("A later part one item lacks renders empty there and is found again in the next item")
    func laterPartMissingInOneItem() throws {
        let with = TemplateShape("owner", "level")
        let without = TemplateShape("owner")
        let items: [TemplateValue] = [
            ["risk": .object(TemplateObject(with, ["a", "low"]))],
            ["risk": .object(TemplateObject(without, ["b"]))],
            ["risk": .object(TemplateObject(with, ["c", "high"]))],
        ]
        let template = try Template(
            source: "{{#items}}{{risk.owner}}={{risk.level}};{{/items}}", name: "t")
        let text = try template.render(["items": .list(items), "level": "outer"], escape: { $0 })
        #expect(text == "a=low;b=;c=high;")
    }

    @Test("Three-part names follow each item's objects at every level")
    func threePartNames() throws {
        let inner = TemplateShape("name")
        let innerWide = TemplateShape("id", "name")
        let items: [TemplateValue] = [
            ["a": ["b": .object(TemplateObject(inner, ["one"]))]],
            ["a": ["x": 1, "b": .object(TemplateObject(innerWide, [2, "two"]))]],
            ["a": ["b": "not an object"]],
            ["a": ["b": .object(TemplateObject(inner, ["three"]))]],
        ]
        let template = try Template(source: "{{#items}}[{{a.b.name}}]{{/items}}", name: "t")
        let text = try template.render(["items": .list(items)], escape: { $0 })
        #expect(text == "[one][two][][three]")
    }
}

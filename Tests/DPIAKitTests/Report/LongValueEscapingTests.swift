import Testing

@testable import DPIAKit

/// Each special character at every position of a long value, so that one missed at the start, in the
/// middle or at the end shows up as text left unescaped, and the text around it must come through whole.
@Suite("Escaping long values")
struct LongValueEscapingTests {
    static let positions = Array(0..<41)

    static func text(_ special: String, at position: Int) -> String {
        String(repeating: "a", count: position) + special + String(repeating: "b", count: 40 - position)
    }

    @Test("HTML escapes a special character wherever it sits in a long value", arguments: positions)
    func html(position: Int) {
        let entities = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"]
        for (character, entity) in entities {
            #expect(
                Template.htmlEscape(Self.text(character, at: position)) == Self.text(entity, at: position),
                "\(character) at \(position)")
        }
        #expect(Template.htmlEscape(Self.text("x", at: position)) == Self.text("x", at: position))
    }

    @Test(
        "Markdown escapes a special character wherever it sits after the start",
        arguments: positions.dropFirst())
    func markdown(position: Int) {
        var expected: [String: String] = ["<": "&lt;", ">": "&gt;", "&": "&amp;", "\t": " ", "\n": "<br>"]
        for character in "\\`*_[]|~$" {
            expected[String(character)] = "\\\(character)"
        }
        for (character, escaped) in expected {
            #expect(
                MarkdownEscaping.escape(Self.text(character, at: position))
                    == Self.text(escaped, at: position),
                "\(character.debugDescription) at \(position)")
        }
        #expect(MarkdownEscaping.escape(Self.text("x", at: position)) == Self.text("x", at: position))
    }
}

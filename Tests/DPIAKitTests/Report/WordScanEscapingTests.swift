import DPIAKit
import Testing

/// Both escapers pass plain text 8 bytes at a time and look closely only at a word that may hold a special
/// byte; these put every ASCII character, and non-ASCII text, at every position of such words, so a byte
/// the word test lets through, or a neighbour it confuses, shows up as text escaped wrongly.
@Suite("Escaping a word at a time")
struct WordScanEscapingTests {
    static let asciiCharacters = (0..<128).map { Character(Unicode.Scalar(UInt8($0))) }
    static let positions = Array(1..<18)

    static func text(_ middle: String, at position: Int) -> String {
        String(repeating: "a", count: position) + middle + String(repeating: "z", count: 18 - position)
    }

    @Test(
        "HTML escapes each ASCII character exactly when it is special, at any position", arguments: positions)
    func html(position: Int) {
        let entities: [Character: String] = [
            "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;",
        ]
        for character in Self.asciiCharacters {
            let expected = entities[character] ?? String(character)
            #expect(
                Template.htmlEscape(Self.text(String(character), at: position))
                    == Self.text(expected, at: position),
                "character \(character.unicodeScalars.first!.value) at \(position)")
        }
    }

    @Test(
        "Markdown changes a long value exactly when an ASCII character in it is special, at any position",
        arguments: positions)
    func markdown(position: Int) {
        let special = Set("\t\n\r\\`*_[]|~$<>&")
        for character in Self.asciiCharacters {
            let text = Self.text(String(character), at: position)
            #expect(
                (MarkdownEscaping.escape(text) != text) == special.contains(character),
                "character \(character.unicodeScalars.first!.value) at \(position)")
        }
    }

    @Test("Non-ASCII bytes beside a special character neither hide it nor get escaped", arguments: positions)
    func nonASCIINeighbours(position: Int) {
        // The second byte of "é" and of "©" is a special byte's value plus 128.
        let plain = "é©é©"
        let html = Template.htmlEscape(Self.text(plain + "<" + plain, at: position))
        #expect(html == Self.text(plain + "&lt;" + plain, at: position))
        let markdown = MarkdownEscaping.escape(Self.text(plain + "*" + plain, at: position))
        #expect(markdown == Self.text(plain + "\\*" + plain, at: position))
        #expect(MarkdownEscaping.escape(Self.text(plain, at: position)) == Self.text(plain, at: position))
        #expect(Template.htmlEscape(Self.text(plain, at: position)) == Self.text(plain, at: position))
    }
}

import Testing

@testable import DPIAKit

/// Every ASCII character, so that one an escaper wrongly leaves alone (or wrongly changes) shows up.
@Suite("Escaped character sets")
struct EscapedCharacterSetTests {
    static let asciiCharacters = (0..<128).map { Character(Unicode.Scalar(UInt8($0))) }

    @Test("Markdown changes text around an ASCII character exactly when the character has inline meaning")
    func markdownEscapesExactlyTheSpecialCharacters() {
        let special = Set("\t\n\r\\`*_[]|~$<>&")
        for character in Self.asciiCharacters {
            let text = "a\(character)a"
            let changed = MarkdownEscaping.escape(text) != text
            #expect(
                changed == special.contains(character), "character \(character.unicodeScalars.first!.value)")
        }
    }

    @Test("HTML changes text around an ASCII character exactly when the character is & < > \" or '")
    func htmlEscapesExactlyTheSpecialCharacters() {
        let special = Set("&<>\"'")
        for character in Self.asciiCharacters {
            let text = "a\(character)a"
            let changed = Template.htmlEscape(text) != text
            #expect(
                changed == special.contains(character), "character \(character.unicodeScalars.first!.value)")
        }
    }

    @Test("Non-ASCII text passes both escapers untouched")
    func nonASCIIIsLeftAlone() {
        let text = "Café – naïve “quotes” 😀 ½"
        #expect(MarkdownEscaping.escape(text) == text)
        #expect(Template.htmlEscape(text) == text)
    }

    @Test("Non-ASCII characters beside a special character neither hide it nor get escaped")
    func nonASCIINeighbours() {
        // The second byte of "é" and of "©" is the byte of ")" plus 128.
        let plain = "é©é©"
        #expect(Template.htmlEscape(plain + "<" + plain) == plain + "&lt;" + plain)
        #expect(MarkdownEscaping.escape(plain + "*" + plain) == plain + "\\*" + plain)
    }
}

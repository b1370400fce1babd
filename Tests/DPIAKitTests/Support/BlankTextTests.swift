import Testing

@testable import DPIAKit

/// Required text answers and questionnaire fields are refused when blank; the fast check must agree with
/// the character-by-character one on every kind of text.
@Suite("Blank text")
struct BlankTextTests {
    @Test(
        "Empty and white-space-only text is blank, in ASCII and beyond",
        arguments: ["", " ", "\t\n\r ", "\u{00A0}", "\u{2003}\u{3000}", "\u{85}"])
    func whiteSpaceIsBlank(text: String) {
        let everyCharacterIsWhiteSpace = text.allSatisfy(\.isWhitespace)
        #expect(text.isBlank)
        #expect(everyCharacterIsWhiteSpace)
    }

    @Test(
        "Text with anything visible is not blank",
        arguments: ["a", " a", "\u{00A0}x", "é", "x\u{301}", "~", "!", "😀", "\u{7F}"])
    func visibleTextIsNotBlank(text: String) {
        let everyCharacterIsWhiteSpace = text.allSatisfy(\.isWhitespace)
        #expect(!text.isBlank)
        #expect(!everyCharacterIsWhiteSpace)
    }
}

import Testing

@testable import DPIAKit

/// Questionnaires, answers and templates are read through `String(validUTF8:)`; it must accept and reject
/// exactly what `String(validating:as:)` does, or a file would load that should be refused, or the reverse.
@Suite("UTF-8 validation")
struct UTF8ValidationTests {
    @Test(
        "Valid UTF-8 becomes the same string the standard library makes",
        arguments: [
            "", "plain ASCII", "Café – naïve", "“quotes” and ½", "emoji 😀 at the end", "\u{FFFD} itself",
        ])
    func validTextIsKept(text: String) {
        let bytes = Array(text.utf8)
        #expect(String(validUTF8: bytes) == text)
        #expect(String(validUTF8: bytes) == String(validating: bytes, as: UTF8.self))
    }

    @Test(
        "Invalid UTF-8 is refused",
        arguments: [
            [0x80],  // a continuation byte on its own
            [0x61, 0xC3],  // a two-byte character cut short
            [0xE2, 0x82],  // a three-byte character cut short
            [0xC0, 0x80],  // an overlong NUL
            [0xED, 0xA0, 0x80],  // a UTF-16 surrogate
            [0xF4, 0x90, 0x80, 0x80],  // beyond U+10FFFF
            [0xFF],
            [0x61, 0xEF, 0xBF, 0xBD, 0xFE],  // a real replacement character, then an invalid byte
        ] as [[UInt8]])
    func invalidTextIsRefused(bytes: [UInt8]) {
        #expect(String(validUTF8: bytes) == nil)
        #expect(String(validating: bytes, as: UTF8.self) == nil)
    }
}

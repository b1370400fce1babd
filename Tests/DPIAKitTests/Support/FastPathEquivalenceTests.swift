import Testing

@testable import DPIAKit

/// The report's fingerprint must not change when only the message length does: lengths either side of
/// the 56-byte padding boundary and of whole blocks, checked against digests from Python's hashlib.
@Suite("SHA-256 padding")
struct SHA256PaddingTests {
    @Test(arguments: [
        (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
        (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        (65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
        (119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
        (120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
        (1000, "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
    ])
    func digestOfRepeatedLetters(length: Int, digest: String) {
        #expect(SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: length)) == digest)
    }
}

/// Checks done on UTF-8 bytes for speed must say what the character-based checks say.
@Suite("Byte-level answer checks")
struct ByteLevelAnswerCheckTests {
    static let shortText = Question(
        id: "name", number: nil, type: .text, prompt: "Name", label: nil, help: nil, required: true,
        defaultValue: nil, options: [], when: nil, minimum: nil, maximum: nil, minimumSelections: nil)

    @Test(arguments: [
        "one\ntwo", "one\r\ntwo", "one\rtwo", "tab\u{0B}bed", "form\u{0C}feed", "next\u{85}line",
        "line\u{2028}separator", "paragraph\u{2029}separator", "trailing\n",
    ])
    func lineBreaksAreRefusedInShortText(text: String) {
        #expect(text.contains { $0.isNewline })
        #expect(
            AnswersFile.problem(with: .string(text), for: Self.shortText)
                == "a short text answer cannot contain line breaks")
    }

    @Test(arguments: ["café", "naïve résumé", "\u{2027}dot", "€100", "tab\there", "e\u{301}"])
    func textWithoutLineBreaksIsAccepted(text: String) {
        #expect(!text.contains { $0.isNewline })
        #expect(AnswersFile.problem(with: .string(text), for: Self.shortText) == nil)
    }

    @Test(arguments: [
        ("2024-02-29", true), ("2026-02-29", false), ("2000-02-29", true), ("1900-02-29", false),
        ("2026-12-31", true), ("2026-13-01", false), ("2026-00-10", false), ("2026-04-31", false),
        ("2026-1-01", false), ("2026-01-01 ", false), ("２０２６-01-01", false), ("2026/01/01", false),
        ("+026-01-01", false), ("2026-01-0١", false), ("", false),
    ])
    func datesNeedARealCalendarDay(text: String, valid: Bool) {
        #expect(isValidDate(text) == valid)
    }
}

import Testing

@testable import DPIAKit

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

import Testing

@testable import DPIAKit

/// User text in a Word document: markup characters as entities, line breaks and tabs as Word's own
/// elements, and characters XML 1.0 forbids shown visibly (they cannot be written even as references).
@Suite("XML escaping")
struct XMLEscapingTests {
    static let lineBreak = "</w:t><w:br/><w:t xml:space=\"preserve\">"
    static let tab = "</w:t><w:tab/><w:t xml:space=\"preserve\">"

    @Test(
        "Text in a Word run",
        arguments: [
            ("Plain text, unchanged: café 💬 שלום", "Plain text, unchanged: café 💬 שלום"),
            ("<script>alert('x')</script>", "&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;"),
            ("Tom & \"Jerry\"", "Tom &amp; &quot;Jerry&quot;"),
            ("&amp; stays text", "&amp;amp; stays text"),
            ("one\ntwo", "one\(lineBreak)two"), ("one\r\ntwo", "one\(lineBreak)two"),
            ("one\rtwo", "one\(lineBreak)two"), ("\n\n", "\(lineBreak)\(lineBreak)"),
            ("a\tb", "a\(tab)b"),
            ("nul\u{0}bell\u{7}esc\u{1B}", "nul\u{2400}bell\u{2407}esc\u{241B}"),
            ("vt\u{0B}ff\u{0C}us\u{1F}", "vt\u{240B}ff\u{240C}us\u{241F}"),
            ("\u{FFFE}\u{FFFF}\u{FFFD}", "\u{FFFD}\u{FFFD}\u{FFFD}"),
            ("</w:t></w:r><w:r><w:t>", "&lt;/w:t&gt;&lt;/w:r&gt;&lt;w:r&gt;&lt;w:t&gt;"),
        ])
    func runText(_ text: String, _ expected: String) {
        #expect(XMLEscaping.runText(text) == expected)
    }

    @Test(
        "Text outside a run (document properties)",
        arguments: [
            ("A. Patel <IG>", "A. Patel &lt;IG&gt;"), ("two\r\nlines\tand a tab", "two lines and a tab"),
            ("bell\u{7}", "bell\u{2407}"),
        ])
    func plainText(_ text: String, _ expected: String) {
        #expect(XMLEscaping.plainText(text) == expected)
    }
}

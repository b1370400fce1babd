import Testing

@testable import DPIAKit

@Suite("Markdown escaping")
struct MarkdownEscapingTests {
    @Test(
        "User text keeps its characters but loses its Markdown meaning",
        arguments: [
            ("a | b", "a \\| b"),
            ("line one\nline two", "line one<br>line two"),
            ("windows\r\nline", "windows<br>line"),
            ("old mac\rline", "old mac<br>line"),
            ("# not a heading", "\\# not a heading"),
            ("C# and F#", "C# and F#"),
            ("> not a quote", "&gt; not a quote"),
            ("- not a list", "\\- not a list"),
            ("-5 points", "-5 points"),
            ("---", "\\---"),
            ("+ not a list", "\\+ not a list"),
            ("1. not a list", "1\\. not a list"),
            ("12) not a list", "12\\) not a list"),
            ("version 1. next", "version 1. next"),
            ("=== not an underline", "\\=== not an underline"),
            ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
            ("&copy; & co", "&amp;copy; &amp; co"),
            ("`code`", "\\`code\\`"),
            ("*bold* **strong**", "\\*bold\\* \\*\\*strong\\*\\*"),
            ("snake_case_name", "snake\\_case\\_name"),
            ("$x + y$", "\\$x + y\\$"),
            ("[link](http://x)", "\\[link\\](http://x)"),
            ("~~struck~~", "\\~\\~struck\\~\\~"),
            ("back\\slash", "back\\\\slash"),
            ("tab\there", "tab here"),
            ("مرحبا 你好 🏥", "مرحبا 你好 🏥"),
        ])
    func escapes(_ input: String, _ expected: String) {
        #expect(MarkdownEscaping.escape(input) == expected)
    }

    @Test("An escaped value never adds a cell to a table row")
    func tableCellStaysOneCell() {
        let cell = MarkdownEscaping.escape("| a | b |\n|---|---|\n\\| c")
        let row = "| \(cell) | next |"
        #expect(MarkdownReportTests.cellPipes(row) == 3)
        #expect(!cell.contains("\n"))
    }
}

import Foundation
import Testing

@testable import DPIAKit

@Suite("Markdown report")
struct MarkdownReportTests {
    /// Pipes that delimit cells: those not escaped by an odd run of backslashes.
    static func cellPipes(_ line: String) -> Int {
        var count = 0
        var backslashes = 0
        for character in line {
            if character == "|" && backslashes % 2 == 0 { count += 1 }
            backslashes = character == "\\" ? backslashes + 1 : 0
        }
        return count
    }

    /// The tables of a Markdown document: each a list of its lines, header first, delimiter row second.
    static func tables(_ markdown: String) -> [(rows: [String], next: String?)] {
        let lines = markdown.components(separatedBy: "\n")
        var tables: [(rows: [String], next: String?)] = []
        var index = 0
        while index < lines.count - 1 {
            guard lines[index].hasPrefix("|"), lines[index + 1].hasPrefix("|---") else {
                index += 1
                continue
            }
            var rows = [lines[index], lines[index + 1]]
            index += 2
            while index < lines.count, lines[index].hasPrefix("|") {
                rows.append(lines[index])
                index += 1
            }
            tables.append((rows, index < lines.count ? lines[index] : nil))
        }
        return tables
    }

    @Test(
        "Every table row has as many cell pipes as its header, and a blank line follows each table",
        arguments: ReportFixture.names)
    func tableShape(_ name: String) throws {
        let markdown = try ReportFixture(name).markdown
        let tables = Self.tables(markdown)
        #expect(tables.count >= 15)
        for table in tables {
            let columns = Self.cellPipes(table.rows[0])
            for row in table.rows {
                #expect(Self.cellPipes(row) == columns, "\(row)")
            }
            #expect(table.next == "", "no blank line after the table headed \(table.rows[0])")
        }
    }

    @Test("Hostile text cannot become markup, a new block or a template tag")
    func hostileText() throws {
        let markdown = try ReportFixture("Report/hostile.json").markdown
        #expect(!markdown.contains("<script"))
        let tags = ReportFixture.matches(#"<[^<>\s]*>?"#, in: markdown).map { $0[0] }
        #expect(tags.allSatisfy { $0 == "<br>" }, "raw HTML other than <br>: \(Set(tags))")
        for line in markdown.components(separatedBy: "\n") {
            #expect(!line.hasPrefix("# Not") && !line.hasPrefix("> not") && !line.hasPrefix("- not"))
            #expect(!line.hasPrefix("1. not") && !line.hasPrefix("|---|---|<br>"))
        }
        #expect(
            markdown.hasPrefix(
                "# Data protection impact assessment: WhatsApp \\| &lt;script&gt;alert(1)&lt;/script&gt; {{meta.platform}} 💬\n"
            ))
        #expect(
            markdown.contains(
                "| Reference | \\# IG-1 \\| \\`ref\\` \\*bold\\* \\_u\\_ \\$x\\$ \\[link\\](http://evil.example) |"
            ))
        #expect(
            markdown.contains(
                "&lt;script&gt;alert('notes')&lt;/script&gt;<br>\\| a \\| b \\|<br>\\|---\\|---\\|<br># Not a heading<br>&gt; not a quote<br>- not a list<br>1. not a list<br>"
            ))
        #expect(markdown.contains("مرحبا بالعالم — שלום עולם — 你好，世界 — 🏥👩‍⚕️"))
        #expect(markdown.contains(String(repeating: "Supercalifragilistic", count: 25)))
    }

    @Test(
        "The ICO steps appear in order, then the appendices and references, in both formats",
        arguments: ReportFixture.names)
    func icoOrder(_ name: String) throws {
        let fixture = try ReportFixture(name)
        var titles = ReportData.icoSteps.enumerated().map { "Step \($0.offset + 1): \($0.element)" }
        titles += ["Appendix A: how each rating was worked out", "References"]
        for (document, heading) in [
            (fixture.markdown, { (title: String) in "\n## \(title)\n" }),
            (fixture.html, { (title: String) in ">\(title)</h2>\n" }),
        ] {
            var position = document.startIndex
            for title in titles {
                let found = document.range(of: heading(title), range: position..<document.endIndex)
                #expect(found != nil, "\(title) missing or out of order")
                position = found?.upperBound ?? position
            }
        }
    }
}

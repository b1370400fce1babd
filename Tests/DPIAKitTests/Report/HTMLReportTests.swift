import Foundation
import Testing

@testable import DPIAKit

@Suite("HTML report")
struct HTMLReportTests {
    @Test(
        "The page stands alone: CSP forbids fetching, no scripts, nothing loaded from elsewhere",
        arguments: ReportFixture.names)
    func selfContained(_ name: String) throws {
        let html = try ReportFixture(name).html
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en-GB\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(
            html.contains(
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
            ))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.lowercased().contains("<link"))
        #expect(!html.contains("@import"))
        for source in ReportFixture.matches(#"\bsrc="([^"]*)""#, in: html) {
            #expect(source[1].hasPrefix("data:"), "only data: images may be embedded, found \(source[0])")
        }
        for url in ReportFixture.matches(#"url\(([^)]*)\)"#, in: html) {
            #expect(url[1].hasPrefix("data:"), "CSS may only use data: URLs, found \(url[0])")
        }
        let references = try #require(
            ReportFixture.matches(#"<section class="references".*?</section>"#, in: html).first)[0]
        for link in ReportFixture.matches(#"href="([^"]*)""#, in: html) where !link[1].hasPrefix("#") {
            #expect(references.contains(link[0]), "external link outside the references: \(link[0])")
        }
        #expect(references.contains("<a href=\"https://ico.org.uk/\">ICO DPIA guidance</a>"))
    }

    @Test("One h1, and headings never skip a level", arguments: ReportFixture.names)
    func headingOrder(_ name: String) throws {
        let html = try ReportFixture(name).html
        let levels = ReportFixture.matches(#"<h([1-6])[ >]"#, in: html).map { Int($0[1])! }
        #expect(levels.filter { $0 == 1 }.count == 1)
        #expect(levels.first == 1)
        for (previous, next) in zip(levels, levels.dropFirst()) {
            #expect(next <= previous + 1, "h\(previous) is followed by h\(next)")
        }
        #expect(
            levels.filter { $0 == 2 }.count >= 11, "summary, contents, seven steps, appendices, references")
    }

    @Test("Every table has a caption and every header cell a scope", arguments: ReportFixture.names)
    func tables(_ name: String) throws {
        let html = try ReportFixture(name).html
        let tables = ReportFixture.matches(#"<table[ >]"#, in: html).count
        #expect(tables > 10)
        #expect(ReportFixture.matches(#"<table[^>]*>\n?<caption[ >]"#, in: html).count == tables)
        let headers = ReportFixture.matches(#"<th[ >][^>]*"#, in: html).map { $0[0] }
        #expect(!headers.isEmpty)
        for header in headers {
            #expect(
                header.contains("scope=\"col\"") || header.contains("scope=\"row\""), "\(header) has no scope"
            )
        }
    }

    @Test("Risk levels are tags carrying their word, never colour alone", arguments: ReportFixture.names)
    func levelTags(_ name: String) throws {
        let html = try ReportFixture(name).html
        let tags = ReportFixture.matches(#"<strong class="tag tag-([a-z]+)">([^<]*)</strong>"#, in: html)
        #expect(tags.count >= 6)
        for tag in tags {
            #expect(tag[2] == tag[1].prefix(1).uppercased() + tag[1].dropFirst(), "\(tag[0])")
        }
        let cells = ReportFixture.matches(
            #"<td class="cell-([a-z]+)[^"]*"><span class="cell-level">([^<]*)</span>"#, in: html)
        #expect(cells.count == 27, "three 3 by 3 matrices: inherent, residual and the one in appendix A")
        for cell in cells {
            #expect(cell[2] == cell[1].prefix(1).uppercased() + cell[1].dropFirst(), "\(cell[0])")
        }
    }

    @Test("The summary gives the rating, recommendation, ICO flag, three dimensions and top drivers")
    func summary() throws {
        let html = try ReportFixture("mini-drift.json").html
        let summary = try #require(
            ReportFixture.matches(#"<section class="summary".*?</section>"#, in: html).first)[0]
        #expect(
            summary.contains(
                "Overall risk after approved measures</span> <strong class=\"tag tag-high\">High</strong>"))
        #expect(summary.contains("<strong>Recommendation: Do not approve.</strong>"))
        #expect(
            summary.contains(
                "<strong>ICO prior consultation:</strong> <span dir=\"auto\">Would be required unless measures are approved: approving M1, M2 would avoid it (UK GDPR Art. 36)</span>."
            ))
        #expect(summary.contains("<dt>Data</dt><dd dir=\"auto\">Severe: 3 data categories in scope"))
        #expect(
            summary.contains(
                "<dt>Purpose drift</dt><dd dir=\"auto\">2 data categories are shared outside the approved purposes"
            ))
        #expect(summary.contains("<dt>Controls</dt><dd dir=\"auto\">0 in place, 1 missing or uncertain</dd>"))
        #expect(
            summary.contains(
                "<li><span dir=\"auto\">Missing: Policy for the platform (Q4.1 Policy: No)</span>: +3 to disclosure, purpose (weight 7)</li>"
            ))
        #expect(summary.contains("<p><strong>What keeps the risk after measures at High:</strong></p>"))
    }

    @Test("The heat maps place each risk by severity and likelihood, before and after approved measures")
    func heatMaps() throws {
        // M1 is approved in the hostile answers: two likelihood points off both risks.
        let html = try ReportFixture("Report/hostile.json").html
        let maps = ReportFixture.matches(
            #"<table class="heatmap">\n<caption>([^<]*)</caption>(.*?)</table>"#, in: html)
        #expect(
            maps.map { $0[1] } == [
                "Inherent risk (before measures)", "Residual risk (after approved measures)",
                "Risk matrix used",
            ])
        let header =
            "<thead><tr><th scope=\"col\">Severity by likelihood</th><th scope=\"col\">Remote</th><th scope=\"col\">Possible</th><th scope=\"col\">Probable</th></tr></thead>"
        #expect(maps.allSatisfy { $0[2].contains(header) })
        #expect(
            maps[0][2].contains(
                "<tr><th scope=\"row\">Severe</th><td class=\"cell-low\"><span class=\"cell-level\">Low</span></td><td class=\"cell-high\"><span class=\"cell-level\">High</span></td><td class=\"cell-high occupied\"><span class=\"cell-level\">High</span><span class=\"cell-risks\" dir=\"auto\">disclosure</span></td></tr>"
            ))
        #expect(
            maps[1][2].contains(
                "<tr><th scope=\"row\">Severe</th><td class=\"cell-low\"><span class=\"cell-level\">Low</span></td><td class=\"cell-high occupied\"><span class=\"cell-level\">High</span><span class=\"cell-risks\" dir=\"auto\">disclosure</span></td><td class=\"cell-high\"><span class=\"cell-level\">High</span></td></tr>"
            ))
        #expect(
            maps[1][2].contains(
                "<td class=\"cell-medium occupied\"><span class=\"cell-level\">Medium</span><span class=\"cell-risks\" dir=\"auto\">purpose</span></td>"
            ))
        #expect(!maps[2][2].contains("occupied"))
    }

    @Test("Print: A4 pages, repeated table headers, risks and sign-off kept whole, colours kept")
    func printStyles() throws {
        let html = try ReportFixture("mini-drift.json").html
        #expect(html.contains("size: A4;"))
        #expect(html.contains("thead { display: table-header-group; }"))
        #expect(html.contains("tr, .signoff"))
        #expect(html.contains("print-color-adjust: exact;"))
        #expect(html.contains("<table class=\"signoff\">\n<caption>Sign-off and outcomes</caption>"))
        #expect(html.contains("content: \"DPIA answers fingerprint 8afff6d0bd43\";"))
    }

    @Test("Hostile text is shown as text: no markup, no template expansion, right-to-left isolated")
    func hostileText() throws {
        let html = try ReportFixture("Report/hostile.json").html
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>") && !html.contains("<i>"))
        #expect(
            html.contains(
                "<h1><span class=\"h1-kind\">Data protection impact assessment</span> <bdi>WhatsApp | &lt;script&gt;alert(1)&lt;/script&gt; {{meta.platform}} 💬</bdi></h1>"
            ))
        #expect(
            html.contains(
                "<td dir=\"auto\">مستشفى &lt;script&gt;alert(&#39;org&#39;)&lt;/script&gt; | NHS Trust</td>"))
        #expect(html.contains("<td dir=\"auto\">דנה כהן &amp; 王小明 &lt;b&gt;bold&lt;/b&gt;</td>"))
        #expect(
            html.contains(
                "{{#risks}}{{title}}{{/risks}} {{{tool.name}}}\nمرحبا بالعالم — שלום עולם — 你好，世界 — 🏥👩‍⚕️"))
        #expect(html.contains(String(repeating: "Supercalifragilistic", count: 25)))
        #expect(html.contains("overflow-wrap: anywhere;"))
        #expect(
            html.contains(
                "<td class=\"user-text\" dir=\"auto\">Agreed | by &lt;i&gt;IG&lt;/i&gt;\nsecond line &lt;script&gt;x&lt;/script&gt;</td>"
            ))
    }
}

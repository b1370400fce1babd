import Foundation
import TestSupport
import Testing

@testable import DPIAKit

/// The Word report as an Office Open XML package (ECMA-376): the parts and their wiring, the seven steps as
/// Heading 1, every style the body uses defined, hostile text kept as text, and the same bytes each time.
@Suite("Word report")
struct WordReportTests {
    static func parts(_ fixture: ReportFixture) throws -> [String: String] {
        let entries = try StoredZIP.entries(Data(fixture.docx))
        return Dictionary(
            entries.map { ($0.name, String(decoding: $0.bytes, as: UTF8.self)) },
            uniquingKeysWith: { a, _ in a })
    }

    @Test("The package holds the parts in order, each typed and linked", arguments: ReportFixture.names)
    func package(_ name: String) throws {
        let fixture = try ReportFixture(name)
        let names = try StoredZIP.entries(Data(fixture.docx)).map(\.name)
        #expect(
            names == [
                "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
                "word/document.xml",
                "word/_rels/document.xml.rels", "word/styles.xml", "word/settings.xml", "word/numbering.xml",
                "word/footer1.xml",
            ])
        let parts = try Self.parts(fixture)
        let types = try #require(parts["[Content_Types].xml"])
        for part in names where !part.hasSuffix(".rels") && part != "[Content_Types].xml" {
            #expect(types.contains("<Override PartName=\"/\(part)\" "), "\(part) has no content type")
        }
        let targets =
            ReportFixture.matches(#"Target="([^"]+)""#, in: parts["_rels/.rels"]!).map { $0[1] }
            + ReportFixture.matches(#"Target="([^"]+)""#, in: parts["word/_rels/document.xml.rels"]!).map {
                "word/" + $0[1]
            }
        #expect(Set(targets) == Set(names.filter { !$0.hasSuffix(".rels") && $0 != "[Content_Types].xml" }))
        let document = try #require(parts["word/document.xml"])
        #expect(
            document.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document "))
        #expect(document.contains("<w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>"))
        #expect(parts["word/_rels/document.xml.rels"]!.contains("Id=\"rIdFooter\""))
    }

    @Test("The seven ICO steps are Heading 1 paragraphs, in order", arguments: ReportFixture.names)
    func steps(_ name: String) throws {
        let document = try #require(try Self.parts(try ReportFixture(name))["word/document.xml"])
        let headings = ReportFixture.matches(
            #"<w:pStyle w:val="Heading1"/>(?:<w:pageBreakBefore/>)?</w:pPr><w:r><w:t(?: xml:space="preserve")?>([^<]*)</w:t>"#,
            in: document
        ).map { $0[1] }
        let steps = ReportData.icoSteps.enumerated().map { "Step \($0.offset + 1): \($0.element)" }
        #expect(headings.filter { $0.hasPrefix("Step ") } == steps)
        #expect(headings.first == "Summary")
        #expect(headings.last == "References")
    }

    @Test("Every style the body and footer use is defined in the styles part", arguments: ReportFixture.names)
    func stylesDefined(_ name: String) throws {
        let parts = try Self.parts(try ReportFixture(name))
        let defined = Set(
            ReportFixture.matches(#"w:styleId="([^"]+)""#, in: parts["word/styles.xml"]!).map { $0[1] })
        for part in ["word/document.xml", "word/footer1.xml", "word/numbering.xml"] {
            let used = Set(
                ReportFixture.matches(#"w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)""#, in: parts[part]!).map
                { $0[1] })
            #expect(
                used.subtracting(defined).isEmpty,
                "\(part) uses undefined styles \(used.subtracting(defined))")
        }
    }

    @Test("Hostile answers stay text: escaped, line breaks as <w:br/>, nothing raw")
    func hostile() throws {
        let parts = try Self.parts(try ReportFixture("Report/hostile.json"))
        let document = try #require(parts["word/document.xml"])
        for part in parts.values {
            #expect(!part.contains("<script"))
            #expect(!part.contains("<b>") && !part.contains("<i>"))
        }
        #expect(document.contains("WhatsApp | &lt;script&gt;alert(1)&lt;/script&gt; {{meta.platform}} 💬"))
        #expect(
            document.contains(
                "Agreed | by &lt;i&gt;IG&lt;/i&gt;</w:t><w:br/><w:t xml:space=\"preserve\">second line &lt;script&gt;x&lt;/script&gt;"
            ))
        let core = try #require(parts["docProps/core.xml"])
        #expect(core.contains("<dc:creator>דנה כהן &amp; 王小明 &lt;b&gt;bold&lt;/b&gt;</dc:creator>"))
        #expect(
            parts["word/footer1.xml"]!.contains(
                "Reference: # IG-1 | `ref` *bold* _u_ $x$ [link](http://evil.example)."))
    }

    @Test("Core properties: title, author the assessor, dates from the answers, never the clock")
    func coreProperties() throws {
        let core = try #require(try Self.parts(try ReportFixture("mini-drift.json"))["docProps/core.xml"])
        let fixture = try ReportFixture("mini-drift.json")
        let meta = try #require(fixture.data["meta"])
        let date = try #require(meta["assessmentDate"]?.renderedText)
        #expect(
            core.contains(
                "<dc:title>Data protection impact assessment: \(meta["platform"]!.renderedText)</dc:title>"))
        #expect(core.contains("<dc:creator>\(meta["assessor"]!.renderedText)</dc:creator>"))
        #expect(
            core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">\(date)T00:00:00Z</dcterms:created>"))
        #expect(core.contains("<dc:language>en-GB</dc:language>"))
    }

    @Test("Rendering twice gives the same .docx bytes", arguments: ReportFixture.names)
    func deterministic(_ name: String) throws {
        #expect(try ReportFixture(name).docx == ReportFixture(name).docx)
    }

    @Test("A templates folder with report.docx.mustache but no docx/ parts is refused, naming each")
    func missingParts() throws {
        let work = try ScratchFolder()
        defer { work.remove() }
        try work.write("<w:document/>", to: "t/report.docx.mustache")
        #expect {
            try ReportTemplates.load(directory: work.path("t"))
        } throws: { error in
            "\(error)"
                == "\(work.path("t"))/docx/styles.xml.mustache: is missing; the Word report needs it beside report.docx.mustache\n"
                + "\(work.path("t"))/docx/footer.xml.mustache: is missing; the Word report needs it beside report.docx.mustache"
        }
    }

    @Test("A typo in the Word styles or footer template is reported like one in the body")
    func typoInPart() throws {
        let work = try ScratchFolder()
        defer { work.remove() }
        try work.copy(ReportFixture.templates, to: "t")
        try work.write("<w:ftr>{{meta.platfrom}}</w:ftr>\n", to: "t/docx/footer.xml.mustache")
        let unknown = try ReportTemplates.load(directory: work.path("t")).unknownNames(toolVersion: "1")
        #expect(
            unknown.map(\.description) == [
                "\(work.path("t"))/docx/footer.xml.mustache:1:8: unknown name \"meta.platfrom\""
            ])
    }

    @Test("Characters XML forbids are shown as control pictures, never written raw")
    func controlCharacters() throws {
        let work = try ScratchFolder()
        defer { work.remove() }
        let fixture = try ReportFixture(answersPath: try ReportFixture.writeControlCharacters(in: work))
        let document = try #require(try Self.parts(fixture)["word/document.xml"])
        #expect(document.contains("bell\u{2407} nul\u{2400} vt\u{240B} non-character\u{FFFD} end. "))
        let forbidden = document.unicodeScalars.filter {
            ($0.value < 0x20 && $0 != "\n") || $0.value == 0xFFFE || $0.value == 0xFFFF
        }
        #expect(forbidden.isEmpty)
    }
}

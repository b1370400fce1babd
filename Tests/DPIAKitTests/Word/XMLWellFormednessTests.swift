import Foundation
import TestSupport
import Testing

@testable import DPIAKit

/// The well-formedness check behind `dpia validate --templates` for the Word templates (XML 1.0, 2.1).
@Suite("XML well-formedness of the Word parts")
struct XMLWellFormednessTests {
    static func check(_ text: String) -> XMLWellFormedness.Problem? {
        XMLWellFormedness.check(Array(text.utf8))
    }

    @Test(
        "Well-formed documents pass",
        arguments: [
            #"<?xml version="1.0"?><a><b x="1>2"/><c>t &amp; &lt; &#65; &#x41;</c></a>"#,
            "<a>\n<!-- a <comment> -->\n<b></b>\n</a>\n",
            #"<w:document xmlns:w="urn:x"><w:body><w:p/></w:body></w:document>"#,
        ])
    func wellFormed(_ text: String) {
        #expect(Self.check(text) == nil)
    }

    @Test(
        "Each kind of damage is found, with its place",
        arguments: [
            ("<a><b></a>", 1, 7, "end tag </a> where </b> was expected"),
            ("<a>\n<b>x & y</b></a>", 2, 6, #"a bare "&"; expected &amp; or another entity"#),
            ("<a>&nbsp;</a>", 1, 4, #"unknown entity "&nbsp;"; expected one of XML's five or &#N;"#),
            ("<a>\n<b>\n</a>", 3, 1, "end tag </a> where </b> was expected"),
            ("<a></a><b/>", 1, 8, "a second root element"),
            ("<a><b>", 1, 7, "<b> is never closed"),
            ("</a>", 1, 1, "end tag </a> with no element open"),
            ("<a x=\"1><b/></a>", 1, 1, #"a tag that never ends, or an unquoted ">" in an attribute"#),
            ("just text", 1, 10, "no root element"),
        ])
    func damaged(_ text: String, _ line: Int, _ column: Int, _ message: String) {
        #expect(Self.check(text) == XMLWellFormedness.Problem(line: line, column: column, message: message))
    }

    @Test(
        "Every bundled example's Word report is well-formed in every part",
        arguments: BundledContent.exampleFiles)
    func bundledReports(_ example: String) throws {
        let data = ReportData.build(try BundledContent.assessment(example: example), toolVersion: "test")
        let templates = try ReportTemplates.load(directory: ReportFixture.templates)
        let archive = try templates.renderBytes(.docx, data: data)
        for entry in try StoredZIP.entries(Data(archive)) {
            #expect(XMLWellFormedness.check(entry.bytes) == nil, "\(entry.name)")
        }
        #expect(templates.wordXMLProblems(toolVersion: "test").isEmpty)
    }

    @Test("validate --templates names a Word template left with an element open")
    func editedTemplateIsReported() throws {
        let work = try ScratchFolder()
        defer { work.remove() }
        for file in [
            "report.md.mustache", "report.html.mustache", "report.docx.mustache",
            "partials/answers.md.mustache",
            "partials/answers.html.mustache", "partials/answers.docx.mustache", "partials/style.css.mustache",
            "partials/changes.md.mustache", "partials/changes.html.mustache",
            "partials/changes.docx.mustache",
            "docx/styles.xml.mustache", "docx/footer.xml.mustache",
        ] {
            try work.copy(ReportFixture.templates + "/" + file, to: "T/" + file)
        }
        let path = work.path("T/report.docx.mustache")
        let source = try String(contentsOfFile: path, encoding: .utf8)
        try source.replacingOccurrences(of: "<w:body>", with: "<w:body><w:p>")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let problems = try ReportTemplates.load(directory: work.path("T")).wordXMLProblems(
            toolVersion: "test")
        #expect(problems.map(\.kind) == [.malformedXML])
        #expect(problems.first?.template == work.path("T/report.docx.mustache"))
        #expect(problems.first?.message.contains("end tag </w:body> where </w:p> was expected") == true)
    }
}

import Foundation
import TestSupport
import Testing

@testable import DPIAKit

/// Checks the reports with other people's parsers, through Tests/Scripts/check-reports.py. CI installs
/// them (python3-html5lib, cmark-gfm, pandoc); where one is missing the test is skipped and says why.
@Suite("Reports checked by external tools")
struct ExternalReportCheckTests {
    static let script = PackageRoot.path("Tests/Scripts/check-reports.py")

    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func run(_ arguments: [String]) -> (status: Int32, errors: String) {
        do {
            let result = try DPIAProcess.run(
                executable: URL(fileURLWithPath: arguments[0]), Array(arguments.dropFirst()),
                in: FileManager.default.temporaryDirectory)
            return (result.status, result.stderr)
        } catch {
            return (-1, "\(error)")
        }
    }

    /// A Python 3, preferring one that has html5lib (Debian's python3-html5lib goes with /usr/bin/python3).
    static let python: String? = {
        let candidates = ["/usr/bin/python3", executable("python3")].compactMap { $0 }
        return candidates.first { run([$0, "-c", "import html5lib"]).status == 0 } ?? candidates.first
    }()
    static let hasHTML5Lib = python.map { run([$0, "-c", "import html5lib"]).status == 0 } ?? false
    static let hasConverters = python != nil && executable("cmark-gfm") != nil && executable("pandoc") != nil

    /// Writes both fixtures' reports to a fresh folder and returns their paths by extension.
    static func writeReports() throws -> (directory: URL, markdown: [String], html: [String]) {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("dpia-report-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var markdown: [String] = []
        var html: [String] = []
        for name in ReportFixture.names {
            let fixture = try ReportFixture(name)
            let base = directory.appendingPathComponent(
                URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent)
            try fixture.markdown.write(toFile: base.path + ".md", atomically: true, encoding: .utf8)
            try fixture.html.write(toFile: base.path + ".html", atomically: true, encoding: .utf8)
            markdown.append(base.path + ".md")
            html.append(base.path + ".html")
        }
        return (directory, markdown, html)
    }

    @Test(
        "html5lib's strict parser accepts the HTML reports",
        .enabled(if: hasHTML5Lib, "needs python3 with html5lib: apt-get install python3-html5lib"))
    func strictHTML() throws {
        let reports = try Self.writeReports()
        defer { try? FileManager.default.removeItem(at: reports.directory) }
        let result = Self.run([Self.python!, Self.script, "html"] + reports.html)
        #expect(result.status == 0, "\(result.errors)")
    }

    @Test(
        "cmark-gfm and pandoc make the tables and rows the Markdown means, and hostile text stays text",
        .enabled(if: hasConverters, "needs python3, cmark-gfm and pandoc: apt-get install cmark-gfm pandoc"))
    func markdownConverters() throws {
        let reports = try Self.writeReports()
        defer { try? FileManager.default.removeItem(at: reports.directory) }
        let hostile = reports.markdown.filter { $0.hasSuffix("hostile.md") }
        let expected = [
            "WhatsApp | <script>alert(1)</script> {{meta.platform}} 💬",
            "<script>alert('notes')</script>\n| a | b |\n",
            "# Not a heading\n> not a quote\n- not a list\n1. not a list\n`code` **bold** ~~strike~~ $maths$ &amp; &copy;",
            "{{#risks}}{{title}}{{/risks}} {{{tool.name}}}", "דנה כהן & 王小明 <b>bold</b>",
            "Agreed | by <i>IG</i>\nsecond line <script>x</script>",
            String(repeating: "Supercalifragilistic", count: 25),
        ]
        let plain = Self.run(
            [Self.python!, Self.script, "md"] + reports.markdown.filter { !hostile.contains($0) })
        #expect(plain.status == 0, "\(plain.errors)")
        let checked = Self.run(
            [Self.python!, Self.script, "md"] + expected.flatMap { ["--expect-text", $0] } + hostile)
        #expect(checked.status == 0, "\(checked.errors)")
    }

    static let docxScript = PackageRoot.path("Tests/Scripts/check-docx.py")
    /// A Python 3 with python-docx (Debian's python3-docx, or pip's in whichever python3 is first on PATH).
    static let docxPython: String? = ["/usr/bin/python3", executable("python3")].compactMap { $0 }.first {
        run([$0, "-c", "from docx import Document"]).status == 0
    }
    static let hasLibreOffice =
        python != nil && (executable("soffice") ?? executable("libreoffice")) != nil
        && executable("pdftotext") != nil

    /// Writes the fixtures' Word reports, one with characters XML forbids, and the bundled drift example's
    /// (the last), to a fresh folder.
    static func writeWordReports() throws -> (work: ScratchFolder, files: [String]) {
        let work = try ScratchFolder()
        var files: [String] = []
        let fixtures =
            try ReportFixture.names.map { try ReportFixture($0) } + [
                try ReportFixture(answersPath: try ReportFixture.writeControlCharacters(in: work)),
                try ReportFixture(
                    answersPath: PackageRoot.path("Questionnaires/examples/whatsapp-ward-group-drift.json"),
                    questionnairePath: PackageRoot.path("Questionnaires/communication-platform/1.0.0.json")),
            ]
        for (index, fixture) in fixtures.enumerated() {
            let path = work.path("report-\(index).docx")
            try Data(fixture.docx).write(to: URL(fileURLWithPath: path))
            files.append(path)
        }
        return (work, files)
    }

    @Test(
        "Python's zipfile and python-docx read the Word reports: every step a Heading 1, every sign-off row",
        .enabled(if: docxPython != nil, "needs python3 with python-docx: pip install python-docx"))
    func wordPackage() throws {
        let reports = try Self.writeWordReports()
        defer { reports.work.remove() }
        let headings = ReportData.icoSteps.enumerated().map { "Step \($0.offset + 1): \($0.element)" }
        let all = Self.run(
            [Self.docxPython!, Self.docxScript, "package"] + headings.flatMap { ["--heading", $0] }
                + reports.files)
        #expect(all.status == 0, "\(all.errors)")
        // Every row of the ICO's step 7 table, printed whether answered or not.
        let rows = [
            "Measures approved by", "Residual risks approved by", "DPO advice provided",
            "Summary of DPO advice", "DPO advice accepted or overruled by", "Comments",
            "Consultation responses reviewed by", "This DPIA will be kept under review by",
        ]
        let drift = Self.run(
            [Self.docxPython!, Self.docxScript, "package"] + rows.flatMap { ["--row", $0] } + [
                reports.files.last!
            ])
        #expect(drift.status == 0, "\(drift.errors)")
    }

    @Test(
        "LibreOffice converts the Word reports to PDF, whose text holds the rating and the step headings",
        .enabled(
            if: hasLibreOffice,
            "needs soffice and pdftotext: apt-get install libreoffice-writer-nogui poppler-utils"))
    func wordToPDF() throws {
        let reports = try Self.writeWordReports()
        defer { reports.work.remove() }
        let texts =
            ["Overall risk after approved measures: High", "Recommendation: Do not approve."]
            + ReportData.icoSteps.enumerated().map { "Step \($0.offset + 1): \($0.element)" }
        let result = Self.run(
            [Self.python!, Self.docxScript, "pdf"] + texts.flatMap { ["--text", $0] } + reports.files)
        #expect(result.status == 0, "\(result.errors)")
    }
}

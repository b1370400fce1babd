import Foundation
import TestSupport
import Testing

@testable import DPIAKit

/// Prints the drift example's HTML report to PDF with headless Chromium, as a committee secretary would,
/// and reads the pages back with poppler. CI installs both; where one is missing the test says it skipped.
@Suite("The printed report")
struct PrintedReportTests {
    static let chromium =
        ExternalReportCheckTests.executable("chromium")
        ?? ExternalReportCheckTests.executable("chromium-browser")
    static let pdfinfo = ExternalReportCheckTests.executable("pdfinfo")
    static let pdftotext = ExternalReportCheckTests.executable("pdftotext")
    static let available = chromium != nil && pdfinfo != nil && pdftotext != nil

    /// The example's HTML report printed to A4; the folder is removed by the caller.
    static func printed(_ example: String) throws -> (directory: URL, pdf: String) {
        let assessment = try BundledContent.assessment(example: example)
        let data = ReportData.build(assessment, toolVersion: "test")
        let html = try ReportTemplates.load(directory: ReportFixture.templates).render(.html, data: data)
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("dpia-print-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let page = directory.appendingPathComponent("report.html").path
        let pdf = directory.appendingPathComponent("report.pdf").path
        try html.write(toFile: page, atomically: true, encoding: .utf8)
        let result = ExternalReportCheckTests.run([
            chromium!, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
            "--user-data-dir=" + directory.appendingPathComponent("profile").path,
            "--print-to-pdf=" + pdf, "file://" + page,
        ])
        #expect(FileManager.default.fileExists(atPath: pdf), "chromium wrote no PDF: \(result.errors)")
        return (directory, pdf)
    }

    static func output(_ arguments: [String]) throws -> String {
        let result = try DPIAProcess.run(
            executable: URL(fileURLWithPath: arguments[0]), Array(arguments.dropFirst()),
            in: FileManager.default.temporaryDirectory)
        return result.stdout
    }

    @Test(
        "The drift example prints to at most 14 A4 pages, and page 1 carries the decision",
        .enabled(if: available, "needs chromium and poppler-utils: apt-get install chromium poppler-utils"))
    func driftExampleLengthAndFirstPage() throws {
        let (directory, pdf) = try Self.printed("whatsapp-ward-group-drift.json")
        defer { try? FileManager.default.removeItem(at: directory) }
        let info = try Self.output([Self.pdfinfo!, pdf])
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) }
        let count = try #require(pages, "pdfinfo gave no page count: \(info)")
        #expect(count <= 14, "the drift example prints to \(count) pages")
        #expect(info.contains("A4"), "not A4: \(info)")
        let first = try Self.output([Self.pdftotext!, "-f", "1", "-l", "1", "-layout", pdf, "-"])
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for text in [
            "Overall risk after approved measures", "Recommendation: Do not approve.",
            "ICO prior consultation: Would be required", "Purpose drift 6 data categories",
            "Controls 1 in place, 18 missing or uncertain", "Draft: 23 items missing",
        ] {
            #expect(first.contains(text), "page 1 lacks \"\(text)\"")
        }
    }
}

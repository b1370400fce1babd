import Foundation
import TestSupport
import Testing

/// Runs the built `dpia` binary to write reports, as an IG lead would.
@Suite("dpia assess writes reports", .enabled(if: DPIAProcess.isBuilt, "the dpia binary is not built"))
struct ReportEndToEndTests {
    @Test("Both formats by default, byte-identical on a rerun, never overwritten without --force")
    func writesBothFormats() throws {
        let work = try ScratchFolder()
        defer { work.remove() }
        try work.copy(PackageRoot.fixture("mini.json"), to: "mini.json")
        try work.copy(PackageRoot.fixture("Report/hostile.json"), to: "hostile.json")
        let arguments = [
            "assess", "--questionnaire", "mini.json", "--templates", PackageRoot.path("Templates"),
            "--out", "out", "hostile.json",
        ]
        let summary = try String(
            contentsOf: Golden.folder.appendingPathComponent("hostile/summary.txt"), encoding: .utf8)
        expect(try work.run(arguments), equals: .init(stdout: summary))
        let markdown = try work.data("out/hostile.md")
        let html = try work.data("out/hostile.html")
        #expect(String(decoding: html, as: UTF8.self).hasPrefix("<!DOCTYPE html>\n<html lang=\"en-GB\">"))
        #expect(String(decoding: markdown, as: UTF8.self).hasPrefix("# Data protection impact assessment: "))
        expect(
            try work.run(arguments),
            equals: .init(
                status: 73,
                stderr:
                    "dpia: error: out/hostile.md: already exists; use --force to replace it (nothing was written)\n"
            ))
        expect(try work.run(arguments + ["--force"]), equals: .init(stdout: summary))
        #expect(try work.data("out/hostile.md") == markdown)
        #expect(try work.data("out/hostile.html") == html)
        #expect(work.files(in: "out") == ["hostile.html", "hostile.md"])
    }

    @Test("--format md,html,docx writes the Word report beside the others, as one set")
    func writesWord() throws {
        let work = try ScratchFolder()
        defer { work.remove() }
        try work.copy(PackageRoot.fixture("mini.json"), to: "mini.json")
        try work.copy(PackageRoot.fixture("Report/hostile.json"), to: "hostile.json")
        let arguments = [
            "assess", "--questionnaire", "mini.json", "--out", "out", "--format", "md,html,docx",
            "hostile.json",
        ]
        let summary = try String(
            contentsOf: Golden.folder.appendingPathComponent("hostile/summary.txt"), encoding: .utf8)
        let written = summary.replacingOccurrences(
            of: "out/hostile.html\n", with: "out/hostile.html, out/hostile.docx\n")
        #expect(written != summary)
        expect(try work.run(arguments), equals: .init(stdout: written))
        let docx = try work.data("out/hostile.docx")
        #expect(try StoredZIP.entries(docx).count == 10)
        // A rerun is refused because the set exists, and leaves every file as it was.
        expect(
            try work.run(arguments),
            equals: .init(
                status: 73,
                stderr:
                    "dpia: error: out/hostile.md: already exists; use --force to replace it (nothing was written)\n"
            ))
        #expect(try work.data("out/hostile.docx") == docx)
        expect(try work.run(arguments + ["--force"]), equals: .init(stdout: written))
        #expect(try work.data("out/hostile.docx") == docx)
        #expect(work.files(in: "out") == ["hostile.docx", "hostile.html", "hostile.md"])
    }
}

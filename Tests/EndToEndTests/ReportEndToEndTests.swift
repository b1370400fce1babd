import Foundation
import Testing

/// Runs the built `dpia` binary to write reports, as an IG lead would.
@Suite("dpia assess writes reports")
struct ReportEndToEndTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let binary = Bundle.main.bundleURL.appendingPathComponent("dpia").path

    static func dpia(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test(
        "Both formats by default, byte-identical on a rerun, never overwritten without --force",
        .enabled(if: FileManager.default.isExecutableFile(atPath: binary), "the dpia binary is not built"))
    func writesBothFormats() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent(
            "dpia-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let arguments = [
            "assess", "--questionnaire", "Tests/DPIAKitTests/Fixtures/mini.json", "--templates", "Templates",
            "--out", out.path, "Tests/DPIAKitTests/Fixtures/Report/hostile.json",
        ]
        #expect(try Self.dpia(arguments) == 0)
        let markdown = try Data(contentsOf: out.appendingPathComponent("hostile.md"))
        let html = try Data(contentsOf: out.appendingPathComponent("hostile.html"))
        #expect(String(decoding: html, as: UTF8.self).hasPrefix("<!DOCTYPE html>\n<html lang=\"en-GB\">"))
        #expect(String(decoding: markdown, as: UTF8.self).hasPrefix("# Data protection impact assessment: "))
        #expect(try Self.dpia(arguments) == 73)
        #expect(try Self.dpia(arguments + ["--force"]) == 0)
        #expect(try Data(contentsOf: out.appendingPathComponent("hostile.md")) == markdown)
        #expect(try Data(contentsOf: out.appendingPathComponent("hostile.html")) == html)
    }
}

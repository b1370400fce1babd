import Foundation
import TestSupport
import Testing

@testable import DPIAKit

/// `dpia assess --fail-on` through the library command, on the mini questionnaire with its scale of
/// risk levels made two, three or four levels long.
@Suite("dpia assess --fail-on on scales of any size")
struct AssessCommandGateTests {
    /// What a run told its output, and how it ended.
    final class Transcript {
        var out: [String] = []
        var error: [String] = []
        var output: CommandOutput {
            CommandOutput(out: { self.out.append($0) }, error: { self.error.append($0) })
        }
    }

    static let threeLevels =
        #"[{"id": "low", "label": "Low"}, {"id": "medium", "label": "Medium"}, {"id": "high", "label": "High"}]"#

    /// The mini questionnaire with `riskLevels` replaced and `replacements` made, written to a folder.
    static func questionnaire(
        levels: String, _ replacements: [(String, String)] = [], in folder: URL
    ) throws -> String {
        var text = try Fixture.text("mini.json").replacingOccurrences(of: threeLevels, with: levels)
        for (old, new) in replacements { text = text.replacingOccurrences(of: old, with: new) }
        let path = folder.appendingPathComponent("scale.json").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func run(_ questionnaire: String, failOn: String, out: URL) -> (
        status: Int32, transcript: Transcript
    ) {
        let transcript = Transcript()
        let command = AssessCommand(
            answers: [Fixture.path("mini-drift.json")], batch: nil, questionnaire: questionnaire,
            outputDirectory: out.path, formats: [.markdown], overwrite: false, templates: nil,
            failOn: FailOnGate(threshold: failOn))
        let context = CommandContext(environment: [:], executablePath: nil, sourceRoot: PackageRoot.url.path)
        return (command.run(in: context, output: transcript.output).code, transcript)
    }

    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "dpia-gate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func theBundledThreeLevelScaleGives22ForHigh() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (status, transcript) = Self.run(Fixture.path("mini.json"), failOn: "medium", out: folder)
        #expect(status == 22)
        #expect(transcript.error == ["dpia: overall residual risk High is at or above --fail-on medium"])
        let (atHigh, _) = Self.run(
            Fixture.path("mini.json"), failOn: "high", out: folder.appendingPathComponent("again"))
        #expect(atHigh == 22)
    }

    @Test func aTwoLevelScaleFailsFailOnHighWith21() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.questionnaire(
            levels: #"[{"id": "low", "label": "Low"}, {"id": "high", "label": "High"}]"#,
            [
                (#""possible": "medium""#, #""possible": "high""#),
                (#""recommendMeasuresFrom": "medium""#, #""recommendMeasuresFrom": "high""#),
                (#""residualLevels": ["medium"]"#, #""residualLevels": ["low"]"#),
            ], in: folder)
        let (status, transcript) = Self.run(path, failOn: "high", out: folder.appendingPathComponent("r"))
        #expect(status == 21, "\(transcript.error)")
        #expect(transcript.error.last == "dpia: overall residual risk High is at or above --fail-on high")
    }

    static let fourLevels =
        #"[{"id": "low", "label": "Low"}, {"id": "medium", "label": "Medium"}, {"id": "high", "label": "High"}, {"id": "critical", "label": "Critical"}]"#

    @Test func aFourLevelScaleAcceptsItsOwnIDsAndGives23ForItsTop() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.questionnaire(
            levels: Self.fourLevels,
            [
                (
                    #""severe": {"remote": "low", "possible": "high", "probable": "high"}"#,
                    #""severe": {"remote": "low", "possible": "critical", "probable": "critical"}"#
                )
            ], in: folder)
        let (status, transcript) = Self.run(path, failOn: "critical", out: folder.appendingPathComponent("r"))
        #expect(status == 23)
        #expect(
            transcript.error == ["dpia: overall residual risk Critical is at or above --fail-on critical"])
        let (atLow, _) = Self.run(path, failOn: "low", out: folder.appendingPathComponent("s"))
        #expect(atLow == 23)
    }

    @Test func onAFourLevelScaleARatingBelowTheThresholdPasses() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // No cell of the matrix gives "critical", so the drift example stays High, position 2.
        let path = try Self.questionnaire(levels: Self.fourLevels, in: folder)
        let (passing, passed) = Self.run(path, failOn: "critical", out: folder.appendingPathComponent("r"))
        #expect(passing == 0)
        #expect(passed.error.isEmpty)
        let (failing, _) = Self.run(path, failOn: "medium", out: folder.appendingPathComponent("s"))
        #expect(failing == 22)
    }

    @Test func aLevelOutsideTheScaleIsAUsageErrorAndWritesNothing() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.questionnaire(
            levels: Self.fourLevels, in: folder)
        let reports = folder.appendingPathComponent("r")
        let (status, transcript) = Self.run(path, failOn: "urgent", out: reports)
        #expect(status == 64)
        #expect(
            transcript.error == [
                "dpia assess: invalid value 'urgent' for option '--fail-on'; expected one of: low, medium, high, critical\nusage: dpia assess [options] [ANSWERS...]\nRun 'dpia --help' for more."
            ])
        #expect(transcript.out.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: reports.path))
    }
}

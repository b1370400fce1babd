import Foundation
import TestSupport
import Testing

/// Every bundled example and a hostile-text case, rendered by the built binary and compared byte for
/// byte with `Tests/Goldens`: the reports, what `assess` prints, and a batch's `summary.tsv`.
///
/// Refresh on purpose with `make goldens` (`DPIA_UPDATE_GOLDENS=1 swift test --filter Golden`), and
/// say in the commit why the reports moved.
@Suite("Golden reports", .enabled(if: DPIAProcess.isBuilt, "the dpia binary is not built"))
struct GoldenReportTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var answers: String
        var questionnaire: String?
        var testDescription: String { name }
    }

    static let examples: [Case] = {
        let folder = PackageRoot.path("Questionnaires/examples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map {
            Case(name: String($0.dropLast(5)), answers: "\(folder)/\($0)")
        }
    }()

    static let cases: [Case] =
        examples + [
            Case(
                name: "hostile", answers: DPIAProcess.fixture("Report/hostile.json"),
                questionnaire: DPIAProcess.fixture("mini.json"))
        ]

    @Test("Reports and the terminal summary match the goldens", arguments: cases)
    func report(_ example: Case) throws {
        let work = try DPIAProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        // The answers file is copied in so every path the tool prints is relative and stable.
        try FileManager.default.copyItem(
            atPath: example.answers, toPath: work.appendingPathComponent("\(example.name).json").path)
        var arguments = ["assess", "--out", "out", "\(example.name).json"]
        if let questionnaire = example.questionnaire { arguments += ["--questionnaire", questionnaire] }
        let result = try DPIAProcess.run(arguments, in: work)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr == "", "\(result)")
        let outputs: [(String, Data)] = [
            ("\(example.name)/summary.txt", Data(result.stdout.utf8)),
            (
                "\(example.name)/\(example.name).md",
                try Data(contentsOf: work.appendingPathComponent("out/\(example.name).md"))
            ),
            (
                "\(example.name)/\(example.name).html",
                try Data(contentsOf: work.appendingPathComponent("out/\(example.name).html"))
            ),
        ]
        for (golden, bytes) in outputs {
            if let difference = Golden.check(bytes, against: golden) { Issue.record("\(difference)") }
        }
    }

    @Test("A batch over every example prints and summarises as the goldens say")
    func batch() throws {
        let work = try DPIAProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.copyItem(
            atPath: PackageRoot.path("Questionnaires/examples"),
            toPath: work.appendingPathComponent("examples").path)
        let result = try DPIAProcess.run(["assess", "--batch", "examples", "--out", "out"], in: work)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr == "", "\(result)")
        let summary = try Data(contentsOf: work.appendingPathComponent("out/summary.tsv"))
        for (golden, bytes) in [
            ("batch/stdout.txt", Data(result.stdout.utf8)), ("batch/summary.tsv", summary),
        ] {
            if let difference = Golden.check(bytes, against: golden) { Issue.record("\(difference)") }
        }
    }
}

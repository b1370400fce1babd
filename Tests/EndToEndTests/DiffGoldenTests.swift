import Foundation
import TestSupport
import Testing

/// `dpia diff` run by the built binary: the worked example's review against the assessment before it,
/// compared byte for byte with `Tests/Goldens/diff/`, and the errors a wrong command line or file gets.
@Suite("Golden diff (end to end)", .enabled(if: DPIAProcess.isBuilt, "the dpia binary is not built"))
struct DiffGoldenTests {
    /// A scratch folder with the worked example history copied in as `ward12/`, so printed paths are relative.
    static func exampleFolder() throws -> ScratchFolder {
        let work = try ScratchFolder()
        try work.copy(PackageRoot.path("Questionnaires/examples/register/northshire-ward12"), to: "ward12")
        return work
    }

    @Test("The review against the measures approved before it matches the golden")
    func review() throws {
        let work = try Self.exampleFolder()
        defer { work.remove() }
        let result = try work.run([
            "diff", "ward12/2026-03-16-measures-approved.json", "ward12/2026-06-16-review.json",
        ])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr == "", "\(result)")
        if let difference = Golden.check(Data(result.stdout.utf8), against: "diff/review.txt") {
            Issue.record("\(difference)")
        }
    }

    @Test(
        "Usage errors and files that cannot be compared are named with what was expected",
        arguments: [
            (
                ["diff", "ward12/2026-06-16-review.json"], Int32(64),
                [
                    "dpia diff: missing required argument NEW", "usage: dpia diff [options] OLD NEW",
                    "Run 'dpia --help' for more.",
                ]
            ),
            (
                ["diff", "ward12/2026-06-16-review.json", "ward12/nowhere.json"], Int32(66),
                ["dpia: error: ward12/nowhere.json: no such file"]
            ),
            (
                ["diff", "broken.json", "ward12/2026-06-16-review.json"], Int32(65),
                ["dpia: error: broken.json:1:13: unexpected end of file; expected a value"]
            ),
            (
                ["diff", "ward12/2026-06-16-review.json", "screening.json"], Int32(65),
                [
                    "dpia: error: screening.json: at questionnaire.id: is \"dpia-screening\" but ward12/2026-06-16-review.json answers \"communication-platform\"; expected two assessments on the same questionnaire (its versions may differ)"
                ]
            ),
        ])
    func badInput(arguments: [String], status: Int32, stderr: [String]) throws {
        let work = try Self.exampleFolder()
        defer { work.remove() }
        try work.write("{\"answers\": ", to: "broken.json")
        try work.copy(
            PackageRoot.path("Questionnaires/examples/screening-new-analytics.json"), to: "screening.json")
        expect(
            try work.run(arguments),
            equals: DPIAProcess.Result(status: status, stderr: stderr.map { $0 + "\n" }.joined()))
    }

    @Test(
        .enabled(
            if: BrokenCorpus.modesAreEnforced,
            "skipped: this process reads files whatever their mode (running as root), so chmod 000 cannot make one unreadable"
        ))
    func anUnreadableFileIsMissingInput() throws {
        let work = try Self.exampleFolder()
        defer { work.remove() }
        chmod(work.path("ward12/2026-06-16-review.json"), 0)
        defer { chmod(work.path("ward12/2026-06-16-review.json"), 0o644) }
        expect(
            try work.run(["diff", "ward12/2026-03-02-drift.json", "ward12/2026-06-16-review.json"]),
            equals: DPIAProcess.Result(
                status: 66, stderr: "dpia: error: ward12/2026-06-16-review.json: Permission denied\n"))
    }
}

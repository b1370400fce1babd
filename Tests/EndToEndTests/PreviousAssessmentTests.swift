import Foundation
import TestSupport
import Testing

@testable import DPIAKit

/// Re-assessments through the built binary: `wizard --from` carrying an earlier assessment forward, the
/// report's "Changes since the previous assessment" (pinned), `diff --format md,html` (pinned, never over
/// an existing file without --force), and a `previous` that is missing, changed or hostile.
@Suite("Re-assessments (end to end)", .enabled(if: DPIAProcess.isBuilt, "the dpia binary is not built"))
struct PreviousAssessmentTests {
    static let review = "ward12/2026-06-16-review.json"
    static let before = "ward12/2026-03-16-measures-approved.json"

    static func exampleFolder() throws -> ScratchFolder {
        let work = try ScratchFolder()
        try work.copy(PackageRoot.path("Questionnaires/examples/register/northshire-ward12"), to: "ward12")
        return work
    }

    /// The review with its `previous.KEY` set to `value` (a JSON literal), written as `edited.json`.
    static func editedReview(_ work: ScratchFolder, key: String, value: String) throws {
        let text = try work.read(review)
        let member = try #require(text.range(of: "\"previous\": {"))
        let start = try #require(text.range(of: "\"\(key)\": ", range: member.upperBound..<text.endIndex))
        let end = try #require(text.range(of: "\n", range: start.upperBound..<text.endIndex))
        var edited = text
        edited.replaceSubrange(
            start.upperBound..<end.lowerBound, with: value + (key == "questionnaireVersion" ? "" : ","))
        try work.write(edited, to: "ward12/edited.json")
    }

    @Test("The review's reports carry the changes since the assessment it names, as pinned")
    func reportWithChanges() throws {
        let work = try Self.exampleFolder()
        defer { work.remove() }
        let result = try work.run(["assess", Self.review, "--out", "out", "--format", "md,html,json"])
        #expect(result.status == 0, "\(result)")
        for name in ["2026-06-16-review.md", "2026-06-16-review.html"] {
            if let difference = Golden.check(try work.data("out/\(name)"), against: "reassessment/\(name)") {
                Issue.record("\(difference)")
            }
        }
        let json = try work.read("out/2026-06-16-review.assessment.json")
        #expect(json.contains("\"comparison\": \"compared\""))
    }

    @Test("The Word report has the changes section, with its tables, after the contents")
    func wordReportWithChanges() throws {
        let work = try Self.exampleFolder()
        defer { work.remove() }
        let result = try work.run(["assess", Self.review, "--out", "out", "--format", "docx"])
        #expect(result.status == 0, "\(result)")
        let entries = try StoredZIP.entries(try work.data("out/2026-06-16-review.docx"))
        let body = try #require(
            entries.first { $0.name == "word/document.xml" }.map { String(decoding: $0.bytes, as: UTF8.self) }
        )
        let heading =
            "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Changes since the previous assessment</w:t></w:r></w:p>"
        let at = try #require(body.range(of: heading))
        let contents = try #require(body.range(of: ">Contents</w:t>"))
        let step1 = try #require(
            body.range(of: "Heading1\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Step 1: "))
        #expect(contents.lowerBound < at.lowerBound && at.upperBound < step1.lowerBound)
        #expect(body.contains("<w:tblCaption w:val=\"Risks whose level changed\"/>"))
        #expect(body.contains(">R1 Unauthorised disclosure of messages</w:t>"))
        #expect(body.contains(">medium → low</w:t>"))
    }

    @Test("diff --format md,html writes both files as pinned, and never over them without --force")
    func diffFormats() throws {
        let work = try Self.exampleFolder()
        defer { work.remove() }
        let arguments = ["diff", Self.before, Self.review, "--format", "md,html", "--out", "out"]
        let first = try work.run(arguments)
        #expect(first.status == 0, "\(first)")
        #expect(first.stdout == "Wrote out/2026-06-16-review.diff.md, out/2026-06-16-review.diff.html\n")
        #expect(first.stderr == "")
        for name in ["2026-06-16-review.diff.md", "2026-06-16-review.diff.html"] {
            if let difference = Golden.check(try work.data("out/\(name)"), against: "diff/\(name)") {
                Issue.record("\(difference)")
            }
        }
        try work.write("kept", to: "out/2026-06-16-review.diff.html")
        try work.write("kept", to: "out/2026-06-16-review.diff.md")
        let again = try work.run(arguments)
        #expect(again.status == 73, "\(again)")
        #expect(
            again.stderr
                == "dpia: error: out/2026-06-16-review.diff.md: already exists; use --force to replace it (nothing was written)\n"
        )
        #expect(try work.read("out/2026-06-16-review.diff.md") == "kept")
        #expect(try work.read("out/2026-06-16-review.diff.html") == "kept")
        let forced = try work.run(arguments + ["--force"])
        #expect(forced.status == 0, "\(forced)")
        #expect(try work.read("out/2026-06-16-review.diff.md") != "kept")
    }

    @Test("A long text answer is cut short in the terminal, with a note, and whole in the Markdown")
    func longAnswersAreCutInTheTerminal() throws {
        let work = try Self.exampleFolder()
        defer { work.remove() }
        let long = String(repeating: "Rotas and shift swaps only. ", count: 10)
        let text = try work.read(Self.review)
        let aims = try #require(text.range(of: "\"project_aims\": \""))
        var edited = text
        edited.insert(contentsOf: long, at: aims.upperBound)
        try work.write(edited, to: "ward12/long.json")
        let terminal = try work.run(["diff", Self.review, "ward12/long.json"])
        #expect(terminal.status == 0, "\(terminal)")
        let line = try #require(
            terminal.stdout.split(separator: "\n").first { $0.contains("Q1.") && $0.contains("→") })
        #expect(line.contains("…"))
        #expect(!line.contains(long))
        #expect(
            terminal.stdout.hasSuffix(
                "\nText answers longer than 120 characters are cut short (…); --format md,html shows them in full.\n"
            ))
        let files = try work.run(["diff", Self.review, "ward12/long.json", "--format", "md", "--out", "out"])
        #expect(files.status == 0, "\(files)")
        #expect(try work.read("out/long.diff.md").contains(long.trimmingCharacters(in: .whitespaces)))
    }

    @Test("Page 1 says in one line when drift appeared or a risk went up since the previous assessment")
    func pageOneAlert() throws {
        let work = try Self.exampleFolder()
        defer { work.remove() }
        // The drifted state of March, re-dated after the June review and naming it as its previous.
        var text = try work.read("ward12/2026-03-02-drift.json")
        text = text.replacingOccurrences(
            of: "\"assessmentDate\": \"2026-03-02\"", with: "\"assessmentDate\": \"2026-09-16\"")
        text = text.replacingOccurrences(
            of: "\"reviewDate\": \"2026-06-02\"", with: "\"reviewDate\": \"2027-03-16\"")
        let digest = SHA256.hex(try work.data(Self.review))
        text = text.replacingOccurrences(
            of: "  \"answers\": {",
            with:
                "  \"previous\": {\"file\": \"2026-06-16-review.json\", \"sha256\": \"\(digest)\"},\n  \"answers\": {"
        )
        try work.write(text, to: "ward12/later.json")
        let result = try work.run(["assess", "ward12/later.json", "--out", "out", "--format", "md"])
        #expect(result.status == 0, "\(result)")
        #expect(
            try work.read("out/later.md").contains(
                "\n- **Since the previous assessment of 2026-06-16: drift appeared: 6 data categories outside the approved purposes, 1 purpose not approved (Clinical discussion and handover), 1 sign of drift; risk went up for R1, R2, R3, R4, R5, R6, R7 (overall after measures low → high).** See \"Changes since the previous assessment\".\n"
            ))
    }

    @Test(
        "A previous assessment that is missing is stated on page 1 and in the section, and the report is written"
    )
    func previousMissing() throws {
        let work = try Self.exampleFolder()
        defer { work.remove() }
        try FileManager.default.removeItem(atPath: work.path(Self.before))
        let result = try work.run(["assess", Self.review, "--out", "out", "--format", "md,json"])
        #expect(result.status == 0, "\(result)")
        let report = try work.read("out/2026-06-16-review.md")
        let sentence =
            "The previous assessment named in this answers file, 2026-03-16-measures-approved.json, was not found (looked for at ward12/2026-03-16-measures-approved.json). The changes since it are not shown."
        #expect(report.contains("- **Previous assessment: not compared.** \(sentence)\n"))
        #expect(report.contains("## Changes since the previous assessment\n\n\(sentence)\n\n## Step 1"))
        #expect(
            try work.read("out/2026-06-16-review.assessment.json").contains("\"comparison\": \"missing\""))
    }

    @Test("A previous assessment whose bytes changed since is not compared, and the report says why")
    func previousDigestMismatch() throws {
        let work = try Self.exampleFolder()
        defer { work.remove() }
        try work.write(try work.read(Self.before) + "\n", to: Self.before)
        let result = try work.run(["assess", Self.review, "--out", "out", "--format", "md"])
        #expect(result.status == 0, "\(result)")
        let report = try work.read("out/2026-06-16-review.md")
        #expect(
            report.contains(
                "The previous assessment named in this answers file, 2026-03-16-measures-approved.json, has changed since this assessment was started from it: its SHA-256 is now "
            ))
        #expect(
            report.contains(
                ", not 51694942d663… as recorded, so it may not be the assessment this one followed."))
        #expect(!report.contains("| Answers file | 2026-03-16-measures-approved.json"))
    }

    @Test(
        "A hostile or malformed previous is refused with its place and what was expected",
        arguments: [
            (
                "file", "\"/etc/passwd.json\"",
                "at previous.file: \"/etc/passwd.json\" is an absolute path; expected a path relative to this answers file's folder, so the two can move together"
            ),
            (
                "file", "\"\\u001b]0;pwned\\u0007.json\"",
                "at previous.file: contains a control character; expected a plain path"
            ),
            (
                "file", "\"old.assessment.json\"",
                "at previous.file: \"old.assessment.json\" is not an answers file's name; expected the path of an answers file (*.json, not *.assessment.json)"
            ),
            (
                "sha256", "\"ABC\"",
                "at previous.sha256: \"ABC\" is not a SHA-256 digest; expected the previous file's SHA-256 as 64 lowercase hexadecimal digits"
            ),
            (
                "assessmentDate", "\"2026-07-01\"",
                "at previous.assessmentDate: the previous assessment's date 2026-07-01 is after this assessment's date 2026-06-16; expected the assessment this one follows"
            ),
        ])
    func hostilePrevious(key: String, value: String, message: String) throws {
        let work = try Self.exampleFolder()
        defer { work.remove() }
        try Self.editedReview(work, key: key, value: value)
        let result = try work.run(["assess", "ward12/edited.json", "--out", "out"])
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.hasPrefix("dpia: error: ward12/edited.json:"), "\(result)")
        #expect(result.stderr.hasSuffix(": \(message)\n"), "\(result)")
        #expect(!result.stderr.contains("\u{1B}"))
        #expect(!work.exists("out"))
    }

    @Test("Markup in a missing previous file's name reaches the HTML report escaped")
    func markupInPreviousPath() throws {
        let work = try Self.exampleFolder()
        defer { work.remove() }
        try Self.editedReview(work, key: "file", value: "\"<script>alert(1)</script>.json\"")
        let result = try work.run(["assess", "ward12/edited.json", "--out", "out", "--format", "html"])
        #expect(result.status == 0, "\(result)")
        let html = try work.read("out/edited.html")
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;.json, was not found"))
    }

    @Test("wizard --from carries a 1.0.0 assessment to the current version, asks only what is new or changed")
    func wizardFrom() throws {
        let work = try ScratchFolder()
        defer { work.remove() }
        try work.copy(
            PackageRoot.path("Questionnaires/examples/whatsapp-ward-group-measures-approved.json"),
            to: "old.json")
        // The assessor (kept) and the date; what 1.1.0 asks anew: the nation, the duration (its options
        // changed), the data shared and expected (an option was reworded), the details of the earlier
        // incident, step 2's new questions, privacy information, data quality, the organisation's DSPT
        // (shown once England is chosen), the IAO and retention; the new measure M20 left undecided, and
        // the optional questions and sign-off left empty; the review date; finish as a draft.
        let lines =
            [
                "", "2026-12-01", "1", "4", "1", "1", "A member added by mistake in 2022 was removed.", "",
                "1", "Ward 12", "3", "Ward staff and their patients.", "", "1", "none", "None.", "", "", "1",
                "The rota system holds the rota that counts.", "", "1", "2", "1",
            ] + Array(repeating: "", count: 11) + ["2027-06-01", ""]
        let result = try work.run(
            ["wizard", "--from", "old.json", "--plain", "--draft", "new.json", "--format", "md"],
            stdin: Data((lines.joined(separator: "\n") + "\n").utf8))
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "reports/new.json\nreports/new.md\n")
        let told = [
            "Starting from old.json (assessment of 2026-03-16, communication-platform 1.0.0), on communication-platform 1.1.0.",
            "Carried over: 42 answers and 17 measure decisions; check them on the review screen at the end.",
            "To answer (27), asked first:",
            "  2.12 Which kinds of information are shared on it now? — the earlier answer no longer fits: the option \"Patient names\" is now worded \"Patient full names\"",
            "  7.1 Who approved the measures (name and role)? (optional) — sign-off, asked afresh",
        ]
        for line in told { #expect(result.stderr.contains("\n\(line)\n"), "\(line)") }
        let saved = try #require(
            try JSONSerialization.jsonObject(with: work.data("reports/new.json")) as? [String: Any])
        let previous = try #require(saved["previous"] as? [String: String])
        let oldBytes = try work.data("old.json")
        #expect(previous["file"] == "../old.json")
        #expect(previous["sha256"]?.count == 64)
        #expect(previous["assessmentDate"] == "2026-03-16")
        #expect(previous["questionnaireVersion"] == "1.0.0")
        let metadata = try #require(saved["metadata"] as? [String: String])
        #expect(metadata["assessmentDate"] == "2026-12-01")
        #expect(metadata["reviewDate"] == "2027-06-01")
        #expect(metadata["status"] == "draft")
        #expect((saved["questionnaire"] as? [String: String])?["version"] == "1.1.0")
        let answers = try #require(saved["answers"] as? [String: Any])
        for signOff in [
            "measures_approved_by", "residual_risks_approved_by", "dpo_advice_summary",
            "kept_under_review_by",
        ] {
            #expect(answers[signOff] == nil, "\(signOff)")
        }
        #expect(answers["data_shared_now"] != nil)
        // Each decision kept is the earlier one; with only staff details shared now, the six measures no
        // longer recommended (M8-M11, M16, M17) are not kept, as when an answer changes in any wizard run.
        let oldFile = try #require(
            try JSONSerialization.jsonObject(with: oldBytes) as? [String: Any])
        let oldMeasures = try #require(oldFile["measures"] as? [String: [String: Any]])
        let newMeasures = try #require(saved["measures"] as? [String: [String: Any]])
        #expect(
            Set(oldMeasures.keys).subtracting(newMeasures.keys)
                == ["M8", "M9", "M10", "M11", "M16", "M17"])
        for (id, decision) in newMeasures {
            #expect(decision["approved"] as? Bool == oldMeasures[id]?["approved"] as? Bool, "\(id)")
            #expect(decision["owner"] as? String == oldMeasures[id]?["owner"] as? String, "\(id)")
        }
        // The digest is of the old file's bytes, and the report compares with it.
        let check = try work.run(["assess", "reports/new.json", "--out", "again", "--format", "md"])
        #expect(check.status == 0, "\(check)")
        let report = try work.read("again/new.md")
        #expect(report.contains("| Answers file | ../old.json | new.json |"))
        #expect(report.contains("| Q7.1 Measures approved by | Dr Alan Reid, Caldicott Guardian"))
        #expect(!oldBytes.isEmpty)
    }

    @Test("wizard --from refuses --resume with it, and a missing earlier file")
    func wizardFromBadInput() throws {
        let work = try ScratchFolder()
        defer { work.remove() }
        let both = try work.run(["wizard", "--from", "old.json", "--resume", "d.json", "--plain"])
        #expect(both.status == 64, "\(both)")
        #expect(
            both.stderr.hasPrefix(
                "dpia wizard: --resume continues a draft and --from starts a new assessment from an earlier one; give one of them\n"
            ))
        let missing = try work.run(["wizard", "--from", "nowhere.json", "--plain", "--draft", "d.json"])
        #expect(missing.status == 66, "\(missing)")
        #expect(missing.stderr == "dpia: error: nowhere.json: no such file\n")
        #expect(!work.exists("d.json"))
        // A name `previous` could not hold (here with an escape sequence) is refused before anything is asked.
        try work.copy(
            PackageRoot.path("Questionnaires/examples/whatsapp-ward-group-measures-approved.json"),
            to: "old\u{1B}[2J.json")
        let hostile = try work.run(["wizard", "--from", "old\u{1B}[2J.json", "--plain", "--draft", "d.json"])
        #expect(hostile.status == 65, "\(hostile)")
        #expect(!hostile.stderr.contains("\u{1B}"))
        #expect(
            hostile.stderr.hasSuffix(
                ": cannot be recorded as the previous assessment: its path contains a control character; expected a plain path; rename or move it (nothing was written)\n"
            ), "\(hostile)")
        #expect(!work.exists("d.json"))
    }

    @Test("A 1.0.0 draft resumes on 1.0.0, and says --from moves it forward")
    func resumeKeepsTheVersion() throws {
        let work = try ScratchFolder()
        defer { work.remove() }
        try work.copy(
            PackageRoot.path("Questionnaires/examples/whatsapp-ward-group-drift.json"), to: "d.json")
        let result = try work.run(["wizard", "--resume", "d.json", "--plain"], stdin: Data())
        #expect(result.status == 75, "\(result)")
        #expect(
            result.stderr.hasPrefix(
                "dpia: note: this draft is on communication-platform 1.0.0, superseded by 1.1.0; it continues on 1.0.0. To re-assess on 1.1.0 instead, start a new assessment from it: "
            ), "\(result)")
        #expect(try work.read("d.json").contains("\"version\": \"1.0.0\""))
    }
}

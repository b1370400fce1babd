import Testing

@testable import DPIAKit

@Suite struct WizardFilesTests {
    @Test func aNewDraftNeverReusesAnExistingName() {
        let date = CalendarDate(year: 2026, month: 5, day: 1)!
        #expect(WizardFiles.newDraftPath(date: date, exists: { _ in false }) == "dpia-draft-2026-05-01.json")
        let taken: Set = ["drafts/dpia-draft-2026-05-01.json", "drafts/dpia-draft-2026-05-01-2.json"]
        #expect(
            WizardFiles.newDraftPath(date: date, directory: "drafts", exists: taken.contains)
                == "drafts/dpia-draft-2026-05-01-3.json")
    }

    @Test(arguments: [
        ("dpia-draft-2026-05-01.json", "reports/dpia-2026-05-01.json"),
        ("work/teams.draft.json", "reports/teams.json"),
        ("whatsapp.json", "reports/whatsapp.json"),
        ("draft.json", "reports/dpia.json"),
    ])
    func finalAnswersAreNamedAfterTheDraftWithoutTheWordDraft(draft: String, final: String) {
        #expect(WizardFiles.finalAnswersPath(forDraft: draft, outputDirectory: "reports") == final)
    }

    @Test func theResumeCommandIsQuotedForTheShell() {
        #expect(
            WizardFiles.resumeCommand(draftPath: "my drafts/it's.json", options: ["--out", "out/x"])
                == #"dpia wizard --resume 'my drafts/it'\''s.json' --out out/x"#)
        #expect(WizardFiles.resumeCommand(draftPath: "d.json") == "dpia wizard --resume d.json")
    }

    /// (running binary, `dpia` on PATH, current folder, whether it is the package checkout) → program.
    @Test(
        arguments: [
            ("/usr/local/bin/dpia", "/usr/local/bin/dpia", "/home/ig", false, "dpia"),
            ("/src/dpia/.build/debug/dpia", nil, "/src/dpia", true, "swift run dpia"),
            ("/src/dpia/.build/debug/dpia", "/usr/local/bin/dpia", "/src/dpia", true, "swift run dpia"),
            ("/src/dpia/.build/debug/dpia", nil, "/src/dpia/.build", false, "./debug/dpia"),
            ("/src/dpia/.build/debug/dpia", nil, "/home/ig", false, "/src/dpia/.build/debug/dpia"),
            ("/opt/my tools/dpia", nil, "/home/ig", false, "'/opt/my tools/dpia'"),
        ] as [(String, String?, String, Bool, String)])
    func theCommandsPrintedRunWhereTheUserIs(
        executable: String, onPath: String?, directory: String, isPackageRoot: Bool, program: String
    ) {
        #expect(
            WizardFiles.program(
                executable: executable, onPath: onPath, directory: directory, isPackageRoot: isPackageRoot)
                == program)
        #expect(
            WizardFiles.resumeCommand(draftPath: "d.json", program: program)
                == program + " wizard --resume d.json")
    }
}

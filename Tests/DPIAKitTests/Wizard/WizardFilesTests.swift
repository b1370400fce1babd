import DPIAKit
import Testing

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
}

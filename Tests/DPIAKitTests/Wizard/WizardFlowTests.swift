import TestSupport
import Testing

@testable import DPIAKit

@Suite struct WizardFlowTests {
    /// Plain-mode lines for the facts, with patient data shared (the platform comes from the details).
    private let facts = ["1", "y", "2,3", "", "", "Clinical photos", "Line one", "Line two", ""]
    /// Both measures approved; the second has no owner or due date yet and is already in place.
    private let decisions = [
        "y", "A. Patel, IG lead", "1/6/2026", "", "",
        "y", "", "", "3", "Booked",
    ]
    /// Step 6's other measures (none), the sign-off rows and a UK-style review date.
    private let afterDecisions = ["", "Board", "y", "15/01/2027"]

    private var walk: [String] { WizardFixture.plainDetails + facts + decisions + afterDecisions }

    @Test func plainWalkFollowsTheOrderOfTheDecision() throws {
        let log = WizardSaveLog()
        var wizard = Wizard.fixture(log: log)
        let io = ScriptedLineIO(lines: walk + ["1"])
        let assessment = try #require(wizard.run(on: .plain(io)).finishedAssessment)
        let written = io.written
        func position(_ line: String) throws -> Int { try #require(written.firstIndex(of: line)) }
        let order = try [
            position("Which organisation is doing this assessment?"),
            position("1.1 Which edition is used?"),
            position("Anything else the committee should know? (optional)"),
            position("Rating before any measures (ICO step 5)"),
            position("Approve the measure “Move to the business edition”?"),
            position("Who owns “Move to the business edition”? (name and role; Enter to leave for now)"),
            position("Approve the measure “Train staff”?"),
            position("Any other measures proposed? (optional)"),
            position("Rating after your decisions on the measures (ICO step 6)"),
            position("Who approved the measures? (optional)"),
            position("When will this DPIA next be reviewed? (optional in a draft; Enter to leave out)"),
            position("Review your answers: pick one to change it, or finish"),
        ]
        #expect(order == order.sorted())
        // The screen before the measures rates the risk before them, under that name.
        let inherent = try position("Rating before any measures (ICO step 5)")
        #expect(written[inherent + 1] == "Overall risk before measures: HIGH")
        #expect(!written[..<inherent].contains { $0.contains("residual") })
        #expect(io.written.contains("Overall residual risk: MEDIUM (before measures: high)"))
        // The platform was given in the details, so it was filled in and shown, not asked again.
        #expect(!written.contains("1.0 Which platform is being assessed?"))
        #expect(
            written.contains(
                "✓ 1.0 Which platform is being assessed? › ChatApp (from the assessment details; change it on the review screen)"
            ))
        #expect(written.contains("(Taken as 2026-06-01.)"))

        let answers = assessment.answers
        #expect(
            answers.metadata
                == AssessmentMetadata(
                    organisation: "Acme NHS Trust", platform: "ChatApp", assessor: "A. Patel",
                    assessmentDate: "2026-05-01", reviewDate: "2027-01-15", status: .draft))
        #expect(
            answers.values == [
                "platform_name": .string("ChatApp"), "edition": .string("consumer"),
                "patient_data": .bool(true), "data_kinds": .strings(["images", "notes"]),
                "users": .integer(10), "purpose": .string("Clinical photos"),
                "notes": .string("Line one\nLine two"), "approved_by": .string("Board"),
                "dpo_advice": .bool(true),
            ])
        #expect(
            answers.measureDecisions == [
                "switch_edition": MeasureDecision(
                    approved: true, owner: "A. Patel, IG lead", dueDate: "2026-06-01", status: .planned),
                "training": MeasureDecision(approved: true, note: "Booked", status: .inPlace),
            ])
        #expect(assessment.overallResidual?.id == "medium")
        // The answers pass the same strict check `dpia assess` makes.
        let text = AnswersFile.write(answers, questionnaire: WizardFixture.questionnaire)
        let reloaded = try AnswersFile.load(
            Array(text.utf8), file: "final.json", questionnaire: WizardFixture.questionnaire)
        #expect(reloaded == answers)
        #expect(!io.transcript.contains("\u{1B}"))
    }

    @Test func finishingAsFinalSaysWhatIsMissingAndStaysOnTheReview() throws {
        var wizard = Wizard.fixture(log: WizardSaveLog())
        let io = ScriptedLineIO(lines: walk + ["2", "1"])
        let assessment = try #require(wizard.run(on: .plain(io)).finishedAssessment)
        #expect(assessment.answers.metadata.status == .draft)
        let missing = try #require(
            io.written.firstIndex(of: "Not final yet. A final assessment still needs:"))
        #expect(
            Array(io.written[(missing + 1)...(missing + 3)]) == [
                "  - an owner for approved measure training", "  - a due date for approved measure training",
                "Pick an answer to fill it in, or finish as a draft.",
            ])
        #expect(
            io.written.filter { $0 == "Review your answers: pick one to change it, or finish" }.count == 2)
    }

    @Test func aCompleteAssessmentFinishesAsFinal() throws {
        var wizard = Wizard.fixture(log: WizardSaveLog())
        var complete = decisions
        complete[6] = "B. Jones, trainer"
        complete[7] = "01/07/2026"
        let io = ScriptedLineIO(lines: WizardFixture.plainDetails + facts + complete + afterDecisions + ["2"])
        let assessment = try #require(wizard.run(on: .plain(io)).finishedAssessment)
        #expect(assessment.answers.metadata.status == .final)
        #expect(assessment.missingForFinal.isEmpty)
        #expect(assessment.answers.measureDecisions["training"]?.dueDate == "2026-07-01")
    }

    @Test func anUndecidedMeasureIsAllowedInADraftAndShownAsSuch() throws {
        var wizard = Wizard.fixture(log: WizardSaveLog())
        let io = ScriptedLineIO(
            lines: WizardFixture.plainDetails + facts + ["l", "", "n", "Not now"] + afterDecisions + ["1"])
        let assessment = try #require(wizard.run(on: .plain(io)).finishedAssessment)
        #expect(
            assessment.answers.measureDecisions == [
                "training": MeasureDecision(approved: false, note: "Not now")
            ])
        #expect(io.written.contains("Overall residual risk: HIGH"))
        #expect(io.written.contains("What keeps it high:"))
        #expect(
            io.written.contains(
                "  Unauthorised disclosure (declined: Train staff; undecided: Move to the business edition)"))
        #expect(io.written.contains("  16. Step 6 measure › Move to the business edition: Undecided"))
        #expect(io.written.contains("  17. Step 6 measure › Train staff: Declined"))
        #expect(
            io.written.contains {
                $0.hasPrefix("Before accepting the residual risks: ICO prior consultation: Would be required")
            })
    }

    @Test func changingAnAnswerOnTheReviewAsksOnlyWhatItNewlyShows() throws {
        var wizard = Wizard.fixture(log: WizardSaveLog())
        // No patient data; both measures declined; every optional question left empty.
        let first = WizardFixture.plainDetails + ["1", "n", ""] + ["n", "", "n", ""] + ["", "", "", ""]
        // Review: 1-2 finish; 3-7 details; 8 platform, 9 edition, 10 patient data, 11 users.
        let changeUsers = ["11", "25"]
        let changePatientData = ["10", "y", "1", "", "Team chat", ""]
        let io = ScriptedLineIO(lines: first + changeUsers + changePatientData + ["1"])
        let assessment = try #require(wizard.run(on: .plain(io)).finishedAssessment)
        #expect(assessment.answers.values["users"] == .integer(25))
        #expect(assessment.answers.values["data_kinds"] == .strings(["names"]))
        #expect(assessment.answers.values["purpose"] == .string("Team chat"))
        // The questions the change showed were asked; the blank optional ones already shown were not.
        for question in ["Which kinds of patient data?", "What is the purpose in one line?"] {
            #expect(io.written.filter { $0 == question }.count == 1)
        }
        for question in [
            "Any other measures proposed? (optional)", "Who approved the measures? (optional)",
            "Has the DPO given advice? (optional)", "How many staff use it?",
        ] {
            #expect(io.written.filter { $0 == question }.count == (question.hasPrefix("How many") ? 2 : 1))
        }
        #expect(
            io.written.filter { $0 == "Review your answers: pick one to change it, or finish" }.count == 3)
    }

    @Test func changingAnEarlierAnswerHidesLaterQuestionsAndDropsTheirAnswers() throws {
        let log = WizardSaveLog()
        var wizard = Wizard.fixture(log: log)
        let io = ScriptedLineIO(lines: walk + ["10", "n", "1"])
        let assessment = try #require(wizard.run(on: .plain(io)).finishedAssessment)
        #expect(assessment.answers.values["data_kinds"] == nil)
        #expect(assessment.answers.values["purpose"] == nil)
        let saved = try #require(log.last)
        let text = AnswersFile.write(saved, questionnaire: WizardFixture.questionnaire)
        #expect(
            throws: Never.self,
            performing: {
                try AnswersFile.load(
                    Array(text.utf8), file: "d.json", questionnaire: WizardFixture.questionnaire)
            })
    }

    @Test func escBackTakesTheEarlierAnswerOffTheScreen() throws {
        let terminal = ScriptedTerminal(
            size: TerminalSize(columns: 100, rows: 40),
            script: WizardFixture.interactiveDetails + [
                // Edition: Consumer; then Esc on the next question, and Business instead.
                .key(.enter), .key(.escape), .key(.down), .key(.enter), .text("n"),
            ])
        var wizard = Wizard.fixture(log: WizardSaveLog())
        let answers = try #require(wizard.run(on: .interactive(terminal)).endOfInputAnswers)
        #expect(answers.values["edition"] == .string("business"))
        let screen = terminal.screenText
        #expect(screen.contains("✓ 1.1 Which edition is used? › Business"))
        #expect(!screen.contains("› Consumer"))
        #expect(screen.components(separatedBy: "Which edition is used?").count == 2)
        #expect(screen.contains("✓ Is patient data shared? › No"))
    }

    @Test func headersNameTheSectionOnceAndCountQuestionsInTheOrderAsked() {
        let io = ScriptedLineIO(lines: WizardFixture.plainDetails + ["1", "y"])
        var wizard = Wizard.fixture(log: WizardSaveLog())
        _ = wizard.run(on: .plain(io))
        #expect(io.written.contains("Section 1 of 4: How it is used (ICO step 1) · Question 2 of 7"))
        // Answering yes shows the follow-up question and the second section, so the count grows.
        #expect(io.written.contains("Section 1 of 4: How it is used (ICO step 1) · Question 4 of 11"))
    }

    @Test func theDraftIsSavedAfterEveryAnswerAndAlwaysLoads() throws {
        let log = WizardSaveLog()
        var wizard = Wizard.fixture(log: log)
        _ = wizard.run(on: .plain(ScriptedLineIO(lines: WizardFixture.plainDetails + ["1", "y", "2"])))
        // Five details, the platform filled in from them, and three questions.
        #expect(log.saved.count == 9)
        #expect(log.saved[0].metadata.organisation == "Acme NHS Trust")
        #expect(log.saved[0].metadata.platform == "")
        #expect(log.saved[5].values == ["platform_name": .string("ChatApp")])
        #expect(log.saved[8].values["data_kinds"] == .strings(["images"]))
        for draft in log.saved {
            let text = AnswersFile.write(draft, questionnaire: WizardFixture.questionnaire)
            #expect(
                throws: Never.self,
                performing: {
                    try AnswersFile.loadDraft(
                        Array(text.utf8), file: "draft.json", questionnaire: WizardFixture.questionnaire)
                })
        }
    }

    @Test func interruptKeepsTheAnswersAndResumeContinuesAfterTheLastOne() throws {
        let log = WizardSaveLog()
        var wizard = Wizard.fixture(log: log)
        let first = ScriptedTerminal(
            size: TerminalSize(columns: 100, rows: 30),
            script: WizardFixture.interactiveDetails + [.key(.enter), .text("y"), .key(.interrupt)])
        let stopped = try #require(wizard.run(on: .interactive(first)).interruptedAnswers)
        #expect(
            stopped.values == [
                "platform_name": .string("ChatApp"), "edition": .string("consumer"),
                "patient_data": .bool(true),
            ])
        #expect(log.last == stopped)

        var resumed = Wizard.fixture(resuming: stopped, log: log)
        let io = ScriptedLineIO(lines: [])
        _ = resumed.run(on: .plain(io))
        #expect(io.written.contains("Resuming: 3 of 11 questions answered; continuing at question 4 of 11."))
        #expect(io.written.contains("Which kinds of patient data?"))
    }

    @Test func aResumedFinalDraftThatIsNotCompleteSaysSo() throws {
        let log = WizardSaveLog()
        var wizard = Wizard.fixture(log: log)
        _ = wizard.run(on: .plain(ScriptedLineIO(lines: walk)))
        var draft = try #require(log.last)
        draft.metadata.status = .final
        draft.metadata.reviewDate = nil
        var resumed = Wizard.fixture(resuming: draft, log: log)
        let io = ScriptedLineIO(lines: [])
        _ = resumed.run(on: .plain(io))
        #expect(
            io.written.contains(
                "This draft was marked final, but a final assessment still needs an owner for approved measure training; a due date for approved measure training; a review date (ICO step 7: the DPIA is kept under review). It is kept as a draft until you finish it as final on the review screen."
            ))
        // The review date it lacks is where it continues.
        #expect(io.written.contains("Resuming: 9 of 11 questions answered; continuing at the review date."))
        #expect(io.written.last == "Answer:")
        #expect(
            io.written.contains(
                "When will this DPIA next be reviewed? (optional in a draft; Enter to leave out)"))
    }

    @Test func inputEndingInPlainModeStopsWithTheAnswersSoFar() throws {
        let io = ScriptedLineIO(lines: WizardFixture.plainDetails + ["2"])
        var wizard = Wizard.fixture(log: WizardSaveLog())
        let answers = try #require(wizard.run(on: .plain(io)).endOfInputAnswers)
        #expect(answers.values == ["platform_name": .string("ChatApp"), "edition": .string("business")])
        #expect(io.written.last == "Yes or no? (y/n):")
    }

    @Test func invalidAnswersAreExplainedAndAskedAgain() throws {
        let io = ScriptedLineIO(lines: WizardFixture.plainDetails + ["1", "n", "0", "many", "1,5", "1,500"])
        var wizard = Wizard.fixture(log: WizardSaveLog())
        let answers = try #require(wizard.run(on: .plain(io)).endOfInputAnswers)
        #expect(answers.values["users"] == .integer(1500))
        #expect(io.written.contains("Please enter a number from 1 to 100000."))
        #expect(io.written.contains("“many” is not a whole number."))
        #expect(io.written.contains("“1,5” is not a whole number."))
        #expect(io.written.contains("(Taken as 1500.)"))
    }

    @Test func theReviewDateMustFollowTheAssessmentDate() throws {
        let io = ScriptedLineIO(
            lines: WizardFixture.plainDetails + ["2", "n", ""] + ["", "", ""] + ["1/4/2026", "30/11/2026"])
        var wizard = Wizard.fixture(log: WizardSaveLog())
        let answers = try #require(wizard.run(on: .plain(io)).endOfInputAnswers)
        #expect(answers.metadata.reviewDate == "2026-11-30")
        #expect(io.written.contains("The review date must be after the assessment date 2026-05-01."))
    }
}

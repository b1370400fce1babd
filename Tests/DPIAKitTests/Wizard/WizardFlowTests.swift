import DPIAKit
import TestSupport
import Testing

@Suite struct WizardFlowTests {
    /// Plain-mode lines answering every question of the fixture with patient data shared.
    private let plainAnswers =
        WizardFixture.plainDetails + [
            "1", "y", "2,3", "", "", "Clinical photos", "Line one", "Line two", "",
        ]

    @Test func plainWalkAnswersEveryQuestionTypeAndScoresTheDecisions() throws {
        let log = WizardSaveLog()
        var wizard = Wizard.fixture(log: log)
        let io = ScriptedLineIO(lines: plainAnswers + ["", "y", "By June", "y", ""])
        let assessment = try #require(wizard.run(on: .plain(io)).finishedAssessment)
        let answers = assessment.answers
        #expect(
            answers.metadata
                == AssessmentMetadata(
                    organisation: "Acme NHS Trust", platform: "ChatApp", assessor: "A. Patel",
                    assessmentDate: "2026-05-01", reviewDate: "2027-01-15", status: .draft))
        #expect(
            answers.values == [
                "edition": .string("consumer"), "patient_data": .bool(true),
                "data_kinds": .strings(["images", "notes"]), "users": .integer(10),
                "purpose": .string("Clinical photos"), "notes": .string("Line one\nLine two"),
            ])
        #expect(
            answers.measureDecisions == [
                "switch_edition": MeasureDecision(approved: true, note: "By June"),
                "training": MeasureDecision(approved: true),
            ])
        #expect(assessment.overallInherent?.id == "high")
        #expect(assessment.overallResidual?.id == "medium")
        #expect(assessment.recommendation?.id == "proceed")
        // The final answers pass the same strict check `dpia assess` makes.
        let text = AnswersFile.write(answers, questionnaire: WizardFixture.questionnaire)
        let reloaded = try AnswersFile.load(
            Array(text.utf8), file: "final.json", questionnaire: WizardFixture.questionnaire)
        #expect(reloaded == answers)
        #expect(!io.transcript.contains("\u{1B}"))
        #expect(io.written.contains("Overall residual risk: HIGH"))
        #expect(io.written.contains("Overall residual risk: MEDIUM (before measures: high)"))
    }

    @Test func plainModeNumbersOptionsAndShowsSectionAndProgress() {
        let io = ScriptedLineIO(lines: WizardFixture.plainDetails + ["1", "y"])
        var wizard = Wizard.fixture(log: WizardSaveLog())
        _ = wizard.run(on: .plain(io))
        #expect(io.written.contains("Section 1 of 2: How it is used (ICO step 1) · Question 1 of 3"))
        #expect(io.written.contains("1.1 Which edition is used?"))
        #expect(io.written.contains("  2. Business"))
        // Answering yes shows the follow-up question and the second section, so the count grows.
        #expect(io.written.contains("Section 1 of 2: How it is used (ICO step 1) · Question 3 of 7"))
        #expect(io.written.contains("Which kinds of patient data?"))
    }

    @Test func interactiveWalkShowsProgressAndDecliningMeasuresLeavesTheRiskHigh() throws {
        let terminal = ScriptedTerminal(
            size: TerminalSize(columns: 100, rows: 30),
            script: WizardFixture.interactiveDetails + [
                .key(.enter), .text("y"), .key(.down), .text(" "), .key(.enter), .key(.enter), .key(.enter),
                .text("Photos\n"), .key(.enter), .key(.enter), .text("n"), .key(.enter), .text("n"),
                .key(.enter),
            ])
        var wizard = Wizard.fixture(log: WizardSaveLog())
        let assessment = try #require(wizard.run(on: .interactive(terminal)).finishedAssessment)
        #expect(assessment.answers.values["data_kinds"] == .strings(["images"]))
        #expect(assessment.answers.values["users"] == .integer(10))
        #expect(assessment.answers.values["policy_date"] == nil)
        #expect(assessment.answers.values["notes"] == nil)
        #expect(assessment.answers.measureDecisions.values.allSatisfy { !$0.approved })
        #expect(assessment.overallResidual?.id == "high")
        // Every measure was declined, so a high risk remains with every decision recorded.
        #expect(assessment.priorConsultation.id == "required")
        #expect(
            terminal.snapshots.contains {
                $0.contains("Section 1 of 2: How it is used (ICO step 1) · Question 3 of 7")
                    && $0.contains("Which kinds of patient data?")
            })
        #expect(terminal.output.contains("Esc goes back"))
        #expect(
            terminal.screenText.contains(
                "ICO prior consultation: Required: consult the ICO before the processing starts"))
    }

    @Test func backFromTheFirstQuestionOfASectionReturnsToThePreviousSection() throws {
        let terminal = ScriptedTerminal(
            size: TerminalSize(columns: 100, rows: 30),
            script: WizardFixture.interactiveDetails + [
                .key(.enter), .text("y"), .text(" "), .key(.enter), .key(.enter),
                // Now on the first question of Governance: Esc goes back to the users question.
                .key(.escape), .text("25\n"),
            ])
        let log = WizardSaveLog()
        var wizard = Wizard.fixture(log: log)
        let answers = wizard.run(on: .interactive(terminal)).endOfInputAnswers
        #expect(answers?.values["users"] == .integer(25))
        let screens = terminal.snapshots
        let governance = try #require(
            screens.firstIndex { $0.contains("When was the usage policy approved?") })
        // The users question is asked again (its input line shows the earlier answer as the default).
        #expect(screens[governance...].contains { $0.contains("(default: 10)") })
        #expect(screens.last?.contains("When was the usage policy approved?") == true)
    }

    @Test func backFromTheFirstQuestionReturnsToTheAssessmentDetails() {
        let io = ScriptedLineIO(lines: WizardFixture.plainDetails + ["b", "final", "2027-02-01"])
        var wizard = Wizard.fixture(log: WizardSaveLog())
        let answers = wizard.run(on: .plain(io)).endOfInputAnswers
        #expect(answers?.metadata.status == .final)
        #expect(answers?.metadata.reviewDate == "2027-01-15")
        #expect(io.written.filter { $0 == "Is this assessment a draft or final?" }.count == 2)
    }

    @Test func changingAnEarlierAnswerHidesLaterQuestionsAndDropsTheirAnswers() throws {
        let log = WizardSaveLog()
        var wizard = Wizard.fixture(log: log)
        // Review: option 1 finishes, 2-8 are the details, 9 is the edition, 10 patient data.
        let io = ScriptedLineIO(lines: plainAnswers + ["10", "n", "", "n", "", "n", ""])
        let assessment = try #require(wizard.run(on: .plain(io)).finishedAssessment)
        #expect(
            assessment.answers.values == [
                "edition": .string("consumer"), "patient_data": .bool(false), "users": .integer(10),
            ])
        let saved = try #require(log.last)
        #expect(saved.values["data_kinds"] == nil)
        #expect(saved.values["purpose"] == nil)
        // The saved file stays valid: no answers to questions that are no longer asked.
        let text = AnswersFile.write(saved, questionnaire: WizardFixture.questionnaire)
        #expect(
            throws: Never.self,
            performing: {
                try AnswersFile.load(
                    Array(text.utf8), file: "d.json", questionnaire: WizardFixture.questionnaire)
            })
        // After the change the review screen came back before finishing.
        #expect(
            io.written.filter { $0 == "Review your answers: pick one to change it, or finish" }.count == 2)
    }

    @Test func changingAnAnswerToShowNewQuestionsAsksThemBeforeReturningToReview() throws {
        var wizard = Wizard.fixture(log: WizardSaveLog())
        let lines =
            WizardFixture.plainDetails + ["1", "n", ""]
            + ["10", "y", "1", "", "Team chat", "", ""]
        let io = ScriptedLineIO(lines: lines + ["n", "", "n", ""])
        let assessment = try #require(wizard.run(on: .plain(io)).finishedAssessment)
        #expect(assessment.answers.values["data_kinds"] == .strings(["names"]))
        #expect(assessment.answers.values["purpose"] == .string("Team chat"))
        // The users question, answered before the change, was not asked again.
        #expect(io.written.filter { $0 == "How many staff use it?" }.count == 1)
    }

    @Test func reviewScreenListsAnswersBySectionAndEditsReturnThere() throws {
        let terminal = ScriptedTerminal(
            size: TerminalSize(columns: 100, rows: 40),
            script: WizardFixture.interactiveDetails + [
                .key(.enter), .text("n"), .key(.enter),
                // Review: type 9 to reach the edition, pick it, choose Business.
                .text("9"), .key(.enter), .key(.down), .key(.enter),
                .key(.enter),
            ])
        var wizard = Wizard.fixture(log: WizardSaveLog())
        let assessment = try #require(wizard.run(on: .interactive(terminal)).finishedAssessment)
        #expect(assessment.answers.values["edition"] == .string("business"))
        let review = try #require(terminal.snapshots.first { $0.contains("Review your answers") })
        #expect(review.contains("> 1. Finish: see the rating and decide on measures"))
        #expect(review.contains("2. Details › Organisation: Acme NHS Trust"))
        #expect(review.contains("4. Details › DPIA reference: (none)"))
        #expect(review.contains("9. How it is used › Edition: Consumer"))
        #expect(review.contains("10. How it is used › Patient data: No"))
        #expect(review.contains("11. How it is used › Users: 10"))
        let secondReview = try #require(terminal.snapshots.last { $0.contains("Review your answers") })
        #expect(secondReview.contains("9. How it is used › Edition: Business"))
        // Business edition, no patient data: low risk, so no measures were offered.
        #expect(assessment.overallResidual?.id == "low")
        #expect(!terminal.output.contains("Approve the measure"))
    }

    @Test func theDraftIsSavedAfterEveryAnswerAndAlwaysLoads() throws {
        let log = WizardSaveLog()
        var wizard = Wizard.fixture(log: log)
        _ = wizard.run(on: .plain(ScriptedLineIO(lines: WizardFixture.plainDetails + ["1", "y", "2"])))
        // Seven details and three questions.
        #expect(log.saved.count == 10)
        #expect(log.saved[0].metadata.organisation == "Acme NHS Trust")
        #expect(log.saved[0].metadata.platform == "")
        #expect(log.saved[7].values == ["edition": .string("consumer")])
        #expect(log.saved[9].values["data_kinds"] == .strings(["images"]))
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

    @Test func measureDecisionsChangeTheResidualRisk() throws {
        func residual(_ decisions: [String]) throws -> Assessment {
            var wizard = Wizard.fixture(log: WizardSaveLog())
            let io = ScriptedLineIO(lines: plainAnswers + [""] + decisions)
            return try #require(wizard.run(on: .plain(io)).finishedAssessment)
        }
        let declined = try residual(["n", "", "n", ""])
        let approved = try residual(["y", "", "y", "Training booked"])
        #expect(declined.overallResidual?.id == "high")
        #expect(declined.recommendation?.id == "stop")
        #expect(approved.overallResidual?.id == "medium")
        #expect(approved.recommendation?.id == "proceed")
        #expect(approved.answers.measureDecisions["training"]?.note == "Training booked")
    }

    @Test func backFromTheFirstMeasureReturnsToTheReview() throws {
        var wizard = Wizard.fixture(log: WizardSaveLog())
        let io = ScriptedLineIO(lines: plainAnswers + ["", "b", "", "y", "", "y", ""])
        let assessment = try #require(wizard.run(on: .plain(io)).finishedAssessment)
        #expect(assessment.overallResidual?.id == "medium")
        #expect(
            io.written.filter { $0 == "Review your answers: pick one to change it, or finish" }.count == 2)
    }

    @Test func interruptKeepsTheAnswersAndResumeContinuesAtTheFirstGap() throws {
        let log = WizardSaveLog()
        var wizard = Wizard.fixture(log: log)
        let first = ScriptedTerminal(
            size: TerminalSize(columns: 100, rows: 30),
            script: WizardFixture.interactiveDetails + [.key(.enter), .text("y"), .key(.interrupt)])
        let stopped = try #require(wizard.run(on: .interactive(first)).interruptedAnswers)
        #expect(stopped.values == ["edition": .string("consumer"), "patient_data": .bool(true)])
        #expect(log.last == stopped)

        var resumed = Wizard.fixture(resuming: stopped, log: log)
        let second = ScriptedTerminal(
            size: TerminalSize(columns: 100, rows: 30),
            script: [
                .text(" "), .key(.enter), .key(.enter), .key(.enter), .text("Photos\n"), .key(.enter),
                .key(.enter), .text("y"), .key(.enter), .text("y"), .key(.enter),
            ])
        let assessment = try #require(resumed.run(on: .interactive(second)).finishedAssessment)
        #expect(second.snapshots[0].contains("Which kinds of patient data?"))
        #expect(second.output.contains("Resuming: 2 of 7 questions answered so far."))
        #expect(assessment.answers.metadata.organisation == "Acme NHS Trust")
        #expect(assessment.overallResidual?.id == "low")
    }

    @Test func aCompleteDraftResumesAtTheReviewScreen() throws {
        let log = WizardSaveLog()
        var wizard = Wizard.fixture(log: log)
        _ = wizard.run(on: .plain(ScriptedLineIO(lines: plainAnswers)))
        let draft = try #require(log.last)
        var resumed = Wizard.fixture(resuming: draft, log: log)
        let io = ScriptedLineIO(lines: [])
        _ = resumed.run(on: .plain(io))
        #expect(io.written.contains("Review your answers: pick one to change it, or finish"))
        #expect(!io.written.contains("Which organisation is doing this assessment?"))
    }

    @Test func inputEndingInPlainModeStopsWithTheAnswersSoFar() throws {
        let io = ScriptedLineIO(lines: WizardFixture.plainDetails + ["2"])
        var wizard = Wizard.fixture(log: WizardSaveLog())
        let answers = try #require(wizard.run(on: .plain(io)).endOfInputAnswers)
        #expect(answers.values == ["edition": .string("business")])
        #expect(io.written.last == "Yes or no? (y/n):")
    }

    @Test func invalidAnswersAreExplainedAndAskedAgain() throws {
        let io = ScriptedLineIO(lines: WizardFixture.plainDetails + ["1", "n", "0", "many", "40"])
        var wizard = Wizard.fixture(log: WizardSaveLog())
        let answers = try #require(wizard.run(on: .plain(io)).endOfInputAnswers)
        #expect(answers.values["users"] == .integer(40))
        #expect(io.written.contains("Please enter a number from 1 to 100000."))
        #expect(io.written.contains("“many” is not a whole number."))
    }

    @Test func aFinalAssessmentNeedsAReviewDate() throws {
        let details = ["Acme", "ChatApp", "", "A. Patel", "", "", "2"]
        let io = ScriptedLineIO(lines: details + ["2026-04-01", "2026-11-30", ""])
        var wizard = Wizard.fixture(log: WizardSaveLog())
        let answers = try #require(wizard.run(on: .plain(io)).endOfInputAnswers)
        #expect(answers.metadata.status == .final)
        #expect(answers.metadata.reviewDate == "2026-11-30")
        #expect(io.written.contains("The review date must be after the assessment date 2026-05-01."))
        #expect(
            io.written.contains(
                "A final assessment needs a review date (ICO step 7: keep the DPIA under review)."))
    }
}

import TestSupport
import Testing

@testable import DPIAKit

/// `wizard --from`'s rule, on the wizard fixture and a "2.0" of it that rewords an option, narrows a range,
/// adds a question and drops one: what is carried, what is asked and why, and that the wizard asks only
/// that before the review screen.
@Suite struct CarryOverTests {
    static let newer: Questionnaire = {
        var json = WizardFixture.json
        for (old, new) in [
            ("\"version\": \"1.0\"", "\"version\": \"2.0\""),
            (
                "{ \"value\": \"business\", \"label\": \"Business\"",
                "{ \"value\": \"business\", \"label\": \"Business (paid)\""
            ),
            ("\"maximum\": 100000", "\"maximum\": 1000"),
            (
                "\"label\": \"Notes\",\n          \"required\": false\n        }",
                "\"label\": \"Notes\",\n          \"required\": false\n        },\n        { \"id\": \"groups\", \"type\": \"yesno\", \"prompt\": \"Are there group chats?\", \"label\": \"Groups\" }"
            ),
        ] {
            precondition(json.contains(old), "the fixture changed: \(old)")
            json = json.replacingOccurrences(of: old, with: new)
        }
        // Notes is no longer asked in 2.0.
        json = json.replacingOccurrences(of: "\"id\": \"notes\"", with: "\"id\": \"committee_notes\"")
        return try! QuestionnaireLoader.load(Array(json.utf8), file: "wizard-fixture-2.json")
    }()

    static let old = Answers(
        questionnaireID: "wizard-fixture", questionnaireVersion: "1.0",
        metadata: AssessmentMetadata(
            organisation: "Acme NHS Trust", platform: "ChatApp", reference: "IG-1", assessor: "A. Patel",
            assessmentDate: "2026-01-10", reviewDate: "2026-07-10", status: .final),
        values: [
            "platform_name": .string("ChatApp"), "edition": .string("business"), "patient_data": .bool(true),
            "data_kinds": .strings(["names"]), "users": .integer(1500), "purpose": .string("Rotas"),
            "notes": .string("Seen by the board"), "approved_by": .string("Old board"),
            "dpo_advice": .bool(true),
        ],
        measureDecisions: [
            "switch_edition": MeasureDecision(
                approved: true, owner: "B. Jones", dueDate: "2026-03-01", status: .inPlace),
            "training": MeasureDecision(approved: false, note: "Not funded"),
        ])

    static func carryOver() -> CarryOver {
        CarryOver(
            from: old, on: WizardFixture.questionnaire, oldBytes: Array("old".utf8),
            previousFile: "../old.json",
            to: newer)
    }

    @Test func whatStillFitsIsCarriedAndTheRestIsAskedWithItsReason() {
        let carry = Self.carryOver()
        #expect(carry.carried == ["platform_name", "patient_data", "data_kinds", "purpose"])
        #expect(
            carry.notCarried["edition"]
                == .changed("the option \"Business\" is now worded \"Business (paid)\""))
        #expect(carry.notCarried["users"] == .changed("1500 is above the maximum 1000"))
        #expect(carry.notCarried["approved_by"] == .signOff)
        #expect(carry.notCarried["dpo_advice"] == .signOff)
        #expect(carry.dropped.map(\.title) == ["Notes"])
        #expect(carry.reason(for: "groups") == .new)
        #expect(carry.reason(for: "policy_date") == .unanswered)
        #expect(carry.carriedDecisions == 2)
        let meta = carry.answers.metadata
        #expect(meta.assessmentDate == "" && meta.reviewDate == nil && meta.status == .draft)
        #expect(meta.reference == "IG-1" && meta.assessor == "A. Patel")
        #expect(
            carry.answers.previous
                == PreviousAssessment(
                    file: "../old.json", sha256: SHA256.hex(Array("old".utf8)), reference: "IG-1",
                    assessmentDate: "2026-01-10", questionnaireVersion: "1.0"))
        #expect(carry.answers.questionnaireVersion == "2.0")
    }

    @Test func theWizardListsWhatToAnswerAsksOnlyThatThenReviews() throws {
        let log = WizardSaveLog()
        var wizard = Wizard(
            questionnaire: Self.newer, today: WizardFixture.today, carryingOver: Self.carryOver(),
            draftPath: "new.json", save: log.save)
        // Assessor (kept), date (today), edition, users, the policy date left unanswered before, the
        // notes (renamed in 2.0), the new question, other measures, the two sign-off rows, the review
        // date, finish as a draft.
        let io = ScriptedLineIO(lines: [
            "", "", "2", "800", "", "", "n", "", "New board", "n", "15/01/2027", "1",
        ])
        let outcome = wizard.run(on: .plain(io))
        let written = io.written
        let assessment = try #require(outcome.finishedAssessment)
        for line in [
            "Starting from ../old.json (assessment of 2026-01-10, wizard-fixture 1.0), on wizard-fixture 2.0.",
            "Carried over: 4 answers and 2 measure decisions; check them on the review screen at the end.",
            "  1.1 Which edition is used? — the earlier answer no longer fits: the option \"Business\" is now worded \"Business (paid)\"",
            "  How many staff use it? — the earlier answer no longer fits: 1500 is above the maximum 1000",
            "  Are there group chats? — new in 2.0",
            "No longer asked in 2.0, so not carried:",
            "  Notes: Seen by the board",
        ] {
            #expect(written.contains(line), "\(line)")
        }
        // Carried answers are never asked.
        #expect(!written.contains("What is the purpose in one line?"))
        #expect(!written.contains("Is patient data shared?"))
        let answers = assessment.answers
        #expect(answers.values["edition"] == .string("business"))
        #expect(answers.values["users"] == .integer(800))
        #expect(answers.values["groups"] == .bool(false))
        #expect(answers.values["purpose"] == .string("Rotas"))
        #expect(answers.values["approved_by"] == .string("New board"))
        #expect(answers.metadata.assessmentDate == "2026-05-01")
        #expect(answers.metadata.reviewDate == "2027-01-15")
        #expect(answers.metadata.status == .draft)
        #expect(answers.previous?.file == "../old.json")
        #expect(log.saved.allSatisfy { $0.previous != nil })
    }

    @Test func backGoesOnlyToWhatThisRunAsked() throws {
        let log = WizardSaveLog()
        var wizard = Wizard(
            questionnaire: Self.newer, today: WizardFixture.today, carryingOver: Self.carryOver(),
            draftPath: "new.json", save: log.save)
        // Back from the edition returns to the assessment date, not to the carried platform question;
        // back from the date goes to the assessor, and back from there stays on it.
        let io = ScriptedLineIO(lines: ["", "", "b", "b", "b"])
        _ = wizard.run(on: .plain(io))
        let asked = io.written.filter {
            [
                "Who is carrying out the assessment?", "Date of the assessment (YYYY-MM-DD or DD/MM/YYYY)",
                "1.1 Which edition is used?", "Which platform is being assessed?",
            ].contains($0)
        }
        #expect(
            asked == [
                "Who is carrying out the assessment?", "Date of the assessment (YYYY-MM-DD or DD/MM/YYYY)",
                "1.1 Which edition is used?", "Date of the assessment (YYYY-MM-DD or DD/MM/YYYY)",
                "Who is carrying out the assessment?", "Who is carrying out the assessment?",
            ])
    }
}

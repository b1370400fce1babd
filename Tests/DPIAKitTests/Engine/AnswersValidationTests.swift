import Testing

@testable import DPIAKit

/// One test per kind of problem in an answers file, checking the message a user reads.
@Suite("Answers validation")
struct AnswersValidationTests {
    func problems(_ edit: (String) -> String) throws -> [String] {
        let json = edit(Fixture.driftAnswers.replacingOccurrences(of: "MEASURES", with: ""))
        switch Fixture.answers(json, questionnaire: try Fixture.mini()) {
        case .success: return []
        case .failure(let failure): return failure.diagnostics.map(\.description)
        }
    }

    @Test func theDriftAnswersAreValid() throws {
        #expect(try problems { $0 }.isEmpty)
    }

    @Test func unknownQuestionSuggestsTheClosest() throws {
        #expect(
            try problems {
                $0.replacingOccurrences(of: "\"edition\": \"consumer\"", with: "\"editon\": \"consumer\"")
            }
            .contains(
                "answers.json:6:33: at answers.editon: unknown question \"editon\"; did you mean \"edition\"?"
            ))
    }

    @Test func problemsWithSeveralAnswersAreReportedInOrderOfQuestionID() throws {
        let reported = try problems {
            $0.replacingOccurrences(of: "\"users\": 1200", with: "\"users\": \"many\", \"zebra\": 1")
                .replacingOccurrences(of: "\"policy\": \"no\"", with: "\"policy\": 3, \"aardvark\": true")
        }
        let named = reported.map { line in
            ["aardvark", "policy", "users", "zebra"].first { line.contains("at answers.\($0):") } ?? line
        }
        #expect(named == ["aardvark", "policy", "users", "zebra"])
    }

    @Test func wrongTypeForTheQuestion() throws {
        #expect(
            try problems { $0.replacingOccurrences(of: "\"users\": 1200", with: "\"users\": \"1200\"") }
                == [
                    "answers.json:6:55: at answers.users: found a string \"1200\"; expected a whole number (an \"integer\" question)"
                ])
    }

    @Test func optionNotOffered() throws {
        #expect(
            try problems { $0.replacingOccurrences(of: "\"policy\": \"no\"", with: "\"policy\": \"nope\"") }
                == [
                    "answers.json:8:64: at answers.policy: \"nope\" is not an option of \"policy\"; expected one of \"yes\", \"no\" or \"unsure\""
                ])
    }

    @Test func missingRequiredAnswerTakesConditionsIntoAccount() throws {
        let found = try problems {
            $0.replacingOccurrences(of: ", \"outsider_detail\": \"A locum\"", with: "")
        }
        #expect(
            found == [
                "answers.json:5:14: at answers: missing answer to required question \"outsider_detail\" (Who are they?); expected a string on one line"
            ])
        // With no outsiders, the follow-up is not asked, so leaving it out is right.
        #expect(
            try problems {
                $0.replacingOccurrences(of: ", \"outsider_detail\": \"A locum\"", with: "")
                    .replacingOccurrences(of: "\"outsiders\": true", with: "\"outsiders\": false")
            }.isEmpty)
    }

    @Test func answerToAHiddenQuestion() throws {
        #expect(
            try problems { $0.replacingOccurrences(of: "\"outsiders\": true", with: "\"outsiders\": false") }
                == [
                    "answers.json:8:44: at answers.outsider_detail: question \"outsider_detail\" is answered but not asked with these answers (it is asked only when \"Outsiders\" is yes); expected no answer (remove it or change the earlier answer)"
                ])
    }

    @Test func versionMismatch() throws {
        #expect(
            try problems {
                $0.replacingOccurrences(of: "\"version\": \"1.0.0\"", with: "\"version\": \"0.9.0\"")
            }
                == [
                    "answers.json: at questionnaire.version: these answers are for version 0.9.0 of \"mini\" but version 1.0.0 was loaded; expected the same version (point --questionnaire at version 0.9.0, or re-answer with the wizard: dpia wizard --resume FILE)"
                ])
    }

    @Test func unknownMeasure() throws {
        #expect(
            try problems {
                $0.replacingOccurrences(
                    of: "\"policy\": \"no\"\n  }",
                    with: "\"policy\": \"no\"\n  }, \"measures\": {\"M9\": {\"approved\": true}}")
            }
            .first == "answers.json:9:19: at measures.M9: unknown measure \"M9\"; did you mean \"M1\"?")
    }

    @Test func badDatesAndAFinalWithoutReview() throws {
        let found = try problems {
            $0.replacingOccurrences(of: "\"2026-11-20\"", with: "\"2026-02-30\"").replacingOccurrences(
                of: "\"draft\"", with: "\"final\"")
        }
        #expect(
            found.contains {
                $0.hasSuffix("at metadata.assessmentDate: \"2026-02-30\" is not a date; expected YYYY-MM-DD")
            })
        #expect(
            found.contains {
                $0.hasSuffix(
                    "at metadata.reviewDate: a final assessment needs a review date (ICO step 7: the DPIA is kept under review); expected it recorded, or \"status\": \"draft\" until it is"
                )
            })
    }

    @Test func everyProblemAtOnce() throws {
        let found = try problems {
            $0.replacingOccurrences(of: "\"policy\": \"no\"", with: "\"policy\": 3")
                .replacingOccurrences(of: "\"edition\": \"consumer\"", with: "\"edition\": \"free\"")
                .replacingOccurrences(of: "\"assessor\": \"A. Lead\",", with: "")
        }
        #expect(found.count == 1)
        #expect(found.first?.contains("missing required field \"assessor\"") == true)
        let afterMetadata = try problems {
            $0.replacingOccurrences(of: "\"policy\": \"no\"", with: "\"policy\": 3")
                .replacingOccurrences(of: "\"edition\": \"consumer\"", with: "\"edition\": \"free\"")
        }
        #expect(afterMetadata.count == 2)
    }

    @Test func writtenAnswersReadBackTheSame() throws {
        let questionnaire = try Fixture.mini()
        let answers = try Fixture.drift(measures: #"{"M1": {"approved": true, "note": "By March"}}"#)
        let text = AnswersFile.write(answers, questionnaire: questionnaire)
        let again = try AnswersFile.load(Array(text.utf8), file: "again.json", questionnaire: questionnaire)
        #expect(again == answers)
        #expect(AnswersFile.write(again, questionnaire: questionnaire) == text)
    }

    @Test func draftsMayBeIncomplete() throws {
        let questionnaire = try Fixture.mini()
        let draft = """
            {"questionnaire": {"id": "mini", "version": "1.0.0"}, "metadata": {"organisation": "Trust"},
             "answers": {"patients": true}}
            """
        let answers = try AnswersFile.loadDraft(
            Array(draft.utf8), file: "draft.json", questionnaire: questionnaire)
        #expect(answers.values == ["patients": .bool(true)])
        #expect(answers.metadata.platform == "")
        #expect(throws: ValidationFailure.self) {
            try AnswersFile.load(Array(draft.utf8), file: "draft.json", questionnaire: questionnaire)
        }
    }
}

@Suite("Conditions")
struct ConditionTests {
    let answers: [String: AnswerValue] = [
        "flag": .bool(true), "one": .string("a"), "many": .strings(["x", "y"]), "count": .integer(10),
    ]

    func holds(_ condition: Condition) -> Bool { condition.holds { answers[$0] } }

    @Test func eachTest() {
        #expect(holds(.equals(question: "flag", .bool(true))))
        #expect(!holds(.equals(question: "one", .string("b"))))
        #expect(holds(.includesAny(question: "many", ["z", "y"])))
        #expect(holds(.includesAny(question: "one", ["a"])))
        #expect(!holds(.includesAny(question: "many", ["z"])))
        #expect(holds(.answered(question: "count", true)))
        #expect(holds(.answered(question: "missing", false)))
        #expect(holds(.atLeast(question: "count", 10)))
        #expect(!holds(.atMost(question: "count", 9)))
        #expect(holds(.not(.equals(question: "missing", .bool(true)))))
        #expect(holds(.all([.answered(question: "flag", true), .atLeast(question: "count", 1)])))
        #expect(!holds(.all([.answered(question: "flag", true), .atLeast(question: "count", 11)])))
        #expect(holds(.any([.answered(question: "nothing", true), .atLeast(question: "count", 1)])))
    }

    @Test func hiddenAnswersDoNotShowLaterQuestions() throws {
        let questionnaire = try Fixture.mini()
        // The policy review date is asked only when there is a policy; an answer left behind is ignored.
        var answers: [String: AnswerValue] = ["policy": .string("yes"), "review": .string("2026-01-01")]
        #expect(questionnaire.visibleQuestions(for: answers).contains("review"))
        answers["policy"] = .string("no")
        #expect(!questionnaire.visibleQuestions(for: answers).contains("review"))
        #expect(questionnaire.effectiveAnswers(answers)["review"] == nil)
    }
}

@Suite("Answers file mix-ups")
struct AnswersMixUpTests {
    @Test func aDefinitionGivenAsAnswersGetsOneClearMessage() throws {
        let definition = try Fixture.text("mini.json")
        switch Fixture.answers(definition, questionnaire: try Fixture.mini()) {
        case .success: Issue.record("a definition was accepted as answers")
        case .failure(let failure):
            #expect(
                failure.diagnostics.map(\.description) == [
                    "answers.json:1:1: this is a questionnaire definition, not an answers file; expected an answers file (give a definition with --questionnaire PATH)"
                ])
        }
    }
}

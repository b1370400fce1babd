import Testing

@testable import DPIAKit

/// One test per kind of problem `dpia validate` finds in a definition, each checking the message a user reads.
@Suite("Questionnaire validation")
struct QuestionnaireValidationTests {
    /// The first problem found after replacing `old` with `new` in the mini fixture (a change can also
    /// break rules elsewhere that used the old text; those are reported after it).
    func problem(_ old: String, _ new: String, sourceLocation: Testing.SourceLocation = #_sourceLocation)
        throws -> String
    {
        let problems = try Fixture.problems { text in
            #expect(
                text.contains(old), "fixture text to replace is missing: \(old)",
                sourceLocation: sourceLocation)
            return text.replacingOccurrences(of: old, with: new)
        }
        #expect(!problems.isEmpty, "expected a problem", sourceLocation: sourceLocation)
        return problems.first?.description ?? ""
    }

    @Test func theFixtureIsValid() throws {
        let questionnaire = try Fixture.mini()
        #expect(questionnaire.questions.count == 13)
        #expect(questionnaire.scoring.risks.map(\.id) == ["disclosure", "purpose"])
    }

    @Test func unknownFieldSuggestsTheClosest() throws {
        let problems = try Fixture.problems {
            $0.replacingOccurrences(of: #""prompt": "Which edition?""#, with: #""promt": "Which edition?""#)
        }
        #expect(
            problems.map(\.description).contains {
                $0.contains(
                    "at sections[1].questions[0].promt: unknown field \"promt\"; did you mean \"prompt\"?")
            })
        #expect(problems.map(\.description).contains { $0.contains("missing required field \"prompt\"") })
    }

    @Test func wrongTypeNamesWhatWasFoundAndExpected() throws {
        #expect(
            try problem(#""minimum": 0"#, #""minimum": "none""#)
                == "mini.json:21:109: at sections[1].questions[1].minimum: found a string; expected a whole number"
        )
    }

    @Test func unknownQuestionType() throws {
        #expect(
            try problem(#""type": "integer""#, #""type": "number""#).hasSuffix(
                "at sections[1].questions[1].type: unknown question type \"number\"; expected one of \"yesno\", \"single\", \"multiple\", \"text\", \"longtext\", \"integer\" or \"date\""
            ))
    }

    @Test func duplicateQuestionID() throws {
        #expect(
            try problem(#""id": "novel""#, #""id": "patients""#)
                == "mini.json:13:9: at sections[0].questions[1]: duplicate question id \"patients\" (first defined at sections[0].questions[0], line 12)"
        )
    }

    @Test func duplicateOptionValue() throws {
        #expect(
            try problem(
                #"{"value": "enterprise", "label": "Enterprise"}"#,
                #"{"value": "consumer", "label": "Enterprise"}"#
            )
            .hasSuffix(
                "at sections[1].questions[0].options[1]: duplicate option value \"consumer\" in question \"edition\""
            ))
    }

    @Test func conditionNamingAnUnknownQuestion() throws {
        #expect(
            try problem(
                #""when": {"question": "outsiders", "equals": true}"#,
                #""when": {"question": "outsider", "equals": true}"#
            )
            .hasSuffix(
                "at sections[1].questions[6].when: condition names unknown question \"outsider\"; did you mean \"outsiders\"?"
            ))
    }

    @Test func conditionOnALaterQuestion() throws {
        #expect(
            try problem(
                #""when": {"question": "policy", "equals": "yes"}"#,
                #""when": {"question": "notes", "answered": true}"#
            )
            .hasSuffix(
                "at sections[2].questions[1].when: condition looks at question \"notes\", which is asked later; expected only questions asked before (this also rules out cycles)"
            ))
    }

    @Test func conditionOnItsOwnQuestion() throws {
        #expect(
            try problem(
                #""when": {"question": "policy", "equals": "yes"}"#,
                #""when": {"question": "review", "answered": true}"#
            )
            .hasSuffix(
                "question \"review\" has a condition on its own answer; expected a condition on earlier questions"
            ))
    }

    @Test func conditionValueNotOffered() throws {
        #expect(
            try problem(
                #""when": {"question": "policy", "equals": "yes"}"#,
                #""when": {"question": "policy", "equals": "yess"}"#
            )
            .hasSuffix(
                "condition on \"policy\": \"yess\" is not an option of \"policy\"; did you mean \"yes\"?; expected one of \"yes\", \"no\" or \"unsure\""
            ))
    }

    @Test func unreachableQuestion() throws {
        #expect(
            try problem(
                #""when": {"question": "policy", "equals": "yes"}"#,
                #""when": {"all": [{"question": "policy", "equals": "yes"}, {"question": "policy", "equals": "no"}]}"#
            ).hasSuffix(
                "question \"review\" can never be asked: its condition (\"Policy\" is \"Yes\" and \"Policy\" is \"No\") can never hold"
            ))
    }

    @Test func incompleteMatrix() throws {
        #expect(
            try problem(
                #""significant": {"remote": "low", "possible": "medium", "probable": "high"}"#,
                #""significant": {"remote": "low", "possible": "medium"}"#
            )
            .hasSuffix(
                "at scoring.matrix.significant: the matrix is incomplete: no level for severity \"significant\" and likelihood \"probable\""
            ))
    }

    @Test func matrixCellNamingAnUnknownLevel() throws {
        #expect(
            try problem(#""minimal": {"remote": "low","#, #""minimal": {"remote": "lo","#)
                .hasSuffix(
                    "at scoring.matrix.minimal.remote: \"lo\" is not a risk level; expected \"low\", \"medium\" or \"high\""
                ))
    }

    @Test func bandsMustRise() throws {
        #expect(
            try problem(
                #"{"level": "possible", "maximumPoints": 3}"#, #"{"level": "possible", "maximumPoints": 1}"#
            )
            .hasSuffix(
                "at scoring.likelihood.bands[1].maximumPoints: bands must rise: maximumPoints 1 is not above the previous 1"
            ))
    }

    @Test func controlNamingAnOptionTheQuestionDoesNotOffer() throws {
        #expect(
            try problem(
                #""question": "policy", "inPlace": ["yes"]"#,
                #""question": "policy", "inPlace": ["in_place"]"#
            )
            .hasSuffix(
                "at scoring.controls[0]: answer for question \"policy\": \"in_place\" is not an option of \"policy\"; expected one of \"yes\", \"no\" or \"unsure\""
            ))
    }

    @Test func measureNamingAnUnknownRisk() throws {
        #expect(
            try problem(
                #""reduces": [{"risk": "disclosure", "likelihood": -1, "severity": -1}]"#,
                #""reduces": [{"risk": "disclosur", "likelihood": -1, "severity": -1}]"#
            )
            .hasSuffix(
                "at scoring.measures[1].reduces[0].risk: names unknown risk \"disclosur\"; did you mean \"disclosure\"?"
            ))
    }

    @Test func dataQuestionOptionThatIsNoCategory() throws {
        #expect(
            try problem(
                #"{"value": "clinical", "label": "Clinical information"}]"#,
                #"{"value": "clinical", "label": "Clinical information"}, {"value": "images", "label": "Images"}]"#
            )
            .hasSuffix(
                "at sections[1].questions[2].options: option \"images\" of question \"data\" is not a data category; expected each option value to be a data category id"
            ))
    }

    @Test func purposeAllowingAnUnknownCategory() throws {
        #expect(
            try problem(#""allows": ["staff_contact"]}"#, #""allows": ["staff_contacts"]}"#)
                .hasSuffix(
                    "at scoring.purposes.purposes[0].allows: purpose \"admin\" allows unknown data category \"staff_contacts\"; expected one of \"staff_contact\", \"patient_names\" or \"clinical\""
                ))
    }

    @Test func lastRecommendationMustAlwaysMatch() throws {
        #expect(
            try problem(
                #"{"id": "approve", "label": "Approve", "summary": "Risks are low."}"#,
                #"{"id": "approve", "label": "Approve", "summary": "Risks are low.", "residualLevels": ["low"]}"#
            )
            .hasSuffix(
                "at scoring.recommendations[3]: the last recommendation must have no constraints so that every assessment gets one"
            ))
    }

    @Test func reportsEveryProblemAtOnceWithLines() throws {
        let problems = try Fixture.problems {
            $0.replacingOccurrences(of: #""type": "integer""#, with: #""type": "number""#)
                .replacingOccurrences(of: #""sensitivity": "severe"}"#, with: #""sensitivity": "critical"}"#)
                .replacingOccurrences(of: #""base": "significant""#, with: #""base": "major""#)
        }
        #expect(problems.count == 4)
        #expect(
            problems[0].description.hasPrefix(
                "mini.json:21:50: at sections[1].questions[1].type: unknown question type"))
        #expect(problems.allSatisfy { ($0.location?.line ?? 0) > 0 })
        #expect(
            problems.map(\.message).contains(
                "unknown severity level \"critical\"; expected \"minimal\", \"significant\" or \"severe\""))
        #expect(
            problems.map(\.message).contains(
                "unknown severity level \"major\"; expected \"minimal\", \"significant\" or \"severe\""))
    }

    @Test func aFourByFourScaleIsExpressible() throws {
        let questionnaire =
            (try Fixture.miniEdited { text in
                text.replacingOccurrences(
                    of: #"{"id": "severe", "label": "Severe"}]"#,
                    with: #"{"id": "severe", "label": "Severe"}, {"id": "maximum", "label": "Maximum"}]"#
                ).replacingOccurrences(
                    of: #"{"id": "probable", "label": "Probable"}]"#,
                    with:
                        #"{"id": "probable", "label": "Probable"}, {"id": "certain", "label": "Almost certain"}]"#
                ).replacingOccurrences(
                    of: #"{"level": "probable"}]"#,
                    with: #"{"level": "probable", "maximumPoints": 5}, {"level": "certain"}]"#
                ).replacingOccurrences(
                    of: #""minimal": {"remote": "low", "possible": "low", "probable": "low"},"#,
                    with:
                        #""minimal": {"remote": "low", "possible": "low", "probable": "low", "certain": "low"}, "maximum": {"remote": "medium", "possible": "high", "probable": "high", "certain": "high"},"#
                ).replacingOccurrences(
                    of: #""possible": "medium", "probable": "high"}"#,
                    with: #""possible": "medium", "probable": "high", "certain": "high"}"#
                )
                .replacingOccurrences(
                    of: #""possible": "high", "probable": "high"}"#,
                    with: #""possible": "high", "probable": "high", "certain": "high"}"#)
            }.get())
        #expect(questionnaire.scoring.likelihoodLevels.count == 4)
        #expect(questionnaire.scoring.severityLevels.count == 4)
        #expect(questionnaire.scoring.matrix["maximum"]?["remote"] == "medium")
    }
}

@Suite("Questionnaire mix-ups")
struct QuestionnaireMixUpTests {
    @Test func answersGivenAsADefinitionGetOneClearMessage() throws {
        let answers = try Fixture.text("mini-drift.json")
        #expect(throws: ValidationFailure.self) {
            try QuestionnaireLoader.load(Array(answers.utf8), file: "a.json")
        }
        do {
            _ = try QuestionnaireLoader.load(Array(answers.utf8), file: "a.json")
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "a.json:1:1: this is an answers file, not a questionnaire definition; expected a definition (assess answers with: dpia assess --answers FILE)"
                ])
        }
    }
}

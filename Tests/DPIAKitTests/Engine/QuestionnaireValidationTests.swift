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

    /// One kind of problem: the fixture text to replace, its replacement, and the first problem reported.
    struct Case: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var old: String
        var new: String
        var expected: String
    }

    static let cases: [Case] = [
        Case(
            testDescription: "a wrong type names what was found and expected", old: #""minimum": 0"#,
            new: #""minimum": "none""#,
            expected:
                "mini.json:21:109: at sections[1].questions[1].minimum: found a string; expected a whole number"
        ),
        Case(
            testDescription: "an unknown question type", old: #""type": "integer""#,
            new: #""type": "number""#,
            expected:
                "mini.json:21:50: at sections[1].questions[1].type: unknown question type \"number\"; expected one of \"yesno\", \"single\", \"multiple\", \"text\", \"longtext\", \"integer\" or \"date\""
        ),
        Case(
            testDescription: "a duplicate question id", old: #""id": "novel""#, new: #""id": "patients""#,
            expected:
                "mini.json:13:9: at sections[0].questions[1]: duplicate question id \"patients\" (first defined at sections[0].questions[0], line 12)"
        ),
        Case(
            testDescription: "a duplicate option value",
            old: #"{"value": "enterprise", "label": "Enterprise"}"#,
            new: #"{"value": "consumer", "label": "Enterprise"}"#,
            expected:
                "mini.json:19:9: at sections[1].questions[0].options[1]: duplicate option value \"consumer\" in question \"edition\""
        ),
        Case(
            testDescription: "a condition naming an unknown question",
            old: #""when": {"question": "outsiders", "equals": true}"#,
            new: #""when": {"question": "outsider", "equals": true}"#,
            expected:
                "mini.json:30:9: at sections[1].questions[6].when: condition names unknown question \"outsider\"; did you mean \"outsiders\"?"
        ),
        Case(
            testDescription: "a condition on a later question",
            old: #""when": {"question": "policy", "equals": "yes"}"#,
            new: #""when": {"question": "notes", "answered": true}"#,
            expected:
                "mini.json:39:9: at sections[2].questions[1].when: condition looks at question \"notes\", which is asked later; expected only questions asked before (this also rules out cycles)"
        ),
        Case(
            testDescription: "a condition on its own question",
            old: #""when": {"question": "policy", "equals": "yes"}"#,
            new: #""when": {"question": "review", "answered": true}"#,
            expected:
                "mini.json:39:9: at sections[2].questions[1].when: question \"review\" has a condition on its own answer; expected a condition on earlier questions"
        ),
        Case(
            testDescription: "a condition value the question does not offer",
            old: #""when": {"question": "policy", "equals": "yes"}"#,
            new: #""when": {"question": "policy", "equals": "yess"}"#,
            expected:
                "mini.json:39:9: at sections[2].questions[1].when: condition on \"policy\": \"yess\" is not an option of \"policy\"; did you mean \"yes\"?; expected one of \"yes\", \"no\" or \"unsure\""
        ),
        Case(
            testDescription: "a question that can never be asked",
            old: #""when": {"question": "policy", "equals": "yes"}"#,
            new:
                #""when": {"all": [{"question": "policy", "equals": "yes"}, {"question": "policy", "equals": "no"}]}"#,
            expected:
                "mini.json:39:9: at sections[2].questions[1].when: question \"review\" can never be asked: its condition (\"Policy\" is \"Yes\" and \"Policy\" is \"No\") can never hold"
        ),
        Case(
            testDescription: "an incomplete matrix",
            old: #""significant": {"remote": "low", "possible": "medium", "probable": "high"}"#,
            new: #""significant": {"remote": "low", "possible": "medium"}"#,
            expected:
                "mini.json:58:15: at scoring.matrix.significant: the matrix is incomplete: no level for severity \"significant\" and likelihood \"probable\""
        ),
        Case(
            testDescription: "a matrix cell naming an unknown level", old: #""minimal": {"remote": "low","#,
            new: #""minimal": {"remote": "lo","#,
            expected:
                "mini.json:58:15: at scoring.matrix.minimal.remote: \"lo\" is not a risk level; expected \"low\", \"medium\" or \"high\""
        ),
        Case(
            testDescription: "bands that do not rise", old: #"{"level": "possible", "maximumPoints": 3}"#,
            new: #"{"level": "possible", "maximumPoints": 1}"#,
            expected:
                "mini.json:54:16: at scoring.likelihood.bands[1].maximumPoints: bands must rise: maximumPoints 1 is not above the previous 1"
        ),
        Case(
            testDescription: "a control naming an option the question does not offer",
            old: #""question": "policy", "inPlace": ["yes"]"#,
            new: #""question": "policy", "inPlace": ["in_place"]"#,
            expected:
                "mini.json:81:7: at scoring.controls[0]: answer for question \"policy\": \"in_place\" is not an option of \"policy\"; expected one of \"yes\", \"no\" or \"unsure\""
        ),
        Case(
            testDescription: "a measure naming an unknown risk",
            old: #""reduces": [{"risk": "disclosure", "likelihood": -1, "severity": -1}]"#,
            new: #""reduces": [{"risk": "disclosur", "likelihood": -1, "severity": -1}]"#,
            expected:
                "mini.json:108:7: at scoring.measures[1].reduces[0].risk: names unknown risk \"disclosur\"; did you mean \"disclosure\"?"
        ),
        Case(
            testDescription: "a data question option that is no data category",
            old: #"{"value": "clinical", "label": "Clinical information"}]"#,
            new:
                #"{"value": "clinical", "label": "Clinical information"}, {"value": "images", "label": "Images"}]"#,
            expected:
                "mini.json:22:9: at sections[1].questions[2].options: option \"images\" of question \"data\" is not a data category; expected each option value to be a data category id"
        ),
        Case(
            testDescription: "a purpose allowing an unknown category", old: #""allows": ["staff_contact"]}"#,
            new: #""allows": ["staff_contacts"]}"#,
            expected:
                "mini.json:75:9: at scoring.purposes.purposes[0].allows: purpose \"admin\" allows unknown data category \"staff_contacts\"; expected one of \"staff_contact\", \"patient_names\" or \"clinical\""
        ),
        Case(
            testDescription: "a last recommendation that does not always match",
            old: #"{"id": "approve", "label": "Approve", "summary": "Risks are low."}"#,
            new:
                #"{"id": "approve", "label": "Approve", "summary": "Risks are low.", "residualLevels": ["low"]}"#,
            expected:
                "mini.json:117:7: at scoring.recommendations[3]: the last recommendation must have no constraints so that every assessment gets one"
        ),
        Case(
            testDescription: "a starting value from a later question",
            old: #"{"id": "approved", "number": "2.4", "type": "multiple","#,
            new: #"{"id": "approved", "number": "2.4", "type": "multiple", "startsFrom": "actual","#,
            expected:
                "mini.json:25:9: at sections[1].questions[3].startsFrom: \"startsFrom\" names \"actual\", which is not a question asked before this one; expected an earlier question's id"
        ),
        Case(
            testDescription: "a starting value from a question of another type",
            old: #"{"id": "approved", "number": "2.4", "type": "multiple","#,
            new: #"{"id": "approved", "number": "2.4", "type": "multiple", "startsFrom": "users","#,
            expected:
                "mini.json:25:9: at sections[1].questions[3].startsFrom: \"startsFrom\" names \"users\", an integer question; expected a multiple question like this one"
        ),
        Case(
            testDescription: "a question filled from an unknown detail",
            old: #"{"id": "edition", "number": "2.1", "type": "single","#,
            new: #"{"id": "edition", "number": "2.1", "type": "single", "filledFrom": "assessor","#,
            expected:
                "mini.json:19:9: at sections[1].questions[0].filledFrom: \"filledFrom\" is \"assessor\"; expected one of \"organisation\" or \"platform\""
        ),
        Case(
            testDescription: "a choice question filled from a detail",
            old: #"{"id": "edition", "number": "2.1", "type": "single","#,
            new: #"{"id": "edition", "number": "2.1", "type": "single", "filledFrom": "platform","#,
            expected:
                "mini.json:19:9: at sections[1].questions[0].filledFrom: \"filledFrom\" applies only to text questions; this is a single question"
        ),
        Case(
            testDescription: "a control in place that would score worse than the measure tied to it promised",
            old:
                #""reduces": [{"risk": "disclosure", "likelihood": -2}, {"risk": "purpose", "likelihood": -2}]"#,
            new:
                #""controls": ["policy"], "reduces": [{"risk": "disclosure", "likelihood": -3}, {"risk": "purpose", "likelihood": -2}]"#,
            expected:
                "mini.json:81:7: at scoring.controls[0].affects[0].whenInPlace: in place counts -1 on risk \"disclosure\"; expected -2 or less: missing adds 1 and the tied measure M1 promises -3, and a control in place must never score worse than a measure only promised"
        ),
        Case(
            testDescription: "a measure tied to an unknown control",
            old:
                #""reduces": [{"risk": "disclosure", "likelihood": -2}, {"risk": "purpose", "likelihood": -2}]"#,
            new:
                #""controls": ["polcy"], "reduces": [{"risk": "disclosure", "likelihood": -2}, {"risk": "purpose", "likelihood": -2}]"#,
            expected:
                "mini.json:106:7: at scoring.measures[0].controls[0]: names unknown control \"polcy\"; did you mean \"policy\"?"
        ),
        Case(
            testDescription: "a measure tied to a control that changes severity",
            old: #""reduces": [{"risk": "disclosure", "likelihood": -1, "severity": -1}]"#,
            new:
                #""controls": ["policy"], "reduces": [{"risk": "disclosure", "likelihood": -1, "severity": -1}]"#,
            expected:
                "mini.json:108:7: at scoring.measures[1].reduces[0].severity: a measure tied to a control may change likelihood only, as a control does; found severity -1 on \"disclosure\", expected 0 (or untie it)"
        ),
        Case(
            testDescription: "a measure a control's answer recommends, left untied once measures are tied",
            old: #""reduces": [{"risk": "disclosure", "likelihood": -1, "severity": -1}]"#,
            new: #""controls": ["policy"], "reduces": [{"risk": "disclosure", "likelihood": -1}]"#,
            expected:
                "mini.json:106:7: at scoring.measures[0].controls: measure \"M1\" is recommended by the answer to question \"policy\" of control \"policy\" but not tied to that control; expected \"policy\" in \"controls\", so that putting the control in place cannot score worse than approving the measure"
        ),
        Case(
            testDescription: "a screening criterion needing criteria of an unknown group",
            old: #""label": "Innovative technology", "when""#,
            new: #""label": "Innovative technology", "onlyWith": {"group": "edbp", "atLeast": 1}, "when""#,
            expected:
                "mini.json:124:9: at scoring.screening.criteria[2].onlyWith.group: names unknown group \"edbp\"; expected \"edpb\""
        ),
        Case(
            testDescription: "a screening criterion needing criteria of its own group",
            old: #""label": "Innovative technology", "when""#,
            new: #""label": "Innovative technology", "onlyWith": {"group": "edpb", "atLeast": 1}, "when""#,
            expected:
                "mini.json:124:9: at scoring.screening.criteria[2].onlyWith.group: needs criteria of its own group \"edpb\"; expected another group"
        ),
        Case(
            testDescription: "a contradiction naming an unknown measure",
            old: #""recommendMeasuresFrom": "medium","#,
            new:
                #""contradictions": [{"id": "c1", "message": "M1 approved with no policy owner.", "measuresApproved": ["M11"]}], "recommendMeasuresFrom": "medium","#,
            expected:
                "mini.json:111:24: at scoring.contradictions[0].measuresApproved[0]: names unknown measure \"M11\"; did you mean \"M1\"?"
        ),
        Case(
            testDescription: "a contradiction with no constraint",
            old: #""recommendMeasuresFrom": "medium","#,
            new:
                #""contradictions": [{"id": "c1", "message": "Always."}], "recommendMeasuresFrom": "medium","#,
            expected:
                "mini.json:111:24: at scoring.contradictions[0]: a contradiction needs at least one of \"when\", \"measuresApproved\" or \"measuresDeclined\"; found none, so it would warn on every assessment"
        ),
        Case(
            testDescription: "a contradiction needing a measure approved and declined at once",
            old: #""recommendMeasuresFrom": "medium","#,
            new:
                #""contradictions": [{"id": "c1", "message": "Never.", "measuresApproved": ["M1"], "measuresDeclined": ["M1"]}], "recommendMeasuresFrom": "medium","#,
            expected:
                "mini.json:111:24: at scoring.contradictions[0]: measure \"M1\" is both approved and declined, so the warning can never be given; expected it in one list"
        ),
        Case(
            testDescription: "a control that scores worse in place than missing",
            old: #"{"risk": "purpose", "whenMissing": 2, "whenInPlace": 0}"#,
            new: #"{"risk": "purpose", "whenMissing": 2, "whenInPlace": 1}"#,
            expected:
                "mini.json:81:7: at scoring.controls[0].affects[1].whenInPlace: in place adds 1 to risk \"purpose\"; expected 0 or less: a control in place may not score worse than the control missing (2) or not applicable (0)"
        ),
        Case(
            testDescription: "a drift signal that holds with the control on its question in place",
            old: #""when": {"question": "outsiders", "equals": true}}]"#,
            new: #""when": {"question": "policy", "includesAny": ["yes", "no"]}}]"#,
            expected:
                "mini.json:78:24: at scoring.purposes.driftSignals[0].when: holds when control \"policy\" is in place (\"Policy\" is \"Yes\"); expected it to hold only while the control is missing, so that a control in place never adds drift points"
        ),
    ]

    @Test("a measure tied to the control it puts in place, worth no more than the control, is valid")
    func tiedMeasure() throws {
        let problems = try Fixture.problems {
            $0.replacingOccurrences(
                of:
                    #""reduces": [{"risk": "disclosure", "likelihood": -2}, {"risk": "purpose", "likelihood": -2}]"#,
                with:
                    #""controls": ["policy"], "reduces": [{"risk": "disclosure", "likelihood": -2}, {"risk": "purpose", "likelihood": -2}]"#
            )
        }
        #expect(problems.isEmpty)
    }

    @Test(
        "The first problem is reported with its file, line, column, JSON path and message", arguments: cases)
    func firstProblem(_ problemCase: Case) throws {
        let reported = try problem(problemCase.old, problemCase.new)
        #expect(reported == problemCase.expected)
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

/// Conditions on options, references and statements (the nations' options, references and the national
/// data opt-out statement of the bundled definition) are checked like any other.
@Suite("Questionnaire validation: conditional options, references and statements")
struct ConditionalContentValidationTests {
    func problems(_ old: String, _ new: String) throws -> [String] {
        try Fixture.problems { text in
            #expect(text.contains(old), "fixture text to replace is missing: \(old)")
            return text.replacingOccurrences(of: old, with: new)
        }.map(\.description)
    }

    @Test func anOptionsConditionMayLookOnlyAtEarlierQuestions() throws {
        let found = try problems(
            #"{"value": "enterprise", "label": "Enterprise"}"#,
            #"{"value": "enterprise", "label": "Enterprise", "when": {"question": "users", "atLeast": 5}}"#)
        #expect(
            found == [
                "mini.json:19:9: at sections[1].questions[0].options[1].when: condition looks at question \"users\", which is asked later; expected only questions asked before (this also rules out cycles)"
            ])
    }

    @Test func anOptionOnAnEarlierAnswerIsValidAndOfferedOnlyWhenItHolds() throws {
        let edited = try Fixture.miniEdited {
            $0.replacingOccurrences(
                of: #"{"value": "enterprise", "label": "Enterprise"}"#,
                with:
                    #"{"value": "enterprise", "label": "Enterprise", "when": {"question": "patients", "equals": true}}"#
            )
        }
        let questionnaire = try edited.get()
        let edition = try #require(questionnaire.question("edition"))
        #expect(
            edition.offering { $0 == "patients" ? .bool(true) : nil }.options.map(\.value) == [
                "consumer", "enterprise",
            ])
        #expect(
            edition.offering { $0 == "patients" ? .bool(false) : nil }.options.map(\.value) == ["consumer"])
    }

    @Test func referencesAndStatementsNameKnownQuestions() throws {
        let reference = try problems(
            #""url": "https://ico.org.uk/"}"#,
            #""url": "https://ico.org.uk/", "when": {"question": "nation", "equals": "wales"}}"#)
        #expect(reference.count == 1)
        #expect(
            reference.first?.contains("at references[0].when: condition names unknown question \"nation\"")
                == true)
        let statement = try problems(
            #""id": "use", "title": "The platform and its use", "icoStep": 2,"#,
            #""id": "use", "title": "The platform and its use", "icoStep": 2, "statements": [{"id": "s", "text": "Said.", "when": {"question": "edition", "equals": "hosted"}}],"#
        )
        #expect(statement.count == 1)
        #expect(
            statement.first?.contains(
                "at sections[1].statements[0].when: condition on \"edition\": \"hosted\" is not an option of \"edition\""
            )
                == true)
    }
}

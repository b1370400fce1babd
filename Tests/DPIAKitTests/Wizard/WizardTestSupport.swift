import TestSupport

@testable import DPIAKit

/// The fixture questionnaire: every question type, a section shown only when patient data is shared,
/// a question shown only then too, a platform question the details answer, one risk, two measures,
/// and a step 6 and a step 7 section, which the wizard asks after the rating and the decisions.
enum WizardFixture {
    static let questionnaire: Questionnaire = {
        do {
            return try QuestionnaireLoader.load(Array(json.utf8), file: "wizard-fixture.json")
        } catch {
            fatalError("the wizard fixture does not load: \(error)")
        }
    }()

    // Kept in Swift rather than a .json file: the test target has no resources, and an
    // undeclared file is a build warning.
    static let json = """
        {
          "id": "wizard-fixture",
          "version": "1.0",
          "title": "Messaging app check",
          "description": "A small questionnaire for testing the wizard.",
          "estimatedMinutes": 5,
          "sections": [
            {
              "id": "use",
              "title": "How it is used",
              "icoStep": 1,
              "description": "What the platform is used for.",
              "questions": [
                {
                  "id": "platform_name",
                  "number": "1.0",
                  "type": "text",
                  "filledFrom": "platform",
                  "prompt": "Which platform is being assessed?",
                  "label": "Platform"
                },
                {
                  "id": "edition",
                  "number": "1.1",
                  "type": "single",
                  "prompt": "Which edition is used?",
                  "label": "Edition",
                  "help": "Look at the licence.",
                  "options": [
                    { "value": "consumer", "label": "Consumer" },
                    { "value": "business", "label": "Business", "help": "Paid, with a contract." }
                  ]
                },
                {
                  "id": "patient_data",
                  "type": "yesno",
                  "prompt": "Is patient data shared?",
                  "label": "Patient data"
                },
                {
                  "id": "data_kinds",
                  "type": "multiple",
                  "prompt": "Which kinds of patient data?",
                  "label": "Data kinds",
                  "when": { "question": "patient_data", "equals": true },
                  "options": [
                    { "value": "names", "label": "Names" },
                    { "value": "images", "label": "Clinical images" },
                    { "value": "notes", "label": "Clinical notes" }
                  ],
                  "minimumSelections": 1
                },
                {
                  "id": "users",
                  "type": "integer",
                  "prompt": "How many staff use it?",
                  "label": "Users",
                  "minimum": 1,
                  "maximum": 100000,
                  "default": 10
                }
              ]
            },
            {
              "id": "governance",
              "title": "Governance",
              "icoStep": 3,
              "when": { "question": "patient_data", "equals": true },
              "questions": [
                {
                  "id": "policy_date",
                  "type": "date",
                  "prompt": "When was the usage policy approved?",
                  "label": "Policy date",
                  "required": false
                },
                {
                  "id": "purpose",
                  "type": "text",
                  "prompt": "What is the purpose in one line?",
                  "label": "Purpose"
                },
                {
                  "id": "notes",
                  "type": "longtext",
                  "prompt": "Anything else the committee should know?",
                  "label": "Notes",
                  "required": false
                }
              ]
            },
            {
              "id": "measures",
              "title": "Step 6: Measures",
              "icoStep": 6,
              "questions": [
                {
                  "id": "other_measures",
                  "type": "longtext",
                  "prompt": "Any other measures proposed?",
                  "label": "Other measures",
                  "required": false
                }
              ]
            },
            {
              "id": "sign_off",
              "title": "Step 7: Sign-off",
              "icoStep": 7,
              "questions": [
                {
                  "id": "approved_by",
                  "type": "text",
                  "prompt": "Who approved the measures?",
                  "label": "Measures approved by",
                  "required": false
                },
                {
                  "id": "dpo_advice",
                  "type": "yesno",
                  "prompt": "Has the DPO given advice?",
                  "label": "DPO advice",
                  "required": false
                }
              ]
            }
          ],
          "scoring": {
            "likelihood": {
              "levels": [
                { "id": "remote", "label": "Remote" },
                { "id": "possible", "label": "Possible" },
                { "id": "probable", "label": "Probable" }
              ],
              "bands": [
                { "level": "remote", "maximumPoints": 1 },
                { "level": "possible", "maximumPoints": 3 },
                { "level": "probable" }
              ]
            },
            "severity": {
              "levels": [
                { "id": "minimal", "label": "Minimal" },
                { "id": "significant", "label": "Significant" },
                { "id": "severe", "label": "Severe" }
              ]
            },
            "riskLevels": [
              { "id": "low", "label": "Low" },
              { "id": "medium", "label": "Medium" },
              { "id": "high", "label": "High" }
            ],
            "matrix": {
              "minimal": { "remote": "low", "possible": "low", "probable": "medium" },
              "significant": { "remote": "low", "possible": "medium", "probable": "high" },
              "severe": { "remote": "medium", "possible": "high", "probable": "high" }
            },
            "risks": [
              {
                "id": "disclosure",
                "title": "Unauthorised disclosure",
                "description": "Patient data reaches people who should not see it.",
                "harm": "Loss of confidentiality.",
                "likelihood": {
                  "base": 1,
                  "factors": [
                    { "when": { "question": "edition", "equals": "consumer" }, "points": 2, "reason": "Consumer edition" },
                    { "when": { "question": "patient_data", "equals": true }, "points": 1, "reason": "Patient data shared" }
                  ]
                },
                "severity": {
                  "base": "significant",
                  "adjustments": [
                    { "when": { "question": "data_kinds", "includesAny": ["images", "notes"] }, "steps": 1, "reason": "Clinical content" }
                  ]
                }
              }
            ],
            "measures": [
              {
                "id": "switch_edition",
                "title": "Move to the business edition",
                "description": "Use the edition with a data processing agreement.",
                "when": { "question": "edition", "equals": "consumer" },
                "reduces": [ { "risk": "disclosure", "likelihood": -2 } ]
              },
              {
                "id": "training",
                "title": "Train staff",
                "description": "Short training on what not to share.",
                "reduces": [ { "risk": "disclosure", "likelihood": -1 } ]
              }
            ],
            "recommendMeasuresFrom": "medium",
            "priorConsultationLevels": ["high"],
            "recommendations": [
              { "id": "stop", "label": "Do not proceed", "summary": "The residual risk is high.", "residualLevels": ["high"] },
              { "id": "proceed", "label": "Proceed", "summary": "The residual risk is acceptable." }
            ]
          }
        }
        """

    static let today = CalendarDate(year: 2026, month: 5, day: 1)!

    /// Assessment details typed in plain mode: no reference, today's date.
    static let plainDetails = ["Acme NHS Trust", "ChatApp", "", "A. Patel", ""]

    /// The same in interactive mode.
    static let interactiveDetails: [ScriptedTerminal.Step] = [
        .text("Acme NHS Trust\n"), .text("ChatApp\n"), .key(.enter), .text("A. Patel\n"), .key(.enter),
    ]
}

/// Records every draft the wizard asks to save.
final class WizardSaveLog {
    private(set) var saved: [Answers] = []

    func save(_ answers: Answers) throws(OutputError) {
        saved.append(answers)
    }

    var last: Answers? { saved.last }
}

extension Wizard {
    /// A wizard on the fixture that logs its saves.
    static func fixture(resuming draft: Answers? = nil, log: WizardSaveLog) -> Wizard {
        Wizard(
            questionnaire: WizardFixture.questionnaire, today: WizardFixture.today, resuming: draft,
            draftPath: "dpia-draft-2026-05-01.json", save: log.save)
    }
}

extension WizardOutcome {
    var finishedAssessment: Assessment? {
        if case .finished(_, let assessment) = self { return assessment }
        return nil
    }

    var interruptedAnswers: Answers? {
        if case .interrupted(let answers) = self { return answers }
        return nil
    }

    var endOfInputAnswers: Answers? {
        if case .endOfInput(let answers) = self { return answers }
        return nil
    }
}

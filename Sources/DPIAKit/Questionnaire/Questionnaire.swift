/// A questionnaire definition: the questions an assessor answers and every rule that scores them.
///
/// Loaded from JSON (see `QuestionnaireLoader`); the format is documented in README.md and described by
/// `Questionnaires/questionnaire.schema.json`.
struct Questionnaire: Sendable {
    let id: String
    let version: String
    let title: String
    let description: String
    /// How long a first assessment usually takes, shown when the wizard starts.
    let estimatedMinutes: Int?
    let references: [Reference]
    let sections: [Section]
    let scoring: Scoring
    /// The default version of this questionnaire, when this is an earlier release kept so that
    /// assessments of record made on it still assess (set by `QuestionnaireCatalog`, not read from JSON).
    /// A final assessment on a superseded version is a record: it is reported with what it lacks by
    /// today's rules rather than refused.
    var supersededBy: String? = nil
    /// Every question in the order asked.
    let questions: [Question]
    /// Each question id once, in the order asked (a repeated id at its first place).
    let questionIDs: [String]
    /// Each question id's first place, by section and position in it.
    private let places: [String: (section: Int, question: Int)]

    init(
        id: String, version: String, title: String, description: String, estimatedMinutes: Int?,
        references: [Reference], sections: [Section], scoring: Scoring
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.description = description
        self.estimatedMinutes = estimatedMinutes
        self.references = references
        self.sections = sections
        self.scoring = scoring
        self.questions = sections.flatMap(\.questions)
        var places: [String: (section: Int, question: Int)] = [:]
        var questionIDs: [String] = []
        for (sectionIndex, section) in sections.enumerated() {
            for (questionIndex, question) in section.questions.enumerated() where places[question.id] == nil {
                places[question.id] = (sectionIndex, questionIndex)
                questionIDs.append(question.id)
            }
        }
        self.places = places
        self.questionIDs = questionIDs
    }

    /// Whether a question has this id (without copying the question out, as `question(_:)` does).
    func asks(_ id: String) -> Bool {
        places[id] != nil
    }

    /// The question with this id (the first, should a definition repeat one).
    func question(_ id: String) -> Question? {
        places[id].map { sections[$0.section].questions[$0.question] }
    }

    /// The section holding the question with this id.
    func section(containing questionID: String) -> Section? {
        places[questionID].map { sections[$0.section] }
    }
}

/// Guidance a questionnaire follows, named so a reviewer can check it.
struct Reference: Sendable, Equatable {
    var id: String
    var title: String
    var url: String?
    /// Listed in a report only when this holds (guidance for one UK nation, for instance).
    var when: Condition? = nil
}

/// A group of questions, usually one step of the ICO DPIA template.
struct Section: Sendable {
    var id: String
    var title: String
    /// The ICO DPIA template step (1 to 7) this section's answers belong to in the report.
    var icoStep: Int?
    var description: String?
    /// Shown only when this holds.
    var when: Condition?
    var questions: [Question]
    /// What the report says under this section when each statement's condition holds: a fact stated
    /// rather than asked (the national data opt-out does not apply to individual care, for instance).
    var statements: [Statement] = []
}

/// A sentence a report prints in its section when `when` holds (always, without one).
struct Statement: Sendable, Equatable {
    var id: String
    var text: String
    var when: Condition?
}

/// The kinds of question the wizard can ask.
enum QuestionType: String, Sendable, CaseIterable {
    case yesNo = "yesno"
    case single
    case multiple
    case text
    case longText = "longtext"
    case integer
    case date

    /// "an" before the type's name when it starts with a vowel ("an \"integer\" question"), else "a".
    var article: String {
        rawValue.first.map { "aeiou".contains($0) } == true ? "an" : "a"
    }

    /// What an answer of this type looks like in an answers file, for error messages.
    var expectedAnswer: String {
        switch self {
        case .yesNo: "true or false"
        case .single: "one option value as a string"
        case .multiple: "an array of option values"
        case .text: "a string on one line"
        case .longText: "a string"
        case .integer: "a whole number"
        case .date: "a date as \"YYYY-MM-DD\""
        }
    }
}

/// One question. `id` is stable and used by answers and rules; `number` is only for display.
struct Question: Sendable {
    var id: String
    var number: String?
    var type: QuestionType
    var prompt: String
    /// A short label for tables in the report (the sign-off table's row names, for instance).
    var label: String?
    var help: String?
    var required: Bool
    var defaultValue: AnswerValue?
    var options: [Option]
    var when: Condition?
    /// Bounds for integer questions.
    var minimum: Int?
    var maximum: Int?
    /// Least number of options to pick in a multiple-choice question.
    var minimumSelections: Int?
    /// An earlier question of the same type whose answer the wizard offers as this one's starting value
    /// (what can reasonably be expected starts from what is shared now).
    var startsFrom: String? = nil
    /// An assessment detail (`organisation` or `platform`) that already answers this question: the wizard
    /// fills it in from the details, and shows it, rather than asking twice.
    var filledFrom: String? = nil

    /// The assessment details a question may be filled in from.
    static let detailsFillingQuestions = ["organisation", "platform"]

    /// The short label, or the prompt when there is none.
    var shortLabel: String { label ?? prompt }

    /// The option with this value.
    func option(_ value: String) -> Option? {
        options.first { $0.value == value }
    }

    /// The question as offered for these answers: only the options whose conditions hold.
    func offering(_ answer: (String) -> AnswerValue?) -> Question {
        guard options.contains(where: { $0.when != nil }) else { return self }
        var offered = self
        offered.options = options.filter { $0.when?.holds(answer) ?? true }
        return offered
    }
}

/// A choice offered by a single- or multiple-choice question.
struct Option: Sendable, Equatable {
    /// Stable value stored in answers files and named by rules.
    var value: String
    var label: String
    var help: String?
    /// Offered only when this holds, on earlier answers (an option for one UK nation, for instance).
    var when: Condition? = nil
}

/// An answer, as stored in an answers file.
enum AnswerValue: Sendable, Equatable, Hashable {
    /// A yes/no answer.
    case bool(Bool)
    /// Text, a date (`YYYY-MM-DD`) or a single-choice option value.
    case string(String)
    /// The option values picked in a multiple-choice question, in the order of the options.
    case strings([String])
    case integer(Int)

    /// The value as JSON.
    var json: JSONValue {
        switch self {
        case .bool(let value): .bool(value)
        case .string(let value): .string(value)
        case .strings(let values): .elements(values.map { JSONValue.string($0) })
        case .integer(let value): .number(String(value))
        }
    }
}

/// When a question or section is shown, or when a rule applies. Conditions may only look at questions
/// asked earlier, so they can be evaluated in one pass and can never form a cycle.
indirect enum Condition: Sendable, Equatable {
    /// The question was shown and answered (or, with `false`, was not).
    case answered(question: String, Bool)
    /// A yes/no, single-choice, text or integer answer equals the value.
    case equals(question: String, AnswerValue)
    /// A multiple-choice answer includes at least one of the values, or a single-choice answer is one of them.
    case includesAny(question: String, [String])
    /// An integer answer is at least the value.
    case atLeast(question: String, Int)
    /// An integer answer is at most the value.
    case atMost(question: String, Int)
    case not(Condition)
    case all([Condition])
    case any([Condition])

    /// The question ids this condition reads.
    var questionIDs: [String] {
        switch self {
        case .answered(let question, _), .equals(let question, _), .includesAny(let question, _),
            .atLeast(let question, _), .atMost(let question, _):
            [question]
        case .not(let condition): condition.questionIDs
        case .all(let conditions), .any(let conditions): conditions.flatMap(\.questionIDs)
        }
    }
}

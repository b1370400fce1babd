/// A questionnaire definition: the questions an assessor answers and every rule that scores them.
///
/// Loaded from JSON (see `QuestionnaireLoader`); the format is documented in README.md and described by
/// `Questionnaires/questionnaire.schema.json`.
public struct Questionnaire: Sendable {
    public let id: String
    public let version: String
    public let title: String
    public let description: String
    /// How long a first assessment usually takes, shown when the wizard starts.
    public let estimatedMinutes: Int?
    public let references: [Reference]
    public let sections: [Section]
    public let scoring: Scoring
    /// The default version of this questionnaire, when this is an earlier release kept so that
    /// assessments of record made on it still assess (set by `QuestionnaireCatalog`, not read from JSON).
    /// A final assessment on a superseded version is a record: it is reported with what it lacks by
    /// today's rules rather than refused.
    public var supersededBy: String? = nil
    /// Every question in the order asked.
    public let questions: [Question]
    /// Each question id once, in the order asked (a repeated id at its first place).
    let questionIDs: [String]
    /// Each question id's first place, by section and position in it.
    private let places: [String: (section: Int, question: Int)]

    public init(
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
    public func question(_ id: String) -> Question? {
        places[id].map { sections[$0.section].questions[$0.question] }
    }

    /// The section holding the question with this id.
    public func section(containing questionID: String) -> Section? {
        places[questionID].map { sections[$0.section] }
    }
}

/// Guidance a questionnaire follows, named so a reviewer can check it.
public struct Reference: Sendable, Equatable {
    public var id: String
    public var title: String
    public var url: String?
    /// Listed in a report only when this holds (guidance for one UK nation, for instance).
    public var when: Condition? = nil
}

/// A group of questions, usually one step of the ICO DPIA template.
public struct Section: Sendable {
    public var id: String
    public var title: String
    /// The ICO DPIA template step (1 to 7) this section's answers belong to in the report.
    public var icoStep: Int?
    public var description: String?
    /// Shown only when this holds.
    public var when: Condition?
    public var questions: [Question]
    /// What the report says under this section when each statement's condition holds: a fact stated
    /// rather than asked (the national data opt-out does not apply to individual care, for instance).
    public var statements: [Statement] = []
}

/// A sentence a report prints in its section when `when` holds (always, without one).
public struct Statement: Sendable, Equatable {
    public var id: String
    public var text: String
    public var when: Condition?
}

/// The kinds of question the wizard can ask.
public enum QuestionType: String, Sendable, CaseIterable {
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
    public var expectedAnswer: String {
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
public struct Question: Sendable {
    public var id: String
    public var number: String?
    public var type: QuestionType
    public var prompt: String
    /// A short label for tables in the report (the sign-off table's row names, for instance).
    public var label: String?
    public var help: String?
    public var required: Bool
    public var defaultValue: AnswerValue?
    public var options: [Option]
    public var when: Condition?
    /// Bounds for integer questions.
    public var minimum: Int?
    public var maximum: Int?
    /// Least number of options to pick in a multiple-choice question.
    public var minimumSelections: Int?
    /// An earlier question of the same type whose answer the wizard offers as this one's starting value
    /// (what can reasonably be expected starts from what is shared now).
    public var startsFrom: String? = nil
    /// An assessment detail (`organisation` or `platform`) that already answers this question: the wizard
    /// fills it in from the details, and shows it, rather than asking twice.
    public var filledFrom: String? = nil

    /// The assessment details a question may be filled in from.
    public static let detailsFillingQuestions = ["organisation", "platform"]

    /// The short label, or the prompt when there is none.
    public var shortLabel: String { label ?? prompt }

    /// The option with this value.
    public func option(_ value: String) -> Option? {
        options.first { $0.value == value }
    }

    /// The question as offered for these answers: only the options whose conditions hold.
    public func offering(_ answer: (String) -> AnswerValue?) -> Question {
        guard options.contains(where: { $0.when != nil }) else { return self }
        var offered = self
        offered.options = options.filter { $0.when?.holds(answer) ?? true }
        return offered
    }
}

/// A choice offered by a single- or multiple-choice question.
public struct Option: Sendable, Equatable {
    /// Stable value stored in answers files and named by rules.
    public var value: String
    public var label: String
    public var help: String?
    /// Offered only when this holds, on earlier answers (an option for one UK nation, for instance).
    public var when: Condition? = nil
}

/// An answer, as stored in an answers file.
public enum AnswerValue: Sendable, Equatable, Hashable {
    /// A yes/no answer.
    case bool(Bool)
    /// Text, a date (`YYYY-MM-DD`) or a single-choice option value.
    case string(String)
    /// The option values picked in a multiple-choice question, in the order of the options.
    case strings([String])
    case integer(Int)

    /// The value as JSON.
    public var json: JSONValue {
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
public indirect enum Condition: Sendable, Equatable {
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
    public var questionIDs: [String] {
        switch self {
        case .answered(let question, _), .equals(let question, _), .includesAny(let question, _),
            .atLeast(let question, _), .atMost(let question, _):
            [question]
        case .not(let condition): condition.questionIDs
        case .all(let conditions), .any(let conditions): conditions.flatMap(\.questionIDs)
        }
    }
}

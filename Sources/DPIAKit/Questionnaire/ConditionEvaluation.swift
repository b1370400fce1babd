extension Condition {
    /// Whether the condition holds, given the answers of the questions shown so far.
    public func holds(_ answer: (String) -> AnswerValue?) -> Bool {
        switch self {
        case .answered(let question, let expected):
            return (answer(question) != nil) == expected
        case .equals(let question, let value):
            return answer(question) == value
        case .includesAny(let question, let values):
            return Self.picksAny(answer(question), of: values)
        case .atLeast(let question, let bound):
            return Self.integer(answer(question), atLeast: bound)
        case .atMost(let question, let bound):
            return Self.integer(answer(question), atMost: bound)
        case .not(let condition):
            return !condition.holds(answer)
        case .all(let conditions):
            return conditions.allSatisfy { $0.holds(answer) }
        case .any(let conditions):
            return conditions.contains { $0.holds(answer) }
        }
    }

    // The tests on one answer, shared with `SlotCondition.holds` so the two evaluations cannot drift apart.
    static func picksAny(_ answer: AnswerValue?, of values: [String]) -> Bool {
        switch answer {
        case .strings(let picked): picked.contains(where: values.contains)
        case .string(let picked): values.contains(picked)
        default: false
        }
    }

    static func integer(_ answer: AnswerValue?, atLeast bound: Int) -> Bool {
        if case .integer(let value) = answer { return value >= bound }
        return false
    }

    static func integer(_ answer: AnswerValue?, atMost bound: Int) -> Bool {
        if case .integer(let value) = answer { return value <= bound }
        return false
    }

    /// The condition in words, for the report and error messages: `"platform_edition" is "consumer"`.
    public func describe(in questionnaire: Questionnaire) -> String {
        func name(_ id: String) -> String {
            questionnaire.question(id).map { "\"\($0.shortLabel)\"" } ?? "\"\(id)\""
        }
        func value(_ id: String, _ value: String) -> String {
            questionnaire.question(id)?.option(value)?.label ?? value
        }
        switch self {
        case .answered(let question, let expected):
            return "\(name(question)) is \(expected ? "answered" : "not answered")"
        case .equals(let question, let answer):
            switch answer {
            case .bool(let bool): return "\(name(question)) is \(bool ? "yes" : "no")"
            case .string(let string): return "\(name(question)) is \"\(value(question, string))\""
            case .integer(let int): return "\(name(question)) is \(int)"
            case .strings(let strings):
                return "\(name(question)) is exactly \(strings.map { value(question, $0) })"
            }
        case .includesAny(let question, let values):
            let labels = values.map { "\"\(value(question, $0))\"" }
            return "\(name(question)) includes "
                + (labels.count == 1 ? labels[0] : "any of " + labels.joined(separator: ", "))
        case .atLeast(let question, let bound): return "\(name(question)) is at least \(bound)"
        case .atMost(let question, let bound): return "\(name(question)) is at most \(bound)"
        case .not(let condition): return "not (\(condition.describe(in: questionnaire)))"
        case .all(let conditions):
            return conditions.map { $0.describe(in: questionnaire) }.joined(separator: " and ")
        case .any(let conditions):
            return "(" + conditions.map { $0.describe(in: questionnaire) }.joined(separator: " or ") + ")"
        }
    }
}

extension Questionnaire {
    /// The ids of the questions shown for these answers, in order. A question is shown when its section's
    /// and its own conditions hold; conditions see only the answers of questions shown before them, so an
    /// answer left behind by a question that is now hidden changes nothing.
    public func visibleQuestions(for answers: [String: AnswerValue]) -> [String] {
        let index = self.index
        return index.visibility(of: answers).order.map { index.ids[$0] }
    }

    /// The answers of the questions that are shown; answers to hidden questions are dropped.
    public func effectiveAnswers(_ answers: [String: AnswerValue]) -> [String: AnswerValue] {
        index.visibility(of: answers).effectiveAnswers(ids: index.ids)
    }
}

/// A condition whose question ids are resolved to slots of a `QuestionnaireIndex`, so evaluating it reads
/// an array instead of hashing ids. Slot -1 stands for an id the questionnaire does not have: never answered.
indirect enum SlotCondition: Sendable {
    case answered(Int, Bool)
    case equals(Int, AnswerValue)
    case includesAny(Int, [String])
    case atLeast(Int, Int)
    case atMost(Int, Int)
    case not(SlotCondition)
    case all([SlotCondition])
    case any([SlotCondition])

    init(_ condition: Condition, slot: (String) -> Int) {
        switch condition {
        case .answered(let question, let expected): self = .answered(slot(question), expected)
        case .equals(let question, let value): self = .equals(slot(question), value)
        case .includesAny(let question, let values): self = .includesAny(slot(question), values)
        case .atLeast(let question, let bound): self = .atLeast(slot(question), bound)
        case .atMost(let question, let bound): self = .atMost(slot(question), bound)
        case .not(let inner): self = .not(SlotCondition(inner, slot: slot))
        case .all(let conditions): self = .all(conditions.map { SlotCondition($0, slot: slot) })
        case .any(let conditions): self = .any(conditions.map { SlotCondition($0, slot: slot) })
        }
    }

    /// What `Condition.holds` says, with the answers of shown questions by slot.
    func holds(_ answers: [AnswerValue?]) -> Bool {
        func answer(_ slot: Int) -> AnswerValue? { slot < 0 ? nil : answers[slot] }
        switch self {
        case .answered(let slot, let expected):
            return (answer(slot) != nil) == expected
        case .equals(let slot, let value):
            return answer(slot) == value
        case .includesAny(let slot, let values):
            return Condition.picksAny(answer(slot), of: values)
        case .atLeast(let slot, let bound):
            return Condition.integer(answer(slot), atLeast: bound)
        case .atMost(let slot, let bound):
            return Condition.integer(answer(slot), atMost: bound)
        case .not(let condition):
            return !condition.holds(answers)
        case .all(let conditions):
            return conditions.allSatisfy { $0.holds(answers) }
        case .any(let conditions):
            return conditions.contains { $0.holds(answers) }
        }
    }
}

/// The questions of one questionnaire numbered by slot (one per distinct id, in the order first asked),
/// with its conditions and scoring rules resolved to slots. Built once per questionnaire and shared by
/// every assessment made with it.
final class QuestionnaireIndex: Sendable {
    struct Entry: Sendable {
        let slot: Int
        let when: SlotCondition?
    }

    struct SectionEntry: Sendable {
        let when: SlotCondition?
        let questions: [Entry]
    }

    /// Question ids by slot.
    let ids: [String]
    /// Questions by slot: the first one asked with each id, as `Questionnaire.question(_:)` finds.
    let questions: [Question]
    /// "Q3 Edition: " by slot: how an answer starts in a contribution's reason.
    let summaryPrefixes: [String]
    let sections: [SectionEntry]
    let scoring: ScoringPlan
    private let slots: [String: Int]

    init(sections: [Section], scoring: Scoring) {
        var ids: [String] = []
        var questions: [Question] = []
        var slots: [String: Int] = [:]
        for section in sections {
            for question in section.questions where slots[question.id] == nil {
                slots[question.id] = ids.count
                ids.append(question.id)
                questions.append(question)
            }
        }
        let slot = { (id: String) -> Int in slots[id] ?? -1 }
        self.ids = ids
        self.questions = questions
        self.summaryPrefixes = questions.map { "\($0.number.map { "Q\($0) " } ?? "")\($0.shortLabel): " }
        self.slots = slots
        self.sections = sections.map { section in
            SectionEntry(
                when: section.when.map { SlotCondition($0, slot: slot) },
                questions: section.questions.map { question in
                    Entry(
                        slot: slots[question.id]!, when: question.when.map { SlotCondition($0, slot: slot) })
                })
        }
        self.scoring = ScoringPlan(scoring, slot: slot)
    }

    /// The slot of a question id, or -1 when the questionnaire has no such question.
    func slot(of id: String) -> Int { slots[id] ?? -1 }

    /// Which questions are shown for these answers, as `Questionnaire.visibleQuestions(for:)` explains.
    func visibility(of answers: [String: AnswerValue]) -> Visibility {
        var order: [Int] = []
        order.reserveCapacity(ids.count)
        var shown = [AnswerValue?](repeating: nil, count: ids.count)
        for section in sections {
            guard section.when?.holds(shown) ?? true else { continue }
            for question in section.questions where question.when?.holds(shown) ?? true {
                order.append(question.slot)
                if let answer = answers[ids[question.slot]] { shown[question.slot] = answer }
            }
        }
        return Visibility(order: order, answers: shown)
    }
}

/// The questions shown for one set of answers.
struct Visibility {
    /// Slots of the questions shown, in order.
    var order: [Int]
    /// The answers of shown questions by slot; nil for hidden or unanswered ones.
    var answers: [AnswerValue?]

    init(order: [Int], answers: [AnswerValue?]) {
        self.order = order
        self.answers = answers
    }

    /// What shown ids and answers by id say, by slot of `index`; ids it does not have are left out.
    init(shown ids: [String], answers: [String: AnswerValue], index: QuestionnaireIndex) {
        order = ids.map(index.slot(of:)).filter { $0 >= 0 }
        self.answers = [AnswerValue?](repeating: nil, count: index.ids.count)
        for (id, answer) in answers {
            let slot = index.slot(of: id)
            if slot >= 0 { self.answers[slot] = answer }
        }
    }

    /// The answers of shown questions by id.
    func effectiveAnswers(ids: [String]) -> [String: AnswerValue] {
        var result: [String: AnswerValue] = [:]
        result.reserveCapacity(order.count)
        for slot in order {
            if let answer = answers[slot] { result[ids[slot]] = answer }
        }
        return result
    }
}

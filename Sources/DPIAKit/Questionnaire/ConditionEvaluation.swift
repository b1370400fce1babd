extension Condition {
    /// Whether the condition holds, given the answers of the questions shown so far.
    public func holds(_ answer: (String) -> AnswerValue?) -> Bool {
        switch self {
        case .answered(let question, let expected):
            return (answer(question) != nil) == expected
        case .equals(let question, let value):
            return answer(question) == value
        case .includesAny(let question, let values):
            switch answer(question) {
            case .strings(let picked): return picked.contains(where: values.contains)
            case .string(let picked): return values.contains(picked)
            default: return false
            }
        case .atLeast(let question, let bound):
            if case .integer(let value) = answer(question) { return value >= bound }
            return false
        case .atMost(let question, let bound):
            if case .integer(let value) = answer(question) { return value <= bound }
            return false
        case .not(let condition):
            return !condition.holds(answer)
        case .all(let conditions):
            return conditions.allSatisfy { $0.holds(answer) }
        case .any(let conditions):
            return conditions.contains { $0.holds(answer) }
        }
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
        var shown: [String] = []
        var shownAnswers: [String: AnswerValue] = [:]
        for section in sections {
            guard section.when?.holds({ shownAnswers[$0] }) ?? true else { continue }
            for question in section.questions where question.when?.holds({ shownAnswers[$0] }) ?? true {
                shown.append(question.id)
                if let answer = answers[question.id] { shownAnswers[question.id] = answer }
            }
        }
        return shown
    }

    /// The answers of the questions that are shown; answers to hidden questions are dropped.
    public func effectiveAnswers(_ answers: [String: AnswerValue]) -> [String: AnswerValue] {
        Self.answers(answers, of: visibleQuestions(for: answers))
    }

    /// The answers of `visible`, for callers that already worked out which questions are shown.
    static func answers(_ answers: [String: AnswerValue], of visible: [String]) -> [String: AnswerValue] {
        var result: [String: AnswerValue] = [:]
        for id in visible {
            if let answer = answers[id] { result[id] = answer }
        }
        return result
    }
}

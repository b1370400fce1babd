extension Condition {
    /// Whether the condition holds, given the answers of the questions shown so far.
    func holds(_ answer: (String) -> AnswerValue?) -> Bool {
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
    func describe(in questionnaire: Questionnaire) -> String {
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
    func visibleQuestions(for answers: [String: AnswerValue]) -> [String] {
        shown(answers).questions
    }

    /// The answers of the questions that are shown; answers to hidden questions are dropped.
    func effectiveAnswers(_ answers: [String: AnswerValue]) -> [String: AnswerValue] {
        shown(answers).answers
    }

    /// The questions shown for these answers, in order, and the answers they have.
    func shown(_ answers: [String: AnswerValue]) -> (questions: [String], answers: [String: AnswerValue]) {
        var questions: [String] = []
        var shownAnswers: [String: AnswerValue] = [:]
        // Sized once: growing it rehashed every answer several times over.
        questions.reserveCapacity(questionIDs.count)
        shownAnswers.reserveCapacity(answers.count)
        for section in sections {
            if let when = section.when, !when.holds({ shownAnswers[$0] }) { continue }
            // Fields read in place: `for question in` copied every question, retaining each field.
            for index in section.questions.indices {
                if let when = section.questions[index].when, !when.holds({ shownAnswers[$0] }) { continue }
                let id = section.questions[index].id
                questions.append(id)
                if let answer = answers[id] { shownAnswers[id] = answer }
            }
        }
        return (questions, shownAnswers)
    }
}

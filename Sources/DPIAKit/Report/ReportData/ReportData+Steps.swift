/// The ICO template's seven steps, each with the questionnaire's sections for it; step 7's questions are
/// the sign-off table instead.
extension ReportData.Builder {
    /// `questions` holds each question's value by id.
    func steps(_ questions: [String: TemplateValue]) -> [TemplateValue] {
        ReportData.icoSteps.enumerated().map { offset, title in
            let number = offset + 1
            let sections = number == 7 ? [] : self.sections(forStep: number, questions)
            return [
                "number": .int(number),
                "title": .string(title),
                "sections": .list(sections),
                "hasQuestions": .bool(!sections.isEmpty),
            ]
        }
    }

    /// The sections filed under a step that have a question shown, in questionnaire order.
    func sections(forStep number: Int, _ questions: [String: TemplateValue]) -> [TemplateValue] {
        questionnaire.sections.filter { $0.icoStep == number }.compactMap { section in
            let shown = section.questions.filter(isShown).compactMap { questions[$0.id] }
            guard !shown.isEmpty else { return nil }
            return [
                "title": .string(section.title),
                "description": text(section.description),
                "questions": .list(shown),
            ]
        }
    }

    func signOffRows() -> [TemplateValue] {
        let questions = questionnaire.sections.filter { $0.icoStep == 7 }.flatMap(\.questions)
        return questions.filter(isShown).map { question in
            let answer = answer(question)
            return [
                "label": .string(question.shortLabel),
                "answer": .string(answer ?? ""),
                "answered": .bool(answer != nil),
            ]
        }
    }
}

/// The ICO template's seven steps, each with the questionnaire's sections for it; step 7's questions are
/// the sign-off table instead.
extension ReportData.Builder {
    func steps() -> [TemplateValue] {
        ReportData.icoSteps.enumerated().map { offset, title in
            let number = offset + 1
            let sections = number == 7 ? [] : self.sections(forStep: number)
            return [
                "number": .int(number),
                "title": .string(title),
                "sections": .list(sections),
                "hasQuestions": .bool(!sections.isEmpty),
            ]
        }
    }

    /// The sections filed under a step that have a question shown, in questionnaire order.
    func sections(forStep number: Int) -> [TemplateValue] {
        questionnaire.sections.filter { $0.icoStep == number }.compactMap(stepSection)
    }

    /// A section with the questions shown; nil when none was.
    func stepSection(_ section: Section) -> TemplateValue? {
        let shown = section.questions.filter(isShown)
        guard !shown.isEmpty else { return nil }
        return [
            "title": .string(section.title),
            "description": text(section.description),
            "questions": .list(shown.map(question)),
        ]
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

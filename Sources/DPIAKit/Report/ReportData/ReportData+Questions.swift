/// Questions with their answers, read by question id from what the assessment says was shown and
/// answered; and the appendix, which lists every question, asked or not.
extension ReportData.Builder {
    func isShown(_ question: Question) -> Bool {
        shownIDs.contains(question.id)
    }

    /// The answer as the report prints it; nil when the question was not shown or not answered.
    func answer(_ question: Question) -> String? {
        assessment.effectiveAnswers[question.id].map { AnswerText.display($0, for: question) }
    }

    func question(_ question: Question) -> TemplateValue {
        let shown = isShown(question)
        let answer = answer(question)
        return [
            "id": .string(question.id),
            "number": text(question.number),
            "prompt": .string(question.prompt),
            "label": .string(question.shortLabel),
            "answer": .string(answer ?? (shown ? "Not answered" : "Not asked (does not apply)")),
            "answered": .bool(answer != nil),
            "shown": .bool(shown),
            "isLong": .bool(question.type == .longText),
            "help": text(question.help),
        ]
    }

    /// Every section with every question, so a reviewer sees what was not asked too.
    /// `questions` holds each question's value, section by section in questionnaire order.
    func appendix(_ questions: [[TemplateValue]]) -> [TemplateValue] {
        zip(questionnaire.sections, questions).map { section, values in
            [
                "title": .string(section.title),
                "step": text(section.icoStep.map { "ICO step \($0)" }),
                "questions": .list(values),
            ]
        }
    }
}

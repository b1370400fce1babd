/// The ICO template's seven steps, each with the questionnaire's sections for it; step 7's questions are
/// the sign-off table instead.
extension ReportData.Builder {
    /// `questions` holds each question's value, section by section in questionnaire order.
    func steps(_ questions: [[TemplateValue]]) -> [TemplateValue] {
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

    /// The sections filed under a step that have a question shown, in questionnaire order. A question that
    /// tells whether a control is in place is listed with its control instead, so each answer is printed
    /// once.
    func sections(forStep number: Int, _ questions: [[TemplateValue]]) -> [TemplateValue] {
        return zip(questionnaire.sections, questions).compactMap { section, values in
            guard section.icoStep == number else { return nil }
            var anyShown = false
            var plain: [TemplateValue] = []
            var controls: [TemplateValue] = []
            for (id, question) in zip(section.questions.map(\.id), values) where shownIDs.contains(id) {
                anyShown = true
                if let control = controlsByQuestion[id] {
                    controls.append(controlValues[control])
                } else {
                    plain.append(question)
                }
            }
            guard anyShown else { return nil }
            let statements = section.statements.filter { $0.when?.holds(answerFor) ?? true }
            return [
                "title": .string(section.title),
                "description": text(section.description),
                "statements": .list(statements.map { ["id": .string($0.id), "text": .string($0.text)] }),
                "hasStatements": .bool(!statements.isEmpty),
                "questions": .list(plain),
                "hasQuestions": .bool(!plain.isEmpty),
                "controls": .list(controls),
                "hasControls": .bool(!controls.isEmpty),
            ]
        }
    }

    /// The ICO step 7 table: the questionnaire's sign-off rows, every one printed, blank where nothing is
    /// recorded. A questionnaire without them (the screening one) gets a row per step 7 question.
    func signOffRows() -> [TemplateValue] {
        let rules = scoring.outcome
        guard !rules.signOff.isEmpty else {
            let questions = questionnaire.sections.filter { $0.icoStep == 7 }.flatMap(\.questions)
            return questions.filter(isShown).map { question in
                signOffRow(SignOffEntry(item: question.shortLabel, name: answer(question)), consultation: nil)
            }
        }
        return zip(rules.signOff, assessment.signOff).map { row, entry in
            // The row where residual risk is accepted carries the Art. 36 state once a decision is due.
            let accepts = rules.residualRisksAcceptedBy.map(row.answers.contains) ?? false
            let consultation: String? =
                if accepts, case .required = assessment.priorConsultation {
                    assessment.priorConsultation.headline
                } else { nil }
            return signOffRow(entry, consultation: consultation)
        }
    }

    func signOffRow(_ entry: SignOffEntry, consultation: String?) -> TemplateValue {
        [
            "item": .string(entry.item),
            "name": text(entry.name),
            "notes": text(entry.notes),
            "guidance": text(entry.guidance),
            "consultation": text(consultation),
        ]
    }
}

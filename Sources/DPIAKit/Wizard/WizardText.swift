/// The wording of the wizard's screens, kept apart from the flow so it reads as one piece.
enum WizardText {
    static func introduction(_ questionnaire: Questionnaire, console: WizardConsole, draftPath: String?)
        -> [String]
    {
        var lines = [questionnaire.title, ""]
        if !questionnaire.description.isEmpty { lines += [questionnaire.description, ""] }
        let count = questionnaire.questions.count
        var extent = "Up to \(count) questions in \(questionnaire.sections.count) sections"
        if let minutes = questionnaire.estimatedMinutes { extent += ", about \(minutes) minutes" }
        lines.append(extent + "; questions that do not apply are skipped.")
        if let draftPath {
            lines.append("Every answer is saved as you go to \(draftPath).")
        }
        if console.isPlain {
            lines.append(
                "Type an option's number or your answer, then Enter. Type b to go back, ? for help. An empty line accepts the default."
            )
        } else {
            lines.append(
                "Keys: ↑/↓ move · Enter confirms · Esc goes back · ? help · Ctrl-C stops (resume later)."
            )
        }
        return lines + [""]
    }

    /// A section's name and description. Plain mode names the section in every question's header,
    /// so there only the description is added.
    static func sectionIntroduction(
        _ section: Section, in questionnaire: Questionnaire, console: WizardConsole
    )
        -> [String]
    {
        var lines = console.isPlain ? [""] : ["", sectionName(section, in: questionnaire)]
        if let description = section.description { lines.append(description) }
        return lines
    }

    static func sectionName(_ section: Section, in questionnaire: Questionnaire) -> String {
        let number = (questionnaire.sections.firstIndex { $0.id == section.id } ?? 0) + 1
        var name = "Section \(number) of \(questionnaire.sections.count): \(section.title)"
        if let step = section.icoStep { name += " (ICO step \(step))" }
        return name
    }

    static func header(section: Section, in questionnaire: Questionnaire, position: Int, of count: Int)
        -> String
    {
        "\(sectionName(section, in: questionnaire)) · Question \(position) of \(count)"
    }

    static func title(of question: Question) -> String {
        let number = question.number.map { "\($0) " } ?? ""
        return number + question.prompt + (question.required ? "" : " (optional)")
    }

    /// The question's help followed by what each option means, when the options explain themselves.
    static func help(for question: Question) -> String? {
        var parts: [String] = []
        if let help = question.help { parts.append(help) }
        let optionHelp = question.options.compactMap { option in option.help.map { "\(option.label): \($0)" }
        }
        parts += optionHelp
        return parts.isEmpty ? nil : parts.joined(separator: "\n")
    }

    /// One line per answer on the review screen, by section, with the step that changes it.
    static func reviewEntries(_ flow: WizardFlow) -> [(label: String, step: WizardStep)] {
        let meta = flow.answers.metadata
        let details: [(MetadataField, String?)] = [
            (.organisation, meta.organisation), (.platform, meta.platform), (.reference, meta.reference),
            (.assessor, meta.assessor), (.assessmentDate, meta.assessmentDate),
            (.reviewDate, meta.reviewDate),
            (.status, meta.status == .final ? "Final" : "Draft"),
        ]
        var entries = details.map { field, value in
            (label: "Details › \(field.label): \(value ?? "(none)")", step: WizardStep.metadata(field))
        }
        let questionnaire = flow.questionnaire
        let saved = flow.savedAnswers.values
        for id in flow.visibleQuestions {
            guard let question = questionnaire.question(id),
                let section = questionnaire.section(containing: id)
            else { continue }
            let answer = saved[id].map { AnswerText.display($0, for: question) } ?? "(no answer)"
            let lines = answer.split(separator: "\n")
            let shown = lines.count > 1 ? "\(lines[0]) …" : answer
            entries.append(
                (
                    label: "\(section.title) › \(question.shortLabel): \(shown)",
                    step: .question(id)
                ))
        }
        return entries
    }

    /// The few lines an assessor needs to see: residual risk, recommendation, drivers, the ICO flag.
    static func ratingSummary(_ assessment: Assessment) -> [String] {
        var lines: [String] = []
        if let residual = assessment.overallResidual {
            var line = "Overall residual risk: \(residual.label.uppercased())"
            if let inherent = assessment.overallInherent, inherent.id != residual.id {
                line += " (before measures: \(inherent.label.lowercased()))"
            }
            lines.append(line)
        }
        if let recommendation = assessment.recommendation {
            lines.append("Recommendation: \(recommendation.label). \(recommendation.summary)")
        }
        lines.append("ICO prior consultation: \(assessment.priorConsultation.headline).")
        if !assessment.topDrivers.isEmpty {
            lines.append("Top drivers:")
            for driver in assessment.topDrivers.prefix(3) {
                lines.append("  +\(driver.points) \(driver.reason)")
            }
        }
        return lines
    }
}

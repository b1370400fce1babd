/// The wording of the wizard's screens, kept apart from the flow so it reads as one piece.
enum WizardText {
    static func introduction(
        _ questionnaire: Questionnaire, console: WizardConsole, draftPath: String?, reportsFolder: String?
    ) -> [String] {
        var lines = [questionnaire.title, ""]
        if !questionnaire.description.isEmpty { lines += [questionnaire.description, ""] }
        let count = questionnaire.questions.count
        var extent = "Up to \(count) questions in \(questionnaire.sections.count) sections"
        if let minutes = questionnaire.estimatedMinutes { extent += ", about \(minutes) minutes" }
        lines.append(extent + "; questions that do not apply are skipped.")
        lines.append(
            "You give the assessment details and the facts (steps 1-5), see the rating, decide on each recommended measure, see the rating after your decisions, record the sign-off (step 7), then review every answer before the reports are written."
        )
        if let draftPath {
            var line = "Every answer is saved as you go to \(draftPath)"
            if let reportsFolder {
                line += "; the reports and final answers go to \(reportsFolder)/ (change it with --out)"
            }
            lines.append(line + ". Stop at any time with Ctrl-C and resume later.")
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

    /// The section's title, which in the bundled questionnaires already names its ICO step; other
    /// titles are numbered and given their step.
    static func sectionName(_ section: Section, in questionnaire: Questionnaire) -> String {
        if let step = section.icoStep, section.title.hasPrefix("Step \(step)") { return section.title }
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

    /// What a new assessment started from an earlier one carried, and what it will ask, in the order asked.
    static func carryOverLines(_ carryOver: CarryOver, _ flow: WizardFlow) -> [String] {
        let old = carryOver.oldQuestionnaire
        let new = carryOver.questionnaire
        let previous = carryOver.answers.previous
        var lines = [
            "Starting from \(previous?.file ?? "the previous assessment")"
                + (previous?.assessmentDate.map { " (assessment of \($0)" } ?? " (")
                + ", \(old.id) \(old.version)), on \(new.id) \(new.version).",
            "Carried over: \(carryOver.carried.count) answer\(carryOver.carried.count == 1 ? "" : "s") and \(carryOver.carriedDecisions) measure decision\(carryOver.carriedDecisions == 1 ? "" : "s"); check them on the review screen at the end.",
            "Asked again for this assessment: the assessor, its date and its review date; the sign-off (step 7) belongs to the earlier decision and is asked afresh. It starts as a draft.",
        ]
        let toAsk = flow.questionOrder.filter { flow.answers.values[$0] == nil }
        if toAsk.isEmpty {
            lines.append("No question needs answering again.")
        } else {
            lines.append("To answer (\(toAsk.count)), asked first:")
            for id in toAsk {
                guard let question = new.question(id) else { continue }
                let why: String =
                    switch carryOver.reason(for: id) {
                    case .changed(let problem): "the earlier answer no longer fits: \(problem)"
                    case .new: "new in \(new.version)"
                    case .newlyShown: "asked now with these answers"
                    case .unanswered: "not answered before"
                    case .signOff: "sign-off, asked afresh"
                    }
                lines.append("  \(title(of: question)) — \(why)")
            }
        }
        if !carryOver.dropped.isEmpty {
            lines.append("No longer asked in \(new.version), so not carried:")
            for item in carryOver.dropped { lines.append("  \(item.title): \(item.answer)") }
        }
        return lines + [""]
    }

    /// Where a resumed draft stands, counted the way the headers count.
    static func resumeLines(_ flow: WizardFlow) -> [String] {
        let order = flow.questionOrder
        let answered = order.filter { flow.answers.values[$0] != nil }.count
        var line = "Resuming: \(answered) of \(order.count) questions answered"
        switch flow.step {
        case .question(let id):
            line += "; continuing at question \((order.firstIndex(of: id) ?? 0) + 1) of \(order.count)."
        case .measure(let index, _):
            line += "; continuing at measure \(index + 1) of \(flow.recommendedMeasures.count)."
        case .metadata(.reviewDate): line += "; continuing at the review date."
        case .metadata: line += "; continuing with the assessment details."
        case .review, .done, .inherentRating, .residualRating: line += "; opening the review screen."
        }
        var lines = [line]
        let skipped = order.prefix { .question($0) != flow.step }.filter { flow.answers.values[$0] == nil }
        if !skipped.isEmpty, flow.step != .review {
            lines.append(
                "\(skipped.count) optional question\(skipped.count == 1 ? " was" : "s were") left empty before it; fill \(skipped.count == 1 ? "it" : "them") in from the review screen."
            )
        }
        if flow.answers.metadata.status == .final {
            let missing = flow.assessment.missingForFinal
            if !missing.isEmpty {
                lines.append(
                    "This draft was marked final, but a final assessment still needs "
                        + missing.map(\.description).joined(separator: "; ")
                        + ". It is kept as a draft until you finish it as final on the review screen.")
            }
        }
        return lines + [""]
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

    /// One line per answer on the review screen, by step in the order asked, with the step that
    /// changes it.
    static func reviewEntries(_ flow: WizardFlow) -> [(label: String, step: WizardStep)] {
        let meta = flow.answers.metadata
        let questionnaire = flow.questionnaire
        let saved = flow.savedAnswers.values
        func detail(_ field: MetadataField, _ value: String?) -> (label: String, step: WizardStep) {
            (label: "Details › \(field.label): \(value ?? "(none)")", step: .metadata(field))
        }
        var entries: [(label: String, step: WizardStep)] = []
        for step in flow.sequence {
            switch step {
            case .metadata(let field):
                let value: String? =
                    switch field {
                    case .organisation: meta.organisation
                    case .platform: meta.platform
                    case .reference: meta.reference
                    case .assessor: meta.assessor
                    case .assessmentDate: meta.assessmentDate
                    case .reviewDate: meta.reviewDate
                    }
                entries.append(
                    field == .reviewDate
                        ? (label: "Sign-off › Review date: \(value ?? "(none)")", step: step)
                        : detail(field, value))
            case .question(let id):
                guard let question = questionnaire.question(id),
                    let section = questionnaire.section(containing: id)
                else { continue }
                let answer = saved[id].map { AnswerText.display($0, for: question) } ?? "(no answer)"
                let lines = answer.split(separator: "\n")
                let shown = lines.count > 1 ? "\(lines[0]) …" : answer
                entries.append((label: "\(section.title) › \(question.shortLabel): \(shown)", step: step))
            case .measure(let index, .decision):
                let measure = flow.recommendedMeasures[index].measure
                entries.append(
                    (
                        label: "Step 6 measure › \(measure.title): \(decisionText(flow.decision(index)))",
                        step: step
                    ))
            case .measure, .inherentRating, .residualRating, .review, .done: continue
            }
        }
        return entries
    }

    /// A measure decision in a few words: "Approved · owner A. Patel · due 2026-06-30 · Planned".
    static func decisionText(_ decision: MeasureDecision?) -> String {
        guard let decision else { return "Undecided" }
        guard decision.approved else { return "Declined" }
        var parts = ["Approved"]
        parts.append(decision.owner.map { "owner \($0)" } ?? "no owner yet")
        parts.append(decision.dueDate.map { "due \($0)" } ?? "no due date yet")
        if let status = decision.status { parts.append(status.label) }
        return parts.joined(separator: " · ")
    }

    /// The rating before any measures (ICO step 5): the overall level, each risk, and what drives it.
    static func inherentSummary(_ assessment: Assessment, _ questionnaire: Questionnaire) -> [String] {
        var lines = ["", "Rating before any measures (ICO step 5)"]
        if let inherent = assessment.overallInherent {
            lines.append("Overall risk before measures: \(inherent.label.uppercased())")
        }
        for risk in assessment.risks {
            lines.append(
                "  \(risk.level.label): \(risk.risk.title) (likelihood \(risk.likelihood.label.lowercased()), severity \(risk.severity.label.lowercased()))"
            )
        }
        if !assessment.topDrivers.isEmpty {
            lines.append("What drives it:")
            for driver in assessment.topDrivers.prefix(3) {
                lines.append("  +\(driver.points) \(driver.reason)")
            }
        }
        return lines
    }

    /// The rating with the decisions on the measures, the recommendation, the Art. 36 state, and what
    /// keeps the rating at its level: which risks, with which declined or undecided measures.
    static func residualSummary(_ assessment: Assessment, _ questionnaire: Questionnaire) -> [String] {
        var lines = ["", "Rating after your decisions on the measures (ICO step 6)"]
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
        if let residual = assessment.overallResidual, !assessment.residualHolds.isEmpty {
            func titles(_ ids: [String]) -> String {
                ids.map { id in questionnaire.scoring.measures.first { $0.id == id }?.title ?? id }
                    .joined(separator: ", ")
            }
            lines.append("What keeps it \(residual.label.lowercased()):")
            for hold in assessment.residualHolds {
                var line = "  \(hold.title)"
                var reasons: [String] = []
                if !hold.declined.isEmpty { reasons.append("declined: " + titles(hold.declined)) }
                if !hold.undecided.isEmpty { reasons.append("undecided: " + titles(hold.undecided)) }
                line +=
                    reasons.isEmpty
                    ? " (no recommended measure lowers it further)" : " (\(reasons.joined(separator: "; ")))"
                lines.append(line)
            }
        }
        for note in assessment.notes { lines.append("Note: \(note)") }
        return lines
    }

    /// The contradictions the answers and decisions meet, said on the review screen.
    static func contradictions(_ assessment: Assessment) -> [String] {
        assessment.contradictions.map { "Note: Contradiction: \($0.message)" }
    }

    /// Said before the sign-off rows: the Art. 36 state, when the ICO would have to be consulted.
    static func signOffIntroduction(_ assessment: Assessment) -> [String] {
        guard assessment.priorConsultation != .notApplicable else { return [] }
        return [
            "Before accepting the residual risks: ICO prior consultation: \(assessment.priorConsultation.headline)."
        ]
    }

    /// Why the review screen did not finish as final.
    static func missingForFinal(_ missing: [MissingItem]) -> [String] {
        ["", "Not final yet. A final assessment still needs:"] + missing.map { "  - \($0.description)" }
            + ["Pick an answer to fill it in, or finish as a draft."]
    }
}

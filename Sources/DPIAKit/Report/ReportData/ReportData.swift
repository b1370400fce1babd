/// Builds the values report templates render. Every name a template may use is made in this folder, one
/// file per part of the report, so it is the reference for anyone editing `Templates/`; `dpia validate
/// --templates` checks templates against `schemaSample`, which is built by the same code.
enum ReportData {
    /// The ICO DPIA template's seven steps, in order.
    static let icoSteps = [
        "Identify the need for a DPIA", "Describe the processing", "Consultation process",
        "Assess necessity and proportionality", "Identify and assess risks",
        "Identify measures to reduce risk",
        "Sign off and record outcomes",
    ]

    /// The report data for an assessment. `toolVersion` is printed in the footer; nothing reads the clock.
    /// `previous`, when the answers name an assessment they follow, gives the report its "Changes since
    /// the previous assessment".
    static func build(
        _ assessment: Assessment, toolVersion: String, previous: PreviousComparison? = nil
    ) -> TemplateValue {
        Builder(assessment: assessment, toolVersion: toolVersion, previous: previous).root()
    }

    /// Builds one report's data. The root object is here; each part of the report is in its own file.
    /// A class, so that the closures building lists share it rather than copy the whole assessment.
    final class Builder {
        let assessment: Assessment
        let toolVersion: String
        let previous: PreviousComparison?
        let questionnaire: Questionnaire
        let scoring: Scoring
        /// The ids of the questions shown for these answers.
        let shownIDs: Set<String>
        /// The index in `assessment.controls` of each control by the question that tells whether it is in
        /// place (the first, if two share one).
        let controlsByQuestion: [String: Int]
        /// Each control's value, made once: a step lists it with its question, `controls.all` lists them all.
        lazy var controlValues = assessment.controls.map(control)
        /// Each level's value on its scale, made once: the risks and the matrix show the same few levels
        /// many times over.
        lazy var riskLevelValues = scoring.riskLevels.map { level($0, on: scoring.riskLevels) }
        lazy var likelihoodValues = scoring.likelihoodLevels.map { level($0, on: scoring.likelihoodLevels) }
        lazy var severityValues = scoring.severityLevels.map { level($0, on: scoring.severityLevels) }

        init(assessment: Assessment, toolVersion: String, previous: PreviousComparison? = nil) {
            self.assessment = assessment
            self.toolVersion = toolVersion
            self.previous = previous
            questionnaire = assessment.questionnaire
            scoring = assessment.questionnaire.scoring
            shownIDs = Set(assessment.visibleQuestions)
            controlsByQuestion = Dictionary(
                assessment.controls.enumerated().map { ($1.control.question, $0) },
                uniquingKeysWith: { first, _ in first })
        }
    }
}

extension ReportData.Builder {
    func root() -> TemplateValue {
        // Each question's value is made once, section by section: the steps show those shown, the
        // appendix all of them.
        let questions = questionnaire.sections.map { $0.questions.map(question) }
        let steps = self.steps(questions)
        let recommended = assessment.measures.filter(\.recommended)
        let signOff = signOffRows()
        let missing = MissingItem.grouped(assessment.missingForFinal)
        let missingCount = assessment.missingForFinal.count
        let fingerprint = assessment.answersFingerprint
        var root: TemplateObject = [
            "tool": ["name": "dpia", "version": .string(toolVersion)],
            "questionnaire": questionnaireValue(),
            "meta": meta(),
            "fingerprint": .string("sha256:" + fingerprint),
            "fingerprintShort": .string(String(fingerprint.prefix(12))),
            "summary": summary(),
            "steps": .list(steps),
            "risks": .list(assessment.risks.map(risk)),
            "hasRisks": .bool(!assessment.risks.isEmpty),
            "measures": .list(recommended.map(measure)),
            "hasMeasures": .bool(!recommended.isEmpty),
            "signOff": .list(signOff),
            "hasSignOff": .bool(!signOff.isEmpty),
            "actionPlan": .list(assessment.actionPlan.map(actionItem)),
            "hasActionPlan": .bool(!assessment.actionPlan.isEmpty),
            "hasOverdueActions": .bool(
                assessedOn.map { date in assessment.actionPlan.contains { $0.isOverdue(on: date) } } ?? false),
            "missingForFinal": .list(
                missing.map { ["path": .string($0.path), "description": .string($0.description)] }),
            "hasMissingForFinal": .bool(!missing.isEmpty),
            // Counted one by one, listed with the measures lacking the same thing together.
            "missingForFinalCount": .int(missingCount),
            "missingForFinalText": .string(missingCount == 1 ? "1 item" : "\(missingCount) items"),
            "missingForFinalSingular": .bool(missingCount == 1),
            "appendix": .list(appendix(questions)),
            "notes": .list(assessment.notes.map { .string($0) }),
            "hasNotes": .bool(!assessment.notes.isEmpty),
            "previous": previous.map(previousValue) ?? .null,
            "hasPrevious": .bool(previous != nil),
        ]
        for (offset, step) in steps.enumerated() {
            root["step\(offset + 1)"] = step
        }
        // Parts the questionnaire or answers may not have are left out, so templates can test for them.
        root["screening"] = assessment.screening.map(screening)
        root["dataSensitivity"] = assessment.dataSensitivity.map(dataSensitivity)
        root["purposeDrift"] = assessment.purposeDrift.map(purposeDrift)
        if !assessment.controls.isEmpty {
            root["controls"] = controls()
        }
        if !assessment.risks.isEmpty {
            root["matrix"] = matrix()
        }
        return .object(root)
    }

    /// The answer of a question shown, for conditions the report evaluates.
    func answerFor(_ id: String) -> AnswerValue? {
        assessment.effectiveAnswers[id]
    }

    func questionnaireValue() -> TemplateValue {
        [
            "id": .string(questionnaire.id),
            "version": .string(questionnaire.version),
            "title": .string(questionnaire.title),
            "description": .string(questionnaire.description),
            // A reference with a condition (one nation's guidance) is listed only when it holds.
            "references": .list(
                questionnaire.references.filter { $0.when?.holds(answerFor) ?? true }.map { reference in
                    [
                        "id": .string(reference.id), "title": .string(reference.title),
                        "url": text(reference.url),
                    ]
                }),
        ]
    }

    func meta() -> TemplateValue {
        let meta = assessment.answers.metadata
        return [
            "organisation": .string(meta.organisation),
            "platform": .string(meta.platform),
            "reference": text(meta.reference),
            "assessor": .string(meta.assessor),
            "assessmentDate": .string(meta.assessmentDate),
            "reviewDate": text(meta.reviewDate),
            "status": .string(meta.status == .final ? "Final" : "Draft"),
            "isDraft": .bool(meta.status == .draft),
            "isFinal": .bool(meta.status == .final),
        ]
    }

    // MARK: Values many parts use

    /// Text that may be missing: `null` keeps the name present, so a template cannot pick up a value of the
    /// same name from an enclosing object instead.
    func text(_ value: String?) -> TemplateValue {
        value.map { .string($0) } ?? .null
    }

    /// A level on its scale; `rank` counts from 0 at the lowest.
    func level(_ level: Level, on scale: [Level]) -> TemplateValue {
        [
            "id": .string(level.id),
            "label": .string(level.label),
            "rank": .int(scale.firstIndex { $0.id == level.id } ?? 0),
            "description": text(level.description),
        ]
    }

    func riskLevel(_ level: Level) -> TemplateValue {
        self.level(level, on: scoring.riskLevels, made: riskLevelValues)
    }
    func likelihood(_ level: Level) -> TemplateValue {
        self.level(level, on: scoring.likelihoodLevels, made: likelihoodValues)
    }
    func severity(_ level: Level) -> TemplateValue {
        self.level(level, on: scoring.severityLevels, made: severityValues)
    }

    /// The value made already for a level of the scale, `values` holding one for each; made afresh for a
    /// level not on it.
    func level(_ level: Level, on scale: [Level], made values: [TemplateValue]) -> TemplateValue {
        scale.firstIndex(of: level).map { values[$0] } ?? self.level(level, on: scale)
    }

    func idAndLabel(_ id: String, _ label: String) -> TemplateValue {
        ["id": .string(id), "label": .string(label)]
    }

    /// Labels may hold commas themselves ("Images and video, including screenshots"), so they are kept
    /// apart with semicolons.
    func labels(_ items: [String]) -> String {
        items.isEmpty ? "none" : items.joined(separator: "; ")
    }

    func list(_ items: [String]) -> String {
        items.isEmpty ? "none" : items.joined(separator: ", ")
    }
}

extension ReportData {
    /// Report data with every name a report may have, and every list a report may fill non-empty, for
    /// checking templates for typos. `build` makes it from `sampleAssessment()`, so it has the names real
    /// reports have and no others.
    static func schemaSample(toolVersion: String) -> TemplateValue {
        let assessment = sampleAssessment()
        return build(
            assessment, toolVersion: toolVersion,
            previous: .compared(
                PreviousAssessment(
                    file: "previous.json", sha256: String(repeating: "0", count: 64), reference: "Reference",
                    assessmentDate: "2025-01-01", questionnaireVersion: "1"),
                sampleDiff(assessment)))
    }

    /// A comparison of the sample with itself, given one change of every kind.
    static func sampleDiff(_ assessment: Assessment) -> AssessmentDiff {
        // The sample is one questionnaire, so the comparison cannot fail.
        var diff = try! AssessmentDiff(
            old: assessment, oldFile: "previous.json", new: assessment, newFile: "answers.json")
        let change = AssessmentDiff.Change(old: "Old", new: "New")
        diff.notComparable = ["Reason"]
        diff.answers = [
            AssessmentDiff.AnswerChange(question: "question", title: "Title", old: "Old", new: "New")
        ]
        diff.onlyInOld = [
            AssessmentDiff.OneSidedAnswer(question: "question", title: "Title", answer: "Answer")
        ]
        diff.onlyInNew = diff.onlyInOld
        let appeared = AssessmentDiff.Appeared(appeared: ["Label"], gone: ["Label"])
        diff.categoriesInScope = appeared
        diff.driftedCategories = appeared
        diff.unapprovedPurposes = appeared
        diff.driftSignals = appeared
        diff.controls = [AssessmentDiff.ControlChange(control: "Control", change: change)]
        diff.risks = [AssessmentDiff.RiskChange(risk: "Risk", inherent: change, residual: change)]
        diff.measures = [AssessmentDiff.MeasureChange(measure: "Measure", change: change)]
        diff.overallResidual = change
        diff.risen = ["risk"]
        return diff
    }

    /// The data of `diff.*.mustache`, with one of everything, for `dpia validate --templates`.
    static func diffSample(toolVersion: String) -> TemplateValue {
        DiffReport.data(
            sampleDiff(sampleAssessment()), toolVersion: toolVersion,
            fingerprints: (String(repeating: "0", count: 64), String(repeating: "1", count: 64)))
    }

    /// An assessment with one of everything a report shows: a shown, answered question in a section for
    /// each ICO step, and every finding, risk, measure and rating present.
    static func sampleAssessment() -> Assessment {
        let level = Level(id: "level", label: "Level", description: "Description")
        var scoring = Scoring.empty
        scoring.likelihoodLevels = [level]
        scoring.severityLevels = [level]
        scoring.riskLevels = [level]
        scoring.matrix = [level.id: [level.id: level.id]]
        scoring.likelihoodBands = [LikelihoodBand(level: level.id, maximumPoints: nil)]
        // Every section has a plain question and a question a control reads.
        let sections = icoSteps.indices.map { offset in
            Section(
                id: "section\(offset + 1)", title: "Section", icoStep: offset + 1, description: "Description",
                questions: [
                    Question(
                        id: "question\(offset + 1)", number: "\(offset + 1).1", type: .text, prompt: "Prompt",
                        label: "Label", help: "Help", required: false, options: []),
                    Question(
                        id: "control\(offset + 1)", number: "\(offset + 1).2", type: .text, prompt: "Prompt",
                        label: "Label", help: "Help", required: false, options: []),
                ], statements: [Statement(id: "statement\(offset + 1)", text: "Statement", when: nil)])
        }
        scoring.outcome = OutcomeRules(
            processingUnderWay: nil, residualRisksAcceptedBy: "question7",
            signOff: [
                SignOffRow(item: "Item", answers: ["question7"], notes: ["question7"], guidance: "Guidance")
            ],
            finalRequires: [])
        let questionnaire = Questionnaire(
            id: "sample", version: "1", title: "Title", description: "Description", estimatedMinutes: nil,
            references: [Reference(id: "reference", title: "Title", url: "https://example.org")],
            sections: sections, scoring: scoring)
        let ids = sections.flatMap(\.questions).map(\.id)
        let answers = Answers(
            questionnaireID: questionnaire.id, questionnaireVersion: questionnaire.version,
            metadata: AssessmentMetadata(
                organisation: "Organisation", platform: "Platform", reference: "Reference",
                assessor: "Assessor",
                assessmentDate: "2026-01-01", reviewDate: "2027-01-01"),
            values: Dictionary(uniqueKeysWithValues: ids.map { ($0, AnswerValue.string("Answer")) }))
        let condition = Condition.answered(question: ids[0], true)
        let category = DataCategory(id: "category", label: "Category", sensitivity: level.id)
        let purpose = Purpose(id: "purpose", label: "Purpose", allows: [])
        let contribution = Contribution(kind: .factor, reason: "Reason", questions: [ids[0]], amount: 1)
        let risk = Risk(
            id: "risk", title: "Title", description: "Description", harm: "Harm",
            likelihood: LikelihoodRule(base: 0, factors: [], purposeDrift: nil),
            severity: SeverityRule(base: level.id, fromDataCategories: false, adjustments: []))
        let measure = Measure(
            id: "measure", title: "Title", description: "Description", when: nil, reduces: [])
        let controls = sections.map { section in
            Control(
                id: section.questions[1].id, label: "Label", question: section.questions[1].id, inPlace: [],
                notApplicable: [], affects: [ControlEffect(risk: risk.id, whenMissing: 1, whenInPlace: 0)])
        }
        return Assessment(
            questionnaire: questionnaire, answers: answers, visibleQuestions: ids,
            effectiveAnswers: answers.values,
            screening: ScreeningResult(groups: [
                ScreeningResult.Group(
                    group: ScreeningGroup(id: "group", label: "Group", requiredWhenAtLeast: 1),
                    met: [
                        ScreeningCriterion(
                            id: "criterion", group: "group", label: "Criterion", when: condition)
                    ])
            ]),
            dataSensitivity: DataSensitivityResult(
                categories: [
                    DataSensitivityResult.Item(category: category, sensitivity: level, questions: [ids[0]])
                ],
                highest: level),
            purposeDrift: PurposeDriftResult(
                approved: [purpose], actual: [purpose], unapprovedPurposes: [purpose],
                driftedCategories: [
                    PurposeDriftResult.DriftedCategory(
                        category: category, outside: [purpose], neededBy: [purpose])
                ],
                signals: [DriftSignal(id: "signal", label: "Signal", when: condition)]),
            controls: controls.map { ControlResult(control: $0, status: .missing, answer: "Answer") },
            risks: [
                RiskResult(
                    risk: risk, likelihoodPoints: 1, likelihood: level,
                    likelihoodContributions: [contribution],
                    severity: level, severityContributions: [contribution], level: level,
                    appliedMeasures: [contribution], declinedMeasures: [measure.id], undecidedMeasures: [],
                    residualLikelihoodPoints: 0, residualLikelihood: level, residualSeverity: level,
                    residualLevel: level, effect: .reduced)
            ],
            measures: [
                MeasureResult(
                    measure: measure, recommended: true,
                    decision: MeasureDecision(
                        approved: true, note: "Note", owner: "Owner", dueDate: "2026-06-01", status: .planned),
                    addresses: [risk.id])
            ],
            overallInherent: level, overallResidual: level,
            recommendation: RecommendationRule(
                id: "recommendation", label: "Label", summary: "Summary", residualLevels: nil,
                measuresApproved: nil, conditional: true),
            priorConsultation: .required(risks: [risk.id], underWay: false),
            topDrivers: [Driver(reason: "Reason", points: 1, weight: 1, risks: [risk.id])],
            residualHolds: [
                ResidualHold(
                    risk: risk.id, title: risk.title, level: level, declined: [measure.id],
                    undecided: [measure.id])
            ],
            actionPlan: [
                ActionItem(
                    measure: measure.id, title: measure.title, risks: [risk.id], owner: "Owner",
                    dueDate: "2026-06-01", status: .planned)
            ],
            signOff: [SignOffEntry(item: "Item", name: "Name", guidance: "Guidance", notes: "Notes")],
            missingForFinal: [MissingItem(path: "answers.question7", description: "Description")],
            notes: ["Note"])
    }
}

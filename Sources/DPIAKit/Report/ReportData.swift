/// Builds the values report templates render. Every name a template may use is made here, so this file is
/// the reference for anyone editing `Templates/` (and `dpia validate --templates` checks against it).
public enum ReportData {
    /// The ICO DPIA template's seven steps, in order.
    public static let icoSteps = [
        "Identify the need for a DPIA", "Describe the processing", "Consultation process",
        "Assess necessity and proportionality", "Identify and assess risks",
        "Identify measures to reduce risk",
        "Sign off and record outcomes",
    ]

    /// The report data for an assessment. `toolVersion` is printed in the footer; nothing reads the clock.
    public static func build(_ assessment: Assessment, toolVersion: String) -> TemplateValue {
        Builder(assessment: assessment, toolVersion: toolVersion).build()
    }

    /// A sample with every name present and every list non-empty, for checking templates for typos.
    public static func schemaSample(toolVersion: String) -> TemplateValue {
        let level = levelValue(Level(id: "low", label: "Low", description: nil), rank: 0)
        let text: TemplateValue = "text"
        let contribution: TemplateValue = .object(["reason": text, "amount": text, "kind": text])
        let step: TemplateValue = .object([
            "number": 1, "title": text, "hasQuestions": true,
            "sections": .list([
                .object([
                    "title": text, "description": text,
                    "questions": .list([questionSample]),
                ])
            ]),
        ])
        let risk: TemplateValue = .object([
            "id": text, "title": text, "description": text, "harm": text, "likelihood": level,
            "likelihoodPoints": 1,
            "severity": level, "level": level, "likelihoodContributions": .list([contribution]),
            "severityContributions": .list([contribution]), "appliedMeasures": .list([contribution]),
            "hasAppliedMeasures": true, "declinedMeasures": text, "hasDeclinedMeasures": true,
            "residualLikelihood": level, "residualLikelihoodPoints": 1, "residualSeverity": level,
            "residualLevel": level,
            "effect": text, "changed": true, "measureIDs": text,
        ])
        let purpose: TemplateValue = .object(["id": text, "label": text])
        return .object([
            "tool": .object(["name": text, "version": text]),
            "questionnaire": .object([
                "id": text, "version": text, "title": text, "description": text,
                "references": .list([.object(["id": text, "title": text, "url": text])]),
            ]),
            "meta": .object([
                "organisation": text, "platform": text, "reference": text, "assessor": text,
                "assessmentDate": text,
                "reviewDate": text, "status": text, "isDraft": true, "isFinal": true,
            ]),
            "fingerprint": text, "fingerprintShort": text,
            "hasRisks": true,
            "summary": .object([
                "overallInherent": level, "overallResidual": level,
                "recommendation": .object(["id": text, "label": text, "summary": text]),
                "priorConsultation": true,
                "drivers": .list([
                    .object(["reason": text, "points": 1, "risks": text, "weight": 1])
                ]),
                "hasDrivers": true, "riskCount": 1, "measuresApprovedCount": 1, "measuresRecommendedCount": 1,
                "dataSensitivity": text, "purposeDrift": text, "controls": text,
            ]),
            "screening": .object([
                "required": true, "verdict": text,
                "groups": .list([
                    .object([
                        "label": text, "threshold": 1, "metCount": 1, "requiresDPIA": true,
                        "criteria": .list([.object(["id": text, "label": text])]), "hasCriteria": true,
                    ])
                ]),
            ]),
            "steps": .list([step]),
            "step1": step, "step2": step, "step3": step, "step4": step, "step5": step, "step6": step,
            "step7": step,
            "dataSensitivity": .object([
                "highest": level, "hasCategories": true,
                "categories": .list([.object(["label": text, "sensitivity": level, "source": text])]),
            ]),
            "purposeDrift": .object([
                "hasDrift": true, "approved": .list([purpose]), "actual": .list([purpose]),
                "hasApproved": true, "hasActual": true, "approvedText": text, "actualText": text,
                "unapproved": .list([purpose]), "hasUnapproved": true,
                "categories": .list([
                    .object(["label": text, "sensitivity": level, "outside": text, "neededBy": text])
                ]),
                "hasCategories": true, "signals": .list([purpose]), "hasSignals": true,
            ]),
            "controls": .object([
                "all": .list([
                    .object([
                        "id": text, "label": text, "status": text, "answer": text, "isInPlace": true,
                        "isMissing": true,
                        "isNotApplicable": true, "affects": text,
                    ])
                ]),
                "inPlaceCount": 1, "missingCount": 1, "notApplicableCount": 1, "hasMissing": true,
                "missing": .list([.object(["id": text, "label": text, "affects": text])]),
            ]),
            "risks": .list([risk]),
            "measures": .list([
                .object([
                    "id": text, "title": text, "description": text, "risks": text, "decision": text,
                    "approved": true,
                    "note": text, "hasNote": true,
                ])
            ]),
            "hasMeasures": true,
            "signOff": .list([.object(["label": text, "answer": text, "answered": true])]),
            "hasSignOff": true,
            "matrix": .object([
                "likelihoods": .list([level]),
                "rows": .list([
                    .object([
                        "severity": level,
                        "cells": .list([
                            .object([
                                "level": level, "likelihood": level, "inherentRisks": text,
                                "residualRisks": text,
                                "hasInherent": true, "hasResidual": true,
                            ])
                        ]),
                    ])
                ]),
                "bands": .list([.object(["level": level, "range": text])]),
                "riskLevels": .list([level]),
            ]),
            "appendix": .list([
                .object(["title": text, "step": text, "questions": .list([questionSample])])
            ]),
            "notes": .list([text]), "hasNotes": true,
        ])
    }

    private static let questionSample: TemplateValue = .object([
        "id": "text", "number": "text", "prompt": "text", "label": "text", "answer": "text", "answered": true,
        "shown": true, "isLong": true, "help": "text",
    ])

    static func levelValue(_ level: Level, rank: Int) -> TemplateValue {
        .object(
            TemplateObject(
                Shapes.level,
                [
                    .string(level.id), .string(level.label), .int(rank),
                    level.description.map { .string($0) } ?? .null,
                ]))
    }
}

/// The names of the objects a report builds many of. Each object's values follow in the same order where it
/// is built.
private enum Shapes {
    static let level = ["id", "label", "rank", "description"]
    static let question = [
        "id", "number", "prompt", "label", "answer", "answered", "shown", "isLong", "help",
    ]
    static let section = ["title", "description", "questions"]
    static let appendixSection = ["title", "step", "questions"]
    static let step = ["number", "title", "sections", "hasQuestions"]
    static let signOff = ["label", "answer", "answered"]
    static let contribution = ["reason", "amount", "kind"]
    static let risk = [
        "id", "title", "description", "harm", "likelihood", "likelihoodPoints", "severity", "level",
        "likelihoodContributions", "severityContributions", "appliedMeasures", "hasAppliedMeasures",
        "declinedMeasures", "hasDeclinedMeasures", "residualLikelihood", "residualLikelihoodPoints",
        "residualSeverity", "residualLevel", "effect", "changed", "measureIDs",
    ]
    static let measure = [
        "id", "title", "description", "risks", "decision", "approved", "note", "hasNote",
    ]
    static let control = [
        "id", "label", "status", "answer", "isInPlace", "isMissing", "isNotApplicable", "affects",
    ]
    static let missingControl = ["id", "label", "affects"]
    static let idAndLabel = ["id", "label"]
    static let matrixCell = [
        "level", "likelihood", "inherentRisks", "residualRisks", "hasInherent", "hasResidual",
    ]
    static let tool = ["name", "version"]
    static let questionnaire = ["id", "version", "title", "description", "references"]
    static let reference = ["id", "title", "url"]
    static let meta = [
        "organisation", "platform", "reference", "assessor", "assessmentDate", "reviewDate", "status",
        "isDraft",
        "isFinal",
    ]
    static let root = ShapeFamily(
        [
            "tool", "questionnaire", "meta", "fingerprint", "fingerprintShort", "hasRisks", "steps",
            "appendix",
            "notes", "hasNotes", "step1", "step2", "step3", "step4", "step5", "step6", "step7", "summary",
            "risks", "measures", "hasMeasures", "signOff", "hasSignOff",
        ],
        optional: ["screening", "dataSensitivity", "purposeDrift", "controls", "matrix"])
    static let summary = ShapeFamily(
        [
            "priorConsultation", "drivers", "hasDrivers", "riskCount", "measuresRecommendedCount",
            "measuresApprovedCount",
        ],
        optional: [
            "overallInherent", "overallResidual", "recommendation", "dataSensitivity", "purposeDrift",
            "controls",
        ])
    static let driver = ["reason", "points", "risks", "weight"]
    static let recommendation = ["id", "label", "summary"]
    static let screening = ["required", "verdict", "groups"]
    static let screeningGroup = [
        "label", "threshold", "metCount", "requiresDPIA", "criteria", "hasCriteria",
    ]
    static let dataSensitivity = ShapeFamily(["hasCategories", "categories"], optional: ["highest"])
    static let dataCategory = ["label", "sensitivity", "source"]
    static let purposeDrift = [
        "hasDrift", "approved", "hasApproved", "approvedText", "actual", "hasActual", "actualText",
        "unapproved",
        "hasUnapproved", "categories", "hasCategories", "signals", "hasSignals",
    ]
    static let driftedCategory = ["label", "sensitivity", "outside", "neededBy"]
    static let controls = [
        "all", "inPlaceCount", "missingCount", "notApplicableCount", "hasMissing", "missing",
    ]
    static let matrix = ["likelihoods", "rows", "bands", "riskLevels"]
    static let matrixRow = ["severity", "cells"]
    static let band = ["level", "range"]
}

/// The names of one kind of object whose last few members are each present or left out: one list for
/// every combination.
private struct ShapeFamily: Sendable {
    private let shapes: [[String]]

    /// `optional` may hold at most a handful of names: there are 2^count shapes.
    init(_ names: [String], optional: [String]) {
        shapes = (0..<(1 << optional.count)).map { present in
            names + optional.indices.filter { present & (1 << $0) != 0 }.map { optional[$0] }
        }
    }

    /// The shape with the optional members whose bits are set in `present` (bit i for `optional[i]`),
    /// after the others and in the order given.
    func shape(_ present: Int) -> [String] { shapes[present] }
}

extension TemplateObject {
    /// The object whose member named `names[i]` is `values[i]`.
    fileprivate init(_ names: [String], _ values: [TemplateValue]) {
        precondition(names.count == values.count, "a TemplateObject needs one value for each name")
        self.init(Array(zip(names, values)))
    }
}

/// A class, so that the closures building lists share it rather than copy the whole assessment.
private final class Builder {
    let assessment: Assessment
    let toolVersion: String
    let questionnaire: Questionnaire
    let scoring: Scoring
    /// The questions shown: steps, sign-off and appendix all need them.
    let shown: Set<String>
    /// Each scale's levels as template values, made once: risks and the matrix use them many times.
    let riskLevels: [TemplateValue]
    let likelihoodLevels: [TemplateValue]
    let severityLevels: [TemplateValue]

    init(assessment: Assessment, toolVersion: String) {
        self.assessment = assessment
        self.toolVersion = toolVersion
        questionnaire = assessment.questionnaire
        scoring = questionnaire.scoring
        shown = Set(assessment.visibleQuestions)
        riskLevels = Self.values(of: scoring.riskLevels)
        likelihoodLevels = Self.values(of: scoring.likelihoodLevels)
        severityLevels = Self.values(of: scoring.severityLevels)
    }

    static func values(of scale: [Level]) -> [TemplateValue] {
        scale.map { level in ReportData.levelValue(level, rank: scale.firstIndex { $0.id == level.id } ?? 0) }
    }

    func level(_ level: Level, in scale: [Level], values: [TemplateValue]) -> TemplateValue {
        if let index = scale.firstIndex(where: { $0 == level }) { return values[index] }
        return ReportData.levelValue(level, rank: scale.firstIndex { $0.id == level.id } ?? 0)
    }

    func riskLevel(_ level: Level) -> TemplateValue {
        self.level(level, in: scoring.riskLevels, values: riskLevels)
    }
    func likelihood(_ level: Level) -> TemplateValue {
        self.level(level, in: scoring.likelihoodLevels, values: likelihoodLevels)
    }
    func severity(_ level: Level) -> TemplateValue {
        self.level(level, in: scoring.severityLevels, values: severityLevels)
    }

    func signed(_ amount: Int) -> String {
        amount > 0 ? "+\(amount)" : amount == 0 ? "0" : "\u{2212}\(-amount)"
    }

    /// Labels may hold commas themselves ("Images and video, including screenshots"), so they are kept
    /// apart with semicolons.
    func labels(_ items: [String]) -> String {
        items.isEmpty ? "none" : items.joined(separator: "; ")
    }

    func list(_ items: [String]) -> String {
        items.isEmpty ? "none" : items.joined(separator: ", ")
    }

    func build() -> TemplateValue {
        let meta = assessment.answers.metadata
        // Every question's value, by section; steps show the visible ones, the appendix all of them.
        let questions = questionnaire.sections.map { section in section.questions.map(question) }
        let stepValues = steps(questions)
        let fingerprint = SHA256.hex(AnswersFile.bytes(assessment.answers, questionnaire: questionnaire))
        let recommended = assessment.measures.filter(\.recommended)
        let signOff = signOffRows(questions)
        // Values are gathered first and made into one object: setting them one by one copies it each time.
        var root: [TemplateValue] = [
            .object(TemplateObject(Shapes.tool, ["dpia", .string(toolVersion)])),
            .object(
                TemplateObject(
                    Shapes.questionnaire,
                    [
                        .string(questionnaire.id), .string(questionnaire.version),
                        .string(questionnaire.title),
                        .string(questionnaire.description),
                        .list(
                            questionnaire.references.map {
                                .object(
                                    TemplateObject(
                                        Shapes.reference,
                                        [
                                            .string($0.id), .string($0.title),
                                            $0.url.map { .string($0) } ?? .null,
                                        ]))
                            }),
                    ])),
            .object(
                TemplateObject(
                    Shapes.meta,
                    [
                        .string(meta.organisation), .string(meta.platform),
                        meta.reference.map { .string($0) } ?? .null,
                        .string(meta.assessor), .string(meta.assessmentDate),
                        meta.reviewDate.map { .string($0) } ?? .null,
                        .string(meta.status == .final ? "Final" : "Draft"), .bool(meta.status == .draft),
                        .bool(meta.status == .final),
                    ])),
            .string("sha256:" + fingerprint), .string(String(fingerprint.prefix(12))),
            .bool(!assessment.risks.isEmpty), .list(stepValues), .list(appendix(questions)),
            .list(assessment.notes.map { .string($0) }), .bool(!assessment.notes.isEmpty),
        ]
        root.reserveCapacity(Shapes.root.shape(0b11111).count)
        // `Shapes.root` names step1 to step7.
        precondition(stepValues.count == 7, "the report has seven ICO steps")
        root.append(contentsOf: stepValues)
        root.append(summary())
        root.append(.list(assessment.risks.map(risk)))
        root.append(.list(recommended.map(measure)))
        root.append(.bool(!recommended.isEmpty))
        root.append(.list(signOff))
        root.append(.bool(!signOff.isEmpty))
        var present = 0
        if let screening = assessment.screening {
            root.append(self.screening(screening))
            present |= 1
        }
        if let data = assessment.dataSensitivity {
            root.append(dataSensitivity(data))
            present |= 2
        }
        if let drift = assessment.purposeDrift {
            root.append(purposeDrift(drift))
            present |= 4
        }
        if !assessment.controls.isEmpty {
            root.append(controls())
            present |= 8
        }
        if !assessment.risks.isEmpty {
            root.append(matrix())
            present |= 16
        }
        return .object(TemplateObject(Shapes.root.shape(present), root))
    }

    func summary() -> TemplateValue {
        var summary: [TemplateValue] = [
            .bool(assessment.priorConsultation != .notApplicable),
            .list(
                assessment.topDrivers.map {
                    .object(
                        TemplateObject(
                            Shapes.driver,
                            [
                                .string($0.reason), .int($0.points), .string(list($0.risks)),
                                .int($0.weight),
                            ]))
                }),
            .bool(!assessment.topDrivers.isEmpty), .int(assessment.risks.count),
            .int(assessment.measures.count(where: \.recommended)),
            .int(assessment.measures.count(where: \.applied)),
        ]
        summary.reserveCapacity(12)
        var present = 0
        if let inherent = assessment.overallInherent {
            summary.append(riskLevel(inherent))
            present |= 1
        }
        if let residual = assessment.overallResidual {
            summary.append(riskLevel(residual))
            present |= 2
        }
        if let rule = assessment.recommendation {
            summary.append(
                .object(
                    TemplateObject(
                        Shapes.recommendation, [.string(rule.id), .string(rule.label), .string(rule.summary)])
                ))
            present |= 4
        }
        if let data = assessment.dataSensitivity {
            summary.append(
                .string(
                    data.highest.map { highest in
                        "\(highest.label): \(data.categories.count) data categor\(data.categories.count == 1 ? "y" : "ies") in scope, the most sensitive "
                            + labels(
                                data.categories.filter { $0.sensitivity.id == highest.id }.map(
                                    \.category.label))
                    } ?? "No personal data categories in scope"))
            present |= 8
        }
        if let drift = assessment.purposeDrift {
            var parts: [String] = []
            if !drift.driftedCategories.isEmpty {
                parts.append(
                    "\(drift.driftedCategories.count) data categor\(drift.driftedCategories.count == 1 ? "y" : "ies") outside the approved purposes ("
                        + labels(drift.driftedCategories.map(\.category.label)) + ")")
            }
            if !drift.unapprovedPurposes.isEmpty {
                parts.append(
                    "used for unapproved purposes (" + labels(drift.unapprovedPurposes.map(\.label)) + ")")
            }
            if !drift.signals.isEmpty {
                parts.append("\(drift.signals.count) warning sign\(drift.signals.count == 1 ? "" : "s")")
            }
            summary.append(
                .string(
                    parts.isEmpty
                        ? "None: everything shared is allowed by an approved purpose"
                        : "Drift: " + parts.joined(separator: "; ")))
            present |= 16
        }
        if !assessment.controls.isEmpty {
            let missing = assessment.controls.count { $0.status == .missing }
            let inPlace = assessment.controls.count { $0.status == .inPlace }
            summary.append(.string("\(inPlace) in place, \(missing) missing or uncertain"))
            present |= 32
        }
        return .object(TemplateObject(Shapes.summary.shape(present), summary))
    }

    func screening(_ result: ScreeningResult) -> TemplateValue {
        let reasons = result.groups.filter(\.requiresDPIA).map(\.group.label)
        return .object(
            TemplateObject(
                Shapes.screening,
                [
                    .bool(result.required),
                    .string(
                        result.required
                            ? "A DPIA is required: " + reasons.joined(separator: "; ")
                            : "No screening criterion requires a DPIA; one may still be good practice."),
                    .list(
                        result.groups.map { group in
                            .object(
                                TemplateObject(
                                    Shapes.screeningGroup,
                                    [
                                        .string(group.group.label), .int(group.group.requiredWhenAtLeast),
                                        .int(group.met.count), .bool(group.requiresDPIA),
                                        .list(group.met.map { idAndLabel($0.id, $0.label) }),
                                        .bool(!group.met.isEmpty),
                                    ]))
                        }),
                ]))
    }

    func dataSensitivity(_ data: DataSensitivityResult) -> TemplateValue {
        var values: [TemplateValue] = [
            .bool(!data.categories.isEmpty),
            .list(
                data.categories.map { item in
                    .object(
                        TemplateObject(
                            Shapes.dataCategory,
                            [
                                .string(item.category.label), severity(item.sensitivity),
                                .string(
                                    labels(
                                        item.questions.compactMap { questionnaire.question($0)?.shortLabel })),
                            ]))
                }),
        ]
        guard let highest = data.highest else {
            return .object(TemplateObject(Shapes.dataSensitivity.shape(0), values))
        }
        values.append(severity(highest))
        return .object(TemplateObject(Shapes.dataSensitivity.shape(1), values))
    }

    func purposeDrift(_ drift: PurposeDriftResult) -> TemplateValue {
        func purposes(_ items: [Purpose]) -> TemplateValue {
            .list(items.map { idAndLabel($0.id, $0.label) })
        }
        return .object(
            TemplateObject(
                Shapes.purposeDrift,
                [
                    .bool(drift.hasDrift), purposes(drift.approved), .bool(!drift.approved.isEmpty),
                    .string(labels(drift.approved.map(\.label))), purposes(drift.actual),
                    .bool(!drift.actual.isEmpty), .string(labels(drift.actual.map(\.label))),
                    purposes(drift.unapprovedPurposes), .bool(!drift.unapprovedPurposes.isEmpty),
                    .list(
                        drift.driftedCategories.map { item in
                            .object(
                                TemplateObject(
                                    Shapes.driftedCategory,
                                    [
                                        .string(item.category.label),
                                        severity(
                                            scoring.severityLevels.first {
                                                $0.id == item.category.sensitivity
                                            }
                                                ?? scoring.severityLevels[0]),
                                        .string(
                                            item.outside.isEmpty
                                                ? "no purpose is approved" : labels(item.outside.map(\.label))
                                        ),
                                        .string(
                                            item.neededBy.isEmpty
                                                ? "no purpose in use" : labels(item.neededBy.map(\.label))),
                                    ]))
                        }),
                    .bool(!drift.driftedCategories.isEmpty),
                    .list(drift.signals.map { idAndLabel($0.id, $0.label) }), .bool(!drift.signals.isEmpty),
                ]))
    }

    func controls() -> TemplateValue {
        var all: [TemplateValue] = []
        var missing: [TemplateValue] = []
        var inPlaceCount = 0
        var notApplicableCount = 0
        all.reserveCapacity(assessment.controls.count)
        for result in assessment.controls {
            let control = result.control
            let affects = TemplateValue.string(list(control.affects.map(\.risk)))
            let status: String
            switch result.status {
            case .inPlace:
                status = "In place"
                inPlaceCount += 1
            case .missing:
                status = "Missing"
                missing.append(
                    .object(
                        TemplateObject(
                            Shapes.missingControl, [.string(control.id), .string(control.label), affects]))
                )
            case .notApplicable:
                status = "Not applicable"
                notApplicableCount += 1
            }
            all.append(
                .object(
                    TemplateObject(
                        Shapes.control,
                        [
                            .string(control.id), .string(control.label), .string(status),
                            .string(result.answer ?? "Not asked"), .bool(result.status == .inPlace),
                            .bool(result.status == .missing), .bool(result.status == .notApplicable), affects,
                        ])))
        }
        return .object(
            TemplateObject(
                Shapes.controls,
                [
                    .list(all), .int(inPlaceCount), .int(missing.count), .int(notApplicableCount),
                    .bool(!missing.isEmpty), .list(missing),
                ]))
    }

    func contributions(_ parts: [Contribution]) -> TemplateValue {
        .list(
            parts.map { part in
                .object(
                    TemplateObject(
                        Shapes.contribution,
                        [.string(part.reason), .string(signed(part.amount)), .string(part.kind.rawValue)]))
            })
    }

    func risk(_ result: RiskResult) -> TemplateValue {
        let measureIDs =
            result.appliedMeasures.isEmpty
            ? []
            : assessment.measures.filter { $0.applied && $0.addresses.contains(result.risk.id) }.map(
                \.measure.id)
        return .object(
            TemplateObject(
                Shapes.risk,
                [
                    .string(result.risk.id), .string(result.risk.title), .string(result.risk.description),
                    .string(result.risk.harm),
                    likelihood(result.likelihood), .int(result.likelihoodPoints),
                    severity(result.severity), riskLevel(result.level),
                    contributions(result.likelihoodContributions),
                    contributions(result.severityContributions),
                    contributions(result.appliedMeasures), .bool(!result.appliedMeasures.isEmpty),
                    .string(list(result.declinedMeasures)), .bool(!result.declinedMeasures.isEmpty),
                    likelihood(result.residualLikelihood), .int(result.residualLikelihoodPoints),
                    severity(result.residualSeverity), riskLevel(result.residualLevel),
                    .string(result.effect.label),
                    .bool(result.residualLevel.id != result.level.id), .string(list(measureIDs)),
                ]))
    }

    func measure(_ result: MeasureResult) -> TemplateValue {
        .object(
            TemplateObject(
                Shapes.measure,
                [
                    .string(result.measure.id), .string(result.measure.title),
                    .string(result.measure.description), .string(list(result.addresses)),
                    .string(result.decision.map { $0.approved ? "Yes" : "No" } ?? "Not decided"),
                    .bool(result.applied), result.decision?.note.map { .string($0) } ?? .null,
                    .bool(result.decision?.note != nil),
                ]))
    }

    func idAndLabel(_ id: String, _ label: String) -> TemplateValue {
        .object(TemplateObject(Shapes.idAndLabel, [.string(id), .string(label)]))
    }

    /// A question's report value, with what the steps and sign-off also need, so each question is looked
    /// up and its answer written out once.
    struct QuestionEntry {
        let value: TemplateValue
        let shown: Bool
        let answer: String?
    }

    func question(_ question: Question) -> QuestionEntry {
        let shown = self.shown.contains(question.id)
        let answer = assessment.effectiveAnswers[question.id].map { AnswerText.display($0, for: question) }
        let value = TemplateObject(
            Shapes.question,
            [
                .string(question.id), question.number.map { .string($0) } ?? .null, .string(question.prompt),
                .string(question.shortLabel),
                .string(answer ?? (shown ? "Not answered" : "Not asked (does not apply)")),
                .bool(answer != nil), .bool(shown), .bool(question.type == .longText),
                question.help.map { .string($0) } ?? .null,
            ])
        return QuestionEntry(value: .object(value), shown: shown, answer: answer)
    }

    func steps(_ questions: [[QuestionEntry]]) -> [TemplateValue] {
        // Sections by step, in order; step 7 is the sign-off table, not sections.
        var sectionsByStep = [[TemplateValue]](repeating: [], count: ReportData.icoSteps.count)
        for position in questionnaire.sections.indices {
            guard let step = questionnaire.sections[position].icoStep, (1..<7).contains(step) else {
                continue
            }
            var shown: [TemplateValue] = []
            for entry in questions[position] where entry.shown { shown.append(entry.value) }
            guard !shown.isEmpty else { continue }
            let section = questionnaire.sections[position]
            sectionsByStep[step - 1].append(
                .object(
                    TemplateObject(
                        Shapes.section,
                        [
                            .string(section.title), section.description.map { .string($0) } ?? .null,
                            .list(shown),
                        ]
                    )))
        }
        return ReportData.icoSteps.indices.map { offset in
            .object(
                TemplateObject(
                    Shapes.step,
                    [
                        .int(offset + 1), .string(ReportData.icoSteps[offset]), .list(sectionsByStep[offset]),
                        .bool(!sectionsByStep[offset].isEmpty),
                    ]))
        }
    }

    func signOffRows(_ questions: [[QuestionEntry]]) -> [TemplateValue] {
        var rows: [TemplateValue] = []
        for (section, entries) in zip(questionnaire.sections, questions) where section.icoStep == 7 {
            for (question, entry) in zip(section.questions, entries) where entry.shown {
                rows.append(
                    .object(
                        TemplateObject(
                            Shapes.signOff,
                            [
                                .string(question.shortLabel), .string(entry.answer ?? ""),
                                .bool(entry.answer != nil),
                            ])))
            }
        }
        return rows
    }

    func appendix(_ questions: [[QuestionEntry]]) -> [TemplateValue] {
        return zip(questionnaire.sections, questions).map { section, entries in
            .object(
                TemplateObject(
                    Shapes.appendixSection,
                    [
                        .string(section.title), section.icoStep.map { .string(Self.stepLabel($0)) } ?? .null,
                        .list(entries.map(\.value)),
                    ]))
        }
    }

    private static let stepLabels = ReportData.icoSteps.indices.map { "ICO step \($0 + 1)" }

    static func stepLabel(_ step: Int) -> String {
        stepLabels.indices.contains(step - 1) ? stepLabels[step - 1] : "ICO step \(step)"
    }

    func points(_ count: Int) -> String {
        count == 1 ? "1 point" : "\(count) points"
    }

    func matrix() -> TemplateValue {
        let likelihoods = scoring.likelihoodLevels
        var bands: [TemplateValue] = []
        var lower: Int?
        for band in scoring.likelihoodBands {
            guard let level = likelihoods.first(where: { $0.id == band.level }) else { continue }
            let range: String
            switch (lower, band.maximumPoints) {
            case (nil, let maximum?): range = "\(maximum) points or fewer"
            case (let low?, let maximum?):
                range = low == maximum ? "\(low) points" : "\(low) to \(maximum) points"
            case (let low?, nil): range = "\(low) points or more"
            case (nil, nil): range = "any score"
            }
            bands.append(.object(TemplateObject(Shapes.band, [likelihood(level), .string(range)])))
            lower = band.maximumPoints.map { $0 + 1 }
        }
        return .object(
            TemplateObject(
                Shapes.matrix,
                [
                    .list(likelihoods.map(likelihood)),
                    .list(
                        scoring.severityLevels.reversed().map { severityLevel in
                            .object(
                                TemplateObject(
                                    Shapes.matrixRow,
                                    [
                                        severity(severityLevel),
                                        .list(
                                            likelihoods.map { likelihoodLevel in
                                                let id =
                                                    scoring.matrix[severityLevel.id]?[likelihoodLevel.id]
                                                    ?? ""
                                                let cellLevel =
                                                    scoring.riskLevels.first { $0.id == id }
                                                    ?? scoring.riskLevels[0]
                                                // compactMap, not filter, so that only ids are copied, not whole results.
                                                let inherent = assessment.risks.compactMap {
                                                    $0.severity.id == severityLevel.id
                                                        && $0.likelihood.id == likelihoodLevel.id
                                                        ? $0.risk.id : nil
                                                }
                                                let residual = assessment.risks.compactMap {
                                                    $0.residualSeverity.id == severityLevel.id
                                                        && $0.residualLikelihood.id == likelihoodLevel.id
                                                        ? $0.risk.id : nil
                                                }
                                                return .object(
                                                    TemplateObject(
                                                        Shapes.matrixCell,
                                                        [
                                                            riskLevel(cellLevel), likelihood(likelihoodLevel),
                                                            .string(inherent.joined(separator: ", ")),
                                                            .string(residual.joined(separator: ", ")),
                                                            .bool(!inherent.isEmpty),
                                                            .bool(!residual.isEmpty),
                                                        ]))
                                            }),
                                    ]))
                        }),
                    .list(bands),
                    .list(scoring.riskLevels.map(riskLevel)),
                ]))
    }
}

/// The scored assessment as data: `NAME.assessment.json`, for registers, dashboards and other tools that
/// read results without parsing a report. Described by `Questionnaires/assessment.schema.json`.
///
/// Every part has a stable id next to its label. Members are written in the order built here and every
/// list in the assessment's own order, so one assessment always gives the same bytes; there are no
/// floating-point numbers. `formatVersion` goes up when a member is removed or renamed, or when a value's
/// type or meaning changes; adding members keeps it, so readers should ignore members they do not know.
enum AssessmentJSON {
    /// The value of the top-level `format` member, which no answers file has.
    static let format = "dpia-assessment"
    static let formatVersion = 1
    /// What follows the answers file's name: `ward.json` is assessed into `ward.assessment.json`.
    static let fileSuffix = ".assessment.json"

    /// The assessment as a JSON value, members in a fixed order.
    /// `previous` is what the reports say of the assessment the answers name as `previous`.
    static func value(
        _ assessment: Assessment, toolVersion: String, previous: PreviousComparison? = nil
    ) -> JSONValue {
        Builder(assessment: assessment, previous: previous).root(toolVersion: toolVersion)
    }

    /// The bytes of `NAME.assessment.json`.
    static func bytes(
        _ assessment: Assessment, toolVersion: String, previous: PreviousComparison? = nil
    ) -> [UInt8] {
        JSONWriter.bytes(value(assessment, toolVersion: toolVersion, previous: previous))
    }

    /// Whether a file name is one this format is written under, so it is never read as an answers file.
    static func isAssessmentFileName(_ path: String) -> Bool {
        PathText.lastComponent(path).hasSuffix(fileSuffix)
    }

    private struct Builder {
        let assessment: Assessment
        var previous: PreviousComparison?
        var scoring: Scoring { assessment.questionnaire.scoring }

        func previousValue(_ comparison: PreviousComparison) -> JSONValue {
            let previous = comparison.previous
            var reason: String?
            if case .unavailable(_, _, let text) = comparison { reason = text }
            return .members([
                ("file", .string(previous.file)),
                ("sha256", .string(previous.sha256)),
                ("reference", .text(previous.reference)),
                ("assessmentDate", .text(previous.assessmentDate)),
                ("questionnaireVersion", .text(previous.questionnaireVersion)),
                ("comparison", .string(comparison.state)),
                ("reason", .text(reason)),
                ("driftAppeared", comparison.diff.map { .bool($0.driftAppeared) } ?? .null),
                ("risksRose", comparison.diff.map { .bool($0.risksRose) } ?? .null),
            ])
        }

        func root(toolVersion: String) -> JSONValue {
            let questionnaire = assessment.questionnaire
            let fingerprint = assessment.answersFingerprint
            let meta = assessment.answers.metadata
            let header: [(String, JSONValue)] = [
                ("format", .string(AssessmentJSON.format)),
                ("formatVersion", .int(AssessmentJSON.formatVersion)),
                ("tool", .members([("name", .string("dpia")), ("version", .string(toolVersion))])),
                (
                    "questionnaire",
                    .members([
                        ("id", .string(questionnaire.id)), ("version", .string(questionnaire.version)),
                        ("title", .string(questionnaire.title)),
                    ])
                ),
            ]
            let metadata: JSONValue = .members([
                ("organisation", .string(meta.organisation)),
                ("platform", .string(meta.platform)),
                ("reference", .text(meta.reference)),
                ("assessor", .string(meta.assessor)),
                ("assessmentDate", .string(meta.assessmentDate)),
                ("reviewDate", .text(meta.reviewDate)),
                ("status", .string(meta.status.rawValue)),
            ])
            let overall: JSONValue = .members([
                ("inherent", assessment.overallInherent.map(riskLevel) ?? .null),
                ("residual", assessment.overallResidual.map(riskLevel) ?? .null),
            ])
            var findings: [(String, JSONValue)] = [
                ("metadata", metadata),
                ("answersFingerprint", .string("sha256:" + fingerprint)),
                ("screening", assessment.screening.map(screening) ?? .null),
                ("dataSensitivity", assessment.dataSensitivity.map(dataSensitivity) ?? .null),
                ("purposeDrift", assessment.purposeDrift.map(purposeDrift) ?? .null),
                ("controls", .elements(assessment.controls.map(control))),
                ("risks", .elements(assessment.risks.map(risk))),
                ("overall", overall),
                ("drivers", .elements(assessment.topDrivers.map(driver))),
            ]
            // Only an answers file that names the assessment it follows has this member.
            if let previous { findings.insert(("previous", previousValue(previous)), at: 2) }
            let outcome: [(String, JSONValue)] = [
                ("measures", .elements(assessment.measures.map(measure))),
                ("actionPlan", .elements(assessment.actionPlan.map(actionItem))),
                ("residualHolds", .elements(assessment.residualHolds.map(residualHold))),
                ("priorConsultation", priorConsultation(assessment.priorConsultation)),
                ("recommendation", assessment.recommendation.map(recommendation) ?? .null),
                ("signOff", signOff()),
                ("notes", .elements(assessment.notes.map { .string($0) })),
            ]
            return .members(header + findings + outcome)
        }

        // MARK: Levels and contributions

        /// A level of a scale; `rank` counts from 0 at the lowest.
        func level(_ level: Level, on scale: [Level]) -> JSONValue {
            .members([
                ("id", .string(level.id)), ("label", .string(level.label)),
                ("rank", .int(scale.firstIndex { $0.id == level.id } ?? 0)),
            ])
        }

        func riskLevel(_ level: Level) -> JSONValue { self.level(level, on: scoring.riskLevels) }
        func likelihood(_ level: Level) -> JSONValue { self.level(level, on: scoring.likelihoodLevels) }
        func severity(_ level: Level) -> JSONValue { self.level(level, on: scoring.severityLevels) }

        func contribution(_ contribution: Contribution) -> JSONValue {
            .members([
                ("kind", .string(Self.kindID(contribution.kind))),
                ("reason", .string(contribution.reason)),
                ("questions", .strings(contribution.questions)),
                ("amount", .int(contribution.amount)),
            ])
        }

        /// Ids without the spaces of the words the report uses.
        static func kindID(_ kind: Contribution.Kind) -> String {
            switch kind {
            case .base: "base"
            case .factor: "factor"
            case .purposeDrift: "purpose_drift"
            case .control: "control"
            case .dataCategory: "data_category"
            case .adjustment: "adjustment"
            case .measure: "measure"
            }
        }

        func idAndLabel(_ id: String, _ label: String) -> JSONValue {
            .members([("id", .string(id)), ("label", .string(label))])
        }

        // MARK: Parts

        func screening(_ result: ScreeningResult) -> JSONValue {
            .members([
                ("required", .bool(result.required)),
                (
                    "groups",
                    .elements(
                        result.groups.map { group in
                            .members([
                                ("id", .string(group.group.id)), ("label", .string(group.group.label)),
                                ("requiredWhenAtLeast", .int(group.group.requiredWhenAtLeast)),
                                ("requiresDPIA", .bool(group.requiresDPIA)),
                                ("met", .elements(group.met.map { idAndLabel($0.id, $0.label) })),
                            ])
                        })
                ),
            ])
        }

        func dataSensitivity(_ result: DataSensitivityResult) -> JSONValue {
            .members([
                ("highest", result.highest.map(severity) ?? .null),
                (
                    "categories",
                    .elements(
                        result.categories.map { item in
                            .members([
                                ("id", .string(item.category.id)), ("label", .string(item.category.label)),
                                ("sensitivity", severity(item.sensitivity)),
                                ("questions", .strings(item.questions)),
                            ])
                        })
                ),
            ])
        }

        func purposes(_ purposes: [Purpose]) -> JSONValue {
            .elements(purposes.map { idAndLabel($0.id, $0.label) })
        }

        func purposeDrift(_ result: PurposeDriftResult) -> JSONValue {
            .members([
                ("hasDrift", .bool(result.hasDrift)),
                ("approvedPurposes", purposes(result.approved)),
                ("actualPurposes", purposes(result.actual)),
                ("unapprovedPurposes", purposes(result.unapprovedPurposes)),
                (
                    "driftedCategories",
                    .elements(
                        result.driftedCategories.map { drifted in
                            .members([
                                ("id", .string(drifted.category.id)),
                                ("label", .string(drifted.category.label)),
                                ("outsideApproved", purposes(drifted.outside)),
                                ("neededBy", purposes(drifted.neededBy)),
                            ])
                        })
                ),
                ("signals", .elements(result.signals.map { idAndLabel($0.id, $0.label) })),
            ])
        }

        func control(_ result: ControlResult) -> JSONValue {
            .members([
                ("id", .string(result.control.id)), ("label", .string(result.control.label)),
                ("question", .string(result.control.question)),
                ("status", idAndLabel(result.status.id, result.status.rawValue)),
                ("answer", .text(result.answer)),
            ])
        }

        func risk(_ result: RiskResult) -> JSONValue {
            let effect: JSONValue
            if case .accepted(let name) = result.effect {
                effect = .members([
                    ("id", .string(result.effect.id)), ("label", .string(result.effect.label)),
                    ("acceptedBy", .string(name)),
                ])
            } else {
                effect = .members([
                    ("id", .string(result.effect.id)), ("label", .string(result.effect.label)),
                    ("acceptedBy", .null),
                ])
            }
            return .members([
                ("id", .string(result.risk.id)), ("title", .string(result.risk.title)),
                (
                    "inherent",
                    .members([
                        ("likelihood", likelihood(result.likelihood)),
                        ("likelihoodPoints", .int(result.likelihoodPoints)),
                        (
                            "likelihoodContributions",
                            .elements(result.likelihoodContributions.map(contribution))
                        ),
                        ("severity", severity(result.severity)),
                        ("severityContributions", .elements(result.severityContributions.map(contribution))),
                        ("level", riskLevel(result.level)),
                    ])
                ),
                ("appliedMeasures", .elements(result.appliedMeasures.map(contribution))),
                ("declinedMeasures", .strings(result.declinedMeasures)),
                ("undecidedMeasures", .strings(result.undecidedMeasures)),
                (
                    "residual",
                    .members([
                        ("likelihood", likelihood(result.residualLikelihood)),
                        ("likelihoodPoints", .int(result.residualLikelihoodPoints)),
                        ("severity", severity(result.residualSeverity)),
                        ("level", riskLevel(result.residualLevel)),
                    ])
                ),
                ("effect", effect),
            ])
        }

        func driver(_ driver: Driver) -> JSONValue {
            .members([
                ("reason", .string(driver.reason)), ("points", .int(driver.points)),
                ("weight", .int(driver.weight)), ("risks", .strings(driver.risks)),
            ])
        }

        func status(_ status: MeasureDecision.Status?) -> JSONValue {
            status.map { idAndLabel($0.rawValue, $0.label) } ?? .null
        }

        func measure(_ result: MeasureResult) -> JSONValue {
            let decision: JSONValue
            if let made = result.decision {
                decision = .members([
                    ("id", .string(made.approved ? "approved" : "declined")),
                    ("approved", .bool(made.approved)),
                    ("note", .text(made.note)),
                    ("owner", .text(made.owner)),
                    ("dueDate", .text(made.dueDate)),
                    ("status", status(made.status)),
                ])
            } else {
                decision = .null
            }
            return .members([
                ("id", .string(result.measure.id)), ("title", .string(result.measure.title)),
                ("recommended", .bool(result.recommended)),
                ("addresses", .strings(result.addresses)),
                ("decision", decision),
                ("applied", .bool(result.applied)),
            ])
        }

        func actionItem(_ item: ActionItem) -> JSONValue {
            .members([
                ("measure", .string(item.measure)), ("title", .string(item.title)),
                ("risks", .strings(item.risks)),
                ("owner", .text(item.owner)), ("dueDate", .text(item.dueDate)),
                ("status", status(item.status)),
            ])
        }

        func residualHold(_ hold: ResidualHold) -> JSONValue {
            .members([
                ("risk", .string(hold.risk)), ("title", .string(hold.title)),
                ("level", riskLevel(hold.level)),
                ("declinedMeasures", .strings(hold.declined)),
                ("undecidedMeasures", .strings(hold.undecided)),
            ])
        }

        /// Every state has every member, null where it does not apply, so a reader need not branch on
        /// which members are present.
        func priorConsultation(_ state: PriorConsultation) -> JSONValue {
            var risks: [String] = []
            var undecided: [String] = []
            var avoidable: JSONValue = .null
            var enough: [String] = []
            var underWay: JSONValue = .null
            switch state {
            case .notApplicable: break
            case .wouldBeRequired(let atLevel, let measures, let canAvoid, let enoughToAvoid):
                risks = atLevel
                undecided = measures
                avoidable = .bool(canAvoid)
                enough = enoughToAvoid
            case .required(let atLevel, let inUse):
                risks = atLevel
                underWay = .bool(inUse)
            }
            return .members([
                ("id", .string(state.id)), ("label", .string(state.shortLabel)),
                ("headline", .string(state.headline)),
                ("risks", .strings(risks)),
                ("undecidedMeasures", .strings(undecided)),
                ("avoidable", avoidable),
                ("enoughToAvoid", .strings(enough)),
                ("underWay", underWay),
            ])
        }

        func recommendation(_ rule: RecommendationRule) -> JSONValue {
            .members([
                ("id", .string(rule.id)), ("label", .string(rule.label)),
                ("summary", .string(rule.summary)),
                ("conditional", .bool(rule.conditional)),
            ])
        }

        func signOff() -> JSONValue {
            .members([
                ("complete", .bool(assessment.missingForFinal.isEmpty)),
                (
                    "entries",
                    .elements(
                        assessment.signOff.map { entry in
                            .members([
                                ("item", .string(entry.item)), ("name", .text(entry.name)),
                                ("guidance", .text(entry.guidance)), ("notes", .text(entry.notes)),
                            ])
                        })
                ),
                (
                    "missingForFinal",
                    .elements(
                        assessment.missingForFinal.map { item in
                            .members([
                                ("path", .string(item.path)), ("description", .string(item.description)),
                            ])
                        })
                ),
            ])
        }
    }
}

extension JSONValue {
    fileprivate static func int(_ value: Int) -> JSONValue { .number(String(value)) }
    fileprivate static func text(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
    fileprivate static func strings(_ values: [String]) -> JSONValue { .elements(values.map { .string($0) }) }
}

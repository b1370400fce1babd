extension QuestionnaireDecoding {
    static func scoring(_ reader: JSONReader) -> Scoring {
        let sink = reader.sink
        reader.rejectUnknownKeys([
            "likelihood", "severity", "riskLevels", "matrix", "dataCategories", "purposes", "controls",
            "risks",
            "measures", "recommendMeasuresFrom", "priorConsultationLevels", "recommendations", "screening",
            "outcome", "contradictions",
        ])
        var scoring = Scoring.empty
        sink.register("section of scoring", "scoring", path: reader.path, location: reader.node.location)
        if let likelihood = reader.object("likelihood") {
            likelihood.rejectUnknownKeys(["levels", "bands"])
            scoring.likelihoodLevels = levels(likelihood, "levels", kind: "likelihood level")
            if let node = likelihood.member("bands") {
                sink.register(
                    "section of scoring", "likelihood.bands", path: likelihood.childPath("bands"),
                    location: node.location)
            }
            scoring.likelihoodBands = (likelihood.array("bands", required: true) ?? []).compactMap {
                element in
                guard let band = JSONReader(element.node, path: element.path, sink: sink) else { return nil }
                band.rejectUnknownKeys(["level", "maximumPoints"])
                return band.string("level").map {
                    LikelihoodBand(
                        level: $0, maximumPoints: band.score("maximumPoints") ?? band.int("maximumPoints"))
                }
            }
        }
        if let severity = reader.object("severity") {
            severity.rejectUnknownKeys(["levels"])
            scoring.severityLevels = levels(severity, "levels", kind: "severity level")
        }
        scoring.riskLevels = levels(reader, "riskLevels", kind: "risk level", required: false)
        if let matrix = reader.object("matrix") {
            sink.register("section of scoring", "matrix", path: matrix.path, location: matrix.node.location)
            for row in matrix.allMembers {
                guard let cells = JSONReader(row.value, path: matrix.childPath(row.key), sink: sink) else {
                    continue
                }
                var levelsByLikelihood: [String: String] = [:]
                for cell in cells.allMembers {
                    if let level = cells.string(cell.key) { levelsByLikelihood[cell.key] = level }
                }
                scoring.matrix[row.key] = levelsByLikelihood
            }
        }
        if let categories = reader.object("dataCategories") {
            sink.register(
                "section of scoring", "dataCategories", path: categories.path,
                location: categories.node.location)
            categories.rejectUnknownKeys(["questions", "categories"])
            scoring.dataCategories = DataCategories(
                questions: categories.stringArray("questions", required: true) ?? [],
                categories: (categories.array("categories", required: true) ?? []).compactMap { element in
                    guard let category = JSONReader(element.node, path: element.path, sink: sink) else {
                        return nil
                    }
                    category.rejectUnknownKeys(["id", "label", "sensitivity"])
                    guard let id = category.string("id"), let label = category.string("label"),
                        let sensitivity = category.string("sensitivity")
                    else { return nil }
                    sink.register("data category", id, path: element.path, location: element.node.location)
                    return DataCategory(id: id, label: label, sensitivity: sensitivity)
                })
        }
        if let purposes = reader.object("purposes") {
            sink.register(
                "section of scoring", "purposes", path: purposes.path, location: purposes.node.location)
            scoring.purposes = Self.purposes(purposes)
        }
        scoring.controls = (reader.array("controls") ?? []).compactMap { control($0.node, $0.path, sink) }
        scoring.risks = (reader.array("risks") ?? []).compactMap { risk($0.node, $0.path, sink) }
        scoring.measures = (reader.array("measures") ?? []).compactMap { measure($0.node, $0.path, sink) }
        if let outcome = reader.object("outcome") {
            sink.register(
                "section of scoring", "outcome", path: outcome.path, location: outcome.node.location)
            scoring.outcome = Self.outcome(outcome)
        }
        scoring.recommendMeasuresFrom = reader.string("recommendMeasuresFrom", required: false)
        scoring.priorConsultationLevels = reader.stringArray("priorConsultationLevels") ?? []
        scoring.recommendations = (reader.array("recommendations") ?? []).compactMap { element in
            guard let rule = JSONReader(element.node, path: element.path, sink: sink) else { return nil }
            rule.rejectUnknownKeys([
                "id", "label", "summary", "summaryWhenInUse", "conditional", "residualLevels",
                "measuresApproved", "when",
            ])
            guard let id = rule.string("id"), let label = rule.string("label"),
                let summary = rule.string("summary")
            else { return nil }
            sink.register("recommendation", id, path: element.path, location: element.node.location)
            return RecommendationRule(
                id: id, label: label, summary: summary, residualLevels: rule.stringArray("residualLevels"),
                measuresApproved: rule.bool("measuresApproved"),
                summaryWhenInUse: rule.string("summaryWhenInUse", required: false),
                conditional: rule.bool("conditional") ?? false,
                when: rule.member("when").flatMap { condition($0, rule.childPath("when"), sink) })
        }
        if let screening = reader.object("screening") {
            scoring.screening = Self.screening(screening)
        }
        scoring.contradictions = (reader.array("contradictions") ?? []).compactMap { element in
            guard let rule = JSONReader(element.node, path: element.path, sink: sink) else { return nil }
            rule.rejectUnknownKeys(["id", "message", "when", "measuresApproved", "measuresDeclined"])
            let when = rule.member("when").flatMap { condition($0, rule.childPath("when"), sink) }
            let approved = rule.stringArray("measuresApproved") ?? []
            let declined = rule.stringArray("measuresDeclined") ?? []
            guard let id = rule.string("id"), let message = rule.string("message") else { return nil }
            sink.register("contradiction", id, path: element.path, location: element.node.location)
            if rule.member("when") == nil && approved.isEmpty && declined.isEmpty {
                sink.report(
                    "a contradiction needs at least one of \"when\", \"measuresApproved\" or \"measuresDeclined\"; found none, so it would warn on every assessment",
                    at: element.path, element.node.location)
            }
            return Contradiction(
                id: id, message: message, when: when, measuresApproved: approved, measuresDeclined: declined)
        }
        return scoring
    }

    private static func levels(_ reader: JSONReader, _ key: String, kind: String, required: Bool = true)
        -> [Level]
    {
        (reader.array(key, required: required) ?? []).compactMap { element in
            guard let level = JSONReader(element.node, path: element.path, sink: reader.sink) else {
                return nil
            }
            level.rejectUnknownKeys(["id", "label", "description"])
            guard let id = level.string("id"), let label = level.string("label") else { return nil }
            reader.sink.register(kind, id, path: element.path, location: element.node.location)
            return Level(id: id, label: label, description: level.string("description", required: false))
        }
    }

    private static func purposes(_ reader: JSONReader) -> Purposes? {
        let sink = reader.sink
        reader.rejectUnknownKeys(["approvedQuestion", "actualQuestion", "purposes", "driftSignals"])
        let approved = reader.string("approvedQuestion")
        let purposes: [Purpose] = (reader.array("purposes", required: true) ?? []).compactMap { element in
            guard let purpose = JSONReader(element.node, path: element.path, sink: sink) else { return nil }
            purpose.rejectUnknownKeys(["id", "label", "allows"])
            guard let id = purpose.string("id"), let label = purpose.string("label") else { return nil }
            sink.register("purpose", id, path: element.path, location: element.node.location)
            return Purpose(id: id, label: label, allows: purpose.stringArray("allows", required: true) ?? [])
        }
        let signals: [DriftSignal] = (reader.array("driftSignals") ?? []).compactMap { element in
            guard let signal = JSONReader(element.node, path: element.path, sink: sink) else { return nil }
            signal.rejectUnknownKeys(["id", "label", "when"])
            guard let id = signal.string("id"), let label = signal.string("label"),
                let when = signal.member("when").flatMap({ condition($0, signal.childPath("when"), sink) })
            else {
                if signal.member("when") == nil {
                    sink.report(
                        "missing required field \"when\" (a condition)", at: element.path,
                        element.node.location)
                }
                return nil
            }
            sink.register("drift signal", id, path: element.path, location: element.node.location)
            return DriftSignal(id: id, label: label, when: when)
        }
        guard let approved else { return nil }
        return Purposes(
            approvedQuestion: approved, actualQuestion: reader.string("actualQuestion", required: false),
            purposes: purposes, signals: signals)
    }

    private static func answerValues(_ reader: JSONReader, _ key: String) -> [AnswerValue] {
        (reader.array(key) ?? []).compactMap { answerValue($0.node, $0.path, reader.sink) }
    }

    private static func control(_ node: JSONNode, _ path: String, _ sink: DiagnosticSink) -> Control? {
        guard let reader = JSONReader(node, path: path, sink: sink) else { return nil }
        reader.rejectUnknownKeys(["id", "label", "question", "inPlace", "notApplicable", "affects"])
        let id = reader.string("id")
        let label = reader.string("label")
        let question = reader.string("question")
        if reader.member("inPlace") == nil {
            sink.report(
                "missing required field \"inPlace\" (the answers meaning the control is in place)", at: path,
                node.location)
        }
        let inPlace = answerValues(reader, "inPlace")
        let affects: [ControlEffect] = (reader.array("affects", required: true) ?? []).compactMap { element in
            guard let effect = JSONReader(element.node, path: element.path, sink: sink) else { return nil }
            effect.rejectUnknownKeys(["risk", "whenMissing", "whenInPlace"])
            guard let risk = effect.string("risk") else { return nil }
            return ControlEffect(
                risk: risk, whenMissing: effect.score("whenMissing") ?? 0,
                whenInPlace: effect.score("whenInPlace") ?? 0)
        }
        guard let id, let label, let question else { return nil }
        sink.register("control", id, path: path, location: node.location)
        return Control(
            id: id, label: label, question: question, inPlace: inPlace,
            notApplicable: answerValues(reader, "notApplicable"),
            affects: affects)
    }

    private static func factors(_ reader: JSONReader, _ key: String, amountKey: String) -> [Factor] {
        let sink = reader.sink
        return (reader.array(key) ?? []).compactMap { element in
            guard let factor = JSONReader(element.node, path: element.path, sink: sink) else { return nil }
            factor.rejectUnknownKeys(["when", "reason", amountKey])
            let when = factor.member("when").flatMap { condition($0, factor.childPath("when"), sink) }
            if factor.member("when") == nil {
                sink.report(
                    "missing required field \"when\" (a condition)", at: element.path, element.node.location)
            }
            let amount = factor.score(amountKey, required: true)
            guard let when, let amount, let reason = factor.string("reason") else { return nil }
            return Factor(when: when, points: amount, reason: reason)
        }
    }

    private static func risk(_ node: JSONNode, _ path: String, _ sink: DiagnosticSink) -> Risk? {
        guard let reader = JSONReader(node, path: path, sink: sink) else { return nil }
        reader.rejectUnknownKeys(["id", "title", "description", "harm", "likelihood", "severity"])
        let id = reader.string("id")
        let title = reader.string("title")
        let description = reader.string("description")
        let harm = reader.string("harm")
        var likelihood: LikelihoodRule?
        if let rule = reader.object("likelihood", required: true) {
            rule.rejectUnknownKeys(["base", "factors", "purposeDrift"])
            var drift: DriftWeights?
            if let weights = rule.object("purposeDrift") {
                weights.rejectUnknownKeys(["perCategory", "perUnapprovedPurpose", "perSignal", "maximum"])
                drift = DriftWeights(
                    perCategory: weights.score("perCategory") ?? 0,
                    perUnapprovedPurpose: weights.score("perUnapprovedPurpose") ?? 0,
                    perSignal: weights.score("perSignal") ?? 0, maximum: weights.score("maximum"))
            }
            likelihood = LikelihoodRule(
                base: rule.score("base") ?? 0, factors: factors(rule, "factors", amountKey: "points"),
                purposeDrift: drift)
        }
        var severity: SeverityRule?
        if let rule = reader.object("severity", required: true) {
            rule.rejectUnknownKeys(["base", "fromDataCategories", "adjustments"])
            if let base = rule.string("base") {
                severity = SeverityRule(
                    base: base, fromDataCategories: rule.bool("fromDataCategories") ?? false,
                    adjustments: factors(rule, "adjustments", amountKey: "steps"))
            }
        }
        guard let id, let title, let description, let harm, let likelihood, let severity else { return nil }
        sink.register("risk", id, path: path, location: node.location)
        return Risk(
            id: id, title: title, description: description, harm: harm, likelihood: likelihood,
            severity: severity)
    }

    private static func measure(_ node: JSONNode, _ path: String, _ sink: DiagnosticSink) -> Measure? {
        guard let reader = JSONReader(node, path: path, sink: sink) else { return nil }
        reader.rejectUnknownKeys(["id", "title", "description", "when", "reduces", "controls"])
        let id = reader.string("id")
        let title = reader.string("title")
        let description = reader.string("description")
        let when = reader.member("when").flatMap { condition($0, reader.childPath("when"), sink) }
        let reduces: [MeasureEffect] = (reader.array("reduces", required: true) ?? []).compactMap { element in
            guard let effect = JSONReader(element.node, path: element.path, sink: sink) else { return nil }
            effect.rejectUnknownKeys(["risk", "likelihood", "severity", "eliminates"])
            guard let risk = effect.string("risk") else { return nil }
            return MeasureEffect(
                risk: risk, likelihood: effect.score("likelihood") ?? 0,
                severity: effect.score("severity") ?? 0,
                eliminates: effect.bool("eliminates") ?? false)
        }
        guard let id, let title, let description else { return nil }
        sink.register("measure", id, path: path, location: node.location)
        return Measure(
            id: id, title: title, description: description, when: when, reduces: reduces,
            controls: reader.stringArray("controls") ?? [])
    }

    private static func screening(_ reader: JSONReader) -> Screening {
        let sink = reader.sink
        reader.rejectUnknownKeys(["groups", "criteria"])
        let groups: [ScreeningGroup] = (reader.array("groups", required: true) ?? []).compactMap { element in
            guard let group = JSONReader(element.node, path: element.path, sink: sink) else { return nil }
            group.rejectUnknownKeys(["id", "label", "requiredWhenAtLeast"])
            guard let id = group.string("id"), let label = group.string("label"),
                let threshold = group.int("requiredWhenAtLeast", required: true)
            else { return nil }
            sink.register("screening group", id, path: element.path, location: element.node.location)
            return ScreeningGroup(id: id, label: label, requiredWhenAtLeast: threshold)
        }
        let criteria: [ScreeningCriterion] = (reader.array("criteria", required: true) ?? []).compactMap {
            element in
            guard let criterion = JSONReader(element.node, path: element.path, sink: sink) else { return nil }
            criterion.rejectUnknownKeys(["id", "group", "label", "when", "onlyWith"])
            var onlyWith: CriteriaRequirement?
            if let requirement = criterion.object("onlyWith") {
                requirement.rejectUnknownKeys(["group", "atLeast", "except"])
                if let group = requirement.string("group"),
                    let least = requirement.int("atLeast", required: true)
                {
                    onlyWith = CriteriaRequirement(
                        group: group, atLeast: least, except: requirement.stringArray("except") ?? [])
                }
            }
            if criterion.member("when") == nil {
                sink.report(
                    "missing required field \"when\" (a condition)", at: element.path, element.node.location)
            }
            guard let id = criterion.string("id"), let group = criterion.string("group"),
                let label = criterion.string("label"),
                let when = criterion.member("when").flatMap({
                    condition($0, criterion.childPath("when"), sink)
                })
            else { return nil }
            sink.register("screening criterion", id, path: element.path, location: element.node.location)
            return ScreeningCriterion(id: id, group: group, label: label, when: when, onlyWith: onlyWith)
        }
        return Screening(groups: groups, criteria: criteria)
    }

    private static func outcome(_ reader: JSONReader) -> OutcomeRules {
        let sink = reader.sink
        reader.rejectUnknownKeys([
            "processingUnderWay", "residualRisksAcceptedBy", "signOff", "finalRequires",
        ])
        let underWay = reader.member("processingUnderWay").flatMap {
            condition($0, reader.childPath("processingUnderWay"), sink)
        }
        let rows: [SignOffRow] = (reader.array("signOff") ?? []).compactMap { element in
            guard let row = JSONReader(element.node, path: element.path, sink: sink) else { return nil }
            row.rejectUnknownKeys(["item", "answers", "notes", "guidance"])
            guard let item = row.string("item") else { return nil }
            return SignOffRow(
                item: item, answers: row.stringArray("answers") ?? [], notes: row.stringArray("notes") ?? [],
                guidance: row.string("guidance", required: false))
        }
        let requirements: [FinalRequirement] = (reader.array("finalRequires") ?? []).compactMap { element in
            guard let rule = JSONReader(element.node, path: element.path, sink: sink) else { return nil }
            rule.rejectUnknownKeys(["holds", "question", "missing"])
            if rule.member("holds") == nil {
                sink.report(
                    "missing required field \"holds\" (a condition)", at: element.path, element.node.location)
            }
            guard let question = rule.string("question"), let missing = rule.string("missing"),
                let holds = rule.member("holds").flatMap({ condition($0, rule.childPath("holds"), sink) })
            else { return nil }
            return FinalRequirement(holds: holds, question: question, missing: missing)
        }
        return OutcomeRules(
            processingUnderWay: underWay,
            residualRisksAcceptedBy: reader.string("residualRisksAcceptedBy", required: false), signOff: rows,
            finalRequires: requirements)
    }
}

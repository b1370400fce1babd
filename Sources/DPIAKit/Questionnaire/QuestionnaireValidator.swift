/// Checks a decoded questionnaire beyond its JSON structure: every name a rule or condition uses exists,
/// values fit the questions they test, conditions look only backwards, nothing is unreachable, and the
/// scoring scales and matrix are complete.
struct QuestionnaireValidator {
    let questionnaire: Questionnaire
    let sink: DiagnosticSink

    private var scoring: Scoring { questionnaire.scoring }

    func validate() {
        checkQuestions()
        checkScales()
        checkDataAndPurposes()
        checkControls()
        checkRisksAndMeasures()
        checkMeasureControls()
        checkOutcomes()
        checkOutcomeRules()
        checkScreening()
        checkContradictions()
    }

    private func checkContradictions() {
        let measures = scoring.measures.map(\.id)
        for rule in scoring.contradictions {
            let anchor = "contradiction \(rule.id)"
            checkRule(rule.when, anchor: anchor, suffix: ".when")
            for (key, ids) in [
                ("measuresApproved", rule.measuresApproved), ("measuresDeclined", rule.measuresDeclined),
            ] {
                for (offset, id) in ids.enumerated() where !measures.contains(id) {
                    var message = "names unknown measure \"\(id)\""
                    if let guess = closest(to: id, among: measures) {
                        message += "; did you mean \"\(guess)\"?"
                    }
                    sink.report(message, about: anchor, suffix: ".\(key)[\(offset)]")
                }
            }
            for id in rule.measuresApproved where rule.measuresDeclined.contains(id) {
                sink.report(
                    "measure \"\(id)\" is both approved and declined, so the warning can never be given; expected it in one list",
                    about: anchor)
            }
        }
    }

    // MARK: Questions and conditions

    private func checkQuestions() {
        if questionnaire.questions.isEmpty {
            sink.report("the questionnaire has no questions; expected at least one", at: "sections", nil)
        }
        var earlier: Set<String> = []
        for section in questionnaire.sections {
            if let when = section.when {
                check(when, asking: nil, earlier: earlier, anchor: "section \(section.id)", suffix: ".when")
            }
            for question in section.questions {
                let anchor = "question \(question.id)"
                checkShape(of: question, anchor: anchor)
                checkStartingValue(of: question, earlier: earlier, anchor: anchor)
                if let when = question.when {
                    check(when, asking: question.id, earlier: earlier, anchor: anchor, suffix: ".when")
                    if !isSatisfiable(when) {
                        sink.report(
                            "question \"\(question.id)\" can never be asked: its condition (\(when.describe(in: questionnaire))) can never hold",
                            about: anchor, suffix: ".when")
                    }
                }
                for (offset, option) in question.options.enumerated() {
                    guard let when = option.when else { continue }
                    check(
                        when, asking: question.id, earlier: earlier, anchor: anchor,
                        suffix: ".options[\(offset)].when")
                }
                earlier.insert(question.id)
            }
            for statement in section.statements {
                checkRule(statement.when, anchor: "statement \(statement.id)", suffix: ".when")
            }
        }
        for (offset, reference) in questionnaire.references.enumerated() {
            guard let when = reference.when else { continue }
            check(when, asking: nil, earlier: nil, anchor: "", suffix: "references[\(offset)].when")
        }
    }

    /// `startsFrom` names an earlier question of the same type; `filledFrom` an assessment detail, on a
    /// text question.
    private func checkStartingValue(of question: Question, earlier: Set<String>, anchor: String) {
        if let source = question.startsFrom {
            if let from = questionnaire.question(source), earlier.contains(source) {
                if from.type != question.type {
                    sink.report(
                        "\"startsFrom\" names \"\(source)\", \(Self.aQuestion(of: from.type)); expected \(Self.aQuestion(of: question.type)) like this one",
                        about: anchor, suffix: ".startsFrom")
                }
            } else {
                sink.report(
                    "\"startsFrom\" names \"\(source)\", which is not a question asked before this one; expected an earlier question's id",
                    about: anchor, suffix: ".startsFrom")
            }
        }
        if let detail = question.filledFrom {
            if !Question.detailsFillingQuestions.contains(detail) {
                sink.report(
                    "\"filledFrom\" is \"\(detail)\"; expected one of \(quotedList(Question.detailsFillingQuestions))",
                    about: anchor, suffix: ".filledFrom")
            } else if question.type != .text {
                sink.report(
                    "\"filledFrom\" applies only to text questions; this is \(Self.aQuestion(of: question.type))",
                    about: anchor, suffix: ".filledFrom")
            }
        }
    }

    /// "an integer question", "a single question".
    static func aQuestion(of type: QuestionType) -> String {
        let word = type.rawValue
        return (word.first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + word + " question"
    }

    private func checkShape(of question: Question, anchor: String) {
        switch question.type {
        case .single, .multiple:
            if question.options.count < (question.type == .single ? 2 : 1) {
                sink.report(
                    "a \(question.type.rawValue) question needs options; found \(question.options.count), expected at least \(question.type == .single ? 2 : 1)",
                    about: anchor, suffix: ".options")
            }
        default:
            if !question.options.isEmpty {
                sink.report(
                    "a \(question.type.rawValue) question takes no options; expected none (use type \"single\" or \"multiple\")",
                    about: anchor, suffix: ".options")
            }
        }
        if let value = question.defaultValue, let problem = AnswersFile.problem(with: value, for: question) {
            sink.report("default value: \(problem)", about: anchor, suffix: ".default")
        }
        if question.type != .integer && (question.minimum != nil || question.maximum != nil) {
            sink.report("\"minimum\" and \"maximum\" apply only to integer questions", about: anchor)
        }
        if let minimum = question.minimum, let maximum = question.maximum, minimum > maximum {
            sink.report("minimum \(minimum) is above maximum \(maximum)", about: anchor)
        }
        if let least = question.minimumSelections {
            if question.type != .multiple {
                sink.report("\"minimumSelections\" applies only to multiple-choice questions", about: anchor)
            } else if least > question.options.count {
                sink.report(
                    "minimumSelections \(least) is more than the \(question.options.count) options offered",
                    about: anchor)
            }
        }
    }

    /// Checks the names and values a condition uses. `asking` is the question the condition guards, if any:
    /// its condition may look only at questions asked before it.
    private func check(
        _ condition: Condition, asking: String?, earlier: Set<String>?, anchor: String, suffix: String
    ) {
        func fail(_ message: String) { sink.report(message, about: anchor, suffix: suffix) }
        switch condition {
        case .not(let inner):
            check(inner, asking: asking, earlier: earlier, anchor: anchor, suffix: suffix)
        case .all(let conditions), .any(let conditions):
            for inner in conditions {
                check(inner, asking: asking, earlier: earlier, anchor: anchor, suffix: suffix)
            }
        case .answered(let id, _), .equals(let id, _), .includesAny(let id, _), .atLeast(let id, _),
            .atMost(let id, _):
            guard let question = questionnaire.question(id) else {
                var message = "condition names unknown question \"\(id)\""
                if let guess = closest(to: id, among: questionnaire.questions.map(\.id)) {
                    message += "; did you mean \"\(guess)\"?"
                }
                fail(message)
                return
            }
            if let earlier, !earlier.contains(id) {
                fail(
                    id == asking
                        ? "question \"\(id)\" has a condition on its own answer; expected a condition on earlier questions"
                        : "condition looks at question \"\(id)\", which is asked later; expected only questions asked before (this also rules out cycles)"
                )
            }
            switch condition {
            case .equals(_, let value):
                if let problem = AnswersFile.problem(with: value, for: question) {
                    fail("condition on \"\(id)\": \(problem)")
                }
            case .includesAny(_, let values):
                guard question.type == .single || question.type == .multiple else {
                    fail(
                        "\"includesAny\" needs a single- or multiple-choice question; \"\(id)\" is \(question.type.rawValue)"
                    )
                    return
                }
                for value in values where question.option(value) == nil {
                    fail(
                        "condition on \"\(id)\" names \"\(value)\", which is not one of its options \(quotedList(question.options.map(\.value)))"
                    )
                }
            case .atLeast, .atMost:
                if question.type != .integer {
                    fail(
                        "\"atLeast\" and \"atMost\" need an integer question; \"\(id)\" is \(question.type.rawValue)"
                    )
                }
            default:
                break
            }
        }
    }

    /// Conservative: false only for conditions that are certainly contradictory, such as requiring one
    /// question to equal two different values, or to be answered and unanswered.
    private func isSatisfiable(_ condition: Condition) -> Bool {
        switch condition {
        case .all(let conditions):
            guard conditions.allSatisfy(isSatisfiable) else { return false }
            var required: [String: AnswerValue] = [:]
            var answered: [String: Bool] = [:]
            for case .equals(let id, let value) in conditions {
                if let other = required[id], other != value { return false }
                required[id] = value
                if answered[id] == false { return false }
            }
            for case .answered(let id, let expected) in conditions {
                if let other = answered[id], other != expected { return false }
                answered[id] = expected
                if !expected && required[id] != nil { return false }
            }
            return true
        case .any(let conditions):
            return conditions.contains(where: isSatisfiable)
        default:
            return true
        }
    }

    /// Checks a rule's condition: it may look at any question, as rules are evaluated after all answers.
    private func checkRule(_ condition: Condition?, anchor: String, suffix: String) {
        guard let condition else { return }
        check(condition, asking: nil, earlier: nil, anchor: anchor, suffix: suffix)
    }

    // MARK: Scales and matrix

    private func checkScales() {
        let hasRisks = !scoring.risks.isEmpty
        guard hasRisks else { return }
        for (name, levels) in [
            ("likelihood.levels", scoring.likelihoodLevels), ("severity.levels", scoring.severityLevels),
            ("riskLevels", scoring.riskLevels),
        ] where levels.count < 2 {
            sink.report(
                "scoring has risks but \(name) has \(levels.count) level(s); expected at least two, ordered from least to most",
                about: "section of scoring scoring", suffix: ".\(name)")
        }
        let likelihoods = scoring.likelihoodLevels.map(\.id)
        let severities = scoring.severityLevels.map(\.id)
        let levels = scoring.riskLevels.map(\.id)
        let matrixAnchor = "section of scoring matrix"
        for row in scoring.matrix.keys.sorted() where !severities.contains(row) {
            sink.report(
                "matrix row \"\(row)\" is not a severity level; expected \(quotedList(severities))",
                about: matrixAnchor,
                suffix: ".\(row)")
        }
        for severity in severities {
            guard let row = scoring.matrix[severity] else {
                sink.report(
                    "the matrix is incomplete: no row for severity \"\(severity)\"; expected a level for each of \(quotedList(likelihoods))",
                    about: matrixAnchor)
                continue
            }
            for column in row.keys.sorted() where !likelihoods.contains(column) {
                sink.report(
                    "matrix column \"\(column)\" is not a likelihood level; expected \(quotedList(likelihoods))",
                    about: matrixAnchor, suffix: ".\(severity).\(column)")
            }
            for likelihood in likelihoods {
                guard let level = row[likelihood] else {
                    sink.report(
                        "the matrix is incomplete: no level for severity \"\(severity)\" and likelihood \"\(likelihood)\"",
                        about: matrixAnchor, suffix: ".\(severity)")
                    continue
                }
                if !levels.contains(level) {
                    sink.report(
                        "\"\(level)\" is not a risk level; expected \(quotedList(levels))",
                        about: matrixAnchor,
                        suffix: ".\(severity).\(likelihood)")
                }
            }
        }
        let bandsAnchor = "section of scoring likelihood.bands"
        if scoring.likelihoodBands.isEmpty {
            sink.report(
                "scoring has risks but no likelihood bands; expected bands turning points into likelihood levels",
                about: "section of scoring scoring", suffix: ".likelihood")
        }
        var previous: Int?
        for (offset, band) in scoring.likelihoodBands.enumerated() {
            if !likelihoods.contains(band.level) {
                sink.report(
                    "band names unknown likelihood level \"\(band.level)\"; expected \(quotedList(likelihoods))",
                    about: bandsAnchor, suffix: "[\(offset)].level")
            }
            let isLast = offset == scoring.likelihoodBands.count - 1
            switch (band.maximumPoints, isLast) {
            case (nil, false):
                sink.report(
                    "only the last band may leave out \"maximumPoints\"", about: bandsAnchor,
                    suffix: "[\(offset)]")
            case (.some, true):
                sink.report(
                    "the last band must leave out \"maximumPoints\" so that every score has a level",
                    about: bandsAnchor,
                    suffix: "[\(offset)]")
            case (.some(let maximum), false):
                if let previous, maximum <= previous {
                    sink.report(
                        "bands must rise: maximumPoints \(maximum) is not above the previous \(previous)",
                        about: bandsAnchor,
                        suffix: "[\(offset)].maximumPoints")
                }
                previous = maximum
            case (nil, true):
                break
            }
        }
    }

    private func checkLevel(_ id: String, in levels: [Level], kind: String, anchor: String, suffix: String) {
        guard !levels.contains(where: { $0.id == id }) else { return }
        sink.report(
            "unknown \(kind) \"\(id)\"; expected \(quotedList(levels.map(\.id)))", about: anchor,
            suffix: suffix)
    }

    // MARK: Data categories and purposes

    private func checkMultipleChoice(
        _ id: String, anchor: String, suffix: String, valuesFrom ids: [String], kind: String
    ) {
        guard let question = questionnaire.question(id) else {
            sink.report("names unknown question \"\(id)\"", about: anchor, suffix: suffix)
            return
        }
        guard question.type == .multiple else {
            sink.report(
                "question \"\(id)\" is \(question.type.rawValue); expected a multiple-choice question",
                about: anchor,
                suffix: suffix)
            return
        }
        for option in question.options where !ids.contains(option.value) {
            sink.report(
                "option \"\(option.value)\" of question \"\(id)\" is not a \(kind); expected each option value to be a \(kind) id",
                about: "question \(id)", suffix: ".options")
        }
    }

    private func checkDataAndPurposes() {
        let categoryIDs = scoring.dataCategories?.categories.map(\.id) ?? []
        if let data = scoring.dataCategories {
            let anchor = "section of scoring dataCategories"
            for question in data.questions {
                checkMultipleChoice(
                    question, anchor: anchor, suffix: ".questions", valuesFrom: categoryIDs,
                    kind: "data category")
            }
            for category in data.categories {
                checkLevel(
                    category.sensitivity, in: scoring.severityLevels, kind: "severity level",
                    anchor: "data category \(category.id)", suffix: ".sensitivity")
            }
        }
        guard let purposes = scoring.purposes else { return }
        let anchor = "section of scoring purposes"
        let purposeIDs = purposes.purposes.map(\.id)
        checkMultipleChoice(
            purposes.approvedQuestion, anchor: anchor, suffix: ".approvedQuestion", valuesFrom: purposeIDs,
            kind: "purpose")
        if let actual = purposes.actualQuestion {
            checkMultipleChoice(
                actual, anchor: anchor, suffix: ".actualQuestion", valuesFrom: purposeIDs, kind: "purpose")
        }
        if scoring.dataCategories == nil {
            sink.report("purposes need \"dataCategories\" to say what each purpose allows", about: anchor)
        }
        for purpose in purposes.purposes {
            for category in purpose.allows where !categoryIDs.contains(category) {
                sink.report(
                    "purpose \"\(purpose.id)\" allows unknown data category \"\(category)\"; expected one of \(quotedList(categoryIDs))",
                    about: "purpose \(purpose.id)", suffix: ".allows")
            }
        }
        for signal in purposes.signals {
            checkRule(signal.when, anchor: "drift signal \(signal.id)", suffix: ".when")
            // A signal on a control's question alone must not hold with the control in place, or putting
            // it in place would add drift points (no organisational approval is both, in the bundled one).
            let questions = Set(signal.when.questionIDs)
            for control in scoring.controls where questions == [control.question] {
                for value in control.inPlace where signal.when.holds({ $0 == control.question ? value : nil })
                {
                    sink.report(
                        "holds when control \"\(control.id)\" is in place (\(Condition.equals(question: control.question, value).describe(in: questionnaire))); expected it to hold only while the control is missing, so that a control in place never adds drift points",
                        about: "drift signal \(signal.id)", suffix: ".when")
                }
            }
        }
    }

    // MARK: Controls, risks, measures

    private var riskIDs: [String] { scoring.risks.map(\.id) }

    private func checkRiskReference(_ id: String, anchor: String, suffix: String) {
        guard !riskIDs.contains(id) else { return }
        var message = "names unknown risk \"\(id)\""
        if let guess = closest(to: id, among: riskIDs) { message += "; did you mean \"\(guess)\"?" }
        sink.report(message, about: anchor, suffix: suffix)
    }

    private func checkControls() {
        for control in scoring.controls {
            let anchor = "control \(control.id)"
            guard let question = questionnaire.question(control.question) else {
                sink.report(
                    "names unknown question \"\(control.question)\"", about: anchor, suffix: ".question")
                continue
            }
            if control.inPlace.isEmpty {
                sink.report(
                    "\"inPlace\" is empty; expected the answers that mean the control is in place",
                    about: anchor, suffix: ".inPlace")
            }
            for value in control.inPlace + control.notApplicable {
                if let problem = AnswersFile.problem(with: value, for: question) {
                    sink.report("answer for question \"\(question.id)\": \(problem)", about: anchor)
                }
            }
            for (offset, effect) in control.affects.enumerated() {
                checkRiskReference(effect.risk, anchor: anchor, suffix: ".affects[\(offset)].risk")
                // In place may not score worse than missing, nor than not applicable (which adds nothing).
                let most = min(effect.whenMissing, 0)
                if effect.whenInPlace > most {
                    sink.report(
                        "in place adds \(effect.whenInPlace) to risk \"\(effect.risk)\"; expected \(most) or less: a control in place may not score worse than the control missing (\(effect.whenMissing)) or not applicable (0)",
                        about: anchor, suffix: ".affects[\(offset)].whenInPlace")
                }
            }
        }
    }

    private func checkRisksAndMeasures() {
        for risk in scoring.risks {
            let anchor = "risk \(risk.id)"
            for factor in risk.likelihood.factors {
                checkRule(factor.when, anchor: anchor, suffix: ".likelihood.factors")
            }
            for factor in risk.severity.adjustments {
                checkRule(factor.when, anchor: anchor, suffix: ".severity.adjustments")
            }
            checkLevel(
                risk.severity.base, in: scoring.severityLevels, kind: "severity level", anchor: anchor,
                suffix: ".severity.base")
            if risk.likelihood.purposeDrift != nil && scoring.purposes == nil {
                sink.report(
                    "uses purpose drift but scoring has no \"purposes\"", about: anchor,
                    suffix: ".likelihood.purposeDrift")
            }
            if risk.severity.fromDataCategories && scoring.dataCategories == nil {
                sink.report(
                    "takes severity from data categories but scoring has no \"dataCategories\"",
                    about: anchor, suffix: ".severity")
            }
        }
        for measure in scoring.measures {
            let anchor = "measure \(measure.id)"
            checkRule(measure.when, anchor: anchor, suffix: ".when")
            if measure.reduces.isEmpty {
                sink.report(
                    "\"reduces\" is empty; expected the risks this measure reduces", about: anchor,
                    suffix: ".reduces")
            }
            for (offset, effect) in measure.reduces.enumerated() {
                checkRiskReference(effect.risk, anchor: anchor, suffix: ".reduces[\(offset)].risk")
                if effect.likelihood > 0 || effect.severity > 0 {
                    sink.report(
                        "a measure cannot raise a risk; expected likelihood and severity changes of 0 or less",
                        about: anchor, suffix: ".reduces[\(offset)]")
                }
            }
        }
    }

    /// A control in place never scores worse than a measure only promised. A measure tied to a control
    /// stops being recommended once the control is in place, taking its reduction with it, so on every
    /// risk the control in place must count at least as low as the control missing plus every tied
    /// measure's promised reduction. Drift signals on the control's question hold only while it is
    /// missing (`checkDataAndPurposes`), so they cannot break this.
    private func checkMeasureControls() {
        let controls = Dictionary(
            scoring.controls.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var tied: [String: [Measure]] = [:]
        for measure in scoring.measures {
            let anchor = "measure \(measure.id)"
            for (offset, id) in measure.controls.enumerated() {
                guard controls[id] != nil else {
                    var message = "names unknown control \"\(id)\""
                    if let guess = closest(to: id, among: scoring.controls.map(\.id)) {
                        message += "; did you mean \"\(guess)\"?"
                    }
                    sink.report(message, about: anchor, suffix: ".controls[\(offset)]")
                    continue
                }
                tied[id, default: []].append(measure)
            }
            if !measure.controls.isEmpty {
                for (offset, effect) in measure.reduces.enumerated() where effect.severity != 0 {
                    sink.report(
                        "a measure tied to a control may change likelihood only, as a control does; found severity \(effect.severity) on \"\(effect.risk)\", expected 0 (or untie it)",
                        about: anchor, suffix: ".reduces[\(offset)].severity")
                }
            }
        }
        // Once a definition ties measures to controls, every measure a control's answer recommends is tied.
        guard !tied.isEmpty else { return }
        let byQuestion = Dictionary(
            scoring.controls.map { ($0.question, $0.id) }, uniquingKeysWith: { first, _ in first })
        for measure in scoring.measures {
            var read: [String] = []
            for id in (measure.when?.questionIDs ?? []).compactMap({ byQuestion[$0] })
            where !read.contains(id) {
                read.append(id)
            }
            for id in read where !measure.controls.contains(id) {
                sink.report(
                    "measure \"\(measure.id)\" is recommended by the answer to question \"\(controls[id]!.question)\" of control \"\(id)\" but not tied to that control; expected \"\(id)\" in \"controls\", so that putting the control in place cannot score worse than approving the measure",
                    about: "measure \(measure.id)", suffix: ".controls")
            }
        }
        for control in scoring.controls {
            guard let measures = tied[control.id] else { continue }
            let risks = scoring.risks.map(\.id).filter { risk in
                measures.contains { $0.reduces.contains { $0.risk == risk } }
            }
            for risk in risks {
                let effect = control.affects.first { $0.risk == risk }
                let missing = effect?.whenMissing ?? 0
                let inPlace = effect?.whenInPlace ?? 0
                let promised = measures.reduce(0) { total, measure in
                    ScoreArithmetic.add(total, measure.reduces.first { $0.risk == risk }?.likelihood ?? 0)
                }
                let limit = ScoreArithmetic.add(missing, promised)
                guard inPlace > limit else { continue }
                let names = measures.filter { $0.reduces.contains { $0.risk == risk } }.map(\.id)
                let position = control.affects.firstIndex { $0.risk == risk }
                sink.report(
                    "in place counts \(inPlace) on risk \"\(risk)\"; expected \(limit) or less: missing adds \(missing) and the tied measure\(names.count == 1 ? "" : "s") \(names.joined(separator: ", ")) promise\(names.count == 1 ? "s" : "") \(promised), and a control in place must never score worse than a measure only promised",
                    about: "control \(control.id)",
                    suffix: position.map { ".affects[\($0)].whenInPlace" } ?? ".affects")
            }
        }
    }

    private func checkOutcomes() {
        guard !scoring.risks.isEmpty else { return }
        let anchor = "section of scoring scoring"
        if let from = scoring.recommendMeasuresFrom {
            checkLevel(
                from, in: scoring.riskLevels, kind: "risk level", anchor: anchor,
                suffix: ".recommendMeasuresFrom")
        }
        for level in scoring.priorConsultationLevels {
            checkLevel(
                level, in: scoring.riskLevels, kind: "risk level", anchor: anchor,
                suffix: ".priorConsultationLevels")
        }
        guard let last = scoring.recommendations.last else {
            sink.report("scoring has risks but no recommendations; expected at least one rule", about: anchor)
            return
        }
        if last.residualLevels != nil || last.measuresApproved != nil || last.when != nil {
            sink.report(
                "the last recommendation must have no constraints so that every assessment gets one",
                about: "recommendation \(last.id)")
        }
        for rule in scoring.recommendations {
            checkRule(rule.when, anchor: "recommendation \(rule.id)", suffix: ".when")
            for level in rule.residualLevels ?? [] {
                checkLevel(
                    level, in: scoring.riskLevels, kind: "risk level", anchor: "recommendation \(rule.id)",
                    suffix: ".residualLevels")
            }
        }
    }

    private func checkScreening() {
        guard let screening = scoring.screening else { return }
        let groups = screening.groups.map(\.id)
        for group in screening.groups where group.requiredWhenAtLeast < 1 {
            sink.report("requiredWhenAtLeast must be 1 or more", about: "screening group \(group.id)")
        }
        for criterion in screening.criteria {
            let anchor = "screening criterion \(criterion.id)"
            if !groups.contains(criterion.group) {
                sink.report(
                    "names unknown group \"\(criterion.group)\"; expected \(quotedList(groups))",
                    about: anchor, suffix: ".group")
            }
            checkRule(criterion.when, anchor: anchor, suffix: ".when")
            guard let needs = criterion.onlyWith else { continue }
            guard groups.contains(needs.group) else {
                sink.report(
                    "names unknown group \"\(needs.group)\"; expected \(quotedList(groups))", about: anchor,
                    suffix: ".onlyWith.group")
                continue
            }
            if needs.group == criterion.group {
                sink.report(
                    "needs criteria of its own group \"\(needs.group)\"; expected another group",
                    about: anchor,
                    suffix: ".onlyWith.group")
            }
            let companions = screening.criteria.filter { $0.group == needs.group }
            if let chained = companions.first(where: { $0.onlyWith != nil }) {
                sink.report(
                    "needs criteria of group \"\(needs.group)\", whose criterion \"\(chained.id)\" itself needs another group's; expected a group whose criteria stand alone",
                    about: anchor, suffix: ".onlyWith.group")
            }
            for (offset, id) in needs.except.enumerated() where !companions.contains(where: { $0.id == id }) {
                sink.report(
                    "\"except\" names \"\(id)\", which is not a criterion of group \"\(needs.group)\"; expected one of \(quotedList(companions.map(\.id)))",
                    about: anchor, suffix: ".onlyWith.except[\(offset)]")
            }
            let counted = companions.filter { !needs.except.contains($0.id) }.count
            if needs.atLeast < 1 || needs.atLeast > counted {
                sink.report(
                    "atLeast \(needs.atLeast) can never be met as intended; expected 1 to \(counted), the criteria of group \"\(needs.group)\" it counts",
                    about: anchor, suffix: ".onlyWith.atLeast")
            }
        }
    }

    private func checkOutcomeRules() {
        let rules = scoring.outcome
        let anchor = "section of scoring outcome"
        func checkQuestion(_ id: String?, suffix: String) {
            guard let id, questionnaire.question(id) == nil else { return }
            var message = "names unknown question \"\(id)\""
            if let guess = closest(to: id, among: questionnaire.questions.map(\.id)) {
                message += "; did you mean \"\(guess)\"?"
            }
            sink.report(message, about: anchor, suffix: suffix)
        }
        checkRule(rules.processingUnderWay, anchor: anchor, suffix: ".processingUnderWay")
        checkQuestion(rules.residualRisksAcceptedBy, suffix: ".residualRisksAcceptedBy")
        for (offset, row) in rules.signOff.enumerated() {
            for (position, id) in row.answers.enumerated() {
                checkQuestion(id, suffix: ".signOff[\(offset)].answers[\(position)]")
            }
            for (position, id) in row.notes.enumerated() {
                checkQuestion(id, suffix: ".signOff[\(offset)].notes[\(position)]")
            }
        }
        for (offset, requirement) in rules.finalRequires.enumerated() {
            checkQuestion(requirement.question, suffix: ".finalRequires[\(offset)].question")
            checkRule(requirement.holds, anchor: anchor, suffix: ".finalRequires[\(offset)].holds")
        }
    }
}

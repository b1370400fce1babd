/// An options appraisal: assessments of several platforms for one use set side by side, row by row, each
/// row saying in words which option is best, or that options tie or do not differ.
///
/// Only assessments on one questionnaire are compared (its versions may differ: risks are matched by id);
/// the others are left out, each with why. Every value comes from the scored assessments: nothing here
/// rates anything.
struct Comparison: Sendable {
    /// One platform compared, with the letter its column is headed by.
    struct Option: Sendable {
        var letter: String
        var file: String
        var assessment: Assessment
    }

    /// A file that was read but not set beside the others, and why.
    struct LeftOut: Sendable, Equatable {
        var file: String
        var reason: String
    }

    /// Which options a row favours. Lower ranks are better; options without a rank (a risk their
    /// questionnaire version does not have) take no part.
    enum Best: Sendable, Equatable {
        /// The option at this index is better than every other.
        case one(Int)
        /// These options share the best value and at least one other is worse.
        case tie([Int])
        /// Every ranked option has the same value.
        case noDifference
        /// The row is information, not a criterion (the recommendation follows from the ratings).
        case notRanked

        /// Whether the option at `index` is marked best (alone or jointly).
        func marks(_ index: Int) -> Bool {
            switch self {
            case .one(let best): best == index
            case .tie(let best): best.contains(index)
            case .noDifference, .notRanked: false
            }
        }
    }

    /// One option's value in a row: the words shown, the level it is (for a tag), the items behind a count.
    struct Cell: Sendable, Equatable {
        var text: String
        var level: Level?
        var items: [String]
        /// Lower is better; nil when the row is not ranked or the option has no value for it.
        var rank: Int?

        init(text: String, level: Level? = nil, items: [String] = [], rank: Int? = nil) {
            self.text = text
            self.level = level
            self.items = items
            self.rank = rank
        }
    }

    struct Row: Sendable {
        var label: String
        var cells: [Cell]
        var best: Best
    }

    /// A table of rows under a heading.
    struct Section: Sendable {
        var title: String
        var rows: [Row]
    }

    var options: [Option]
    /// The questionnaire compared on, by id, and its versions among the options, oldest first.
    var questionnaireID: String
    var questionnaireTitle: String
    var versions: [String]
    /// Files on another questionnaire, not compared.
    var leftOut: [LeftOut]
    /// Files that could not be read or assessed, with their errors.
    var failures: [Register.Failure]
    /// What a reader must know to read the comparison fairly: other versions, other organisations.
    var notes: [String]
    var sections: [Section]

    /// Sets `assessed` side by side. The questionnaire compared on is the one most of them answer (the
    /// first met on a tie); the others are left out. Throws a bad-data error when fewer than two remain.
    init(_ assessed: [Register.Assessed], failures: [Register.Failure] = []) throws(DPIAError) {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for item in assessed {
            let id = item.assessment.questionnaire.id
            if counts[id] == nil { order.append(id) }
            counts[id, default: 0] += 1
        }
        var chosen = order.first ?? ""
        for id in order where counts[id, default: 0] > counts[chosen, default: 0] { chosen = id }
        let comparable = assessed.filter { $0.assessment.questionnaire.id == chosen }
        self.failures = failures
        guard comparable.count >= 2 else {
            let found =
                assessed.isEmpty
                ? "none could be assessed"
                : assessed.map { "\($0.file) answers \"\($0.assessment.questionnaire.id)\"" }.joined(
                    separator: "; ")
            throw .input(
                .invalid(
                    ValidationFailure([
                        Diagnostic(
                            file: "dpia compare", path: "", location: nil,
                            message:
                                "fewer than two answers files can be compared (\(found)); expected at least two assessments on the same questionnaire"
                        )
                    ])))
        }
        let reference = comparable[comparable.count - 1].assessment.questionnaire
        questionnaireID = chosen
        questionnaireTitle = reference.title
        options = comparable.enumerated().map { index, item in
            Option(letter: Self.letter(index), file: item.file, assessment: item.assessment)
        }
        leftOut = assessed.filter { $0.assessment.questionnaire.id != chosen }.map { item in
            let other = item.assessment.questionnaire
            return LeftOut(
                file: item.file,
                reason:
                    "answers \"\(other.id)\" (\(other.title)), not \"\(chosen)\" as the others do; its questions, risks and measures are not the same, so it cannot be set beside them"
            )
        }
        var versions: [String] = []
        for option in options where !versions.contains(option.assessment.questionnaire.version) {
            versions.append(option.assessment.questionnaire.version)
        }
        // Oldest first: "1.0.0 and 1.1.0", by each numeric part.
        self.versions = versions.sorted {
            $0.split(separator: ".").map { Int($0) ?? 0 }.lexicographicallyPrecedes(
                $1.split(separator: ".").map { Int($0) ?? 0 })
        }
        notes = Self.notes(options, versions: versions)
        sections = Self.sections(options)
    }

    /// "A", "B", … "Z", then "AA", "AB", …
    static func letter(_ index: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        var n = index
        var text = ""
        repeat {
            text = String(letters[n % 26]) + text
            n = n / 26 - 1
        } while n >= 0
        return text
    }

    /// "A", "A and B", "A, B and C".
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }

    static func notes(_ options: [Option], versions: [String]) -> [String] {
        var notes: [String] = []
        func grouped(_ key: (Option) -> String) -> [(key: String, letters: [String])] {
            var groups: [(key: String, letters: [String])] = []
            for option in options {
                let value = key(option)
                if let index = groups.firstIndex(where: { $0.key == value }) {
                    groups[index].letters.append(option.letter)
                } else {
                    groups.append((value, [option.letter]))
                }
            }
            return groups
        }
        if versions.count > 1 {
            let byVersion = grouped { $0.assessment.questionnaire.version }
                .map { "\(list($0.letters)) on \($0.key)" }
            notes.append(
                "Different versions of the questionnaire: \(list(byVersion)). Each option is rated by its own version's rules; risks are matched by id, and a risk one version does not have is shown as not in that version."
            )
        }
        let organisations = grouped { $0.assessment.answers.metadata.organisation }
        if organisations.count > 1 {
            let byOrganisation = organisations.map { "\(list($0.letters)) by \($0.key)" }
            notes.append(
                "Different organisations: \(list(byOrganisation)). They are compared as asked, but each was assessed in its own organisation, with its own policies, controls and approvals."
            )
        }
        return notes
    }

    // MARK: - Rows

    static func sections(_ options: [Option]) -> [Section] {
        let assessments = options.map(\.assessment)
        func levelCell(_ level: Level?, on scale: (Assessment) -> [Level], of assessment: Assessment) -> Cell
        {
            guard let level else { return Cell(text: "Not rated") }
            return Cell(
                text: level.label, level: level,
                rank: scale(assessment).firstIndex { $0.id == level.id })
        }
        func riskLevel(_ level: Level?, _ assessment: Assessment) -> Cell {
            levelCell(level, on: { $0.questionnaire.scoring.riskLevels }, of: assessment)
        }

        let overall = Section(
            title: "The decision",
            rows: [
                row(
                    "Overall risk after approved measures",
                    assessments.map { riskLevel($0.overallResidual, $0) }),
                row("Overall risk before measures", assessments.map { riskLevel($0.overallInherent, $0) }),
                row(
                    "Recommendation",
                    assessments.map { Cell(text: $0.recommendation?.label ?? "None") }, ranked: false),
                row(
                    "ICO prior consultation (UK GDPR Art. 36)",
                    assessments.map { assessment in
                        let rank =
                            switch assessment.priorConsultation {
                            case .notApplicable: 0
                            case .wouldBeRequired: 1
                            case .required: 2
                            }
                        return Cell(
                            text: Self.capitalised(assessment.priorConsultation.shortLabel), rank: rank)
                    }),
            ])

        var riskIDs: [(id: String, title: String)] = []
        // The first option's risks in its order, then any only a later option's version has.
        for assessment in assessments {
            for result in assessment.risks where !riskIDs.contains(where: { $0.id == result.risk.id }) {
                riskIDs.append((result.risk.id, result.risk.title))
            }
        }
        func riskRows(_ level: (RiskResult) -> Level) -> [Row] {
            riskIDs.map { risk in
                row(
                    "\(risk.id) \(risk.title)",
                    assessments.map { assessment in
                        guard let result = assessment.risks.first(where: { $0.risk.id == risk.id }) else {
                            return Cell(text: "Not in \(assessment.questionnaire.version)")
                        }
                        return riskLevel(level(result), assessment)
                    })
            }
        }
        let residual = Section(title: "Each risk after approved measures", rows: riskRows(\.residualLevel))
        let inherent = Section(title: "Each risk before measures", rows: riskRows(\.level))

        let data = Section(
            title: "Data and purpose drift",
            rows: [
                row(
                    "Most sensitive data in scope",
                    assessments.map { assessment in
                        guard let data = assessment.dataSensitivity else { return Cell(text: "Not assessed") }
                        guard let highest = data.highest else { return Cell(text: "None in scope", rank: -1) }
                        return levelCell(
                            highest, on: { $0.questionnaire.scoring.severityLevels }, of: assessment)
                    }),
                row(
                    "Data categories in scope",
                    assessments.map { assessment in
                        let labels = assessment.dataSensitivity?.categories.map(\.category.label) ?? []
                        return Cell(text: count(labels.count, "category", "categories"), items: labels)
                    }, ranked: false),
                row(
                    "Purpose drift",
                    assessments.map { assessment in
                        guard let drift = assessment.purposeDrift else { return Cell(text: "Not assessed") }
                        let items =
                            drift.driftedCategories.map { "\($0.category.label) (data outside the approval)" }
                            + drift.unapprovedPurposes.map { "\($0.label) (purpose not approved)" }
                            + drift.signals.map(\.label)
                        return Cell(
                            text: Register.Entry.driftWords(drift), items: items, rank: items.count)
                    }),
            ])

        let controls = Section(
            title: "Controls and measures",
            rows: [
                row(
                    "Controls missing",
                    assessments.map { assessment in
                        let missing = assessment.controls.filter { $0.status == .missing }.map(
                            \.control.label)
                        return Cell(
                            text: count(missing.count, "missing", "missing"), items: missing,
                            rank: missing.count)
                    }),
                row(
                    "Measures still needed (recommended, not yet in place)",
                    assessments.map { assessment in
                        let needed = assessment.measures.filter(\.recommended).compactMap {
                            result -> String? in
                            let state: String
                            switch result.decision {
                            case nil: state = "no decision yet"
                            case let decision? where !decision.approved: state = "declined"
                            case let decision?:
                                if decision.status == .inPlace { return nil }
                                state =
                                    "approved, "
                                    + (decision.status?.label.lowercased() ?? "status not recorded")
                            }
                            return "\(result.measure.id) \(result.measure.title) (\(state))"
                        }
                        return Cell(
                            text: count(needed.count, "measure", "measures"), items: needed,
                            rank: needed.count)
                    }),
            ])
        return [overall, residual, controls, data, inherent]
    }

    /// A row whose best option is worked out from the cells' ranks (or not, when `ranked` is false).
    static func row(_ label: String, _ cells: [Cell], ranked: Bool = true) -> Row {
        guard ranked else { return Row(label: label, cells: cells, best: .notRanked) }
        let ranks = cells.enumerated().compactMap { index, cell in cell.rank.map { (index, $0) } }
        guard ranks.count >= 2, let lowest = ranks.map(\.1).min() else {
            return Row(label: label, cells: cells, best: .notRanked)
        }
        let best = ranks.filter { $0.1 == lowest }.map(\.0)
        if best.count == ranks.count { return Row(label: label, cells: cells, best: .noDifference) }
        return Row(label: label, cells: cells, best: best.count == 1 ? .one(best[0]) : .tie(best))
    }

    static func count(_ n: Int, _ one: String, _ many: String) -> String {
        n == 0 ? "None" : "\(n) \(n == 1 ? one : many)"
    }

    static func capitalised(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}

extension Comparison {
    /// The row's verdict in words: "B", "Tie: B and C", "No difference", "Not ranked".
    func bestText(_ row: Row) -> String {
        switch row.best {
        case .one(let index): options[index].letter
        case .tie(let indexes): "Tie: " + Self.list(indexes.map { options[$0].letter })
        case .noDifference: "No difference"
        case .notRanked: "Not ranked"
        }
    }

    /// One sentence for the top of the appraisal and the terminal: the lowest overall residual risk.
    var headline: String {
        guard let row = sections.first?.rows.first else { return "" }
        let letters = options.map(\.letter)
        switch row.best {
        case .one(let index):
            return
                "Lowest overall risk after approved measures: option \(letters[index]), \(row.cells[index].text.lowercased())"
        case .tie(let indexes):
            return
                "Lowest overall risk after approved measures: \(row.cells[indexes[0]].text.lowercased()), a tie between options \(Self.list(indexes.map { letters[$0] }))"
        case .noDifference:
            return
                "No difference in overall risk after approved measures: every option is \(row.cells.first { $0.rank != nil }?.text.lowercased() ?? "not rated")"
        case .notRanked:
            return "Overall risk after approved measures cannot be ranked: no option is rated"
        }
    }
}

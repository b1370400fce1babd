/// ICO step 6's "effect on risk", derived from the decisions recorded, never assumed.
enum EffectOnRisk: Sendable, Equatable {
    /// The risk is below the level that calls for measures.
    case noMeasuresNeeded
    /// At least one recommended measure for this risk has no decision yet.
    case noDecisionYet
    /// An approved measure removes the risk, as the questionnaire defines it.
    case eliminated
    /// Approved measures lower the risk's level.
    case reduced
    /// The risk stays at its level and the residual risk was accepted in step 7 by the person named.
    case accepted(by: String)
    /// The risk stays at its level and nobody has accepted it yet.
    case notYetAccepted

    /// The words the report and the terminal use.
    var label: String {
        switch self {
        case .noMeasuresNeeded: "No measures needed"
        case .noDecisionYet: "No decision yet"
        case .eliminated: "Eliminated"
        case .reduced: "Reduced"
        case .accepted: "Accepted"
        case .notYetAccepted: "Not reduced; not yet accepted"
        }
    }

    /// A stable id for data formats and templates.
    var id: String {
        switch self {
        case .noMeasuresNeeded: "no_measures_needed"
        case .noDecisionYet: "no_decision_yet"
        case .eliminated: "eliminated"
        case .reduced: "reduced"
        case .accepted: "accepted"
        case .notYetAccepted: "not_yet_accepted"
        }
    }
}

/// Prior consultation with the ICO (UK GDPR Art. 36) as a state of the assessment, not a flag.
enum PriorConsultation: Sendable, Equatable {
    /// No risk remains at a level that needs the ICO consulted.
    case notApplicable
    /// Risks are at that level while decisions on measures that would lower them are still open.
    /// `avoidable` says whether approving every undecided measure would bring all of them below it;
    /// `enough` is then one set of them whose approval alone would (none of it can be left out), and empty
    /// when not avoidable.
    case wouldBeRequired(risks: [String], undecidedMeasures: [String], avoidable: Bool, enough: [String])
    /// Every decision is recorded and risks remain at that level: the ICO must be consulted before the
    /// processing starts, or, when it is under way, before it continues.
    case required(risks: [String], underWay: Bool)

    var id: String {
        switch self {
        case .notApplicable: "not_applicable"
        case .wouldBeRequired: "would_be_required"
        case .required: "required"
        }
    }

    /// A few words for a table cell or a spreadsheet.
    var shortLabel: String {
        switch self {
        case .notApplicable: "not required"
        case .wouldBeRequired: "would be required"
        case .required: "required"
        }
    }

    /// One line for the summary.
    var headline: String {
        switch self {
        case .notApplicable:
            "Not required: no high risk remains (UK GDPR Art. 36)"
        case .wouldBeRequired(_, let measures, let avoidable, let enough):
            if !avoidable {
                "Would be required: even with \(measures.joined(separator: ", ")) approved a high risk would remain (UK GDPR Art. 36)"
            } else if enough.count == measures.count {
                "Would be required unless measures are approved: approving \(measures.joined(separator: ", ")) would avoid it (UK GDPR Art. 36)"
            } else {
                "Would be required unless measures are approved: approving \(enough.joined(separator: ", ")) would be enough to avoid it, one set among the \(measures.count) undecided measures listed in step 6 (UK GDPR Art. 36)"
            }
        case .required(_, let underWay):
            underWay
                ? "Required: stop or contain the current use and consult the ICO before continuing (UK GDPR Art. 36)"
                : "Required: consult the ICO before the processing starts (UK GDPR Art. 36)"
        }
    }
}

/// One row of the step 7 table as the assessment fills it: blank where nothing is recorded.
struct SignOffEntry: Sendable, Equatable {
    var item: String
    /// Name, position and date.
    var name: String?
    var guidance: String?
    /// Recorded notes (reasons, comments, the DPO's advice).
    var notes: String?
}

/// Something a final assessment must hold and this one does not.
struct MissingItem: Sendable, Equatable {
    /// Where it belongs in the answers file, e.g. `measures.M3.owner` or `answers.measures_approved_by`.
    var path: String
    var description: String
}

/// An approved measure with its owner, due date and status: the conditions of an approval.
struct ActionItem: Sendable, Equatable {
    var measure: String
    var title: String
    /// The risks it reduces.
    var risks: [String]
    var owner: String?
    var dueDate: String?
    var status: MeasureDecision.Status?

    /// Not in place and due before `date`: the register judges it against the day it runs, a report
    /// against its own assessment date.
    func isOverdue(on date: CalendarDate) -> Bool {
        guard status != .inPlace, let text = dueDate, let due = CalendarDate(iso: text) else { return false }
        return due < date
    }
}

/// A risk that keeps the overall residual level where it is, and what could still lower it.
struct ResidualHold: Sendable, Equatable {
    var risk: String
    var title: String
    var level: Level
    /// Recommended measures for it that were declined.
    var declined: [String]
    /// Recommended measures for it with no decision yet.
    var undecided: [String]
}

extension MissingItem {
    /// The items as a reader wants them: the measures that lack the same thing (a decision, an owner, a due
    /// date) in one item, e.g. `measures.*.owner`: "an owner for approved measures M1, M2". A single item
    /// stays as it is. Errors list every item with its own path instead.
    static func grouped(_ items: [MissingItem]) -> [MissingItem] {
        let kinds: [(suffix: String, description: String)] = [
            ("", "a decision on recommended measures"),
            (".owner", "an owner for approved measures"),
            (".dueDate", "a due date for approved measures"),
        ]
        func measure(_ item: MissingItem, _ suffix: String) -> String? {
            guard item.path.hasPrefix("measures."), item.path.hasSuffix(suffix) else { return nil }
            let id = item.path.dropFirst("measures.".count).dropLast(suffix.count)
            return id.contains(".") || id.isEmpty ? nil : String(id)
        }
        var result: [MissingItem] = []
        var grouped: Set<String> = []
        for kind in kinds {
            // Each item's path is read once a kind (the prefix and suffix tests are most of the cost).
            let matching = items.compactMap { item in
                measure(item, kind.suffix).map { (path: item.path, id: $0) }
            }
            guard matching.count > 1 else { continue }
            result.append(
                MissingItem(
                    path: "measures.*" + kind.suffix,
                    description: kind.description + " " + matching.map(\.id).joined(separator: ", ")))
            grouped.formUnion(matching.map(\.path))
        }
        return result + items.filter { !grouped.contains($0.path) }
    }
}

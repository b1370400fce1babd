/// The result of scoring one answers file: every rating with the answers that moved it.
/// Made by `Scorer.assess`; rendered by the report.
public struct Assessment: Sendable {
    public let questionnaire: Questionnaire
    public let answers: Answers
    /// The ids of the questions shown for these answers, in order.
    public let visibleQuestions: [String]
    /// The answers of questions actually shown, by id.
    public let effectiveAnswers: [String: AnswerValue]
    public let screening: ScreeningResult?
    public let dataSensitivity: DataSensitivityResult?
    public let purposeDrift: PurposeDriftResult?
    public let controls: [ControlResult]
    public let risks: [RiskResult]
    public let measures: [MeasureResult]
    /// The highest inherent and residual levels; nil when the questionnaire has no risks.
    public let overallInherent: Level?
    public let overallResidual: Level?
    public let recommendation: RecommendationRule?
    /// Whether the ICO must, or would have to, be consulted before processing (UK GDPR Art. 36).
    public let priorConsultation: PriorConsultation
    /// What raises the risks that set the overall inherent level most, by the rule in `Driver`.
    public let topDrivers: [Driver]
    /// The risks at the overall residual level, when that level calls for measures, with what could
    /// still lower each.
    public let residualHolds: [ResidualHold]
    /// The approved measures: the conditions of an approval.
    public let actionPlan: [ActionItem]
    /// The ICO step 7 table, every row of the questionnaire's, filled in where answered.
    public let signOff: [SignOffEntry]
    /// What this assessment lacks to be final; empty when it is complete.
    public let missingForFinal: [MissingItem]
    /// Things the assessor should know that are not errors, e.g. an approved measure that was not recommended.
    public let notes: [String]
    /// The questionnaire's contradictions these answers and decisions meet; each message is also a note.
    public var contradictions: [Contradiction] = []
}

/// One answer's effect on a rating.
public struct Contribution: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case base
        case factor
        case purposeDrift = "purpose drift"
        case control
        case dataCategory = "data category"
        case adjustment
        case measure
    }

    public var kind: Kind
    /// What it is, in the committee's words, including the answer behind it.
    public var reason: String
    /// The questions whose answers caused it.
    public var questions: [String]
    /// Likelihood points, or severity steps.
    public var amount: Int
}

public struct RiskResult: Sendable {
    public var risk: Risk
    public var likelihoodPoints: Int
    public var likelihood: Level
    public var likelihoodContributions: [Contribution]
    public var severity: Level
    public var severityContributions: [Contribution]
    public var level: Level
    /// Approved measures that reduce this risk.
    public var appliedMeasures: [Contribution]
    /// Recommended measures for this risk that were declined.
    public var declinedMeasures: [String]
    /// Recommended measures for this risk with no decision yet.
    public var undecidedMeasures: [String]
    public var residualLikelihoodPoints: Int
    public var residualLikelihood: Level
    public var residualSeverity: Level
    public var residualLevel: Level
    /// ICO step 6: what the measures did to this risk.
    public var effect: EffectOnRisk
}

public struct ScreeningResult: Sendable {
    public struct Group: Sendable {
        public var group: ScreeningGroup
        public var met: [ScreeningCriterion]
        public var requiresDPIA: Bool { met.count >= group.requiredWhenAtLeast }
    }

    public var groups: [Group]
    public var required: Bool { groups.contains(where: \.requiresDPIA) }
}

public struct DataSensitivityResult: Sendable {
    public struct Item: Sendable {
        public var category: DataCategory
        public var sensitivity: Level
        /// The questions that put it in scope (shared now, reasonably expected...).
        public var questions: [String]
    }

    public var categories: [Item]
    /// The most sensitive level among the categories; nil when none is in scope.
    public var highest: Level?
}

public struct PurposeDriftResult: Sendable {
    public struct DriftedCategory: Sendable {
        public var category: DataCategory
        /// Approved purposes, none of which allows this category.
        public var outside: [Purpose]
        /// Purposes in use that would need it.
        public var neededBy: [Purpose]
    }

    public var approved: [Purpose]
    public var actual: [Purpose]
    public var unapprovedPurposes: [Purpose]
    public var driftedCategories: [DriftedCategory]
    public var signals: [DriftSignal]
    public var hasDrift: Bool {
        !driftedCategories.isEmpty || !unapprovedPurposes.isEmpty || !signals.isEmpty
    }
}

public struct ControlResult: Sendable {
    public enum Status: String, Sendable {
        case inPlace = "in place"
        case missing
        case notApplicable = "not applicable"

        /// A stable id for data formats.
        public var id: String {
            switch self {
            case .inPlace: "in_place"
            case .missing: "missing"
            case .notApplicable: "not_applicable"
            }
        }

        /// The words the report uses.
        public var label: String {
            switch self {
            case .inPlace: "In place"
            case .missing: "Missing"
            case .notApplicable: "Not applicable"
            }
        }
    }

    public var control: Control
    public var status: Status
    /// The answer given, as the assessor saw it; nil when not asked.
    public var answer: String?
}

public struct MeasureResult: Sendable {
    public var measure: Measure
    public var recommended: Bool
    public var decision: MeasureDecision?
    public var applied: Bool { recommended && decision?.approved == true }
    /// Risks this measure reduces that are at or above the level calling for measures.
    public var addresses: [String]
}

/// An answer that raised the likelihood of the risks setting the overall inherent level.
///
/// Its weight is what a reviewer can redo by hand from the report: over each risk at the overall
/// inherent level that it raises, its likelihood points times the position of that risk's severity on
/// the severity scale (the lowest is 1). Drivers are ranked by weight, then in the order met.
public struct Driver: Sendable, Equatable {
    public var reason: String
    /// Likelihood points it adds, summed over those risks.
    public var points: Int
    public var weight: Int
    public var risks: [String]
}

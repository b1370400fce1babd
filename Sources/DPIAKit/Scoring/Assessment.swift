/// The result of scoring one answers file: every rating with the answers that moved it.
/// Made by `Scorer.assess`; rendered by the report.
public struct Assessment: Sendable {
    let questionnaire: Questionnaire
    let answers: Answers
    /// The ids of the questions shown for these answers, in order.
    let visibleQuestions: [String]
    /// The answers of questions actually shown, by id.
    let effectiveAnswers: [String: AnswerValue]
    let screening: ScreeningResult?
    let dataSensitivity: DataSensitivityResult?
    let purposeDrift: PurposeDriftResult?
    let controls: [ControlResult]
    let risks: [RiskResult]
    let measures: [MeasureResult]
    /// The highest inherent and residual levels; nil when the questionnaire has no risks.
    let overallInherent: Level?
    let overallResidual: Level?
    let recommendation: RecommendationRule?
    /// Whether the ICO must, or would have to, be consulted before processing (UK GDPR Art. 36).
    let priorConsultation: PriorConsultation
    /// What raises the risks that set the overall inherent level most, by the rule in `Driver`.
    let topDrivers: [Driver]
    /// The risks at the overall residual level, when that level calls for measures, with what could
    /// still lower each.
    let residualHolds: [ResidualHold]
    /// The approved measures: the conditions of an approval.
    let actionPlan: [ActionItem]
    /// The ICO step 7 table, every row of the questionnaire's, filled in where answered.
    let signOff: [SignOffEntry]
    /// What this assessment lacks to be final; empty when it is complete.
    let missingForFinal: [MissingItem]
    /// Things the assessor should know that are not errors, e.g. an approved measure that was not recommended.
    let notes: [String]
    /// The questionnaire's contradictions these answers and decisions meet; each message is also a note.
    var contradictions: [Contradiction] = []
}

/// One answer's effect on a rating.
struct Contribution: Sendable, Equatable {
    enum Kind: String, Sendable {
        case base
        case factor
        case purposeDrift = "purpose drift"
        case control
        case dataCategory = "data category"
        case adjustment
        case measure
    }

    var kind: Kind
    /// What it is, in the committee's words, including the answer behind it.
    var reason: String
    /// The questions whose answers caused it.
    var questions: [String]
    /// Likelihood points, or severity steps.
    var amount: Int
}

struct RiskResult: Sendable {
    var risk: Risk
    var likelihoodPoints: Int
    var likelihood: Level
    var likelihoodContributions: [Contribution]
    var severity: Level
    var severityContributions: [Contribution]
    var level: Level
    /// Approved measures that reduce this risk.
    var appliedMeasures: [Contribution]
    /// Recommended measures for this risk that were declined.
    var declinedMeasures: [String]
    /// Recommended measures for this risk with no decision yet.
    var undecidedMeasures: [String]
    var residualLikelihoodPoints: Int
    var residualLikelihood: Level
    var residualSeverity: Level
    var residualLevel: Level
    /// ICO step 6: what the measures did to this risk.
    var effect: EffectOnRisk
}

struct ScreeningResult: Sendable {
    struct Group: Sendable {
        var group: ScreeningGroup
        var met: [ScreeningCriterion]
        var requiresDPIA: Bool { met.count >= group.requiredWhenAtLeast }
    }

    var groups: [Group]
    var required: Bool { groups.contains(where: \.requiresDPIA) }
}

struct DataSensitivityResult: Sendable {
    struct Item: Sendable {
        var category: DataCategory
        var sensitivity: Level
        /// The questions that put it in scope (shared now, reasonably expected...).
        var questions: [String]
    }

    var categories: [Item]
    /// The most sensitive level among the categories; nil when none is in scope.
    var highest: Level?
}

extension Assessment {
    /// The SHA-256 of the answers file as dpia writes it (hex). Every report, the assessment JSON and a
    /// diff print it, so a reader can match each to the answers it came from.
    var answersFingerprint: String { SHA256.hex(AnswersFile.bytes(answers, questionnaire: questionnaire)) }
}

struct PurposeDriftResult: Sendable {
    struct DriftedCategory: Sendable {
        var category: DataCategory
        /// Approved purposes, none of which allows this category.
        var outside: [Purpose]
        /// Purposes in use that would need it.
        var neededBy: [Purpose]
    }

    var approved: [Purpose]
    var actual: [Purpose]
    var unapprovedPurposes: [Purpose]
    var driftedCategories: [DriftedCategory]
    var signals: [DriftSignal]
    var hasDrift: Bool {
        !driftedCategories.isEmpty || !unapprovedPurposes.isEmpty || !signals.isEmpty
    }
}

struct ControlResult: Sendable {
    enum Status: String, Sendable {
        case inPlace = "in place"
        case missing
        case notApplicable = "not applicable"

        /// A stable id for data formats.
        var id: String {
            switch self {
            case .inPlace: "in_place"
            case .missing: "missing"
            case .notApplicable: "not_applicable"
            }
        }

        /// The words the report uses.
        var label: String {
            switch self {
            case .inPlace: "In place"
            case .missing: "Missing"
            case .notApplicable: "Not applicable"
            }
        }
    }

    var control: Control
    var status: Status
    /// The answer given, as the assessor saw it; nil when not asked.
    var answer: String?
}

struct MeasureResult: Sendable {
    var measure: Measure
    var recommended: Bool
    var decision: MeasureDecision?
    var applied: Bool { recommended && decision?.approved == true }
    /// Risks this measure reduces that are at or above the level calling for measures.
    var addresses: [String]
}

/// An answer that raised the likelihood of the risks setting the overall inherent level.
///
/// Its weight is what a reviewer can redo by hand from the report: over each risk at the overall
/// inherent level that it raises, its likelihood points times the position of that risk's severity on
/// the severity scale (the lowest is 1). Drivers are ranked by weight, then in the order met.
struct Driver: Sendable, Equatable {
    var reason: String
    /// Likelihood points it adds, summed over those risks.
    var points: Int
    var weight: Int
    var risks: [String]
}

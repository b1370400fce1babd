/// Every rule that turns answers into ratings. All of it is data in the questionnaire definition, so an
/// organisation can read, review and tune it; nothing here is specific to one questionnaire.
public struct Scoring: Sendable {
    /// Ordered from least to most likely (ICO: remote, possible, probable).
    public var likelihoodLevels: [Level]
    /// Ordered from least to most severe (ICO: minimal, significant, severe).
    public var severityLevels: [Level]
    /// Ordered from lowest to highest (ICO: low, medium, high).
    public var riskLevels: [Level]
    /// `matrix[severity][likelihood]` is the risk level.
    public var matrix: [String: [String: String]]
    /// Turns likelihood points into a likelihood level: the first band whose `maximumPoints` is not
    /// exceeded; the last band has no maximum.
    public var likelihoodBands: [LikelihoodBand]
    public var dataCategories: DataCategories?
    public var purposes: Purposes?
    public var controls: [Control]
    public var risks: [Risk]
    public var measures: [Measure]
    /// Measures are recommended for risks whose inherent level is at least this (ICO step 6: medium and high).
    public var recommendMeasuresFrom: String?
    /// Residual levels at which the ICO must be consulted before processing (UK GDPR Art. 36).
    public var priorConsultationLevels: [String]
    /// Tried in order; the first that matches is the recommendation.
    public var recommendations: [RecommendationRule]
    public var screening: Screening?
    /// Answers and decisions that contradict each other, each worth a warning in the report and the wizard.
    public var contradictions: [Contradiction] = []
    /// Steps 6 and 7: Art. 36 wording, acceptance of residual risk, the sign-off table, completeness.
    public var outcome: OutcomeRules

    public static let empty = Scoring(
        likelihoodLevels: [], severityLevels: [], riskLevels: [], matrix: [:], likelihoodBands: [],
        dataCategories: nil, purposes: nil, controls: [], risks: [], measures: [], recommendMeasuresFrom: nil,
        priorConsultationLevels: [], recommendations: [], screening: nil, outcome: .none)
}

/// A named step on an ordered scale.
public struct Level: Sendable, Equatable {
    public var id: String
    public var label: String
    public var description: String?
}

/// Likelihood points up to `maximumPoints` (inclusive) give `level`.
public struct LikelihoodBand: Sendable, Equatable {
    public var level: String
    public var maximumPoints: Int?
}

/// The kinds of data that may be shared, read from multiple-choice questions whose option values are
/// category ids (for instance "shared now" and "reasonably expected").
public struct DataCategories: Sendable {
    public var questions: [String]
    public var categories: [DataCategory]

    public func category(_ id: String) -> DataCategory? { categories.first { $0.id == id } }
}

public struct DataCategory: Sendable, Equatable {
    public var id: String
    public var label: String
    /// A severity level id: the harm if this kind of data is disclosed or misused.
    public var sensitivity: String
}

/// What the platform is approved for, against what it is used for.
public struct Purposes: Sendable {
    /// A multiple-choice question whose option values are purpose ids: what the platform is (or will be) approved for.
    public var approvedQuestion: String
    /// A multiple-choice question whose option values are purpose ids: what it is actually used for.
    public var actualQuestion: String?
    public var purposes: [Purpose]
    /// Answers that show use has drifted or can drift unnoticed.
    public var signals: [DriftSignal]

    public func purpose(_ id: String) -> Purpose? { purposes.first { $0.id == id } }
}

public struct Purpose: Sendable, Equatable {
    public var id: String
    public var label: String
    /// Data category ids this purpose legitimately needs.
    public var allows: [String]
}

public struct DriftSignal: Sendable, Equatable {
    public var id: String
    public var label: String
    public var when: Condition
}

/// A safeguard the assessor says is in place or not, through one question.
public struct Control: Sendable {
    public var id: String
    public var label: String
    public var question: String
    /// Answers meaning the control is in place. Any other answer means it is missing; a hidden or
    /// unanswered question, or an answer in `notApplicable`, means it does not apply.
    public var inPlace: [AnswerValue]
    public var notApplicable: [AnswerValue]
    public var affects: [ControlEffect]
}

/// How a control moves one risk's likelihood points.
public struct ControlEffect: Sendable, Equatable {
    public var risk: String
    /// Points added when the control is missing.
    public var whenMissing: Int
    /// Points added (usually negative) when the control is in place.
    public var whenInPlace: Int
}

/// One risk to individuals in the catalogue.
public struct Risk: Sendable {
    public var id: String
    public var title: String
    /// Source of the risk, in the committee's words.
    public var description: String
    /// The nature of the potential impact on individuals.
    public var harm: String
    public var likelihood: LikelihoodRule
    public var severity: SeverityRule
}

public struct LikelihoodRule: Sendable {
    /// Points every assessment starts with.
    public var base: Int
    public var factors: [Factor]
    public var purposeDrift: DriftWeights?
}

/// Points (or severity steps) added when a condition holds, with the reason printed in the report.
public struct Factor: Sendable {
    public var when: Condition
    public var points: Int
    public var reason: String
}

/// How purpose drift adds to a risk's likelihood.
public struct DriftWeights: Sendable, Equatable {
    public var perCategory: Int
    public var perUnapprovedPurpose: Int
    public var perSignal: Int
    /// The most drift may add in all.
    public var maximum: Int?
}

public struct SeverityRule: Sendable {
    /// A severity level id: the least severity of this risk.
    public var base: String
    /// When true, severity is at least the sensitivity of the most sensitive data category in scope.
    public var fromDataCategories: Bool
    /// Steps up (or down) the severity scale when a condition holds; `points` counts steps.
    public var adjustments: [Factor]
}

/// A measure the assessor may approve to reduce risks (ICO step 6).
public struct Measure: Sendable {
    public var id: String
    public var title: String
    public var description: String
    /// Recommended only when this holds (for instance, "write a policy" only when there is none).
    public var when: Condition?
    public var reduces: [MeasureEffect]
    /// The controls this measure puts in place. Each, once in place, counts on every risk at least what
    /// the measure promised plus what its absence added, so a control in place never scores worse than
    /// the measure only promised (`QuestionnaireValidator` refuses a definition where it would).
    public var controls: [String] = []
}

public struct MeasureEffect: Sendable, Equatable {
    public var risk: String
    /// Likelihood points added when approved (negative).
    public var likelihood: Int
    /// Severity steps added when approved (negative, usually 0).
    public var severity: Int
    /// Whether approving the measure removes the risk altogether (ICO step 6: "eliminated").
    public var eliminates: Bool
}

/// Picks the recommendation. Every constraint given must hold; a rule with none always matches.
public struct RecommendationRule: Sendable, Equatable {
    public var id: String
    public var label: String
    public var summary: String
    /// The overall residual level must be one of these.
    public var residualLevels: [String]?
    /// Whether at least one recommended measure was approved.
    public var measuresApproved: Bool?
    /// The summary to use instead when the processing is already under way (`outcome.processingUnderWay`).
    public var summaryWhenInUse: String? = nil
    /// Whether the approval is conditional on the approved measures: reports list them as its conditions.
    public var conditional: Bool = false
    /// A condition on the answers that must hold (for instance, no lawful basis identified), whatever
    /// the ratings.
    public var when: Condition? = nil
}

/// A combination of answers and measure decisions that cannot all be right (a measure approved that the
/// answers say cannot work; the DPO's advice declined without saying it was overruled). Every constraint
/// given must hold for the warning to be given; at least one is given.
public struct Contradiction: Sendable {
    public var id: String
    /// Said in the report's notes and the wizard's summary.
    public var message: String
    public var when: Condition?
    /// Measures the assessor approved.
    public var measuresApproved: [String]
    /// Measures the assessor declined (a decision recorded, not approved).
    public var measuresDeclined: [String]
}

/// Criteria deciding whether a DPIA is required, in groups with a threshold each (UK GDPR Art. 35(3): one is
/// enough; EDPB WP248: two or more).
public struct Screening: Sendable {
    public var groups: [ScreeningGroup]
    public var criteria: [ScreeningCriterion]
}

public struct ScreeningGroup: Sendable, Equatable {
    public var id: String
    public var label: String
    /// A DPIA is required when at least this many of the group's criteria are met.
    public var requiredWhenAtLeast: Int
}

public struct ScreeningCriterion: Sendable {
    public var id: String
    public var group: String
    public var label: String
    public var when: Condition
    /// Met only together with enough criteria of another group (the ICO: innovative technology,
    /// biometrics, genetic data, invisible processing and tracking count with at least one EDPB criterion).
    public var onlyWith: CriteriaRequirement? = nil
}

/// At least `atLeast` criteria of `group` met, not counting those in `except` (the EDPB criterion that
/// asks the same thing, so that innovative technology does not count as its own companion).
public struct CriteriaRequirement: Sendable, Equatable {
    public var group: String
    public var atLeast: Int
    public var except: [String]
}

/// Every rule that turns answers into ratings. All of it is data in the questionnaire definition, so an
/// organisation can read, review and tune it; nothing here is specific to one questionnaire.
struct Scoring: Sendable {
    /// Ordered from least to most likely (ICO: remote, possible, probable).
    var likelihoodLevels: [Level]
    /// Ordered from least to most severe (ICO: minimal, significant, severe).
    var severityLevels: [Level]
    /// Ordered from lowest to highest (ICO: low, medium, high).
    var riskLevels: [Level]
    /// `matrix[severity][likelihood]` is the risk level.
    var matrix: [String: [String: String]]
    /// Turns likelihood points into a likelihood level: the first band whose `maximumPoints` is not
    /// exceeded; the last band has no maximum.
    var likelihoodBands: [LikelihoodBand]
    var dataCategories: DataCategories?
    var purposes: Purposes?
    var controls: [Control]
    var risks: [Risk]
    var measures: [Measure]
    /// Measures are recommended for risks whose inherent level is at least this (ICO step 6: medium and high).
    var recommendMeasuresFrom: String?
    /// Residual levels at which the ICO must be consulted before processing (UK GDPR Art. 36).
    var priorConsultationLevels: [String]
    /// Tried in order; the first that matches is the recommendation.
    var recommendations: [RecommendationRule]
    var screening: Screening?
    /// Answers and decisions that contradict each other, each worth a warning in the report and the wizard.
    var contradictions: [Contradiction] = []
    /// Steps 6 and 7: Art. 36 wording, acceptance of residual risk, the sign-off table, completeness.
    var outcome: OutcomeRules

    static let empty = Scoring(
        likelihoodLevels: [], severityLevels: [], riskLevels: [], matrix: [:], likelihoodBands: [],
        dataCategories: nil, purposes: nil, controls: [], risks: [], measures: [], recommendMeasuresFrom: nil,
        priorConsultationLevels: [], recommendations: [], screening: nil, outcome: .none)
}

/// A named step on an ordered scale.
struct Level: Sendable, Equatable {
    var id: String
    var label: String
    var description: String?
}

/// Likelihood points up to `maximumPoints` (inclusive) give `level`.
struct LikelihoodBand: Sendable, Equatable {
    var level: String
    var maximumPoints: Int?
}

/// The kinds of data that may be shared, read from multiple-choice questions whose option values are
/// category ids (for instance "shared now" and "reasonably expected").
struct DataCategories: Sendable {
    var questions: [String]
    var categories: [DataCategory]

    func category(_ id: String) -> DataCategory? { categories.first { $0.id == id } }
}

struct DataCategory: Sendable, Equatable {
    var id: String
    var label: String
    /// A severity level id: the harm if this kind of data is disclosed or misused.
    var sensitivity: String
}

/// What the platform is approved for, against what it is used for.
struct Purposes: Sendable {
    /// A multiple-choice question whose option values are purpose ids: what the platform is (or will be) approved for.
    var approvedQuestion: String
    /// A multiple-choice question whose option values are purpose ids: what it is actually used for.
    var actualQuestion: String?
    var purposes: [Purpose]
    /// Answers that show use has drifted or can drift unnoticed.
    var signals: [DriftSignal]

    func purpose(_ id: String) -> Purpose? { purposes.first { $0.id == id } }
}

struct Purpose: Sendable, Equatable {
    var id: String
    var label: String
    /// Data category ids this purpose legitimately needs.
    var allows: [String]
}

struct DriftSignal: Sendable, Equatable {
    var id: String
    var label: String
    var when: Condition
}

/// A safeguard the assessor says is in place or not, through one question.
struct Control: Sendable {
    var id: String
    var label: String
    var question: String
    /// Answers meaning the control is in place. Any other answer means it is missing; a hidden or
    /// unanswered question, or an answer in `notApplicable`, means it does not apply.
    var inPlace: [AnswerValue]
    var notApplicable: [AnswerValue]
    var affects: [ControlEffect]
}

/// How a control moves one risk's likelihood points.
struct ControlEffect: Sendable, Equatable {
    var risk: String
    /// Points added when the control is missing.
    var whenMissing: Int
    /// Points added (usually negative) when the control is in place.
    var whenInPlace: Int
}

/// One risk to individuals in the catalogue.
struct Risk: Sendable {
    var id: String
    var title: String
    /// Source of the risk, in the committee's words.
    var description: String
    /// The nature of the potential impact on individuals.
    var harm: String
    var likelihood: LikelihoodRule
    var severity: SeverityRule
}

struct LikelihoodRule: Sendable {
    /// Points every assessment starts with.
    var base: Int
    var factors: [Factor]
    var purposeDrift: DriftWeights?
}

/// Points (or severity steps) added when a condition holds, with the reason printed in the report.
struct Factor: Sendable {
    var when: Condition
    var points: Int
    var reason: String
}

/// How purpose drift adds to a risk's likelihood.
struct DriftWeights: Sendable, Equatable {
    var perCategory: Int
    var perUnapprovedPurpose: Int
    var perSignal: Int
    /// The most drift may add in all.
    var maximum: Int?
}

struct SeverityRule: Sendable {
    /// A severity level id: the least severity of this risk.
    var base: String
    /// When true, severity is at least the sensitivity of the most sensitive data category in scope.
    var fromDataCategories: Bool
    /// Steps up (or down) the severity scale when a condition holds; `points` counts steps.
    var adjustments: [Factor]
}

/// A measure the assessor may approve to reduce risks (ICO step 6).
struct Measure: Sendable {
    var id: String
    var title: String
    var description: String
    /// Recommended only when this holds (for instance, "write a policy" only when there is none).
    var when: Condition?
    var reduces: [MeasureEffect]
    /// The controls this measure puts in place. Each, once in place, counts on every risk at least what
    /// the measure promised plus what its absence added, so a control in place never scores worse than
    /// the measure only promised (`QuestionnaireValidator` refuses a definition where it would).
    var controls: [String] = []
}

struct MeasureEffect: Sendable, Equatable {
    var risk: String
    /// Likelihood points added when approved (negative).
    var likelihood: Int
    /// Severity steps added when approved (negative, usually 0).
    var severity: Int
    /// Whether approving the measure removes the risk altogether (ICO step 6: "eliminated").
    var eliminates: Bool
}

/// Picks the recommendation. Every constraint given must hold; a rule with none always matches.
struct RecommendationRule: Sendable, Equatable {
    var id: String
    var label: String
    var summary: String
    /// The overall residual level must be one of these.
    var residualLevels: [String]?
    /// Whether at least one recommended measure was approved.
    var measuresApproved: Bool?
    /// The summary to use instead when the processing is already under way (`outcome.processingUnderWay`).
    var summaryWhenInUse: String? = nil
    /// Whether the approval is conditional on the approved measures: reports list them as its conditions.
    var conditional: Bool = false
    /// A condition on the answers that must hold (for instance, no lawful basis identified), whatever
    /// the ratings.
    var when: Condition? = nil
}

/// A combination of answers and measure decisions that cannot all be right (a measure approved that the
/// answers say cannot work; the DPO's advice declined without saying it was overruled). Every constraint
/// given must hold for the warning to be given; at least one is given.
struct Contradiction: Sendable {
    var id: String
    /// Said in the report's notes and the wizard's summary.
    var message: String
    var when: Condition?
    /// Measures the assessor approved.
    var measuresApproved: [String]
    /// Measures the assessor declined (a decision recorded, not approved).
    var measuresDeclined: [String]
}

/// Criteria deciding whether a DPIA is required, in groups with a threshold each (UK GDPR Art. 35(3): one is
/// enough; EDPB WP248: two or more).
struct Screening: Sendable {
    var groups: [ScreeningGroup]
    var criteria: [ScreeningCriterion]
}

struct ScreeningGroup: Sendable, Equatable {
    var id: String
    var label: String
    /// A DPIA is required when at least this many of the group's criteria are met.
    var requiredWhenAtLeast: Int
}

struct ScreeningCriterion: Sendable {
    var id: String
    var group: String
    var label: String
    var when: Condition
    /// Met only together with enough criteria of another group (the ICO: innovative technology,
    /// biometrics, genetic data, invisible processing and tracking count with at least one EDPB criterion).
    var onlyWith: CriteriaRequirement? = nil
}

/// At least `atLeast` criteria of `group` met, not counting those in `except` (the EDPB criterion that
/// asks the same thing, so that innovative technology does not count as its own companion).
struct CriteriaRequirement: Sendable, Equatable {
    var group: String
    var atLeast: Int
    var except: [String]
}

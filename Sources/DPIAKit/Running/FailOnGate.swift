/// `--fail-on LEVEL`, the approval gate: an assessment fails it when its overall residual risk is at or
/// above LEVEL on the questionnaire's own scale of risk levels, lowest first.
///
/// The status is 20 + the rating's position in that scale, so a pipeline can tell the ratings apart
/// whatever the scale's size: 20, 21, 22 for low, medium, high on the bundled ICO scale.
public struct FailOnGate: Sendable, Equatable {
    /// The level id given on the command line.
    var threshold: String

    public init(threshold: String) {
        self.threshold = threshold
    }

    /// The threshold is not one of the scale's level ids.
    struct UnknownLevel: Error, Sendable, Equatable, CustomStringConvertible {
        var given: String
        /// The scale's level ids, lowest first.
        var allowed: [String]

        /// Worded as the argument parser words any other value it does not accept.
        var description: String {
            "invalid value '\(given)' for option '--fail-on'; expected one of: \(allowed.joined(separator: ", "))"
        }
    }

    /// An assessment the gate stops.
    struct Verdict: Sendable, Equatable {
        var rating: Level
        /// The rating's position in the scale, lowest first.
        var position: Int

        var status: ExitStatus { .ratingAtOrAbove(position: position) }
    }

    /// Checks that the threshold names a level of `scale`. A questionnaire without risk levels gives no
    /// rating, so any threshold passes it.
    func check(scale: [Level]) throws(UnknownLevel) {
        _ = try thresholdPosition(in: scale)
    }

    /// The verdict on one rating on its scale: nil when there is no rating or it is below the threshold.
    func verdict(on rating: Level?, scale: [Level]) throws(UnknownLevel) -> Verdict? {
        guard let threshold = try thresholdPosition(in: scale), let rating,
            let position = scale.firstIndex(where: { $0.id == rating.id }), position >= threshold
        else { return nil }
        return Verdict(rating: rating, position: position)
    }

    /// The verdict on an assessment's overall residual risk.
    func verdict(on assessment: Assessment) throws(UnknownLevel) -> Verdict? {
        try verdict(on: assessment.overallResidual, scale: assessment.questionnaire.scoring.riskLevels)
    }

    /// The message for a verdict, on standard error.
    func message(_ verdict: Verdict) -> String {
        "dpia: overall residual risk \(verdict.rating.label) is at or above --fail-on \(threshold)"
    }

    private func thresholdPosition(in scale: [Level]) throws(UnknownLevel) -> Int? {
        if scale.isEmpty { return nil }
        guard let position = scale.firstIndex(where: { $0.id == threshold }) else {
            throw UnknownLevel(given: threshold, allowed: scale.map(\.id))
        }
        return position
    }
}

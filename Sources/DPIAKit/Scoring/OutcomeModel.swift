/// What a questionnaire says about the outcome of an assessment (ICO steps 6 and 7), as data: when the
/// processing is already under way, who accepts residual risk, the sign-off table's rows and what a final
/// assessment must hold.
struct OutcomeRules: Sendable {
    /// Holds when the platform is already in use, so Art. 36 advice says to stop or contain the use.
    var processingUnderWay: Condition?
    /// The question naming who accepted the residual risks (ICO step 7, "residual risks approved by").
    /// A risk's effect is "accepted" only when this is answered.
    var residualRisksAcceptedBy: String?
    /// The rows of the step 7 table, in order; every row is printed, answered or not.
    var signOff: [SignOffRow]
    /// What a final assessment must hold, besides a decision on every recommended measure and an owner
    /// and due date for every approved one.
    var finalRequires: [FinalRequirement]

    static let none = OutcomeRules(
        processingUnderWay: nil, residualRisksAcceptedBy: nil, signOff: [], finalRequires: [])
}

/// One row of the ICO step 7 table: item; name, position and date; notes.
struct SignOffRow: Sendable {
    var item: String
    /// The questions whose answers fill "name, position and date", joined with "; ".
    var answers: [String]
    /// The questions whose answers are written in the notes column.
    var notes: [String]
    /// The ICO template's note for this row, printed in the notes column.
    var guidance: String?
}

/// A condition a final assessment must meet, and what to say is missing when it does not.
struct FinalRequirement: Sendable {
    /// Must hold for the assessment to be final.
    var holds: Condition
    /// The question to point at: the answers file's `answers.ID`.
    var question: String
    /// What is missing, in the committee's words: "who approved the measures (Step 7)".
    var missing: String
}

/// What an assessment's report can say about the assessment its answers file names as `previous`: what
/// changed since it, or, when the file is not there or is not the one recorded, why not.
///
/// A report is a record, so a previous assessment that cannot be compared is stated in it, never an error.
enum PreviousComparison: Sendable {
    /// The previous file is there with the digest recorded: what changed since it.
    case compared(PreviousAssessment, AssessmentDiff)
    /// It cannot be compared; `reason` completes "The previous assessment, FILE, ...".
    case unavailable(PreviousAssessment, Problem, reason: String)

    /// Why a previous assessment cannot be compared.
    enum Problem: String, Sendable {
        /// Not there, or not a file that can be read.
        case missing
        /// There, but its bytes are not those recorded.
        case changed
        /// The recorded file, but it cannot be scored or compared.
        case unreadable
    }

    var previous: PreviousAssessment {
        switch self {
        case .compared(let previous, _), .unavailable(let previous, _, _): previous
        }
    }

    var diff: AssessmentDiff? {
        if case .compared(_, let diff) = self { return diff }
        return nil
    }

    /// A stable id of the state, for data formats: `compared`, `missing`, `changed` or `unreadable`.
    var state: String {
        switch self {
        case .compared: "compared"
        case .unavailable(_, let problem, _): problem.rawValue
        }
    }

    /// Looks for the previous file of `assessment` (read from `answersPath`), checks its digest, scores it
    /// as `assess` would and compares the two.
    static func check(
        _ assessment: Assessment, answersPath: String, catalog: QuestionnaireCatalog?,
        questionnaires: inout QuestionnaireCache
    ) -> PreviousComparison? {
        guard let previous = assessment.answers.previous else { return nil }
        let path = previous.path(besides: answersPath)
        let bytes: [UInt8]
        do {
            bytes = try FileIO.read(path)
        } catch {
            switch error {
            case .missing(_, let reason):
                return .unavailable(
                    previous, .missing,
                    reason: reason == "no such file"
                        ? "was not found (looked for at \(path))" : "could not be read at \(path): \(reason)")
            case .invalid(let failure):
                return .unavailable(
                    previous, .missing,
                    reason: "could not be read at \(path): \(failure.diagnostics.first?.message ?? "")")
            }
        }
        let digest = SHA256.hex(bytes)
        guard digest == previous.sha256 else {
            return .unavailable(
                previous, .changed,
                reason:
                    "has changed since this assessment was started from it: its SHA-256 is now \(digest.prefix(12))…, not \(previous.sha256.prefix(12))… as recorded, so it may not be the assessment this one followed"
            )
        }
        switch RegisterLoader(catalog: catalog).load(path, bytes: bytes, questionnaires: &questionnaires) {
        case .assessed(let old):
            do throws(DPIAError) {
                let diff = try AssessmentDiff(
                    old: old.assessment, oldFile: previous.file, new: assessment,
                    newFile: PathText.lastComponent(answersPath))
                return .compared(previous, diff)
            } catch {
                return .unavailable(
                    previous, .unreadable,
                    reason: "cannot be compared with this one: \(Self.firstProblem(error))")
            }
        case .failed(let failure):
            return .unavailable(
                previous, .unreadable, reason: "cannot be assessed: \(Self.firstProblem(failure.error))")
        case .skipped(let note):
            return .unavailable(previous, .unreadable, reason: note.note)
        }
    }

    static func firstProblem(_ error: DPIAError) -> String {
        if case .input(.invalid(let failure)) = error, let first = failure.diagnostics.first {
            return (first.path.isEmpty ? "" : "at \(first.path): ") + first.message
        }
        return error.description
    }
}

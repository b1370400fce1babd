/// An answers file: one assessment of one platform against one questionnaire version. The wizard writes
/// it as it goes; `dpia assess` reads it.
public struct Answers: Sendable, Equatable {
    var questionnaireID: String
    var questionnaireVersion: String
    var metadata: AssessmentMetadata
    /// Answers by question id.
    var values: [String: AnswerValue]
    /// The assessor's decision on each recommended measure, by measure id (ICO step 6).
    var measureDecisions: [String: MeasureDecision]
    /// The assessment this one re-assesses, when it was started from one (`dpia wizard --from`).
    var previous: PreviousAssessment?

    init(
        questionnaireID: String, questionnaireVersion: String, metadata: AssessmentMetadata,
        values: [String: AnswerValue] = [:], measureDecisions: [String: MeasureDecision] = [:],
        previous: PreviousAssessment? = nil
    ) {
        self.questionnaireID = questionnaireID
        self.questionnaireVersion = questionnaireVersion
        self.metadata = metadata
        self.values = values
        self.measureDecisions = measureDecisions
        self.previous = previous
    }
}

/// The answers file an assessment re-assesses, as its `previous` member names it: where the file is and
/// the SHA-256 of its bytes, so a report can tell the file it compares with is the one this followed.
struct PreviousAssessment: Sendable, Equatable {
    /// The previous answers file, relative to the folder of the answers file that names it.
    var file: String
    /// The SHA-256 of the previous file's bytes, as 64 lowercase hexadecimal digits.
    var sha256: String
    /// What the previous file said of itself when this one was started from it, for a reader without it.
    var reference: String?
    var assessmentDate: String?
    var questionnaireVersion: String?

    init(
        file: String, sha256: String, reference: String? = nil, assessmentDate: String? = nil,
        questionnaireVersion: String? = nil
    ) {
        self.file = file
        self.sha256 = sha256
        self.reference = reference
        self.assessmentDate = assessmentDate
        self.questionnaireVersion = questionnaireVersion
    }

    /// Where the previous file is, for an answers file at `answersPath`.
    func path(besides answersPath: String) -> String {
        PathText.normalised(PathText.join(PathText.splitLast(answersPath).prefix, file))
    }

    /// Why `file` cannot be the path of a previous answers file, or nil when it can be.
    static func problem(withFile file: String) -> String? {
        if file.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            return "contains a control character; expected a plain path"
        }
        if file.hasPrefix("/") {
            return
                "\"\(file)\" is an absolute path; expected a path relative to this answers file's folder, so the two can move together"
        }
        if !file.hasSuffix(".json") || AssessmentJSON.isAssessmentFileName(file) {
            return
                "\"\(file)\" is not an answers file's name; expected the path of an answers file (*.json, not *.assessment.json)"
        }
        return nil
    }

    /// Whether `text` is a SHA-256 digest as `previous.sha256` holds it.
    static func isDigest(_ text: String) -> Bool {
        text.utf8.count == 64
            && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}

/// Who assessed what, and when. Dates are `YYYY-MM-DD` text, never read from the clock.
struct AssessmentMetadata: Sendable, Equatable {
    enum Status: String, Sendable, CaseIterable {
        case draft
        case final
    }

    var organisation: String
    var platform: String
    /// The organisation's own reference for this DPIA, e.g. "IG-2026-014".
    var reference: String?
    var assessor: String
    var assessmentDate: String
    /// When the DPIA will next be reviewed (ICO step 7: keep it under review).
    var reviewDate: String?
    var status: Status

    init(
        organisation: String, platform: String, reference: String? = nil, assessor: String,
        assessmentDate: String,
        reviewDate: String? = nil, status: Status = .draft
    ) {
        self.organisation = organisation
        self.platform = platform
        self.reference = reference
        self.assessor = assessor
        self.assessmentDate = assessmentDate
        self.reviewDate = reviewDate
        self.status = status
    }
}

/// The assessor's decision on one recommended measure (ICO step 6), with the action plan for an approved
/// one: who owns it, when it is due and how far it has got.
struct MeasureDecision: Sendable, Equatable {
    /// How far an approved measure has got.
    enum Status: String, Sendable, CaseIterable {
        case planned
        case inProgress = "in_progress"
        case inPlace = "in_place"

        /// The words the report uses.
        var label: String {
            switch self {
            case .planned: "Planned"
            case .inProgress: "In progress"
            case .inPlace: "In place"
            }
        }
    }

    var approved: Bool
    var note: String?
    /// Who is responsible for putting the measure in place (name and role).
    var owner: String?
    /// When it is to be in place, `YYYY-MM-DD`.
    var dueDate: String?
    var status: Status?

    init(
        approved: Bool, note: String? = nil, owner: String? = nil, dueDate: String? = nil,
        status: Status? = nil
    ) {
        self.approved = approved
        self.note = note
        self.owner = owner
        self.dueDate = dueDate
        self.status = status
    }
}

/// Checks `YYYY-MM-DD` with a real calendar day, without Foundation's locale-dependent parsers.
func isValidDate(_ text: String) -> Bool {
    // Only ASCII digits and two dashes pass, so the UTF-8 bytes are the characters.
    let bytes = Array(text.utf8)
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
        return false
    }
    func number(_ range: Range<Int>) -> Int? {
        var value = 0
        for byte in bytes[range] {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
        (1...12).contains(month)
    else { return false }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    return (1...days).contains(day)
}

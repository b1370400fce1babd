/// The register of a folder of assessments: one entry per platform's history, the latest assessment with
/// its review and actions judged against a given date, sorted by urgency; and the files that failed.
struct Register: Sendable {
    /// One scored answers file.
    struct Assessed: Sendable {
        var file: String
        var assessment: Assessment
    }

    /// A file that could not be assessed, with its error.
    struct Failure: Sendable {
        var file: String
        var error: DPIAError
    }

    /// Where the latest assessment's review stands on the register's date.
    enum Review: Sendable, Equatable {
        /// Past its review date by this many days.
        case overdue(days: Int)
        /// Due in this many days, within the window asked for.
        case dueSoon(days: Int)
        case scheduled
        case notSet
    }

    /// One platform: its assessments, oldest first, and the state of the latest.
    struct Entry: Sendable {
        var history: [Assessed]
        var review: Review
        /// Approved measures not yet in place, in the latest assessment's action plan.
        var openActions: [ActionItem]
        /// Open actions whose due date is before the register's date.
        var overdueActions: [ActionItem]

        var latest: Assessed { history[history.count - 1] }
        var isOverdue: Bool {
            if case .overdue = review { return true }
            return !overdueActions.isEmpty
        }
    }

    var asOf: CalendarDate
    var dueWithinDays: Int
    /// The entries, most urgent first (see `urgency`).
    var entries: [Entry]
    var failures: [Failure]
    var notes: [RegisterNote]

    /// Groups `assessed` into histories, judges each against `asOf`, and sorts them by urgency.
    ///
    /// Assessments of one organisation with the same reference are one history, and so are an assessment
    /// and the one its `previous` names when both are in the register; otherwise, without a reference, an
    /// assessment is its own. Within a history the latest is the one with the latest assessment date
    /// (then the last file name).
    init(
        _ assessed: [Assessed], failures: [Failure] = [], notes: [RegisterNote] = [], asOf: CalendarDate,
        dueWithinDays: Int
    ) {
        self.asOf = asOf
        self.dueWithinDays = dueWithinDays
        self.failures = failures
        self.notes = notes
        // Each file's own key, then keys joined where a file names another of the register as `previous`.
        func key(_ item: Assessed) -> String {
            let meta = item.assessment.answers.metadata
            return meta.reference.map { "ref\u{0}\(meta.organisation)\u{0}\($0)" } ?? "file\u{0}\(item.file)"
        }
        func normalised(_ path: String) -> String { PathText.relative(to: path, from: "", cwd: "/") }
        var joined: [String: String] = [:]
        func root(_ key: String) -> String {
            var key = key
            while let next = joined[key], next != key { key = next }
            return key
        }
        let keyByFile = Dictionary(
            assessed.map { (normalised($0.file), key($0)) }, uniquingKeysWith: { a, _ in a })
        for item in assessed {
            guard let previous = item.assessment.answers.previous,
                let earlier = keyByFile[normalised(previous.path(besides: item.file))]
            else { continue }
            let (a, b) = (root(earlier), root(key(item)))
            if a != b { joined[b] = a }
        }
        var groups: [String: [Assessed]] = [:]
        var order: [String] = []
        for item in assessed {
            let key = root(key(item))
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(item)
        }
        entries = order.map { key in
            let history = groups[key]!.sorted {
                ($0.assessment.answers.metadata.assessmentDate, $0.file)
                    < ($1.assessment.answers.metadata.assessmentDate, $1.file)
            }
            return Self.entry(history, asOf: asOf, dueWithinDays: dueWithinDays)
        }
        entries.sort { Self.urgency($0) < Self.urgency($1) }
    }

    static func entry(_ history: [Assessed], asOf: CalendarDate, dueWithinDays: Int) -> Entry {
        let latest = history[history.count - 1].assessment
        let review: Review
        if let text = latest.answers.metadata.reviewDate, let date = CalendarDate(iso: text) {
            let days = date.days(since: asOf)
            review =
                days < 0 ? .overdue(days: -days) : days <= dueWithinDays ? .dueSoon(days: days) : .scheduled
        } else {
            review = .notSet
        }
        let open = latest.actionPlan.filter { $0.status != .inPlace }
        let overdue = open.filter { $0.isOverdue(on: asOf) }
        return Entry(history: history, review: review, openActions: open, overdueActions: overdue)
    }

    /// The sort key, smallest first: anything overdue, then a review due soon, then no review date, then
    /// the rest; within each, the higher residual risk first, then the longest overdue, then by name.
    static func urgency(_ entry: Entry) -> (Int, Int, Int, String, String, String) {
        let rank: Int
        var overdueDays = 0
        switch entry.review {
        case .overdue(let days):
            rank = 0
            overdueDays = days
        case .dueSoon: rank = entry.overdueActions.isEmpty ? 1 : 0
        case .notSet: rank = entry.overdueActions.isEmpty ? 2 : 0
        case .scheduled: rank = entry.overdueActions.isEmpty ? 3 : 0
        }
        let latest = entry.latest.assessment
        let meta = latest.answers.metadata
        let position =
            latest.overallResidual.flatMap { level in
                latest.questionnaire.scoring.riskLevels.firstIndex { $0.id == level.id }
            } ?? -1
        return (rank, -position, -overdueDays, meta.organisation, meta.platform, entry.latest.file)
    }

    /// How many reviews are overdue, due soon, and how many actions are overdue, over every entry.
    var overdueReviews: Int {
        entries.filter { if case .overdue = $0.review { true } else { false } }.count
    }
    var reviewsDueSoon: Int {
        entries.filter { if case .dueSoon = $0.review { true } else { false } }.count
    }
    var overdueActions: Int { entries.map(\.overdueActions.count).reduce(0, +) }
    var assessmentCount: Int { entries.map(\.history.count).reduce(0, +) }
    /// Whether anything is overdue: a review or an action.
    var hasOverdue: Bool { entries.contains(where: \.isOverdue) }
}

extension Register.Entry {
    /// What needs attention, in a few words: "Review overdue by 15 days; 6 actions overdue"; empty if nothing.
    var attention: String {
        var parts: [String] = []
        switch review {
        case .overdue(let days): parts.append("Review overdue by \(Self.days(days))")
        case .dueSoon(let days):
            parts.append(days == 0 ? "Review due today" : "Review due in \(Self.days(days))")
        case .notSet: parts.append("No review date")
        case .scheduled: break
        }
        if !overdueActions.isEmpty {
            let count = overdueActions.count
            parts.append(count == 1 ? "1 action overdue" : "\(count) actions overdue")
        }
        return parts.joined(separator: "; ")
    }

    /// The review state as one word for a spreadsheet: `overdue`, `due soon`, `scheduled`, `not set`.
    var reviewState: String {
        switch review {
        case .overdue: "overdue"
        case .dueSoon: "due soon"
        case .scheduled: "scheduled"
        case .notSet: "not set"
        }
    }

    /// Purpose drift in the latest assessment, in a few words: "3 data categories, 1 purpose, 2 signals",
    /// "none", or "not assessed" when the questionnaire has no drift analysis.
    var drift: String {
        guard let drift = latest.assessment.purposeDrift else { return "not assessed" }
        return Self.driftWords(drift)
    }

    /// Purpose drift in a few words: "3 data categories, 1 unapproved purpose, 2 signals", or "none".
    static func driftWords(_ drift: PurposeDriftResult) -> String {
        guard drift.hasDrift else { return "none" }
        func count(_ n: Int, _ one: String, _ many: String) -> String? {
            n == 0 ? nil : "\(n) \(n == 1 ? one : many)"
        }
        return [
            count(drift.driftedCategories.count, "data category", "data categories"),
            count(drift.unapprovedPurposes.count, "unapproved purpose", "unapproved purposes"),
            count(drift.signals.count, "signal", "signals"),
        ].compactMap { $0 }.joined(separator: ", ")
    }

    /// "re-assesses the 2026-03-16 assessment" when the latest names, as `previous`, another assessment
    /// of this history; nil otherwise.
    var follows: String? {
        let latest = self.latest
        guard let previous = latest.assessment.answers.previous else { return nil }
        let path = PathText.relative(to: previous.path(besides: latest.file), from: "", cwd: "/")
        guard
            let earlier = history.dropLast().last(where: {
                PathText.relative(to: $0.file, from: "", cwd: "/") == path
            })
        else { return nil }
        return "re-assesses the \(earlier.assessment.answers.metadata.assessmentDate) assessment"
    }

    /// The overall residual level over the history, oldest first, repeats dropped, from the month of the
    /// first assessment: "high → medium since 2026-03"; "high since 2026-03" when it never moved;
    /// "first assessment" for one.
    ///
    /// Only assessments on the latest one's questionnaire make the trend (its versions may differ); one on
    /// another questionnaire (a screening under the same reference, say) is named after it as not
    /// comparable: "high → low since 2026-03; not comparable: SCR.json answers dpia-screening".
    var trend: String {
        let questionnaire = latest.assessment.questionnaire.id
        let comparable = history.filter { $0.assessment.questionnaire.id == questionnaire }
        var text: String
        if comparable.count > 1 {
            var levels: [String] = []
            for item in comparable {
                let label = item.assessment.overallResidual?.label.lowercased() ?? "not rated"
                if levels.last != label { levels.append(label) }
            }
            let since = String(comparable[0].assessment.answers.metadata.assessmentDate.prefix(7))
            text = levels.joined(separator: " → ") + " since " + since
        } else {
            text = "first assessment"
        }
        if !notComparable.isEmpty {
            text += "; not comparable: " + notComparable.joined(separator: "; ")
        }
        return text
    }

    /// The assessments of this history on another questionnaire than the latest's, which the trend leaves
    /// out: "SCR.json answers dpia-screening, not communication-platform".
    var notComparable: [String] {
        let questionnaire = latest.assessment.questionnaire.id
        return history.filter { $0.assessment.questionnaire.id != questionnaire }.map {
            "\($0.file) answers \($0.assessment.questionnaire.id), not \(questionnaire)"
        }
    }

    static func days(_ n: Int) -> String { n == 1 ? "1 day" : "\(n) days" }
}

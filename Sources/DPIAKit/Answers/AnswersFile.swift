/// Reading, checking and writing answers files.
enum AnswersFile {
    /// Parses answers and checks them against the questionnaire. Throws a `ValidationFailure` listing every
    /// problem: syntax, unknown or hidden questions, wrong types, options not offered, missing required
    /// answers, unknown measures and a questionnaire id or version mismatch.
    static func load(_ bytes: [UInt8], file: String, questionnaire: Questionnaire)
        throws(ValidationFailure) -> Answers
    {
        let answers = try parse(bytes, file: file, finalRules: questionnaire.supersededBy == nil)
        let problems = validate(answers.answers, against: questionnaire, file: file, sink: answers.sink)
        if !problems.isEmpty { throw ValidationFailure(problems) }
        return answers.answers
    }

    /// Parses a draft saved by the wizard: like `load`, but metadata and required answers may still be
    /// missing. Wrong types, unknown questions and options not offered are still errors.
    static func loadDraft(_ bytes: [UInt8], file: String, questionnaire: Questionnaire)
        throws(ValidationFailure)
        -> Answers
    {
        let answers = try parse(bytes, file: file, draft: true)
        let problems = validate(
            answers.answers, against: questionnaire, file: file, sink: answers.sink, draft: true)
        if !problems.isEmpty { throw ValidationFailure(problems) }
        return answers.answers
    }

    /// Reads only the questionnaire id and version an answers file names, to find its questionnaire.
    static func questionnaireReference(_ bytes: [UInt8], file: String) throws(ValidationFailure) -> (
        id: String, version: String
    ) {
        let answers = try parse(bytes, file: file, draft: true)
        return (answers.answers.questionnaireID, answers.answers.questionnaireVersion)
    }

    /// `finalRules`: whether a final must be complete by today's rules (false for answers to a superseded
    /// version, whose finals are records).
    static func parse(_ bytes: [UInt8], file: String, draft: Bool = false, finalRules: Bool = true)
        throws(ValidationFailure) -> (answers: Answers, sink: ParsedSink)
    {
        let root = try JSONParser.parseDocument(bytes, file: file)
        return try parse(root, file: file, draft: draft, finalRules: finalRules)
    }

    /// Like `load`, and scores the answers too: a final assessment is scored once, for both the check that
    /// it is complete and its report. `root` is the file's JSON when already parsed (a batch parses each
    /// file once); without it the bytes are parsed here.
    static func assess(_ bytes: [UInt8], root: JSONNode?, file: String, questionnaire: Questionnaire)
        throws(ValidationFailure) -> Assessment
    {
        // A final on a superseded version is a record: it need not be complete by today's rules.
        let finalRules = questionnaire.supersededBy == nil
        let answers =
            if let root { try parse(root, file: file, finalRules: finalRules) } else {
                try parse(bytes, file: file, finalRules: finalRules)
            }
        let checked = validate(
            answers.answers, against: questionnaire, file: file, sink: answers.sink, draft: false, score: true
        )
        guard let assessment = checked.assessment, checked.problems.isEmpty else {
            throw ValidationFailure(checked.problems)
        }
        return assessment
    }

    static func parse(_ root: JSONNode, file: String, draft: Bool = false, finalRules: Bool = true)
        throws(ValidationFailure) -> (answers: Answers, sink: ParsedSink)
    {
        let sink = DiagnosticSink(file: file)
        let parsed = ParsedSink(sink: sink)
        guard let reader = JSONReader(root, path: "", sink: sink, what: "an answers object") else {
            throw ValidationFailure(sink.diagnostics)
        }
        if reader.member("sections") != nil && reader.member("answers") == nil {
            // A definition given where answers were expected: one clear message, not one per member.
            sink.report(
                "this is a questionnaire definition, not an answers file; expected an answers file (give a definition with --questionnaire PATH)",
                at: "", root.location)
            throw ValidationFailure(sink.diagnostics)
        }
        reader.rejectUnknownKeys(["$schema", "questionnaire", "metadata", "previous", "answers", "measures"])
        let reference = reader.object("questionnaire", required: true)
        reference?.rejectUnknownKeys(["id", "version"])
        let id = reference?.string("id")
        let version = reference?.string("version")
        var metadata: AssessmentMetadata?
        if let meta = reader.object("metadata", required: true) {
            parsed.metadataLocation = meta.node.location
            meta.rejectUnknownKeys([
                "organisation", "platform", "reference", "assessor", "assessmentDate", "reviewDate", "status",
            ])
            let organisation =
                meta.string("organisation", required: !draft, nonEmpty: !draft) ?? (draft ? "" : nil)
            let platform = meta.string("platform", required: !draft, nonEmpty: !draft) ?? (draft ? "" : nil)
            let assessor = meta.string("assessor", required: !draft, nonEmpty: !draft) ?? (draft ? "" : nil)
            let date = meta.string("assessmentDate", required: !draft, nonEmpty: !draft) ?? (draft ? "" : nil)
            let review = meta.string("reviewDate", required: false)
            for (key, value) in [("assessmentDate", date), ("reviewDate", review)] {
                if let value, !(draft && value.isEmpty), !isValidDate(value) {
                    sink.report(
                        "\"\(value)\" is not a date; expected YYYY-MM-DD", at: meta.childPath(key),
                        meta.location(of: key))
                }
            }
            var status = AssessmentMetadata.Status.draft
            if let statusText = meta.string("status", required: false) {
                if let known = AssessmentMetadata.Status(rawValue: statusText) {
                    status = known
                } else {
                    sink.report(
                        "unknown status \"\(statusText)\"; expected \"draft\" or \"final\"",
                        at: meta.childPath("status"),
                        meta.location(of: "status"))
                }
            }
            if status == .final && review == nil && !draft && finalRules {
                finalProblem(Scorer.missingReviewDate, at: meta.node.location, sink: sink)
            }
            if let date, let review, isValidDate(date), isValidDate(review), review <= date {
                sink.report(
                    "review date \(review) is not after the assessment date \(date)",
                    at: meta.childPath("reviewDate"),
                    meta.location(of: "reviewDate"))
            }
            if let organisation, let platform, let assessor, let date {
                metadata = AssessmentMetadata(
                    organisation: organisation, platform: platform,
                    reference: meta.string("reference", required: false),
                    assessor: assessor, assessmentDate: date, reviewDate: review, status: status)
            }
        }
        let previous = reader.object("previous").flatMap {
            previousAssessment($0, date: metadata, sink: sink)
        }
        var values: [String: AnswerValue] = [:]
        if let answers = reader.object("answers", required: true) {
            let members = answers.allMembers
            values.reserveCapacity(members.count)
            parsed.answersLocation = answers.node.location
            parsed.answersPath = answers.path
            for member in members {
                parsed.answerNodes.append((member.key, member.value))
                if member.value.document.kind(at: member.value.index) == .null { continue }
                if let value = QuestionnaireDecoding.answerValue(
                    member.value, answers.childPath(member.key), sink)
                {
                    values[member.key] = value
                }
            }
        }
        var decisions: [String: MeasureDecision] = [:]
        if let measures = reader.object("measures") {
            for member in measures.allMembers {
                let path = measures.childPath(member.key)
                parsed.measureNodes[member.key] = (path, member.keyLocation)
                guard let decision = JSONReader(member.value, path: path, sink: sink) else { continue }
                decision.rejectUnknownKeys(["approved", "note", "owner", "dueDate", "status"])
                guard let approved = decision.bool("approved") else {
                    if decision.member("approved") == nil {
                        sink.report(
                            "missing required field \"approved\" (true or false)", at: path,
                            member.value.location)
                    }
                    continue
                }
                let dueDate = decision.string("dueDate", required: false)
                if let dueDate, !isValidDate(dueDate) {
                    sink.report(
                        "\"\(dueDate)\" is not a date; expected YYYY-MM-DD", at: path + ".dueDate",
                        decision.location(of: "dueDate"))
                }
                var status: MeasureDecision.Status?
                if let text = decision.string("status", required: false) {
                    status = MeasureDecision.Status(rawValue: text)
                    if status == nil {
                        sink.report(
                            "unknown status \"\(text)\"; expected one of \(quotedList(MeasureDecision.Status.allCases.map(\.rawValue)))",
                            at: path + ".status", decision.location(of: "status"))
                    }
                }
                decisions[member.key] = MeasureDecision(
                    approved: approved, note: decision.string("note", required: false),
                    owner: decision.string("owner", required: false), dueDate: dueDate, status: status)
            }
        }
        guard sink.diagnostics.isEmpty, let id, let version, let metadata else {
            throw ValidationFailure(sink.diagnostics)
        }
        return (
            Answers(
                questionnaireID: id, questionnaireVersion: version, metadata: metadata, values: values,
                measureDecisions: decisions, previous: previous), parsed
        )
    }

    /// The `previous` member, checked: a relative path to an answers file, its SHA-256, and what it said
    /// of itself (an earlier assessment date than this one's, when both are given).
    static func previousAssessment(
        _ reader: JSONReader, date metadata: AssessmentMetadata?, sink: DiagnosticSink
    )
        -> PreviousAssessment?
    {
        reader.rejectUnknownKeys(["file", "sha256", "reference", "assessmentDate", "questionnaireVersion"])
        let file = reader.string("file")
        if let file, let problem = PreviousAssessment.problem(withFile: file) {
            sink.report(problem, at: reader.childPath("file"), reader.location(of: "file"))
        }
        let digest = reader.string("sha256")
        if let digest, !PreviousAssessment.isDigest(digest) {
            sink.report(
                "\"\(digest.prefix(80))\" is not a SHA-256 digest; expected the previous file's SHA-256 as 64 lowercase hexadecimal digits",
                at: reader.childPath("sha256"), reader.location(of: "sha256"))
        }
        let date = reader.string("assessmentDate", required: false)
        if let date {
            if !isValidDate(date) {
                sink.report(
                    "\"\(date)\" is not a date; expected YYYY-MM-DD", at: reader.childPath("assessmentDate"),
                    reader.location(of: "assessmentDate"))
            } else if let current = metadata?.assessmentDate, isValidDate(current), date > current {
                sink.report(
                    "the previous assessment's date \(date) is after this assessment's date \(current); expected the assessment this one follows",
                    at: reader.childPath("assessmentDate"), reader.location(of: "assessmentDate"))
            }
        }
        guard let file, let digest else { return nil }
        return PreviousAssessment(
            file: file, sha256: digest, reference: reader.string("reference", required: false),
            assessmentDate: date, questionnaireVersion: reader.string("questionnaireVersion", required: false)
        )
    }

    /// What was parsed, kept for pointing errors at the right line.
    final class ParsedSink {
        let sink: DiagnosticSink
        /// Every member of "answers", in order; only a problem needs one found by id.
        var answerNodes: [(id: String, node: JSONNode)] = []
        var answersPath = "answers"
        var measureNodes: [String: (path: String, location: TextPosition)] = [:]
        var answersLocation: TextPosition?
        var metadataLocation: TextPosition?

        init(sink: DiagnosticSink) {
            self.sink = sink
        }

        /// Where each answer is, by id (the first, should the file repeat one), made once for all the
        /// problems to be placed: looking each one up in `answerNodes` made 80,000 problems take minutes.
        func answerPlaces() -> [String: JSONNode] {
            var places: [String: JSONNode] = [:]
            places.reserveCapacity(answerNodes.count)
            for (id, node) in answerNodes where places[id] == nil { places[id] = node }
            return places
        }
    }

    /// How many unknown ids (of questions, and of measures) get a "did you mean" suggestion.
    static let maximumSuggestions = 20

    static func validate(
        _ answers: Answers, against questionnaire: Questionnaire, file: String, sink parsed: ParsedSink,
        draft: Bool = false
    )
        -> [Diagnostic]
    {
        validate(answers, against: questionnaire, file: file, sink: parsed, draft: draft, score: false)
            .problems
    }

    /// `validate`, and, when there are no problems and `score` is set (or the answers are final, which
    /// scoring checks), the assessment, scored from the questions shown that validating found.
    static func validate(
        _ answers: Answers, against questionnaire: Questionnaire, file: String, sink parsed: ParsedSink,
        draft: Bool, score: Bool
    )
        -> (problems: [Diagnostic], assessment: Assessment?)
    {
        let sink = parsed.sink
        if answers.questionnaireID != questionnaire.id {
            sink.report(
                "these answers are for questionnaire \"\(answers.questionnaireID)\" but \"\(questionnaire.id)\" was loaded; expected matching ids (use --questionnaire to pick the right one)",
                at: "questionnaire.id", nil)
            return (sink.diagnostics, nil)
        }
        if answers.questionnaireVersion != questionnaire.version {
            sink.report(
                "these answers are for version \(answers.questionnaireVersion) of \"\(questionnaire.id)\" but version \(questionnaire.version) was loaded; expected the same version (point --questionnaire at version \(answers.questionnaireVersion), or re-answer with the wizard: dpia wizard --resume FILE)",
                at: "questionnaire.version", nil)
        }
        let shown = questionnaire.shown(answers.values)
        let (visibleQuestions, shownAnswers) = shown
        // Checked in any order; reported by id, as a reader scans them. Each id has at most one problem.
        var problems: [(id: String, message: String)] = []
        var unknownIDs: [String] = []
        for (id, value) in answers.values {
            guard let question = questionnaire.question(id) else {
                unknownIDs.append(id)
                continue
            }
            if let problem = problem(with: value, for: question) {
                problems.append((id, problem))
                continue
            }
            // The shown answers are those of the questions asked, so an answer missing from them was not.
            let asked = shownAnswers[id] != nil
            if asked, let problem = notOffered(value, for: question, given: shownAnswers, in: questionnaire) {
                problems.append((id, problem))
                continue
            }
            if !asked {
                let condition =
                    questionnaire.section(containing: id).flatMap { section in
                        section.when.flatMap { $0.holds({ answers.values[$0] }) ? nil : $0 }
                    } ?? question.when
                problems.append(
                    (
                        id,
                        "question \"\(id)\" is answered but not asked with these answers"
                            + (condition.map { " (it is asked only when \($0.describe(in: questionnaire)))" }
                                ?? "")
                            + "; expected no answer (remove it or change the earlier answer)"
                    ))
            }
        }
        // Suggestions compare an id with every question's, so only the first few unknown ids (in id
        // order) get one; a file of thousands of unknown ids is not a few typos.
        unknownIDs.sort()
        let questionIDs = unknownIDs.isEmpty ? [] : questionnaire.questions.map(\.id)
        for (position, id) in unknownIDs.enumerated() {
            var message = "unknown question \"\(id)\""
            if position < maximumSuggestions, let guess = closest(to: id, among: questionIDs) {
                message += "; did you mean \"\(guess)\"?"
            } else {
                message += "; expected a question id of \"\(questionnaire.id)\""
            }
            problems.append((id, message))
        }
        let places = problems.isEmpty ? [:] : parsed.answerPlaces()
        for (id, message) in problems.sorted(by: { $0.id < $1.id }) {
            sink.report(message, at: "\(parsed.answersPath).\(id)", places[id]?.location)
        }
        for id in visibleQuestions where !draft {
            // Answered first: most questions are, and reading one copies it.
            guard shownAnswers[id] == nil, let question = questionnaire.question(id), question.required
            else { continue }
            sink.report(
                "missing answer to required question \"\(question.id)\" (\(question.prompt)); expected \(question.type.expectedAnswer)",
                at: "answers", parsed.answersLocation)
        }
        let measureIDs = questionnaire.scoring.measures.map(\.id)
        let knownMeasures = Set(measureIDs)
        for (position, (id, place)) in parsed.measureNodes.sorted(by: { $0.key < $1.key })
            .filter({ !knownMeasures.contains($0.key) }).enumerated()
        {
            var message = "unknown measure \"\(id)\""
            if position < maximumSuggestions, let guess = closest(to: id, among: measureIDs) {
                message += "; did you mean \"\(guess)\"?"
            } else {
                message += "; expected one of \(quotedList(measureIDs))"
            }
            sink.report(message, at: place.path, place.location)
        }
        // A final made on a superseded version was recorded under that version's rules: it is a record
        // and still renders, its missing items shown; only finals on the default version must be complete.
        if !draft && answers.metadata.status == .final && questionnaire.supersededBy == nil {
            let assessment = checkComplete(answers, against: questionnaire, sink: parsed, shown: shown)
            return (sink.diagnostics, assessment)
        }
        guard score && sink.diagnostics.isEmpty else { return (sink.diagnostics, nil) }
        return (sink.diagnostics, Scorer.assess(questionnaire, answers, shown: shown))
    }

    /// A final assessment must hold everything `Assessment.missingForFinal` lists; each missing item is
    /// a problem of its own, at the place it belongs. Scoring needs valid answers, so this waits until
    /// there are no other problems (a missing review date is found while parsing). `shown` is what
    /// `Questionnaire.shown` gives for these answers. Returns the assessment it scored, if it did.
    static func checkComplete(
        _ answers: Answers, against questionnaire: Questionnaire, sink parsed: ParsedSink,
        shown: (questions: [String], answers: [String: AnswerValue])
    ) -> Assessment? {
        let sink = parsed.sink
        guard sink.diagnostics.isEmpty else { return nil }
        let assessment = Scorer.assess(questionnaire, answers, shown: shown)
        let missing = assessment.missingForFinal
        let places = missing.isEmpty ? [:] : parsed.answerPlaces()
        for item in missing {
            let parts = item.path.split(separator: ".").map(String.init)
            let location: TextPosition? =
                switch parts.first {
                case "measures": parts.count > 1 ? parsed.measureNodes[parts[1]]?.location : nil
                case "answers": parts.count > 1 ? places[parts[1]]?.location : nil
                case "metadata": parsed.metadataLocation
                default: nil
                }
            finalProblem(item, at: location ?? parsed.answersLocation, sink: sink)
        }
        return assessment
    }

    static func finalProblem(_ item: MissingItem, at location: TextPosition?, sink: DiagnosticSink) {
        sink.report(
            "a final assessment needs \(item.description); expected it recorded, or \"status\": \"draft\" until it is",
            at: item.path, location)
    }

    /// Why an option picked is not offered with these (shown) answers, or nil when every one is: an
    /// option with a condition (one UK nation's, for instance) is offered only while it holds.
    static func notOffered(
        _ value: AnswerValue, for question: Question, given answers: [String: AnswerValue],
        in questionnaire: Questionnaire
    ) -> String? {
        let picked: [String]
        switch value {
        case .string(let one) where question.type == .single: picked = [one]
        case .strings(let many): picked = many
        default: return nil
        }
        let offered = question.offering { answers[$0] }
        guard let bad = picked.first(where: { offered.option($0) == nil }),
            let condition = question.option(bad)?.when
        else { return nil }
        return
            "\"\(bad)\" is not offered for \"\(question.id)\" with these answers (it is offered only when \(condition.describe(in: questionnaire)))"
            + "; expected one of \(quotedList(offered.options.map(\.value)))"
    }

    /// Why a value cannot answer a question, or nil when it can.
    static func problem(with value: AnswerValue, for question: Question) -> String? {
        func isOffered(_ picked: String) -> Bool { question.options.contains { $0.value == picked } }
        func notOffered(_ picked: String) -> String {
            let offered = question.options.map(\.value)
            var message = "\"\(picked)\" is not an option of \"\(question.id)\""
            if let guess = closest(to: picked, among: offered) { message += "; did you mean \"\(guess)\"?" }
            return message + "; expected one of \(quotedList(offered))"
        }
        switch (question.type, value) {
        case (.yesNo, .bool): return nil
        case (.single, .string(let picked)): return isOffered(picked) ? nil : notOffered(picked)
        case (.multiple, .strings(let picked)):
            if let bad = picked.first(where: { !isOffered($0) }) { return notOffered(bad) }
            if hasDuplicate(picked) {
                return "an option is picked twice; expected each option once"
            }
            if let least = question.minimumSelections, picked.count < least {
                return "\(picked.count) option(s) picked; expected at least \(least)"
            }
            return nil
        case (.text, .string(let text)):
            if containsNewline(text) { return "a short text answer cannot contain line breaks" }
            return text.isBlank ? "the answer is empty; expected some text" : nil
        case (.longText, .string(let text)):
            return text.isBlank ? "the answer is empty; expected some text" : nil
        case (.integer, .integer(let number)):
            if let minimum = question.minimum, number < minimum {
                return "\(number) is below the minimum \(minimum)"
            }
            if let maximum = question.maximum, number > maximum {
                return "\(number) is above the maximum \(maximum)"
            }
            return nil
        case (.date, .string(let text)):
            return isValidDate(text) ? nil : "\"\(text)\" is not a date; expected YYYY-MM-DD"
        default:
            return
                "found \(describe(value)); expected \(question.type.expectedAnswer) (\(question.type.article) \"\(question.type.rawValue)\" question)"
        }
    }

    /// Whether any two are equal; a few picks are compared pairwise rather than hashed.
    private static func hasDuplicate(_ picked: [String]) -> Bool {
        guard picked.count <= 16 else { return Set(picked).count != picked.count }
        for (offset, value) in picked.enumerated() where picked[..<offset].contains(value) { return true }
        return false
    }

    /// `text.contains(where: \.isNewline)` on UTF-8 bytes. A character is a newline when its first scalar is
    /// U+000A to U+000D, U+0085, U+2028 or U+2029; each of those always starts a character (or is the LF
    /// of CR LF), so looking for their encodings anywhere gives the same answer without forming characters.
    static func containsNewline(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for (index, byte) in bytes.enumerated() {
                switch byte {
                case 0x0A...0x0D: return true
                case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0x85: return true
                case 0xE2
                where index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    return true
                default: continue
                }
            }
            return false
        }
    }

    private static func describe(_ value: AnswerValue) -> String {
        switch value {
        case .bool(let bool): "\(bool)"
        case .string(let string): "a string \"\(string.prefix(40))\""
        case .strings: "an array"
        case .integer(let int): "the number \(int)"
        }
    }

    /// The answers file as JSON text: questionnaire, metadata, answers in question order, decisions.
    static func write(_ answers: Answers, questionnaire: Questionnaire?) -> String {
        String(decoding: bytes(answers, questionnaire: questionnaire), as: UTF8.self)
    }

    /// What `write` returns, as UTF-8 bytes: reports hash these for their fingerprint. Written straight
    /// to bytes, in the layout `JSONWriter` gives.
    static func bytes(_ answers: Answers, questionnaire: Questionnaire?) -> [UInt8] {
        var writer = JSONObjectWriter()
        writer.key("questionnaire")
        writer.beginObject()
        writer.key("id")
        writer.string(answers.questionnaireID)
        writer.key("version")
        writer.string(answers.questionnaireVersion)
        writer.endObject()
        let meta = answers.metadata
        writer.key("metadata")
        writer.beginObject()
        writer.key("organisation")
        writer.string(meta.organisation)
        writer.key("platform")
        writer.string(meta.platform)
        if let reference = meta.reference {
            writer.key("reference")
            writer.string(reference)
        }
        writer.key("assessor")
        writer.string(meta.assessor)
        writer.key("assessmentDate")
        writer.string(meta.assessmentDate)
        if let review = meta.reviewDate {
            writer.key("reviewDate")
            writer.string(review)
        }
        writer.key("status")
        writer.string(meta.status.rawValue)
        writer.endObject()
        if let previous = answers.previous {
            writer.key("previous")
            writer.beginObject()
            for (key, text) in [
                ("file", previous.file), ("sha256", previous.sha256), ("reference", previous.reference),
                ("assessmentDate", previous.assessmentDate),
                ("questionnaireVersion", previous.questionnaireVersion),
            ] {
                guard let text else { continue }
                writer.key(key)
                writer.string(text)
            }
            writer.endObject()
        }
        writer.key("answers")
        writer.beginObject()
        // Answers in question order, then answers to unknown questions by id. (A set of the ids written
        // cost three hashes a question, a fifth of the fingerprint; the questionnaire knows its ids.)
        var written = 0
        for id in questionnaire?.questionIDs ?? [] {
            guard let value = answers.values[id] else { continue }
            writer.key(id)
            writer.answer(value)
            written += 1
        }
        // Every answer is written once it has as many as there are answers; otherwise some are unknown.
        if written < answers.values.count {
            for id in answers.values.keys.filter({ !(questionnaire?.asks($0) ?? false) }).sorted() {
                writer.key(id)
                writer.answer(answers.values[id]!)
            }
        }
        writer.endObject()
        if !answers.measureDecisions.isEmpty {
            let measureOrder = questionnaire?.scoring.measures.map(\.id) ?? []
            // Each id's place is found once, not at every comparison.
            let ids = answers.measureDecisions.keys.map { (measureOrder.firstIndex(of: $0) ?? Int.max, $0) }
                .sorted { $0 < $1 }.map(\.1)
            writer.key("measures")
            writer.beginObject()
            for id in ids {
                let decision = answers.measureDecisions[id]!
                writer.key(id)
                writer.beginObject()
                writer.key("approved")
                writer.bool(decision.approved)
                for (key, text) in [
                    ("note", decision.note), ("owner", decision.owner), ("dueDate", decision.dueDate),
                    ("status", decision.status?.rawValue),
                ] {
                    guard let text else { continue }
                    writer.key(key)
                    writer.string(text)
                }
                writer.endObject()
            }
            writer.endObject()
        }
        return writer.finish()
    }
}

extension JSONObjectWriter {
    /// An answer as `AnswerValue.json` gives it.
    fileprivate mutating func answer(_ value: AnswerValue) {
        switch value {
        case .bool(let bool): self.bool(bool)
        case .string(let string): self.string(string)
        case .strings(let strings): self.strings(strings)
        case .integer(let integer): self.integer(integer)
        }
    }
}

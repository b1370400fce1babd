import Foundation

/// The questionnaire definitions in a folder, by id and version.
///
/// `ID.json` is the default (current) version of a questionnaire; every earlier released version stays
/// in `ID/VERSION.json`, so that an assessment of record made on it still assesses and re-renders. A
/// definition loaded from `ID/` is marked `supersededBy` the default's version.
///
/// A catalog made by `load` reads every definition at once; one made by `lazy` reads a definition when it is
/// first asked for, trying `ID.json` (then `ID/VERSION.json`) before the others, so an assessment reads only
/// the questionnaire its answers name. Loaded definitions are shared by copies of the catalog and by threads.
struct QuestionnaireCatalog: Sendable {
    struct Entry: Sendable {
        var path: String
        var questionnaire: Questionnaire
        /// Whether this is the version an id alone resolves to (`ID.json`), rather than an earlier release.
        var isDefault: Bool { questionnaire.supersededBy == nil }
    }

    var directory: String
    private let storage: Storage

    /// Every definition that loads, in file-name order.
    var entries: [Entry] { storage.all().entries }

    /// The definitions that do not load, in file-name order.
    var failures: [InputError] { storage.all().failures }

    /// Loads every `*.json` definition directly in the folder and every released version in `ID/` beside
    /// an `ID.json` (schemas and examples are skipped).
    /// Broken definitions are returned as failures rather than hiding the good ones.
    static func load(directory: String) -> (catalog: QuestionnaireCatalog, failures: [InputError]) {
        let catalog = lazy(directory: directory)
        return (catalog, catalog.failures)
    }

    /// Lists the definitions in the folder without reading them yet: each `ID.json`, then its earlier
    /// releases in `ID/`, newest first.
    static func lazy(directory: String) -> QuestionnaireCatalog {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
        var paths: [String] = []
        var archived: [String: String] = [:]
        for name in names where name.hasSuffix(".json") && !name.hasSuffix(".schema.json") {
            let current = PathText.join(directory, name)
            paths.append(current)
            let folder = PathText.join(directory, String(name.dropLast(5)))
            let releases = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
                .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }
                .sorted { QuestionnaireVersion.isOrdered($1, before: $0) }
            for release in releases {
                let path = PathText.join(folder, release + ".json")
                paths.append(path)
                archived[path] = current
            }
        }
        return QuestionnaireCatalog(directory: directory, storage: Storage(paths: paths, archived: archived))
    }

    /// The definition with this id (and version, when given): a version that is not there falls back to
    /// the id's default, so the caller can say which version it found.
    func entry(id: String, version: String? = nil) -> Entry? {
        // A definition is usually saved as ID.json, an earlier release as ID/VERSION.json; reading those
        // first spares reading the others.
        let likely = PathText.join(directory, id + ".json")
        if let entry = storage.entry(at: likely), entry.questionnaire.id == id,
            version == nil || entry.questionnaire.version == version
        {
            return entry
        }
        if let version,
            let entry = storage.entry(at: PathText.join(PathText.join(directory, id), version + ".json")),
            entry.questionnaire.id == id, entry.questionnaire.version == version
        {
            return entry
        }
        let entries = self.entries
        let sameID = entries.filter { $0.questionnaire.id == id }
        return sameID.first { version == nil || $0.questionnaire.version == version }
            ?? (version == nil ? nil : sameID.first(where: \.isDefault) ?? sameID.first)
    }

    /// The definition loaded from a path marked as the release it is, when the catalog holds that id and
    /// version as an earlier release: `--questionnaire Questionnaires/ID/1.0.0.json` is the record's
    /// questionnaire just as much as the version its answers name.
    func marked(_ questionnaire: Questionnaire) -> Questionnaire {
        guard questionnaire.supersededBy == nil,
            let known = entry(id: questionnaire.id, version: questionnaire.version),
            known.questionnaire.version == questionnaire.version
        else { return questionnaire }
        var marked = questionnaire
        marked.supersededBy = known.questionnaire.supersededBy
        return marked
    }

    /// Starts reading, on another thread, the definition the answers file at `answersPath` names, so that
    /// it loads while the caller does other work (such as parsing templates); a later `entry` call waits
    /// for it rather than reading it again. Problems are left for that call to report.
    func prefetch(forAnswers answersPath: String) {
        Thread.detachNewThread { [self] in
            guard let bytes = try? FileIO.read(answersPath),
                let reference = try? AnswersFile.questionnaireReference(bytes, file: answersPath)
            else { return }
            _ = entry(id: reference.id, version: reference.version)
        }
    }

    /// Why `ID.json` in the folder does not load, when it is there and broken: the error to give for an
    /// answers file naming that id, rather than "no such questionnaire".
    func failure(forID id: String, version: String? = nil) -> InputError? {
        if let version,
            let failure = storage.failure(at: PathText.join(PathText.join(directory, id), version + ".json"))
        {
            return failure
        }
        return storage.failure(at: PathText.join(directory, id + ".json"))
    }

    /// What has been read of the folder, behind a lock so threads of a batch can share it.
    private final class Storage: @unchecked Sendable {
        private let lock = NSLock()
        let paths: [String]
        /// Each earlier release's path, with the path of the default version it is kept beside.
        let archived: [String: String]
        private var loaded: [String: Result<Questionnaire, InputError>] = [:]

        init(paths: [String], archived: [String: String]) {
            self.paths = paths
            self.archived = archived
        }

        func entry(at path: String) -> Entry? {
            guard paths.contains(path), case .success(let questionnaire) = result(at: path) else {
                return nil
            }
            return Entry(path: path, questionnaire: questionnaire)
        }

        func failure(at path: String) -> InputError? {
            guard paths.contains(path), case .failure(let error) = result(at: path) else { return nil }
            return error
        }

        func all() -> (entries: [Entry], failures: [InputError]) {
            var entries: [Entry] = []
            var failures: [InputError] = []
            for path in paths {
                switch result(at: path) {
                case .success(let questionnaire):
                    entries.append(Entry(path: path, questionnaire: questionnaire))
                case .failure(let error): failures.append(error)
                }
            }
            return (entries, failures)
        }

        /// The definition at a path; an earlier release is marked superseded by the default beside it.
        private func result(at path: String) -> Result<Questionnaire, InputError> {
            guard let current = archived[path] else { return loadedResult(at: path) }
            guard case .success(var release) = loadedResult(at: path) else { return loadedResult(at: path) }
            if case .success(let latest) = loadedResult(at: current), latest.id == release.id,
                latest.version != release.version
            {
                release.supersededBy = latest.version
            }
            return .success(release)
        }

        private func loadedResult(at path: String) -> Result<Questionnaire, InputError> {
            lock.lock()
            defer { lock.unlock() }
            if let known = loaded[path] { return known }
            var result = Result { () throws(InputError) in try QuestionnaireLoader.load(path: path) }
            if let current = archived[path], case .success(let release) = result {
                result = Self.checkRelease(release, at: path, besides: current)
            }
            loaded[path] = result
            return result
        }

        /// `ID/VERSION.json` must hold version VERSION of ID: an answers file naming that version finds it
        /// by its file name.
        static func checkRelease(_ release: Questionnaire, at path: String, besides current: String)
            -> Result<Questionnaire, InputError>
        {
            let id = PathText.deletingExtension(PathText.lastComponent(current))
            let version = PathText.deletingExtension(PathText.lastComponent(path))
            var problems: [Diagnostic] = []
            if release.id != id {
                problems.append(
                    Diagnostic(
                        file: path, path: "id", location: nil,
                        message:
                            "a release kept beside \(PathText.lastComponent(current)) has id \"\(release.id)\"; expected \"\(id)\""
                    ))
            }
            if release.version != version {
                problems.append(
                    Diagnostic(
                        file: path, path: "version", location: nil,
                        message:
                            "a release kept as \(PathText.lastComponent(path)) has version \"\(release.version)\"; expected \"\(version)\" (name each release by its version)"
                    ))
            }
            return problems.isEmpty ? .success(release) : .failure(.invalid(ValidationFailure(problems)))
        }
    }
}

/// Orders questionnaire versions: dotted numbers compared part by part (1.10.0 after 1.9.0), other text
/// by characters.
enum QuestionnaireVersion {
    static func isOrdered(_ a: String, before b: String) -> Bool {
        let left = a.split(separator: ".").map(String.init)
        let right = b.split(separator: ".").map(String.init)
        for (x, y) in zip(left, right) where x != y {
            if let m = Int(x), let n = Int(y) { return m < n }
            return x < y
        }
        return left.count < right.count
    }
}

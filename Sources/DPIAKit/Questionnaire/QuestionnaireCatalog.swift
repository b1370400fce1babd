import Foundation

/// The questionnaire definitions in a folder, by id.
///
/// A catalog made by `load` reads every definition at once; one made by `lazy` reads a definition when it is
/// first asked for, trying `ID.json` before the others, so an assessment reads only the questionnaire its
/// answers name. Loaded definitions are shared by copies of the catalog and by threads.
public struct QuestionnaireCatalog: Sendable {
    public struct Entry: Sendable {
        public var path: String
        public var questionnaire: Questionnaire
    }

    public var directory: String
    private let storage: Storage

    /// Every definition that loads, in file-name order.
    public var entries: [Entry] { storage.all().entries }

    /// The definitions that do not load, in file-name order.
    public var failures: [InputError] { storage.all().failures }

    /// Loads every `*.json` definition directly in the folder (schemas and examples are skipped).
    /// Broken definitions are returned as failures rather than hiding the good ones.
    public static func load(directory: String) -> (catalog: QuestionnaireCatalog, failures: [InputError]) {
        let catalog = lazy(directory: directory)
        return (catalog, catalog.failures)
    }

    /// Lists the definitions in the folder without reading them yet.
    public static func lazy(directory: String) -> QuestionnaireCatalog {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
        let paths = names.filter { $0.hasSuffix(".json") && !$0.hasSuffix(".schema.json") }.map {
            (directory as NSString).appendingPathComponent($0)
        }
        return QuestionnaireCatalog(directory: directory, storage: Storage(paths: paths))
    }

    /// The definition with this id (and version, when given): a version that is not there falls back to
    /// the id alone, so the caller can say which version it found.
    public func entry(id: String, version: String? = nil) -> Entry? {
        // A definition is usually saved as ID.json; reading that one first spares reading the others.
        let likely = (directory as NSString).appendingPathComponent(id + ".json")
        if let entry = storage.entry(at: likely), entry.questionnaire.id == id,
            version == nil || entry.questionnaire.version == version
        {
            return entry
        }
        let entries = self.entries
        return entries.first {
            $0.questionnaire.id == id && (version == nil || $0.questionnaire.version == version)
        }
            ?? (version == nil ? nil : entries.first { $0.questionnaire.id == id })
    }

    /// Starts reading, on another thread, the definition the answers file at `answersPath` names, so that
    /// it loads while the caller does other work (such as parsing templates); a later `entry` call waits
    /// for it rather than reading it again. Problems are left for that call to report.
    public func prefetch(forAnswers answersPath: String) {
        Thread.detachNewThread { [self] in
            guard let bytes = try? FileIO.read(answersPath),
                let reference = try? AnswersFile.questionnaireReference(bytes, file: answersPath)
            else { return }
            _ = entry(id: reference.id, version: reference.version)
        }
    }

    /// Why `ID.json` in the folder does not load, when it is there and broken: the error to give for an
    /// answers file naming that id, rather than "no such questionnaire".
    public func failure(forID id: String) -> InputError? {
        storage.failure(at: (directory as NSString).appendingPathComponent(id + ".json"))
    }

    /// What has been read of the folder, behind a lock so threads of a batch can share it.
    private final class Storage: @unchecked Sendable {
        private let lock = NSLock()
        let paths: [String]
        private var loaded: [String: Result<Questionnaire, InputError>] = [:]

        init(paths: [String]) { self.paths = paths }

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

        private func result(at path: String) -> Result<Questionnaire, InputError> {
            lock.lock()
            defer { lock.unlock() }
            if let known = loaded[path] { return known }
            let result = Result { () throws(InputError) in try QuestionnaireLoader.load(path: path) }
            loaded[path] = result
            return result
        }
    }
}

import Dispatch
import Foundation

/// Reads and scores the answers files of a register, the way `assess` does, without rendering reports.
struct RegisterLoader {
    var catalog: QuestionnaireCatalog?

    /// What one file turned out to be.
    enum Loaded {
        case assessed(Register.Assessed)
        case failed(Register.Failure)
        /// Valid JSON but not an answers file (a questionnaire definition, say): what it is instead, as
        /// "is a questionnaire definition, not an answers file". The register passes over it with a note;
        /// commands that were given the file refuse it.
        case skipped(RegisterNote)
    }

    /// Loads every file, on every core, each worker with its own questionnaire cache; in the files' order.
    func load(_ files: [String]) -> [Loaded] {
        let workers = min(files.count, max(1, ProcessInfo.processInfo.activeProcessorCount))
        guard workers > 0 else { return [] }
        let results = LockedResults(count: files.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var cache = QuestionnaireCache(explicit: nil)
            for index in stride(from: worker, to: files.count, by: workers) {
                results.set(index, load(files[index], questionnaires: &cache))
            }
        }
        return results.values
    }

    func load(_ file: String, questionnaires: inout QuestionnaireCache) -> Loaded {
        let bytes: [UInt8]
        do {
            bytes = try FileIO.read(file)
        } catch {
            return .failed(Register.Failure(file: file, error: .input(error)))
        }
        return load(file, bytes: bytes, questionnaires: &questionnaires)
    }

    /// Scores `bytes`, read from `file`.
    func load(_ file: String, bytes: [UInt8], questionnaires: inout QuestionnaireCache) -> Loaded {
        do throws(DPIAError) {
            let root = try? JSONParser.parse(bytes)
            if let root, root["answers"] == nil {
                let what =
                    root["format"]?.value == .string(AssessmentJSON.format)
                    ? "is an assessment dpia wrote (--format json), not an answers file"
                    : root["scoring"] != nil || root["sections"] != nil
                        ? "is a questionnaire definition, not an answers file"
                        : "has no \"answers\", so is not an answers file"
                return .skipped(RegisterNote(file: file, note: what))
            }
            let questionnaire = try questionnaires.questionnaire(
                for: bytes, root: root, answersPath: file, explicit: nil, catalog: catalog)
            do throws(ValidationFailure) {
                let assessment = try AnswersFile.assess(
                    bytes, root: root, file: file, questionnaire: questionnaire)
                return .assessed(Register.Assessed(file: file, assessment: assessment))
            } catch {
                throw .input(.invalid(error))
            }
        } catch {
            return .failed(Register.Failure(file: file, error: error))
        }
    }
}

/// Results filled in by several threads, each at its own index.
private final class LockedResults: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [RegisterLoader.Loaded?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: RegisterLoader.Loaded) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [RegisterLoader.Loaded] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}

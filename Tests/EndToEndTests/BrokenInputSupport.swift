import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The broken-input corpus in `Tests/Corpus/` and checks shared by the tests that run it.
enum BrokenCorpus {
    static func path(_ relative: String) -> String {
        DPIAProcess.root.appendingPathComponent("Tests/Corpus/\(relative)").path
    }

    static let miniQuestionnaire = DPIAProcess.fixture("mini.json")
    static let miniAnswers = DPIAProcess.fixture("mini-drift.json")
    static let example = DPIAProcess.root.appendingPathComponent(
        "Questionnaires/examples/admin-only-staff-rota.json"
    ).path

    /// Every file under `directory`, hidden ones (temporary files) included; empty when it does not exist.
    static func files(in directory: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: directory.path)
        var names: [String] = []
        while let name = enumerator?.nextObject() as? String { names.append(name) }
        return names.sorted()
    }

    /// A failed run as a user sees it: the documented status, no signal, nothing on stdout, and every
    /// stderr line an error naming `file` (with the line when one is given) and saying `message`.
    static func expectFailure(
        _ result: DPIAProcess.Result, status: Int32, file: String, line: Int?, message: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(result.status == status, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(
            result.status < 128 || result.status == 130, "killed by a signal", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, "\(result.stdout)", sourceLocation: sourceLocation)
        let located = line.map { "\(file):\($0):" } ?? "\(file):"
        #expect(
            result.stderr.contains("dpia: error: \(located)"), "\(result.stderr)",
            sourceLocation: sourceLocation)
        #expect(result.stderr.contains(message), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.utf8.count < 20_000, "stderr is flooded", sourceLocation: sourceLocation)
    }

    /// Whether this process can be denied reading a file by its mode: not so as root, where
    /// `chmod 000` files stay readable.
    static let modesAreEnforced: Bool = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "dpia-mode-probe-\(UUID().uuidString)"
        ).path
        guard FileManager.default.createFile(atPath: path, contents: Data("x".utf8)) else { return false }
        defer { unlink(path) }
        chmod(path, 0)
        let descriptor = open(path, O_RDONLY)
        if descriptor >= 0 {
            close(descriptor)
            return false
        }
        return true
    }()
}

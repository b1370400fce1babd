import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The broken-input corpus in `Tests/Corpus/` and the files the tests that run it share.
enum BrokenCorpus {
    static func path(_ relative: String) -> String {
        PackageRoot.path("Tests/Corpus/\(relative)")
    }

    static let example = PackageRoot.path("Questionnaires/examples/admin-only-staff-rota.json")

    /// A scratch folder holding the mini questionnaire and its drift answers, as `mini.json` and
    /// `mini-drift.json`.
    static func scratch() throws -> ScratchFolder {
        let work = try ScratchFolder()
        for name in ["mini.json", "mini-drift.json"] { try work.copy(PackageRoot.fixture(name), to: name) }
        return work
    }

    /// A failed run: `status`, nothing on stdout, and exactly these error lines on stderr.
    static func failure(_ status: Int32, _ lines: [String]) -> DPIAProcess.Result {
        DPIAProcess.Result(status: status, stderr: lines.map { $0 + "\n" }.joined())
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

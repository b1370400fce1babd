import Foundation

/// Finds the bundled `Questionnaires/` and `Templates/` folders from any working directory.
///
/// Looked for, in order: `$DPIA_HOME`; beside an installed binary (`PREFIX/share/dpia` for
/// `PREFIX/bin/dpia`); the package checkout the binary was built in (walking up from `.build/...`); and the
/// checkout the sources were compiled from. The first folder holding both wins.
struct ResourceLocator: Sendable {
    var environment: [String: String]
    var executablePath: String?
    /// The package root the sources were compiled from, if known.
    var sourceRoot: String?

    init(environment: [String: String], executablePath: String?, sourceRoot: String?) {
        self.environment = environment
        self.executablePath = executablePath
        self.sourceRoot = sourceRoot
    }

    /// The folders tried, in order.
    var candidates: [String] {
        var result: [String] = []
        if let home = environment["DPIA_HOME"], !home.isEmpty { result.append(home) }
        if let executablePath {
            let binDirectory = (executablePath as NSString).deletingLastPathComponent
            result.append(
                ((binDirectory as NSString).deletingLastPathComponent as NSString).appendingPathComponent(
                    "share/dpia"))
            var directory = binDirectory
            while directory != "/" && !directory.isEmpty {
                if (directory as NSString).lastPathComponent == ".build"
                    || (directory as NSString).lastPathComponent.hasPrefix(".build")
                {
                    result.append((directory as NSString).deletingLastPathComponent)
                    break
                }
                directory = (directory as NSString).deletingLastPathComponent
            }
        }
        if let sourceRoot { result.append(sourceRoot) }
        var seen: Set<String> = []
        return result.filter { seen.insert($0).inserted }
    }

    /// The first candidate holding both folders.
    func home() throws(ResourceError) -> String {
        for candidate in candidates
        where FileIO.isDirectory(candidate + "/Questionnaires")
            && FileIO.isDirectory(candidate + "/Templates")
        {
            return candidate
        }
        throw ResourceError(looked: candidates)
    }
}

/// The bundled files were not found.
struct ResourceError: Error, Sendable, CustomStringConvertible {
    var looked: [String]

    var description: String { DPIAError.resources(self).terminalText.text }
}

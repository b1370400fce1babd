import Foundation

/// Finds the bundled `Questionnaires/` and `Templates/` folders from any working directory.
///
/// Looked for, in order: `$DPIA_HOME`; beside an installed binary (`PREFIX/share/dpia` for
/// `PREFIX/bin/dpia`); the package checkout the binary was built in (walking up from `.build/...`); and the
/// checkout the sources were compiled from. The first folder holding both wins.
public struct ResourceLocator: Sendable {
    public var environment: [String: String]
    public var executablePath: String?
    /// The package root the sources were compiled from, if known.
    public var sourceRoot: String?

    public init(environment: [String: String], executablePath: String?, sourceRoot: String?) {
        self.environment = environment
        self.executablePath = executablePath
        self.sourceRoot = sourceRoot
    }

    /// The folders tried, in order.
    public var candidates: [String] {
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
    public func home() throws(ResourceError) -> String {
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
public struct ResourceError: Error, Sendable, CustomStringConvertible {
    public var looked: [String]

    public var description: String { DPIAError.resources(self).terminalText.text }
}

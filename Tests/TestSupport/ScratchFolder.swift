import Foundation

/// A fresh temporary folder to run `dpia` in, so the paths it prints are relative and the same on
/// every machine, and nothing is left in the package. Call `remove()` when done (usually in a `defer`).
public struct ScratchFolder: Sendable {
    public let url: URL

    public init(_ label: String = "dpia-e2e") throws {
        url = try PackageRoot.temporaryDirectory(label)
    }

    public var path: String { url.path }

    /// A path inside the folder.
    public func url(_ relative: String) -> URL { url.appendingPathComponent(relative) }
    public func path(_ relative: String) -> String { url(relative).path }

    /// Copies a file or folder (an absolute path) to `relative`, making the folders on the way.
    public func copy(_ source: String, to relative: String) throws {
        try makeParent(of: relative)
        try FileManager.default.copyItem(atPath: source, toPath: path(relative))
    }

    /// Writes `text` to `relative`, making the folders on the way.
    public func write(_ text: String, to relative: String) throws {
        try makeParent(of: relative)
        try Data(text.utf8).write(to: url(relative))
    }

    public func makeFolder(_ relative: String) throws {
        try FileManager.default.createDirectory(at: url(relative), withIntermediateDirectories: true)
    }

    public func read(_ relative: String) throws -> String {
        try String(contentsOf: url(relative), encoding: .utf8)
    }

    public func data(_ relative: String) throws -> Data {
        try Data(contentsOf: url(relative))
    }

    public func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: path(relative))
    }

    /// Every file and folder under `relative`, hidden ones (temporary files) included, sorted; empty
    /// when it does not exist.
    public func files(in relative: String = ".") -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: path(relative))
        var names: [String] = []
        while let name = enumerator?.nextObject() as? String { names.append(name) }
        return names.sorted()
    }

    /// Runs `dpia arguments` with this folder as the working directory.
    public func run(_ arguments: [String], environment: [String: String] = [:], stdin: Data? = nil) throws
        -> DPIAProcess.Result
    {
        try DPIAProcess.run(arguments, in: url, environment: environment, stdin: stdin)
    }

    public func remove() {
        try? FileManager.default.removeItem(at: url)
    }

    private func makeParent(of relative: String) throws {
        try FileManager.default.createDirectory(
            at: url(relative).deletingLastPathComponent(), withIntermediateDirectories: true)
    }
}

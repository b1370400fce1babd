import Foundation

/// Where the package's own files are, found from this file's path, so tests run from any folder.
public enum PackageRoot {
    /// The package root: the folder holding `Package.swift`.
    public static let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// A path inside the package, such as `Questionnaires/examples/x.json`.
    public static func path(_ relative: String) -> String {
        url.appendingPathComponent(relative).path
    }

    /// A file of the unit tests' fixtures, `Tests/DPIAKitTests/Fixtures/NAME`.
    public static func fixture(_ name: String) -> String {
        path("Tests/DPIAKitTests/Fixtures/\(name)")
    }

    /// A fresh empty folder under the system's temporary folder; the caller removes it.
    public static func temporaryDirectory(_ label: String = "dpia-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

import Foundation
import TestSupport
import Testing

@testable import DPIAKit

/// Earlier releases kept in `ID/VERSION.json` beside the default `ID.json`.
@Suite("Questionnaire catalog: released versions")
struct QuestionnaireCatalogVersionTests {
    /// A folder holding `mini.json` (version 1.0.0) and, in `mini/`, a copy of it per release: the file
    /// name and the version written inside.
    static func folder(releases: [(file: String, version: String)]) throws -> URL {
        let folder = try PackageRoot.temporaryDirectory("dpia-catalog")
        let mini = try String(contentsOfFile: PackageRoot.fixture("mini.json"), encoding: .utf8)
        try mini.write(to: folder.appendingPathComponent("mini.json"), atomically: true, encoding: .utf8)
        let archive = folder.appendingPathComponent("mini")
        try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
        for release in releases {
            try mini.replacingOccurrences(
                of: "\"version\": \"1.0.0\"", with: "\"version\": \"\(release.version)\""
            )
            .write(to: archive.appendingPathComponent(release.file), atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test("each release is found by its version, marked superseded by the default, newest first")
    func releasesFound() throws {
        let folder = try Self.folder(releases: [
            ("0.9.0.json", "0.9.0"), ("0.10.0.json", "0.10.0"), ("0.2.0.json", "0.2.0"),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let catalog = QuestionnaireCatalog.lazy(directory: folder.path)
        #expect(
            catalog.entries.map {
                "\($0.questionnaire.version) \($0.questionnaire.supersededBy ?? "default")"
            }
                == ["1.0.0 default", "0.10.0 1.0.0", "0.9.0 1.0.0", "0.2.0 1.0.0"])
        let old = try #require(catalog.entry(id: "mini", version: "0.9.0"))
        #expect(old.path == folder.appendingPathComponent("mini/0.9.0.json").path)
        #expect(old.questionnaire.supersededBy == "1.0.0")
        #expect(catalog.entry(id: "mini")?.questionnaire.version == "1.0.0")
        // A version not bundled falls back to the default, for the caller to name the versions there are.
        #expect(catalog.entry(id: "mini", version: "5.0.0")?.questionnaire.version == "1.0.0")
        // The definition loaded by path from the release is the same release.
        let byPath = try QuestionnaireLoader.load(path: old.path)
        #expect(byPath.supersededBy == nil)
        #expect(catalog.marked(byPath).supersededBy == "1.0.0")
    }

    @Test("a release whose file name is not its version is refused, naming both")
    func misnamedRelease() throws {
        let folder = try Self.folder(releases: [("0.9.0.json", "0.8.0")])
        defer { try? FileManager.default.removeItem(at: folder) }
        let catalog = QuestionnaireCatalog.lazy(directory: folder.path)
        let path = folder.appendingPathComponent("mini/0.9.0.json").path
        #expect(
            catalog.failures.map(\.description) == [
                "\(path): at version: a release kept as 0.9.0.json has version \"0.8.0\"; expected \"0.9.0\" (name each release by its version)"
            ])
        #expect(catalog.entries.map(\.questionnaire.version) == ["1.0.0"])
    }

    @Test(
        "versions order part by part",
        arguments: [("1.9.0", "1.10.0"), ("1.0.0", "1.1.0"), ("1.0", "1.0.1"), ("0.9.9", "1.0.0")])
    func ordering(earlier: String, later: String) {
        #expect(QuestionnaireVersion.isOrdered(earlier, before: later))
        #expect(!QuestionnaireVersion.isOrdered(later, before: earlier))
    }
}

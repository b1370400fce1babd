import Foundation
import Testing

@testable import DPIAKit

/// Finding a questionnaire in a folder by the id an answers file names.
@Suite("Questionnaire catalog")
struct QuestionnaireCatalogTests {
    /// A folder holding the mini questionnaire as `mini.json` and as `renamed.json` with another id,
    /// and a broken `broken.json`.
    private func folder() throws -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("dpia-catalog-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let mini = try Fixture.text("mini.json")
        try mini.write(toFile: directory + "/mini.json", atomically: true, encoding: .utf8)
        try mini.replacingOccurrences(of: "\"id\": \"mini\"", with: "\"id\": \"other\"")
            .write(toFile: directory + "/renamed.json", atomically: true, encoding: .utf8)
        try "{ \"id\": ".write(toFile: directory + "/broken.json", atomically: true, encoding: .utf8)
        return directory
    }

    @Test func findsADefinitionByIdWhateverItsFileIsCalled() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let catalog = QuestionnaireCatalog.lazy(directory: directory)
        #expect(catalog.entry(id: "mini")?.path == directory + "/mini.json")
        #expect(catalog.entry(id: "other")?.path == directory + "/renamed.json")
        #expect(
            catalog.entry(id: "mini", version: "9.9.9")?.questionnaire.id == "mini", "falls back to the id")
        #expect(catalog.entry(id: "absent") == nil)
    }

    @Test func aBrokenDefinitionIsTheErrorForItsIdAndNoOtherId() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let catalog = QuestionnaireCatalog.lazy(directory: directory)
        #expect(catalog.entry(id: "broken") == nil)
        let failure = try #require(catalog.failure(forID: "broken"))
        #expect(failure.description.contains("broken.json:1:"))
        #expect(catalog.failure(forID: "mini") == nil)
        #expect(catalog.failure(forID: "absent") == nil)
        #expect(catalog.entries.map(\.questionnaire.id) == ["mini", "other"])
        #expect(catalog.failures.count == 1)
    }

    @Test func prefetchingLeavesTheSameAnswerAndIgnoresBadAnswersFiles() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let catalog = QuestionnaireCatalog.lazy(directory: directory)
        let answers = directory + "/answers.json.txt"
        try #"{"questionnaire": {"id": "other", "version": "1.0.0"}, "answers": {}}"#
            .write(toFile: answers, atomically: true, encoding: .utf8)
        catalog.prefetch(forAnswers: answers)
        catalog.prefetch(forAnswers: directory + "/missing.json")
        catalog.prefetch(forAnswers: directory + "/broken.json")
        // Whether the prefetch has finished or not, the lookup gives the same entry.
        #expect(catalog.entry(id: "other", version: "1.0.0")?.path == directory + "/renamed.json")
        #expect(catalog.entry(id: "mini")?.path == directory + "/mini.json")
    }

    @Test func loadingEverythingAtOnceReportsTheBrokenOnes() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let loaded = QuestionnaireCatalog.load(directory: directory)
        #expect(loaded.catalog.entries.count == 2)
        #expect(loaded.failures.count == 1)
    }
}

import Foundation
import TestSupport
import Testing

@testable import DPIAKit

#if canImport(Glibc)
    import Glibc
#endif

/// A disk that fills up: stages the first `room` files as the real disk does, then fails.
struct FillingDisk: FileStager {
    var room: Int
    let count = Counter()

    final class Counter: @unchecked Sendable {
        var value = 0
    }

    func stage(_ file: OutputFile, flush: Bool) throws(OutputError) -> StagedFile {
        count.value += 1
        if count.value > room {
            throw OutputError(path: file.path, reason: "could not be written: No space left on device")
        }
        return try DiskStager().stage(file, flush: flush)
    }
}

/// Stages every file except `vanishing`, whose temporary file is gone by the time it is renamed: a
/// rename that fails after others of the set have been renamed.
struct VanishingFile: FileStager {
    var vanishing: String

    func stage(_ file: OutputFile, flush: Bool) throws(OutputError) -> StagedFile {
        let staged = try DiskStager().stage(file, flush: flush)
        if file.path == vanishing { unlink(staged.temporary) }
        return staged
    }
}

/// A folder of its own under the system's temporary folder, removed by the test.
func scratchDirectory() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
        "dpia-files-\(UUID().uuidString)"
    ).path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func contents(_ folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
}

func text(_ path: String) -> String? {
    (try? FileIO.read(path)).map { String(decoding: $0, as: UTF8.self) }
}

@Suite("Report sets: all written or none")
struct FileSetTests {
    /// The old set of `name`: answers, Markdown and HTML, each saying "old".
    static func oldSet(_ folder: String, _ name: String = "a") throws -> [OutputFile] {
        let files = ["json", "md", "html"].map {
            OutputFile(path: "\(folder)/\(name).\($0)", text: "old \($0)")
        }
        try FileSet.write(files, overwrite: false)
        return files.map {
            OutputFile(path: $0.path, text: "new " + ($0.path.split(separator: ".").last ?? ""))
        }
    }

    @Test(arguments: 0..<3)
    func aDiskFillingUpPartWayLeavesTheOldSetWhole(room: Int) throws {
        let folder = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let new = try Self.oldSet(folder)
        #expect(throws: OutputError.self) {
            try FileSet.write(new, overwrite: true, stager: FillingDisk(room: room))
        }
        do throws(OutputError) {
            try FileSet.write(new, overwrite: true, stager: FillingDisk(room: room))
        } catch {
            let failed = new[room].path
            let others = new.map(\.path).filter { $0 != failed }
            #expect(
                error.description
                    == "\(failed): could not be written: No space left on device; nothing was changed (kept as before: \(others[0]), \(others[1]))"
            )
        }
        #expect(contents(folder) == ["a.html", "a.json", "a.md"])
        for ext in ["json", "md", "html"] { #expect(text("\(folder)/a.\(ext)") == "old \(ext)") }
    }

    @Test func aFailedRenameAfterOthersPutsTheReplacedFilesBack() throws {
        let folder = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let new = try Self.oldSet(folder)
        // A format the old set did not have, renamed before the failure: removed again.
        let set = [OutputFile(path: "\(folder)/a.docx", text: "new docx")] + new
        #expect(throws: OutputError.self) {
            try FileSet.write(set, overwrite: true, stager: VanishingFile(vanishing: "\(folder)/a.html"))
        }
        #expect(contents(folder) == ["a.html", "a.json", "a.md"])
        for ext in ["json", "md", "html"] { #expect(text("\(folder)/a.\(ext)") == "old \(ext)") }
    }

    @Test func aFolderInPlaceOfAReportChangesNothing() throws {
        let folder = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileSet.write([OutputFile(path: "\(folder)/a.md", text: "old md")], overwrite: false)
        try FileManager.default.createDirectory(
            atPath: "\(folder)/a.html", withIntermediateDirectories: false)
        let new = [
            OutputFile(path: "\(folder)/a.md", text: "new"),
            OutputFile(path: "\(folder)/a.html", text: "new"),
        ]
        do throws(OutputError) {
            try FileSet.write(new, overwrite: true)
            Issue.record("a folder was replaced by a report")
        } catch {
            #expect(
                error.description
                    == "\(folder)/a.html: is a folder, so it cannot be replaced by a report; nothing was changed (kept as before: \(folder)/a.md)"
            )
        }
        #expect(text("\(folder)/a.md") == "old md")
        #expect(contents(folder) == ["a.html", "a.md"])
    }

    @Test(arguments: [0o600, 0o640, 0o644] as [mode_t])
    func replacingAFileKeepsItsPermissions(permissions: mode_t) throws {
        let folder = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = "\(folder)/draft.json"
        try FileIO.writeAtomically("one", to: path, overwrite: false)
        chmod(path, permissions)
        try FileIO.writeAtomically("two", to: path, overwrite: true)
        var status = stat()
        stat(path, &status)
        #expect(status.st_mode & 0o777 == permissions)
        #expect(text(path) == "two")
    }

    @Test func theWizardsAnswersFileAndReportsAreOneSet() throws {
        let folder = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let example = try FileIO.read(PackageRoot.path("Questionnaires/examples/admin-only-staff-rota.json"))
        var assessor = Assessor(
            questionnaire: nil, outputDirectory: folder, formats: [.markdown, .html], overwrite: true,
            templates: try ReportTemplates.load(directory: PackageRoot.path("Templates")),
            catalog: QuestionnaireCatalog.load(directory: PackageRoot.path("Questionnaires")).catalog,
            toolVersion: "test")
        for ext in ["json", "md", "html"] {
            try FileIO.writeAtomically("old \(ext)", to: "\(folder)/rota.\(ext)", overwrite: false)
        }
        // The HTML, third of the set, does not fit on the disk.
        assessor.stager = FillingDisk(room: 2)
        #expect(throws: DPIAError.self) {
            try assessor.run(answersPath: "\(folder)/rota.json", answers: example)
        }
        for ext in ["json", "md", "html"] { #expect(text("\(folder)/rota.\(ext)") == "old \(ext)") }
        assessor.stager = DiskStager()
        let outcome = try assessor.run(answersPath: "\(folder)/rota.json", answers: example)
        #expect(outcome.written == ["\(folder)/rota.md", "\(folder)/rota.html"])
        #expect(try FileIO.read("\(folder)/rota.json") == example)
        #expect(text("\(folder)/rota.md")?.hasPrefix("# ") == true)
    }
}

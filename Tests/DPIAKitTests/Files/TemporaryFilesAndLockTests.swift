import Foundation
import Testing

@testable import DPIAKit

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Temporary files, non-regular inputs and draft locks")
struct TemporaryFilesAndLockTests {
    static let me = TemporaryFiles.Owner.current

    /// A process id nobody has.
    static let deadPID: Int32 = {
        var pid: Int32 = 4_000_000
        while kill(pid, 0) == 0 || errno != ESRCH { pid -= 1 }
        return pid
    }()

    @Test func aTemporaryNameSaysWhoseItIs() {
        let name = PathText.lastComponent(TemporaryFiles.path(for: "out/a.md", random: 0xab))
        #expect(name == ".a.md.dpia-\(Self.me.host)-\(Self.me.namespace)-\(Self.me.pid)-00000000000000ab.tmp")
        #expect(TemporaryFiles.owner(ofName: name) == Self.me)
    }

    @Test(arguments: [
        ".minutes.2026.draft.tmp", ".notes.tmp", ".a.md.1234.1a2b.tmp", ".a.md.dpia-1234.tmp",
        ".a.md.dpia-0000000g-1-2-00000000000000ab.tmp", ".a.md.dpia-00000000-1-2-ab.tmp",
        "a.md.dpia-00000000-1-2-00000000000000ab.tmp", ".a.md.dpia-00000000-1-0-00000000000000ab.tmp",
        ".a.md.dpia-00000000-1-2-3-00000000000000ab.tmp",
    ])
    func aUsersFileIsNeverTakenForATemporaryFile(name: String) {
        #expect(TemporaryFiles.owner(ofName: name) == nil)
    }

    @Test func aLongTargetNameStillGivesALegalTemporaryName() throws {
        let folder = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let name = String(repeating: "é", count: 118) + "xxxx.html"  // 245 bytes, a legal name
        #expect(name.utf8.count == 245)
        let temporary = PathText.lastComponent(TemporaryFiles.path(for: "\(folder)/\(name)"))
        #expect(temporary.utf8.count < 255)
        try FileIO.writeAtomically("report", to: "\(folder)/\(name)", overwrite: false)
        #expect(contents(folder) == [name])
    }

    @Test func cleanUpRemovesOnlyDeadProcessesFilesOfThisHostAndNamespace() throws {
        let folder = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var otherHost = Self.me
        otherHost.host = Self.me.host == "00000000" ? "00000001" : "00000000"
        var otherNamespace = Self.me
        otherNamespace.namespace += 1
        var dead = Self.me
        dead.pid = Self.deadPID
        var deadElsewhere = [otherHost, otherNamespace]
        for index in deadElsewhere.indices { deadElsewhere[index].pid = Self.deadPID }
        let stale = PathText.lastComponent(TemporaryFiles.path(for: "\(folder)/a.md", owner: dead))
        let kept =
            [Self.me].map { PathText.lastComponent(TemporaryFiles.path(for: "\(folder)/a.md", owner: $0)) }
            + deadElsewhere.map {
                PathText.lastComponent(TemporaryFiles.path(for: "\(folder)/a.md", owner: $0))
            }
            + [".minutes.2026.draft.tmp", ".a.md.\(Self.deadPID).1a2b.tmp", "a.md"]
        for name in kept + [stale] {
            _ = FileManager.default.createFile(atPath: "\(folder)/\(name)", contents: nil)
        }
        #expect(TemporaryFiles.removeStale(in: folder) == [stale])
        #expect(contents(folder) == kept.sorted())
    }

    @Test func aNamedPipeIsRefusedAtOnceInsteadOfBlocking() throws {
        let folder = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = "\(folder)/answers.json"
        #expect(mkfifo(path, 0o600) == 0)
        #expect(
            throws: InputError.missing(
                path: path,
                reason: "is a named pipe (FIFO), not a regular file; expected a file saved on disk")
        ) {
            try FileIO.read(path)
        }
    }

    @Test func aSecondClaimOnADraftNamesTheHolder() throws {
        let folder = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let draft = "\(folder)/teams.draft.json"
        let first = try DraftLock.acquire(draft: draft)
        let host = Posix.hostName
        #expect(
            throws: OutputError(
                path: draft,
                reason:
                    "is open in another dpia wizard (process \(getpid()) on host \(host)); finish or stop that one first (nothing was changed)"
            )
        ) {
            try DraftLock.acquire(draft: draft)
        }
        first.release()
        #expect(contents(folder) == [])
        let second = try DraftLock.acquire(draft: draft)
        second.release()
    }

    @Test func aLockLeftByADeadWizardIsTakenOver() throws {
        let folder = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let draft = "\(folder)/teams.draft.json"
        // What a killed wizard leaves: the file, naming it, but no lock (the system dropped it).
        try "process \(Self.deadPID) on host elsewhere\n".write(
            toFile: DraftLock.path(forDraft: draft), atomically: false, encoding: .utf8)
        let lock = try DraftLock.acquire(draft: draft)
        #expect(text(lock.path) == "process \(getpid()) on host \(Posix.hostName)\n")
        lock.release()
    }
}

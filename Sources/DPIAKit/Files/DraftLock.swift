#if canImport(Glibc)
    import Glibc
#endif

/// A wizard's claim on its draft: an exclusive `flock` on `.NAME.dpia-lock` beside the draft, which
/// names the holder (process id and host). The draft itself cannot carry the lock, because every save
/// replaces it with a new file.
///
/// The system drops a `flock` when its holder dies, however it dies, so a lock file left by a killed
/// wizard is simply taken over; a live holder is reported by name.
final class DraftLock: @unchecked Sendable {
    /// Where the lock file is.
    let path: String
    // Owned by this object: closed once, by `release`.
    private var descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    /// The lock file for a draft: `.NAME.dpia-lock` in the draft's folder.
    static func path(forDraft draft: String) -> String {
        let (prefix, name) = PathText.splitLast(draft)
        return prefix + "." + name + ".dpia-lock"
    }

    /// Claims `draft`, or throws naming the wizard that holds it.
    static func acquire(draft: String) throws(OutputError) -> DraftLock {
        let path = path(forDraft: draft)
        // A holder releasing at this moment removes the file after we opened it; then try again.
        for _ in 0..<8 {
            let descriptor: Int32
            do throws(Posix.Failure) {
                descriptor = try Posix.openLockFile(path)
            } catch {
                throw OutputError(path: draft, reason: "cannot be locked for editing (\(path): \(error))")
            }
            let claimed: Bool
            do throws(Posix.Failure) {
                claimed = try Posix.tryLock(descriptor)
            } catch {
                try? Posix.close(descriptor)
                throw OutputError(path: draft, reason: "cannot be locked for editing (\(path): \(error))")
            }
            guard claimed else {
                let holder = Self.holder(descriptor)
                try? Posix.close(descriptor)
                throw OutputError(
                    path: draft,
                    reason:
                        "is open in another dpia wizard (\(holder)); finish or stop that one first (nothing was changed)"
                )
            }
            let opened = try? Posix.status(of: descriptor)
            guard let opened, let named = try? Posix.status(path), named.inode == opened.inode,
                named.device == opened.device
            else {
                try? Posix.close(descriptor)
                continue
            }
            do throws(Posix.Failure) {
                try Posix.truncate(descriptor)
                let text = "process \(TemporaryFiles.Owner.current.pid) on \(hostLabel)\n"
                try Array(text.utf8).withUnsafeBufferPointer { bytes throws(Posix.Failure) in
                    try Posix.writeAll(descriptor, bytes)
                }
                return DraftLock(path: path, descriptor: descriptor)
            } catch {
                try? Posix.close(descriptor)
                throw OutputError(path: draft, reason: "cannot be locked for editing (\(path): \(error))")
            }
        }
        throw OutputError(path: draft, reason: "cannot be locked for editing: \(path) keeps changing")
    }

    /// Gives the draft up: removes the lock file, then drops the lock.
    func release() {
        guard descriptor >= 0 else { return }
        Posix.remove(path)
        try? Posix.close(descriptor)
        descriptor = -1
    }

    deinit { release() }

    private static var hostLabel: String {
        let name = Posix.hostName
        return name.isEmpty ? "this computer" : "host \(name)"
    }

    /// What the lock file says about its holder, made safe to print.
    private static func holder(_ descriptor: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 200)
        let count =
            (try? buffer.withUnsafeMutableBytes { chunk in
                Result { () throws(Posix.Failure) in try Posix.read(descriptor, into: chunk) }
            }.get()) ?? 0
        let text = String(decoding: buffer[0..<count], as: UTF8.self)
            .prefix { $0 != "\n" }
            .filter { !$0.isNewline && $0.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7f } }
        return text.isEmpty ? "a process that has not said who it is" : String(text)
    }
}

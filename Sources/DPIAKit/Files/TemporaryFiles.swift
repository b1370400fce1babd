import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The temporary files dpia writes beside its outputs before renaming them into place: how they are
/// named, which this process has open, and which a killed dpia left behind.
///
/// A name is `.NAME.dpia-HOST-NAMESPACE-PID-RANDOM.tmp`: `NAME` (the target's name, shortened so the
/// whole stays within the 255 bytes a file name may have) is only for people; the rest says whose file it
/// is. Clean-up removes only names of exactly that shape from this host and PID namespace whose process
/// is gone, so a user's `.minutes.2026.draft.tmp` or another container's live file is never touched.
enum TemporaryFiles {
    /// The longest part of the target's name kept in a temporary name.
    static let maximumNameBytes = 64

    /// Who this process is, as written into its temporary names.
    struct Owner: Equatable {
        /// Eight hex digits of a hash of the host name.
        var host: String
        var namespace: UInt64
        var pid: Int32

        static let current = Owner(
            host: hostHash(Posix.hostName), namespace: Posix.processNamespace, pid: Posix.processID)

        /// FNV-1a, 32 bits: short, stable across runs and free of characters a file name cannot hold.
        static func hostHash(_ name: String) -> String {
            var hash: UInt32 = 0x811c_9dc5
            for byte in name.utf8 {
                hash ^= UInt32(byte)
                hash = hash &* 0x0100_0193
            }
            return hex(UInt64(hash), digits: 8)
        }
    }

    /// A fresh temporary name beside `path` for `owner`.
    static func path(for path: String, owner: Owner = .current, random: UInt64 = .random(in: .min ... .max))
        -> String
    {
        let (prefix, name) = PathText.splitLast(path)
        return prefix + "." + shortened(name) + marker
            + "\(owner.host)-\(owner.namespace)-\(owner.pid)-\(hex(random, digits: 16)).tmp"
    }

    /// The owner a temporary name was made for; nil for any name dpia did not make.
    static func owner(ofName name: String) -> Owner? {
        guard name.hasPrefix("."), name.hasSuffix(".tmp"),
            let range = name.range(of: marker, options: .backwards)
        else { return nil }
        let parts = name[range.upperBound..<name.index(name.endIndex, offsetBy: -4)].split(
            separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0].count == 8, parts[0].allSatisfy(\.isHexDigit),
            parts[3].count == 16, parts[3].allSatisfy(\.isHexDigit),
            parts[1].allSatisfy(isDigit), let namespace = UInt64(parts[1]),
            parts[2].allSatisfy(isDigit), let pid = Int32(parts[2]), pid > 0
        else { return nil }
        return Owner(host: String(parts[0]), namespace: namespace, pid: pid)
    }

    /// Removes the temporary files in `directory` that a dpia on this host and in this PID namespace
    /// left when it was killed; files of a process still running are left alone. Returns the names removed.
    @discardableResult
    static func removeStale(in directory: String, owner: Owner = .current) -> [String] {
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
        var removed: [String] = []
        for name in names {
            guard let found = Self.owner(ofName: name), found.host == owner.host,
                found.namespace == owner.namespace, found.pid != owner.pid, !Posix.processExists(found.pid)
            else { continue }
            if Posix.remove(PathText.join(directory, name)) { removed.append(name) }
        }
        return removed.sorted()
    }

    private static let marker = ".dpia-"

    private static func isDigit(_ character: Character) -> Bool {
        character.isASCII && character.isNumber
    }

    /// At most `maximumNameBytes` of the name, cut between characters.
    private static func shortened(_ name: String) -> String {
        guard name.utf8.count > maximumNameBytes else { return name }
        var result = ""
        for character in name {
            if result.utf8.count + character.utf8.count > maximumNameBytes { break }
            result.append(character)
        }
        return result
    }

    private static func hex(_ value: UInt64, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    // MARK: The files this process has made and not yet renamed or removed

    /// Guards `open` and `stopped`; held while a file is created and while a set is renamed into place,
    /// so a stop never finds a file half-made or a set half-renamed.
    private static let lock = NSRecursiveLock()
    nonisolated(unsafe) private static var open: Set<String> = []
    nonisolated(unsafe) private static var stopped = false

    /// Runs `body` (which creates the file at `path`, or throws) and remembers the file for clean-up.
    static func creating<T>(_ path: String, _ body: () throws(Posix.Failure) -> T) throws(Posix.Failure) -> T
    {
        lock.lock()
        defer { lock.unlock() }
        if stopped { throw Posix.Failure(code: EINTR) }
        let value = try body()
        open.insert(path)
        return value
    }

    /// Runs `body` with no file being created or removed by clean-up meanwhile.
    static func exclusively<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Forgets a file that has been renamed into place or removed.
    static func forget(_ path: String) {
        lock.lock()
        open.remove(path)
        lock.unlock()
    }

    /// Forgets a file; the caller holds the lock (inside `exclusively`).
    static func forgetHoldingLock(_ path: String) {
        open.remove(path)
    }

    /// Removes every temporary file this process has open and refuses to make more: for a process about
    /// to exit on a signal. Waits for a set being renamed to finish first. Returns how many were removed.
    static func removeAllAndStop() -> Int {
        lock.lock()
        defer { lock.unlock() }
        stopped = true
        let count = open.filter { Posix.remove($0) }.count
        open = []
        return count
    }
}

import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Why an input could not be used. Each case maps to one sysexits status in the executable.
public enum InputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file does not exist or cannot be opened (EX_NOINPUT, 66).
    case missing(path: String, reason: String)
    /// The file was read but its content is wrong (EX_DATAERR, 65).
    case invalid(ValidationFailure)

    public var description: String {
        switch self {
        case .missing(let path, let reason): "\(path): \(reason)"
        case .invalid(let failure): failure.description
        }
    }
}

/// Why an output could not be written (EX_CANTCREAT, 73).
public struct OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String { "\(path): \(reason)" }
}

/// File reading and crash-safe writing.
public enum FileIO {
    /// The largest input read, so a mistaken path to a huge file fails fast instead of filling memory.
    public static let maximumInputSize = 64 * 1024 * 1024

    /// Reads a whole file, with errors that say what the path is when it is not a readable file.
    public static func read(_ path: String) throws(InputError) -> [UInt8] {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw .missing(
                path: path, reason: errno == ENOENT ? "no such file" : String(cString: strerror(errno)))
        }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            throw .missing(path: path, reason: "is a directory; expected a JSON file")
        }
        if Int(status.st_size) > maximumInputSize {
            throw .invalid(
                ValidationFailure([
                    Diagnostic(
                        file: path, path: "", location: nil,
                        message: "file is \(status.st_size) bytes; expected at most \(maximumInputSize)")
                ]))
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .missing(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(status.st_size))
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .missing(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
            if bytes.count > maximumInputSize {
                throw .missing(path: path, reason: "grew beyond \(maximumInputSize) bytes while being read")
            }
        }
        return bytes
    }

    /// Whether something exists at the path.
    public static func exists(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0
    }

    /// Whether the path is a directory.
    public static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// Writes a file atomically: the bytes go to a temporary file in the same directory, are flushed to
    /// disk, and the temporary file is renamed over the target. A crash at any point leaves either the old
    /// file or the new one, never a mix. With `overwrite` false an existing file is an error.
    public static func writeAtomically(_ text: String, to path: String, overwrite: Bool) throws(OutputError) {
        if !overwrite && exists(path) {
            throw OutputError(path: path, reason: "already exists; use --force to replace it")
        }
        let staged = try stage(text, to: path, flush: true)
        try staged.commit()
    }

    /// A file written under a temporary name beside its target, waiting to be renamed into place.
    public struct StagedFile: Sendable {
        /// Where the file goes.
        public let path: String
        /// Where its bytes are now: `.NAME.PID.RANDOM.tmp` in the same folder, so the rename is atomic.
        public let temporary: String

        /// Renames the temporary file over the target. Its bytes must already be on disk (staged with
        /// `flush`, or flushed by `FileIO.flushFileSystem`), or a crash could leave a renamed empty file.
        public func commit() throws(OutputError) {
            if rename(temporary, path) != 0 {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                throw OutputError(path: path, reason: "could not be written: \(reason)")
            }
        }

        /// Removes the temporary file, leaving the target as it was.
        public func discard() {
            unlink(temporary)
        }
    }

    /// Writes `text` to a new temporary file beside `path` (created exclusively, so concurrent runs and
    /// repeated targets never share one). With `flush` the bytes are synced to disk before returning.
    public static func stage(_ text: String, to path: String, flush: Bool) throws(OutputError) -> StagedFile {
        var text = text
        return try text.withUTF8 { bytes in
            Result { () throws(OutputError) in try stage(bytes, to: path, flush: flush) }
        }.get()
    }

    /// Writes `bytes` to a new temporary file beside `path`, as `stage(_:to:flush:)` does for text.
    static func stage(_ bytes: [UInt8], to path: String, flush: Bool) throws(OutputError) -> StagedFile {
        try bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(OutputError) in try stage(buffer, to: path, flush: flush) }
        }.get()
    }

    private static func stage(_ bytes: UnsafeBufferPointer<UInt8>, to path: String, flush: Bool)
        throws(OutputError) -> StagedFile
    {
        let (prefix, name) = PathText.splitLast(path)
        var temporary = ""
        var descriptor: Int32 = -1
        for _ in 0..<16 where descriptor < 0 {
            temporary =
                prefix + ".\(name).\(getpid()).\(String(UInt32.random(in: .min ... .max), radix: 16)).tmp"
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if descriptor < 0 && errno != EEXIST { break }
        }
        guard descriptor >= 0 else {
            throw OutputError(
                path: path, reason: "cannot create a file here: \(String(cString: strerror(errno)))")
        }
        var failure: String?
        var offset = 0
        while offset < bytes.count && failure == nil {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                failure = String(cString: strerror(errno))
            } else {
                offset += written
            }
        }
        if failure == nil && flush && fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        if close(descriptor) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw OutputError(path: path, reason: "could not be written: \(failure)")
        }
        return StagedFile(path: path, temporary: temporary)
    }

    /// Flushes every written file on the file system holding `directory` to disk, with one `syncfs`
    /// instead of an `fsync` per file; falls back to `sync` where `syncfs` is not available.
    public static func flushFileSystem(containing directory: String) throws(OutputError) {
        let descriptor = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw OutputError(
                path: directory, reason: "cannot be flushed: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        guard let syncfs = syncfsFunction else {
            sync()
            return
        }
        if syncfs(descriptor) != 0 {
            throw OutputError(
                path: directory, reason: "cannot be flushed: \(String(cString: strerror(errno)))")
        }
    }

    /// Glibc's `syncfs`, which the Swift Glibc module does not export.
    private static let syncfsFunction: (@convention(c) (Int32) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "syncfs") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
    }()

    /// Removes temporary files that a killed dpia left in `directory` (`.NAME.PID.RANDOM.tmp` whose
    /// process is gone). Files of a process still running are left alone, so concurrent runs are safe.
    /// Returns the names removed.
    @discardableResult
    public static func removeStaleTemporaryFiles(in directory: String) -> [String] {
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
        var removed: [String] = []
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            let parts = name.dropLast(".tmp".count).split(separator: ".")
            guard parts.count >= 3, let pid = Int32(parts[parts.count - 2]), pid > 0 else { continue }
            if pid == getpid() || kill(pid, 0) == 0 || errno == EPERM { continue }
            if unlink((directory.isEmpty ? "" : directory + "/") + name) == 0 { removed.append(name) }
        }
        return removed.sorted()
    }

    /// Creates a directory and its parents when missing.
    public static func makeDirectory(_ path: String) throws(OutputError) {
        if isDirectory(path) { return }
        if exists(path) { throw OutputError(path: path, reason: "exists and is not a directory") }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw OutputError(
                path: path, reason: "cannot create the directory: \(error.localizedDescription)")
        }
    }
}

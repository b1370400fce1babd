import Foundation

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
        let status: Posix.FileStatus
        do {
            status = try Posix.status(path)
        } catch {
            throw .missing(path: path, reason: error.isNoSuchFile ? "no such file" : error.description)
        }
        if status.isDirectory {
            throw .missing(path: path, reason: "is a directory; expected a JSON file")
        }
        if status.size > maximumInputSize {
            throw .invalid(
                ValidationFailure([
                    Diagnostic(
                        file: path, path: "", location: nil,
                        message: "file is \(status.size) bytes; expected at most \(maximumInputSize)")
                ]))
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(status.size)
        do throws(Posix.Failure) {
            let descriptor = try Posix.openForReading(path)
            defer { try? Posix.close(descriptor) }
            var buffer = [UInt8](repeating: 0, count: 65536)
            while bytes.count <= maximumInputSize {
                let count = try buffer.withUnsafeMutableBytes { chunk in
                    Result { () throws(Posix.Failure) in try Posix.read(descriptor, into: chunk) }
                }.get()
                if count == 0 { return bytes }
                bytes.append(contentsOf: buffer[0..<count])
            }
        } catch {
            throw .missing(path: path, reason: error.description)
        }
        throw .missing(path: path, reason: "grew beyond \(maximumInputSize) bytes while being read")
    }

    /// Whether something exists at the path.
    public static func exists(_ path: String) -> Bool {
        (try? Posix.status(path)) != nil
    }

    /// Whether the path is a directory.
    public static func isDirectory(_ path: String) -> Bool {
        (try? Posix.status(path))?.isDirectory ?? false
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
            do throws(Posix.Failure) {
                try Posix.rename(temporary, over: path)
            } catch {
                Posix.remove(temporary)
                throw OutputError(path: path, reason: "could not be written: \(error)")
            }
        }

        /// Removes the temporary file, leaving the target as it was.
        public func discard() {
            Posix.remove(temporary)
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
        var descriptor: Int32?
        var failure: Posix.Failure?
        // A random part makes a clash unlikely; a few more tries make it harmless.
        for _ in 0..<16 where descriptor == nil {
            temporary =
                prefix
                + ".\(name).\(Posix.processID).\(String(UInt32.random(in: .min ... .max), radix: 16)).tmp"
            do throws(Posix.Failure) {
                descriptor = try Posix.createExclusively(temporary)
            } catch {
                failure = error
                if !error.isAlreadyExisting { break }
            }
        }
        guard let descriptor else {
            throw OutputError(
                path: path, reason: "cannot create a file here: \(failure?.description ?? "no free name")")
        }
        do throws(Posix.Failure) {
            var written: Result<Void, Posix.Failure> = .success(())
            do throws(Posix.Failure) {
                try Posix.writeAll(descriptor, bytes)
                if flush { try Posix.flush(descriptor) }
            } catch {
                written = .failure(error)
            }
            // Closing can report a failed write too, so it is checked even when writing went well.
            let closed = Result { () throws(Posix.Failure) in try Posix.close(descriptor) }
            try written.get()
            try closed.get()
        } catch {
            Posix.remove(temporary)
            throw OutputError(path: path, reason: "could not be written: \(error)")
        }
        return StagedFile(path: path, temporary: temporary)
    }

    /// Flushes every written file on the file system holding `directory` to disk, with one `syncfs`
    /// instead of an `fsync` per file.
    public static func flushFileSystem(containing directory: String) throws(OutputError) {
        do throws(Posix.Failure) {
            let descriptor = try Posix.openDirectory(directory.isEmpty ? "." : directory)
            defer { try? Posix.close(descriptor) }
            try Posix.flushFileSystem(of: descriptor)
        } catch {
            throw OutputError(path: directory, reason: "cannot be flushed: \(error)")
        }
    }

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
            if pid == Posix.processID || Posix.processExists(pid) { continue }
            if Posix.remove(PathText.join(directory, name)) { removed.append(name) }
        }
        return removed.sorted()
    }

    /// Removes a file, if it is there.
    public static func remove(_ path: String) {
        Posix.remove(path)
    }

    /// Creates a directory and its parents when missing. A failure names the folder that could not be
    /// made and says why in the system's words ("Permission denied"), or which part of the path is a file.
    public static func makeDirectory(_ path: String) throws(OutputError) {
        if isDirectory(path) { return }
        if exists(path) { throw OutputError(path: path, reason: "exists and is not a directory") }
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix += prefix.isEmpty || prefix.hasSuffix("/") ? String(part) : "/" + part
            if isDirectory(prefix) { continue }
            if exists(prefix) {
                throw OutputError(
                    path: path, reason: "cannot create the directory: \(prefix) is a file, not a directory")
            }
            do {
                try Posix.makeDirectory(prefix)
            } catch  where error.isAlreadyExisting && isDirectory(prefix) {
                // Another process made it first.
            } catch {
                throw OutputError(
                    path: path,
                    reason: prefix == path
                        ? "cannot create the directory: \(error)"
                        : "cannot create the directory \(prefix): \(error)")
            }
        }
    }
}

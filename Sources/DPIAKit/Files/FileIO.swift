import Foundation

/// Why an input could not be used. Each case maps to one sysexits status in the executable.
enum InputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file does not exist or cannot be opened (EX_NOINPUT, 66).
    case missing(path: String, reason: String)
    /// The file was read but its content is wrong (EX_DATAERR, 65).
    case invalid(ValidationFailure)

    var description: String {
        switch self {
        case .missing(let path, let reason): "\(path): \(reason)"
        case .invalid(let failure): failure.description
        }
    }
}

/// Why an output could not be written (EX_CANTCREAT, 73).
public struct OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    var path: String
    var reason: String

    public var description: String { "\(path): \(reason)" }
}

#if canImport(Glibc)
    import Glibc
#endif

/// File reading, and the folder helpers the writers share. Writing is `FileSet`'s.
public enum FileIO {
    /// The largest input read, so a mistaken path to a huge file fails fast instead of filling memory.
    static let maximumInputSize = 64 * 1024 * 1024

    /// Reads a whole file, with errors that say what the path is when it is not a readable file. Only a
    /// regular file is read: a named pipe, device or socket is refused at once instead of blocking.
    static func read(_ path: String) throws(InputError) -> [UInt8] {
        let status: Posix.FileStatus
        do {
            status = try Posix.status(path)
        } catch {
            throw .missing(path: path, reason: error.isNoSuchFile ? "no such file" : error.description)
        }
        try checkRegular(status, path)
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
            // The path may have been swapped for a pipe between `stat` and `open`.
            if let opened = try? Posix.status(of: descriptor), !opened.isRegular {
                throw Posix.Failure(code: EINVAL)
            }
            // The size stat gave, and a little over to see the end: zeroing 64 KiB for every small
            // answers file of a batch cost more than reading it.
            var buffer = [UInt8](repeating: 0, count: min(65536, status.size + 4096))
            while bytes.count <= maximumInputSize {
                let count = try buffer.withUnsafeMutableBytes { chunk in
                    Result { () throws(Posix.Failure) in try Posix.read(descriptor, into: chunk) }
                }.get()
                if count == 0 { return bytes }
                bytes.append(contentsOf: buffer[0..<count])
            }
        } catch {
            if error.code == EINVAL { throw .missing(path: path, reason: notRegular("not a regular file")) }
            throw .missing(path: path, reason: error.description)
        }
        throw .missing(path: path, reason: "grew beyond \(maximumInputSize) bytes while being read")
    }

    private static func checkRegular(_ status: Posix.FileStatus, _ path: String) throws(InputError) {
        if status.isDirectory {
            throw .missing(path: path, reason: "is a directory; expected a JSON file")
        }
        if let kind = status.kind { throw .missing(path: path, reason: notRegular(kind)) }
    }

    private static func notRegular(_ kind: String) -> String {
        "is \(kind), not a regular file; expected a file saved on disk"
    }

    /// Whether something exists at the path.
    static func exists(_ path: String) -> Bool {
        (try? Posix.status(path)) != nil
    }

    /// Whether the path is a directory.
    static func isDirectory(_ path: String) -> Bool {
        (try? Posix.status(path))?.isDirectory ?? false
    }

    /// Writes a file atomically: the bytes go to a temporary file in the same directory, are flushed to
    /// disk, and the temporary file is renamed over the target, which keeps its permissions. A crash at
    /// any point leaves either the old file or the new one, never a mix. With `overwrite` false an
    /// existing file is an error.
    static func writeAtomically(_ text: String, to path: String, overwrite: Bool) throws(OutputError) {
        try FileSet.write([OutputFile(path: path, text: text)], overwrite: overwrite)
    }

    /// Removes a file, if it is there.
    static func remove(_ path: String) {
        Posix.remove(path)
    }

    /// Creates a directory and its parents when missing. A failure names the folder that could not be
    /// made and says why in the system's words ("Permission denied"), or which part of the path is a file.
    static func makeDirectory(_ path: String) throws(OutputError) {
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

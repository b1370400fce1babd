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
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = (directory.isEmpty ? "" : directory + "/") + ".\(name).\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw OutputError(
                path: path, reason: "cannot create a file here: \(String(cString: strerror(errno)))")
        }
        var failure: String?
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count && failure == nil {
            let written = bytes.withUnsafeMutableBytes {
                Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                failure = String(cString: strerror(errno))
            } else {
                offset += written
            }
        }
        bytes = []
        if failure == nil && fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        close(descriptor)
        if failure == nil && rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw OutputError(path: path, reason: "could not be written: \(failure)")
        }
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

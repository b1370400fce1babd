#if canImport(Glibc)
    import Glibc
#endif

/// The library's only calls into libc: file descriptors, renames, flushing to disk and process ids.
///
/// Each function retries interrupted calls and turns `errno` into a thrown `Posix.Failure`, so the code
/// above it reads as plain Swift and says in its own words what went wrong for the user.
enum Posix {
    /// A call that failed, with the `errno` it left.
    struct Failure: Error, CustomStringConvertible {
        let code: Int32

        /// The system's wording, such as "Permission denied".
        var description: String { String(cString: strerror(code)) }
        var isNoSuchFile: Bool { code == ENOENT }
        var isAlreadyExisting: Bool { code == EEXIST }

        /// The failure the last call left in `errno`.
        static var last: Failure { Failure(code: errno) }
    }

    /// What `stat` says about a path.
    struct FileStatus {
        var isDirectory: Bool
        var size: Int
    }

    static func status(_ path: String) throws(Failure) -> FileStatus {
        var status = stat()
        guard stat(path, &status) == 0 else { throw .last }
        return FileStatus(isDirectory: (status.st_mode & S_IFMT) == S_IFDIR, size: Int(status.st_size))
    }

    static func openForReading(_ path: String) throws(Failure) -> Int32 {
        try checked(open(path, O_RDONLY | O_CLOEXEC))
    }

    /// Creates a new file for writing; fails with `isAlreadyExisting` when the name is taken.
    static func createExclusively(_ path: String, permissions: mode_t = 0o644) throws(Failure) -> Int32 {
        try checked(open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions))
    }

    static func openDirectory(_ path: String) throws(Failure) -> Int32 {
        try checked(open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC))
    }

    /// Reads up to `buffer.count` bytes; 0 at the end of the file.
    static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) throws(Failure) -> Int {
        while true {
            let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno != EINTR { throw .last }
        }
    }

    /// Writes every byte, continuing after partial writes.
    static func writeAll(_ descriptor: Int32, _ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) {
        guard let start = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, start + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw .last
            }
            offset += written
        }
    }

    /// Waits until the file's bytes are on disk.
    static func flush(_ descriptor: Int32) throws(Failure) {
        if fsync(descriptor) != 0 { throw .last }
    }

    static func close(_ descriptor: Int32) throws(Failure) {
        if Glibc.close(descriptor) != 0 { throw .last }
    }

    /// Replaces `target` with `source` in one step.
    static func rename(_ source: String, over target: String) throws(Failure) {
        if Glibc.rename(source, target) != 0 { throw .last }
    }

    /// Creates one directory; fails with `isAlreadyExisting` when the name is taken.
    static func makeDirectory(_ path: String, permissions: mode_t = 0o755) throws(Failure) {
        if mkdir(path, permissions) != 0 { throw .last }
    }

    /// Removes a file; whether it was there to remove.
    @discardableResult
    static func remove(_ path: String) -> Bool {
        unlink(path) == 0
    }

    /// Waits until every file written on the file system holding the open directory is on disk, with
    /// one `syncfs`, or with `sync` where the C library has no `syncfs`.
    static func flushFileSystem(of descriptor: Int32) throws(Failure) {
        guard let syncfs = syncfsFunction else {
            sync()
            return
        }
        if syncfs(descriptor) != 0 { throw .last }
    }

    /// Glibc's `syncfs`, which the Swift Glibc module does not export.
    private static let syncfsFunction: (@convention(c) (Int32) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "syncfs") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
    }()

    static var processID: Int32 { getpid() }

    /// Whether a process with this id exists (one we may not signal counts).
    static func processExists(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    private static func checked(_ descriptor: Int32) throws(Failure) -> Int32 {
        guard descriptor >= 0 else { throw .last }
        return descriptor
    }
}

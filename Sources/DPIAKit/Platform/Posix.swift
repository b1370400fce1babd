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
        /// What sort of file it is, in words a user knows: nil for a regular file.
        var kind: String?
        var size: Int
        /// The permission bits (`0o600`...).
        var permissions: mode_t
        var device: UInt64
        var inode: UInt64

        var isDirectory: Bool { kind == "a folder" }
        var isRegular: Bool { kind == nil }

        init(_ status: stat) {
            switch status.st_mode & S_IFMT {
            case S_IFREG: kind = nil
            case S_IFDIR: kind = "a folder"
            case S_IFIFO: kind = "a named pipe (FIFO)"
            case S_IFSOCK: kind = "a socket"
            case S_IFCHR, S_IFBLK: kind = "a device"
            default: kind = "not a regular file"
            }
            size = Int(status.st_size)
            permissions = status.st_mode & 0o777
            device = UInt64(status.st_dev)
            inode = UInt64(status.st_ino)
        }
    }

    static func status(_ path: String) throws(Failure) -> FileStatus {
        var status = stat()
        guard stat(path, &status) == 0 else { throw .last }
        return FileStatus(status)
    }

    static func status(of descriptor: Int32) throws(Failure) -> FileStatus {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .last }
        return FileStatus(status)
    }

    /// Opens for reading without waiting: a named pipe with no writer would otherwise block for ever.
    static func openForReading(_ path: String) throws(Failure) -> Int32 {
        try checked(open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY))
    }

    /// Opens (creating if needed, mode 600) a file to lock and to write the holder's name into.
    static func openLockFile(_ path: String) throws(Failure) -> Int32 {
        try checked(open(path, O_RDWR | O_CREAT | O_NONBLOCK | O_CLOEXEC | O_NOFOLLOW, 0o600))
    }

    /// Takes an exclusive `flock` without waiting; false when another open file holds it.
    static func tryLock(_ descriptor: Int32) throws(Failure) -> Bool {
        while true {
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return true }
            if errno == EWOULDBLOCK { return false }
            if errno != EINTR { throw .last }
        }
    }

    /// Empties an open file.
    static func truncate(_ descriptor: Int32) throws(Failure) {
        if ftruncate(descriptor, 0) != 0 { throw .last }
    }

    /// Sets a file's permission bits.
    static func setPermissions(_ descriptor: Int32, _ permissions: mode_t) throws(Failure) {
        if fchmod(descriptor, permissions) != 0 { throw .last }
    }

    /// A second name for an existing file.
    static func link(_ existing: String, as newName: String) throws(Failure) {
        if Glibc.link(existing, newName) != 0 { throw .last }
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

    /// This machine's name, or "" when it has none.
    static var hostName: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The inode of this process's PID namespace (`/proc/self/ns/pid`), 0 where there is none: two
    /// processes may have the same PID in different containers sharing one folder.
    static var processNamespace: UInt64 {
        var status = stat()
        guard stat("/proc/self/ns/pid", &status) == 0 else { return 0 }
        return UInt64(status.st_ino)
    }

    /// Whether a process with this id exists (one we may not signal counts).
    static func processExists(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    private static func checked(_ descriptor: Int32) throws(Failure) -> Int32 {
        guard descriptor >= 0 else { throw .last }
        return descriptor
    }
}

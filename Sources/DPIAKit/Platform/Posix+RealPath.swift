#if canImport(Glibc)
    import Glibc
#endif

extension Posix {
    /// `path` with every symbolic link, `.` and `..` resolved, or nil when it cannot be (it does not
    /// exist, or a link is broken).
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// The few path manipulations dpia does for every answers file, on UTF-8 bytes.
///
/// They give the answers Foundation's `NSString` path methods give for these forms (the tests hold them to
/// it), working on the bytes instead of bridging every path of a batch through `NSString`.
enum PathText {
    /// The last component: `a/b.json` and `a/b.json/` give `b.json`; `/` gives `/`.
    static func lastComponent(_ path: String) -> String {
        var end = path.utf8.endIndex
        while end > path.utf8.startIndex, path.utf8[path.utf8.index(before: end)] == slash {
            end = path.utf8.index(before: end)
        }
        if end == path.utf8.startIndex { return path.isEmpty ? "" : "/" }
        let start =
            path.utf8[..<end].lastIndex(of: slash).map { path.utf8.index(after: $0) } ?? path.utf8.startIndex
        return String(path[start..<end])
    }

    /// A file name without its extension: `b.json` gives `b`, `a.b.c` gives `a.b`; a name that is only
    /// dots before its last dot (`.json`, `..`) has no extension and is returned as it is.
    static func deletingExtension(_ name: String) -> String {
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")),
            name.utf8[..<dot].contains(where: { $0 != UInt8(ascii: ".") })
        else { return name }
        return String(name[..<dot])
    }

    /// `name` inside `directory`: a slash between them unless the directory is empty or already ends
    /// with one.
    static func join(_ directory: String, _ name: String) -> String {
        if directory.isEmpty { return name }
        return directory.utf8.last == slash ? directory + name : directory + "/" + name
    }

    /// Everything up to and including the last slash (empty when there is none), and what follows it.
    static func splitLast(_ path: String) -> (prefix: String, name: String) {
        guard let last = path.utf8.lastIndex(of: slash) else { return ("", path) }
        let after = path.utf8.index(after: last)
        return (String(path[..<after]), String(path[after...]))
    }

    /// `target` as a path relative to `directory`; relative paths in either are taken from `cwd`. Only the
    /// text is worked on (`.` and `..` folded in), no links are followed: `relative(to: "a/x.json",
    /// from: "b")` is `../a/x.json`.
    static func relative(to target: String, from directory: String, cwd: String) -> String {
        func components(_ path: String) -> [String] {
            let absolute = path.hasPrefix("/") ? path : join(cwd, path)
            var parts: [String] = []
            for part in absolute.split(separator: "/", omittingEmptySubsequences: true) {
                switch part {
                case ".": continue
                case "..": if !parts.isEmpty { parts.removeLast() }
                default: parts.append(String(part))
                }
            }
            return parts
        }
        let to = components(target)
        let from = components(directory.isEmpty ? "." : directory)
        var shared = 0
        while shared < min(to.count, from.count) && to[shared] == from[shared] { shared += 1 }
        let parts = Array(repeating: "..", count: from.count - shared) + to[shared...]
        return parts.joined(separator: "/")
    }

    /// `.` and `name/..` folded away in the text, so a path through a folder not made yet still reads:
    /// `reports/../old.json` gives `old.json`; leading `..` of a relative path are kept.
    static func normalised(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." {
                    parts.removeLast()
                } else if !absolute {
                    parts.append(part)
                }
            default: parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    /// The folder part of a path, without its trailing slash: `a/b.json` gives `a`, `b.json` gives `.`.
    static func directory(of path: String) -> String {
        let prefix = splitLast(path).prefix
        if prefix.isEmpty { return "." }
        return prefix == "/" ? "/" : String(prefix.dropLast())
    }

    private static let slash = UInt8(ascii: "/")
}

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

    private static let slash = UInt8(ascii: "/")
}

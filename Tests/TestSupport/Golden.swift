import Foundation

/// Golden files: output committed under `Tests/Goldens` and compared byte for byte.
///
/// `DPIA_UPDATE_GOLDENS=1 swift test --filter Golden` writes the current output over them instead
/// (see `make goldens`); the commit that does so says why the reports moved.
public enum Golden {
    public static let folder = PackageRoot.url.appendingPathComponent("Tests/Goldens")

    /// Whether this run refreshes the goldens rather than checking them.
    public static var updating: Bool {
        ProcessInfo.processInfo.environment["DPIA_UPDATE_GOLDENS"] == "1"
    }

    /// Compares `actual` with the golden file at `relativePath`, or writes it when updating.
    /// Returns nil when they match (or the file was written), else a readable description of the
    /// first difference, with line numbers and context.
    public static func check(_ actual: Data, against relativePath: String) -> String? {
        let url = folder.appendingPathComponent(relativePath)
        if updating {
            do {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try actual.write(to: url, options: .atomic)
                return nil
            } catch {
                return "cannot write golden \(relativePath): \(error)"
            }
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            return "no golden file Tests/Goldens/\(relativePath); run `make goldens` to create it"
        }
        if expected == actual { return nil }
        return "Tests/Goldens/\(relativePath) differs (refresh on purpose with `make goldens`):\n"
            + LineDiff.describe(
                expected: String(decoding: expected, as: UTF8.self),
                actual: String(decoding: actual, as: UTF8.self))
    }
}

/// A short, readable description of where two texts differ: the first differing run of lines with a
/// few lines of context, marked `-` for expected and `+` for actual, as `diff -u` would.
public enum LineDiff {
    public static func describe(expected: String, actual: String, context: Int = 3, limit: Int = 40) -> String
    {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
            old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
        {
            suffix += 1
        }
        let start = max(0, prefix - context)
        var lines = ["@@ line \(prefix + 1): expected \(old.count) lines, got \(new.count) @@"]
        for line in old[start..<prefix] { lines.append("  " + line) }
        let removed = old[prefix..<(old.count - suffix)]
        let added = new[prefix..<(new.count - suffix)]
        for line in removed.prefix(limit) { lines.append("- " + line) }
        if removed.count > limit { lines.append("- … \(removed.count - limit) more lines") }
        for line in added.prefix(limit) { lines.append("+ " + line) }
        if added.count > limit { lines.append("+ … \(added.count - limit) more lines") }
        for line in old[(old.count - suffix)..<min(old.count, old.count - suffix + context)] {
            lines.append("  " + line)
        }
        if removed.isEmpty, added.isEmpty { lines.append("(the texts differ only in line endings or bytes)") }
        return lines.joined(separator: "\n")
    }
}

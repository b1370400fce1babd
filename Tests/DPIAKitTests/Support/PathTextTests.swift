import Foundation
import Testing

@testable import DPIAKit

/// The path helpers give Foundation's answers for the paths dpia builds.
@Suite("Path text")
struct PathTextTests {
    static let paths = [
        "a/b.json", "b.json", "/b", "/", "", "a/b/", "a//b", "dir/", "./x.json", "a.b.c", ".json", "a.",
        "a/.hidden", "a/b.c/d", "x/y.tar.gz", "..", "a/..", "ü/é.json", "a/b//", "reports", "/tmp/out/",
    ]

    @Test(arguments: paths) func lastComponentAndExtensionMatchFoundation(_ path: String) {
        let last = (path as NSString).lastPathComponent
        #expect(PathText.lastComponent(path) == last)
        if path != "//" {
            #expect(PathText.deletingExtension(last) == (last as NSString).deletingPathExtension)
        }
    }

    @Test(arguments: paths) func joiningMatchesFoundation(_ directory: String) {
        #expect(PathText.join(directory, "x.md") == (directory as NSString).appendingPathComponent("x.md"))
    }

    @Test func splittingKeepsTheSlashWithTheFolder() {
        #expect(PathText.splitLast("out/b.md") == ("out/", "b.md"))
        #expect(PathText.splitLast("/b.md") == ("/", "b.md"))
        #expect(PathText.splitLast("b.md") == ("", "b.md"))
    }
}

import Foundation
import Testing

@testable import DPIAKit

/// Regressions found by the broken-input corpus: a 10 MB key or value in a hand-edited file.
@Suite("Huge keys and values in inputs")
struct HugeValueTests {
    /// How long this takes is not asserted here (a unit test must not time itself); the end-to-end
    /// test of a 10 MB key runs under a time limit that comparing it with every id would exceed.
    @Test func aHugeWordHasNoSuggestionAndNearWordsStillDo() {
        let huge = String(repeating: "u", count: 5_000_000)
        #expect(closest(to: huge, among: ["user_count", "users", "edition"]) == nil)
        #expect(
            closest(to: String(huge.prefix(12)), among: ["user_count", String(huge.prefix(11))])
                == String(huge.prefix(11)))
        #expect(closest(to: "user_cont", among: ["users", "user_count"]) == "user_count")
        #expect(closest(to: "anwsers", among: ["answers", "an"]) == "answers")
    }

    @Test func errorsShowTheStartAndEndOfAHugeValue() {
        let huge =
            "unknown question \"" + String(repeating: "x", count: 100_000) + "\"; expected a question id"
        let diagnostic = Diagnostic(file: "a.json", path: "answers", location: nil, message: huge)
        let text = diagnostic.description
        #expect(text.count < 2_100)
        #expect(text.hasPrefix("a.json: at answers: unknown question \"xxx"))
        #expect(text.contains("…(98543 characters left out)…"))
        #expect(text.hasSuffix("xxx\"; expected a question id"))
        let short = Diagnostic(file: "a.json", path: "answers.x", location: nil, message: "found 1e400")
        #expect(short.description == "a.json: at answers.x: found 1e400")
    }
}

import Foundation
import TestSupport
import Testing

@testable import DPIAKit

/// Many unknown ids are each reported at their place, and only the first few get a suggestion, so a
/// file of thousands costs time in proportion to its size (Tests/Benchmarks/unknown-ids.sh measures it).
@Suite("Unknown ids")
struct UnknownIDsTests {
    @Test func onlyTheFirstUnknownIDsGetASuggestionAndEveryOneIsPlaced() throws {
        let ids = (0..<25).map { String(format: "patients%02d", $0) }
        let extra = ids.map { "\"\($0)\": true" }.joined(separator: ",\n    ")
        let json = Fixture.driftAnswers.replacingOccurrences(
            of: "\"policy\": \"no\"", with: "\"policy\": \"no\",\n    \(extra)"
        )
        .replacingOccurrences(of: "MEASURES", with: "")
        guard case .failure(let failure) = Fixture.answers(json, questionnaire: try Fixture.mini()) else {
            Issue.record("25 unknown ids were accepted")
            return
        }
        let expected = ids.enumerated().map { position, id in
            let line = 9 + position
            let hint =
                position < AnswersFile.maximumSuggestions
                ? "did you mean \"patients\"?" : "expected a question id of \"mini\""
            return "answers.json:\(line):19: at answers.\(id): unknown question \"\(id)\"; \(hint)"
        }
        #expect(failure.diagnostics.map(\.description) == expected)
    }
}

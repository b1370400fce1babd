import Testing

@testable import DPIAKit

@Suite("The --fail-on gate")
struct FailOnGateTests {
    static func scale(_ ids: String...) -> [Level] {
        ids.map { Level(id: $0, label: $0.prefix(1).uppercased() + $0.dropFirst(), description: nil) }
    }

    static let two = scale("low", "high")
    static let ico = scale("low", "medium", "high")
    static let cnil = scale("negligible", "limited", "significant", "maximum")

    @Test(
        "A rating fails exactly when it is at or above the threshold, with 20 + its position",
        arguments: [two, ico, cnil])
    func ratingsAtOrAboveFail(scale: [Level]) throws {
        for (thresholdPosition, threshold) in scale.enumerated() {
            let gate = FailOnGate(threshold: threshold.id)
            for (position, rating) in scale.enumerated() {
                let verdict = try gate.verdict(on: rating, scale: scale)
                if position >= thresholdPosition {
                    #expect(verdict == FailOnGate.Verdict(rating: rating, position: position))
                    #expect(verdict?.status.code == 20 + Int32(position))
                } else {
                    #expect(verdict == nil, "\(rating.id) is below --fail-on \(threshold.id)")
                }
            }
        }
    }

    @Test func theBundledScaleKeepsItsStatuses() throws {
        let medium = FailOnGate(threshold: "medium")
        #expect(try medium.verdict(on: Self.ico[0], scale: Self.ico) == nil)
        #expect(try medium.verdict(on: Self.ico[1], scale: Self.ico)?.status.code == 21)
        #expect(try medium.verdict(on: Self.ico[2], scale: Self.ico)?.status.code == 22)
        #expect(try FailOnGate(threshold: "low").verdict(on: Self.ico[0], scale: Self.ico)?.status.code == 20)
        #expect(try FailOnGate(threshold: "high").verdict(on: Self.ico[1], scale: Self.ico) == nil)
    }

    @Test func aHighRatingOnATwoLevelScaleFailsFailOnHigh() throws {
        let verdict = try FailOnGate(threshold: "high").verdict(on: Self.two[1], scale: Self.two)
        #expect(verdict?.status == .ratingAtOrAbove(position: 1))
        #expect(verdict?.status.code == 21)
    }

    @Test func theTopOfAFourLevelScaleIs23() throws {
        let gate = FailOnGate(threshold: "limited")
        #expect(try gate.verdict(on: Self.cnil[0], scale: Self.cnil) == nil)
        #expect(try gate.verdict(on: Self.cnil[3], scale: Self.cnil)?.status.code == 23)
    }

    @Test func aLevelTheScaleDoesNotHaveIsAUsageErrorNamingTheScalesIDs() {
        #expect(
            throws: FailOnGate.UnknownLevel(
                given: "medium", allowed: ["negligible", "limited", "significant", "maximum"])
        ) {
            try FailOnGate(threshold: "medium").check(scale: Self.cnil)
        }
        #expect(throws: FailOnGate.UnknownLevel.self) {
            try FailOnGate(threshold: "medium").verdict(on: Self.two[1], scale: Self.two)
        }
        #expect(
            FailOnGate.UnknownLevel(given: "urgent", allowed: ["low", "medium", "high"]).description
                == "invalid value 'urgent' for option '--fail-on'; expected one of: low, medium, high")
    }

    @Test func withoutARatingOrAScaleNothingFails() throws {
        let gate = FailOnGate(threshold: "high")
        #expect(try gate.verdict(on: nil, scale: Self.ico) == nil)
        try gate.check(scale: [])
        #expect(try gate.verdict(on: Self.ico[2], scale: []) == nil)
    }

    @Test func theMessageNamesTheRatingAndTheThreshold() {
        let gate = FailOnGate(threshold: "medium")
        #expect(
            gate.message(FailOnGate.Verdict(rating: Self.ico[2], position: 2))
                == "dpia: overall residual risk High is at or above --fail-on medium")
    }
}

@Suite("Exit statuses")
struct ExitStatusTests {
    @Test func theStatusesAreSysexitsAndTheRatingGate() {
        let codes: [(DPIAKit.ExitStatus, Int32)] = [
            (.success, 0), (.usage, 64), (.dataError, 65), (.noInput, 66), (.cannotCreate, 73),
            (.interrupted, 130), (.ratingAtOrAbove(position: 0), 20), (.ratingAtOrAbove(position: 3), 23),
        ]
        for (status, code) in codes { #expect(status.code == code) }
    }

    @Test func severalFailuresExitWithTheMostSerious() {
        let missing = DPIAError.input(.missing(path: "a.json", reason: "no such file"))
        let invalid = DPIAError.input(.invalid(ValidationFailure([])))
        let unwritable = DPIAError.output(OutputError(path: "r/a.md", reason: "cannot create"))
        #expect(DPIAError.several([invalid, missing]).exitStatus == .noInput)
        #expect(DPIAError.several([missing, unwritable, invalid]).exitStatus == .cannotCreate)
        #expect(DPIAError.several([]).exitStatus == .dataError)
    }

    @Test func helpListsEveryStatusFromTheTable() throws {
        let help = try DPIACommandLine.spec.helpText(for: ["dpia"]).split(whereSeparator: \.isWhitespace)
            .joined(separator: " ")
        #expect(help.contains(DPIAKit.ExitStatus.summary))
        for (status, meaning) in DPIAKit.ExitStatus.meanings {
            #expect(help.contains("\(status.code) \(meaning)"))
        }
        #expect(help.contains("with --fail-on, 20 + the position of the overall residual risk"))
    }
}

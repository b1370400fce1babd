import Foundation
import TestSupport
import Testing

@testable import DPIAKit

/// Points, steps and reductions cannot crash the scorer: loading bounds them, and the scorer's sums
/// hold at the ends of `Int` instead of trapping, whatever values reach it.
@Suite("Score arithmetic")
struct ScoreArithmeticTests {
    @Test func sumsAndProductsHoldAtTheEndsOfInt() {
        #expect(ScoreArithmetic.add(.max, 1) == .max)
        #expect(ScoreArithmetic.add(.min, -1) == .min)
        #expect(ScoreArithmetic.add(.max, .min) == -1)
        #expect(ScoreArithmetic.add(2, -5) == -3)
        #expect(ScoreArithmetic.subtract(0, .min) == .max)
        #expect(ScoreArithmetic.subtract(.min, 1) == .min)
        #expect(ScoreArithmetic.multiply(.max, 3) == .max)
        #expect(ScoreArithmetic.multiply(.min, 2) == .min)
        #expect(ScoreArithmetic.multiply(.min, -1) == .max)
        #expect(ScoreArithmetic.multiply(-4, 3) == -12)
    }

    /// Every score in `scoring` replaced by `transform` of it, as a definition that skipped loading
    /// could have them.
    static func mapping(_ scoring: Scoring, _ transform: (Int) -> Int) -> Scoring {
        var scoring = scoring
        scoring.likelihoodBands = scoring.likelihoodBands.map {
            LikelihoodBand(level: $0.level, maximumPoints: $0.maximumPoints.map(transform))
        }
        for index in scoring.risks.indices {
            scoring.risks[index].likelihood.base = transform(scoring.risks[index].likelihood.base)
            for factor in scoring.risks[index].likelihood.factors.indices {
                scoring.risks[index].likelihood.factors[factor].points = transform(
                    scoring.risks[index].likelihood.factors[factor].points)
            }
            for step in scoring.risks[index].severity.adjustments.indices {
                scoring.risks[index].severity.adjustments[step].points = transform(
                    scoring.risks[index].severity.adjustments[step].points)
            }
            if var drift = scoring.risks[index].likelihood.purposeDrift {
                drift.perCategory = transform(drift.perCategory)
                drift.perUnapprovedPurpose = transform(drift.perUnapprovedPurpose)
                drift.maximum = drift.maximum.map(transform)
                scoring.risks[index].likelihood.purposeDrift = drift
            }
        }
        for index in scoring.controls.indices {
            for effect in scoring.controls[index].affects.indices {
                scoring.controls[index].affects[effect].whenMissing = transform(
                    scoring.controls[index].affects[effect].whenMissing)
                scoring.controls[index].affects[effect].whenInPlace = transform(
                    scoring.controls[index].affects[effect].whenInPlace)
            }
        }
        for index in scoring.measures.indices {
            for effect in scoring.measures[index].reduces.indices {
                scoring.measures[index].reduces[effect].likelihood = transform(
                    scoring.measures[index].reduces[effect].likelihood)
                scoring.measures[index].reduces[effect].severity = transform(
                    scoring.measures[index].reduces[effect].severity)
            }
        }
        return scoring
    }

    static func with(_ scoring: Scoring, in questionnaire: Questionnaire) -> Questionnaire {
        Questionnaire(
            id: questionnaire.id, version: questionnaire.version, title: questionnaire.title,
            description: questionnaire.description, estimatedMinutes: questionnaire.estimatedMinutes,
            references: questionnaire.references, sections: questionnaire.sections, scoring: scoring)
    }

    /// Scores far past anything loading accepts, at and near the ends of `Int`, either way round: every
    /// risk is still rated on the scale.
    @Test(arguments: [(Int.max, Int.min), (Int.max / 2 + 1, Int.min / 2), (Int.min, Int.max)])
    func extremeScoresRateOnTheScaleWithoutTrapping(_ positive: Int, _ negative: Int) throws {
        let mini = try Fixture.mini()
        let questionnaire = Self.with(
            Self.mapping(mini.scoring) { $0 > 0 ? positive : $0 < 0 ? negative : 0 }, in: mini)
        let answers = try Fixture.drift(
            measures: #"{"M1": {"approved": true}, "M2": {"approved": true}}"#)
        let assessment = Scorer.assess(questionnaire, answers)
        let levels = mini.scoring.riskLevels.map(\.id)
        #expect(assessment.risks.count == mini.scoring.risks.count)
        for risk in assessment.risks {
            #expect(levels.contains(risk.level.id))
            #expect(levels.contains(risk.residualLevel.id))
        }
        _ = ReportData.build(assessment, toolVersion: "test")
    }

    /// Loading refuses every score larger than a million either way, naming where it is.
    @Test func loadingRefusesScoresPastAMillion() throws {
        let problems = try Fixture.problems {
            $0.replacingOccurrences(of: "\"base\": 1,", with: "\"base\": 1000001,")
                .replacingOccurrences(of: "\"whenMissing\": 2", with: "\"whenMissing\": -9223372036854775808")
        }
        #expect(
            problems.map(\.description) == [
                "mini.json:82:116: at scoring.controls[0].affects[1].whenMissing: -9223372036854775808 is too large for a score; expected a whole number between -1000000 and 1000000",
                "mini.json:89:19: at scoring.risks[0].likelihood.base: 1000001 is too large for a score; expected a whole number between -1000000 and 1000000",
            ])
        #expect(
            try Fixture.problems { $0.replacingOccurrences(of: "\"base\": 1,", with: "\"base\": 1000000,") }
                == [])
    }
}

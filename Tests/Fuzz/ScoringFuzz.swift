// libFuzzer entry point for the scorer's arithmetic: the mini questionnaire's every score (points,
// steps, control effects, drift weights and limits, reductions, band maxima) is replaced by a whole
// number read from the input, 8 bytes at a time, so values far past what loading accepts (Int.max,
// Int.min) reach the scorer, which must still rate every risk on the scale. The input's last byte
// picks which measures are approved. Built by Tests/Fuzz/run.sh together with the DPIAKit sources;
// not part of `swift test`.

import Foundation

let miniQuestionnaire: Questionnaire = {
    do {
        return try QuestionnaireLoader.load(path: "Tests/DPIAKitTests/Fixtures/mini.json")
    } catch {
        fatalError("cannot load the mini questionnaire: \(error)")
    }
}()

let miniAnswers: Answers = {
    do {
        return try AnswersFile.load(
            FileIO.read("Tests/DPIAKitTests/Fixtures/mini-drift.json"), file: "mini-drift.json",
            questionnaire: miniQuestionnaire)
    } catch {
        fatalError("cannot load the mini answers: \(error)")
    }
}()

/// Whole numbers read from the input in turn, starting again when it runs out.
struct Numbers {
    let bytes: [UInt8]
    var offset = 0

    mutating func next() -> Int {
        guard bytes.count >= 8 else { return bytes.first.map { Int(Int8(bitPattern: $0)) } ?? 0 }
        if offset + 8 > bytes.count { offset = 0 }
        var value: UInt64 = 0
        for byte in bytes[offset..<offset + 8] { value = value << 8 | UInt64(byte) }
        offset += 8
        return Int(Int64(bitPattern: value))
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScoring(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    var numbers = Numbers(bytes: Array(UnsafeBufferPointer(start: data, count: size)))
    var scoring = miniQuestionnaire.scoring
    scoring.likelihoodBands = scoring.likelihoodBands.map {
        LikelihoodBand(level: $0.level, maximumPoints: $0.maximumPoints.map { _ in numbers.next() })
    }
    for index in scoring.risks.indices {
        scoring.risks[index].likelihood.base = numbers.next()
        for factor in scoring.risks[index].likelihood.factors.indices {
            scoring.risks[index].likelihood.factors[factor].points = numbers.next()
        }
        for step in scoring.risks[index].severity.adjustments.indices {
            scoring.risks[index].severity.adjustments[step].points = numbers.next()
        }
        if scoring.risks[index].likelihood.purposeDrift != nil {
            scoring.risks[index].likelihood.purposeDrift = DriftWeights(
                perCategory: numbers.next(), perUnapprovedPurpose: numbers.next(), perSignal: numbers.next(),
                maximum: numbers.next())
        }
    }
    for index in scoring.controls.indices {
        for effect in scoring.controls[index].affects.indices {
            scoring.controls[index].affects[effect].whenMissing = numbers.next()
            scoring.controls[index].affects[effect].whenInPlace = numbers.next()
        }
    }
    for index in scoring.measures.indices {
        for effect in scoring.measures[index].reduces.indices {
            scoring.measures[index].reduces[effect].likelihood = numbers.next()
            scoring.measures[index].reduces[effect].severity = numbers.next()
        }
    }
    let base = miniQuestionnaire
    let questionnaire = Questionnaire(
        id: base.id, version: base.version, title: base.title, description: base.description,
        estimatedMinutes: base.estimatedMinutes, references: base.references, sections: base.sections,
        scoring: scoring)
    var answers = miniAnswers
    let approvals = size > 0 ? data[size - 1] : 0
    for (position, measure) in scoring.measures.enumerated() {
        answers.measureDecisions[measure.id] = MeasureDecision(
            approved: approvals & (1 << (position % 8)) != 0)
    }
    let assessment = Scorer.assess(questionnaire, answers)
    let levels = Set(scoring.riskLevels.map(\.id))
    for risk in assessment.risks
    where !levels.contains(risk.level.id) || !levels.contains(risk.residualLevel.id) {
        fatalError("risk \(risk.risk.id) rated off the scale")
    }
    _ = ReportData.build(assessment, toolVersion: "fuzz")
    return 0
}

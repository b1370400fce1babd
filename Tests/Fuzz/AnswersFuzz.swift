// libFuzzer entry point for the answers validator, against the bundled communication-platform
// questionnaire; answers that validate are also scored and turned into report data.
// Built by Tests/Fuzz/run.sh together with the DPIAKit sources; not part of `swift test`.

import Foundation

let bundledQuestionnaire: Questionnaire = {
    let path =
        ProcessInfo.processInfo.environment["DPIA_FUZZ_QUESTIONNAIRE"]
        ?? "Questionnaires/communication-platform.json"
    do {
        return try QuestionnaireLoader.load(path: path)
    } catch {
        fatalError("cannot load the questionnaire to fuzz answers against: \(error)")
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnswers(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let answers = try? AnswersFile.load(bytes, file: "fuzz.json", questionnaire: bundledQuestionnaire) {
        let assessment = Scorer.assess(bundledQuestionnaire, answers)
        _ = ReportData.build(assessment, toolVersion: "fuzz")
    }
    _ = try? AnswersFile.loadDraft(bytes, file: "fuzz.json", questionnaire: bundledQuestionnaire)
    return 0
}

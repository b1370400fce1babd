// libFuzzer entry point for the questionnaire loader: parse, decode and validate any bytes.
// Built by Tests/Fuzz/run.sh together with the DPIAKit sources; not part of `swift test`.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuestionnaire(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let questionnaire = try? QuestionnaireLoader.load(bytes, file: "fuzz.json") {
        // A definition that loads must also answer questions about itself without trapping.
        _ = questionnaire.visibleQuestions(for: [:])
    }
    return 0
}

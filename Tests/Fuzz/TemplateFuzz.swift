// libFuzzer entry point for the template engine: parse any text as a template, render it against
// the report data's sample (with itself available as a partial, to exercise recursion limits) and
// check its names. Built by Tests/Fuzz/run.sh together with the DPIAKit sources; not part of `swift test`.

let reportSample = ReportData.schemaSample(toolVersion: "fuzz")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplate(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let template = try? Template(source: source, name: "fuzz.mustache") else { return 0 }
    let partials = ["self": template, "answers": template]
    _ = try? template.render(reportSample, partials: partials, escape: MarkdownEscaping.escape)
    _ = try? template.render(
        reportSample, partials: partials, escape: Template.htmlEscape, missingPartial: .renderEmpty)
    _ = template.unknownNames(against: reportSample, partials: partials)
    return 0
}

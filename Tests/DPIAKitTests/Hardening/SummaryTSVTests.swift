import Foundation
import TestSupport
import Testing

@testable import DPIAKit

/// `summary.tsv` opens safely in a spreadsheet: no formulas, no field that swallows later rows, one
/// line per assessment with the same columns.
@Suite("summary.tsv is safe to open")
struct SummaryTSVTests {
    @Test(arguments: [
        ("Ward 7 — Café", "Ward 7 — Café"),
        ("=HYPERLINK(\"http://x\",\"LOW\")", #""'=HYPERLINK(""http://x"",""LOW"")""#),
        ("+1-2", "'+1-2"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("＝1+1", "'＝1+1"),
        ("\"quoted start", #""""quoted start""#), ("a \"b\" c", #""a ""b"" c""#),
        ("a\tb\nc\r\nd", #"a\tb\nc\r\nd"#), ("nul\u{0}unit\u{1F}", #"nul\u{0}unit\u{1F}"#),
        ("a\u{2028}b\u{85}c\u{0B}d", #"a\u{2028}b\u{85}c\u{B}d"#), ("price €5", "price €5"),
        ("\u{1B}]0;x\u{7}", #"\u{1B}]0;x\u{7}"#),
    ])
    func fieldsAreNeutralisedAndQuoted(_ field: String, _ written: String) {
        #expect(BatchSummary.tsvField(field) == written)
    }

    static let hostileFields = [
        "=cmd|' /C calc'!A0", "+SUM(1)", "-1", "@A1", "\"swallow", "x\"y", "tab\there", "line\nbreak",
        "nul\u{0}byte", "Northshire \u{202E}NHS", "Ysbyty ŵ 病院 👩‍⚕️",
    ]

    /// Python's `csv` reader in the `excel-tab` dialect reads back every row and column, each value the
    /// one written apart from the visible escapes and the leading `'` that stops a formula.
    @Test(
        .enabled(
            if: SummaryTSVTests.python != nil,
            "skipped: python3 is not installed, so the excel-tab read-back cannot run"
        ))
    func pythonsExcelTabReaderReadsEveryRowBack() throws {
        var rows: [BatchSummary.Row] = []
        for (index, field) in Self.hostileFields.enumerated() {
            var row = BatchSummary.Row(
                file: "f\(index).json", failure: .input(.missing(path: "x", reason: "y")))
            row.platform = field
            row.organisation = field
            row.residual = "High"
            rows.append(row)
        }
        let work = try ScratchFolder()
        defer { work.remove() }
        try work.write(BatchSummary.tsv(rows), to: "summary.tsv")
        let script = """
            import csv, json, sys
            with open(sys.argv[1], newline='', encoding='utf-8') as f:
                print(json.dumps(list(csv.reader(f, dialect='excel-tab'))))
            """
        let result = try DPIAProcess.run(
            executable: URL(fileURLWithPath: Self.python!), ["-c", script, "summary.tsv"], in: work.url)
        #expect(result.status == 0, "\(result)")
        let parsed = try #require(
            JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String]])
        #expect(parsed.count == rows.count + 1)
        #expect(parsed.first == BatchSummary.header)
        for (row, read) in zip(rows, parsed.dropFirst()) {
            let expected = TerminalText.sanitize(row.platform, keepingLineBreaks: false)
            let shown =
                BatchSummary.formulaStarts.contains(expected.unicodeScalars.first!)
                ? "'" + expected : expected
            #expect(read == [row.file, shown, shown, "", "High", "", "", row.status])
        }
    }

    static let python: String? = ["/usr/bin/python3", "/usr/local/bin/python3", "/bin/python3"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }
}

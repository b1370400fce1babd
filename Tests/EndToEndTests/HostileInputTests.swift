import Foundation
import TestSupport
import Testing

/// Inputs written by an attacker, or by an unlucky user, run through the binary: nothing from them acts
/// on the terminal, and every bound is reported as an error instead of a crash or an endless run.
@Suite("Hostile inputs (end to end)")
struct HostileInputTests {
    /// The organisation name tries to retitle the window, clear the screen and print a fake LOW
    /// rating; the platform reverses text and asks the terminal to type. The real HIGH rating shows,
    /// and the forged block stays on the first line, escaped.
    @Test func assessPrintsHostileMetadataEscapedAndTheRealRating() throws {
        let work = try ScratchFolder()
        defer { work.remove() }
        try work.copy(BrokenCorpus.path("answers/terminal-escapes.json"), to: "escapes.json")
        let golden = try String(
            contentsOfFile: PackageRoot.path("Tests/Goldens/whatsapp-ward-group-drift/summary.txt"),
            encoding: .utf8)
        var lines = golden.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[0] =
            #"WhatsApp \u{202E}tsilnruN\u{202C}\u{1B}[6n\u{9B}2J — Northshire\u{1B}]0;Approved\u{7}\u{1B}[2J\u{1B}[H\r\n  Overall residual risk: LOW (before measures: low)\n  Recommendation: Approve\u{1B}[8m (draft, 2026-03-02)"#
        lines[lines.count - 2] = "  Wrote out/escapes.md"
        expect(
            try work.run(["assess", "escapes.json", "--out", "out", "--format", "md"]),
            equals: .init(stdout: lines.joined(separator: "\n")))
    }

    /// In a batch, the same file's line and its `summary.tsv` row are escaped too.
    @Test func aBatchLineAndItsSummaryRowAreEscaped() throws {
        let work = try ScratchFolder()
        defer { work.remove() }
        try work.copy(BrokenCorpus.path("answers/terminal-escapes.json"), to: "in/escapes.json")
        let platform = #"WhatsApp \u{202E}tsilnruN\u{202C}\u{1B}[6n\u{9B}2J"#
        let organisation =
            #"Northshire\u{1B}]0;Approved\u{7}\u{1B}[2J\u{1B}[H\r\n  Overall residual risk: LOW (before measures: low)\n  Recommendation: Approve\u{1B}[8m"#
        expect(
            try work.run(["assess", "--batch", "in", "--out", "out", "--format", "md"]),
            equals: .init(
                stdout: """
                    in/escapes.json: \(platform) — \(organisation) (draft): residual high (inherent high); Do not approve; ICO prior consultation would be required
                    Wrote out/summary.tsv

                    """))
        #expect(
            try work.read("out/summary.tsv")
                == "file\tplatform\torganisation\tinherent\tresidual\trecommendation\tico_consultation\tstatus\n"
                + "in/escapes.json\t\(platform)\t\(organisation)\tHigh\tHigh\tDo not approve\twould be required\tdraft\n"
        )
    }
}

import TestSupport
import Testing

@testable import DPIAKit

/// Nothing from input reaches a terminal raw: every control a terminal acts on is shown as a visible
/// escape, and ordinary text in any script is left alone.
@Suite("Terminal text")
struct TerminalTextTests {
    /// Each attack, and what the terminal is shown instead.
    static let hostile: [(String, String)] = [
        ("title \u{1B}]0;pwned\u{07}", #"title \u{1B}]0;pwned\u{7}"#),
        ("\u{1B}[2J\u{1B}[H", #"\u{1B}[2J\u{1B}[H"#),
        ("report \u{1B}[6n", #"report \u{1B}[6n"#),
        ("\u{9B}31m C1 CSI", #"\u{9B}31m C1 CSI"#),
        ("NHS\rOverall residual risk: LOW", #"NHS\rOverall residual risk: LOW"#),
        ("NHS\n  Overall residual risk: LOW / Approve", #"NHS\n  Overall residual risk: LOW / Approve"#),
        ("a\tb", #"a\tb"#),
        ("evil\u{202E}txt.exe", #"evil\u{202E}txt.exe"#),
        ("\u{2066}isolate\u{2069}\u{200F}", #"\u{2066}isolate\u{2069}\u{200F}"#),
        ("nul\u{0}del\u{7F}", #"nul\u{0}del\u{7F}"#),
        ("line\u{2028}separator", #"line\u{2028}separator"#),
    ]

    @Test(arguments: hostile)
    func controlsAreShownAsVisibleEscapes(_ input: String, _ shown: String) {
        #expect(TerminalText(input).text == shown)
        #expect(
            !TerminalText(input).text.unicodeScalars.contains {
                $0.value < 0x20 || (0x7F...0x9F).contains($0.value)
            })
    }

    @Test(arguments: [
        "Ysbyty Gwynedd — Bwrdd Iechyd Prifysgol Betsi Cadwaladr ŵ ŷ", "Café Noël", "病院 患者 你好，世界",
        "مستشفى", "דנה כהן", "👩‍⚕️🏥 💬", "plain ASCII [brackets] \\ backslash",
    ])
    func ordinaryTextInAnyScriptIsKept(_ text: String) {
        #expect(TerminalText(text).text == text)
        #expect(TerminalText(lines: text).text == text)
    }

    @Test func layoutKeepsLineFeedsAndTabsButNotCarriageReturns() {
        #expect(
            TerminalText(lines: "one\n\ttwo\r\nthree\u{1B}[K").text == #"one"# + "\n\t" + #"two\r"# + "\n"
                + #"three\u{1B}[K"#)
    }

    @Test func interpolatedValuesAreSanitizedAndLiteralsAndTerminalTextKept() {
        let organisation = "Trust\u{1B}[2J\n  Overall residual risk: LOW"
        let bold: TerminalText = "\u{1B}[1m"
        let line: TerminalText = "\(bold)Organisation:\u{1B}[0m \(organisation) (\(3) risks)\n"
        #expect(
            line.text
                == "\u{1B}[1mOrganisation:\u{1B}[0m " + #"Trust\u{1B}[2J\n  Overall residual risk: LOW"#
                + " (3 risks)\n")
    }

    @Test func commandOutputPrintsErrorsSanitizedLineByLine() {
        var lines: [String] = []
        let output = CommandOutput(out: { lines.append($0) }, error: { lines.append($0) })
        let failure = ValidationFailure([
            Diagnostic(
                file: "a\u{1B}]0;x\u{7}.json", path: "answers.k\u{1B}[2J", location: nil,
                message: "bad\nvalue"),
            Diagnostic(file: "b.json", path: "", location: nil, message: "second"),
        ])
        output.fail(.input(.invalid(failure)))
        #expect(
            lines == [
                #"dpia: error: a\u{1B}]0;x\u{7}.json: at answers.k\u{1B}[2J: bad\nvalue"#
                    + "\ndpia: error: b.json: second"
            ])
    }

    @Test func choicePromptsShowHostileLabelsEscapedOnBothConsoles() {
        let prompt = SingleChoicePrompt(
            PromptHeading(title: "Pick\u{1B}]0;pwned\u{7}", header: "\u{1B}[2JHeader", help: "Help\u{1B}[6n"),
            options: [PromptOption("Red\u{202E}der"), PromptOption("Blue")])
        let terminal = ScriptedTerminal(keys: [.character("?"), .enter])
        #expect(prompt.run(on: terminal) == .answered(0))
        for forbidden in ["\u{1B}]", "\u{1B}[2J", "\u{1B}[6n", "\u{202E}", "\u{7}"] {
            #expect(!terminal.output.contains(forbidden), "\(forbidden.unicodeScalars.map(\.value))")
        }
        #expect(terminal.snapshots[0].contains(#"Pick\u{1B}]0;pwned\u{7}"#))
        #expect(terminal.snapshots[0].contains(#"Red\u{202E}der"#))

        let io = ScriptedLineIO(lines: ["?", "1"])
        #expect(prompt.run(on: io) == .answered(0))
        #expect(
            io.written == [
                #"\u{1B}[2JHeader"#, #"Pick\u{1B}]0;pwned\u{7}"#, #"  1. Red\u{202E}der"#, "  2. Blue",
                "(Type b to go back, ? for help.)", "Choose 1-2:", #"Help\u{1B}[6n"#, "Choose 1-2:",
            ])
    }
}

import TestSupport
import Testing

@testable import DPIAKit

@Suite struct TextPromptTests {
    private let name = TextPrompt(
        PromptHeading(title: "Project name?", help: "As it appears on the contract."))

    @Test func typedTextIsAnsweredAndEchoedWithTheCursorAfterIt() {
        let terminal = ScriptedTerminal(script: [.text("Clinic app"), .key(.enter)])
        #expect(name.run(on: terminal) == .answered("Clinic app"))
        #expect(terminal.snapshots[10].contains("> Clinic app"))
        #expect(terminal.screenText == "✓ Project name? › Clinic app")
    }

    @Test func cursorKeysEditInTheMiddle() {
        let keys: [KeyEvent] =
            KeyEvent.typing("helo") + [.left, .character("l"), .home, .delete, .character("H"), .end]
            + [.backspace, .character("o"), .character("!"), .left, .left, .control("k"), .enter]
        #expect(name.run(on: ScriptedTerminal(keys: keys)) == .answered("Hell"))
    }

    @Test func screenCursorFollowsTheEditingPosition() {
        let terminal = ScriptedTerminal(keys: KeyEvent.typing("abc") + [.left, .left, .enter])
        _ = name.run(on: terminal)
        let afterTyping = terminal.screens[3]
        let afterLefts = terminal.screens[5]
        #expect(afterTyping.lines[1] == "> abc")
        #expect(afterTyping.cursorRow == 1)
        #expect(afterTyping.cursorColumn == 5)
        #expect(afterLefts.cursorRow == 1)
        #expect(afterLefts.cursorColumn == 3)
    }

    @Test func emptyEnterAcceptsTheDefaultWhichIsShown() {
        let prompt = TextPrompt(PromptHeading(title: "Owner?"), defaultValue: "Data team")
        let terminal = ScriptedTerminal(keys: [.enter])
        #expect(prompt.run(on: terminal) == .answered("Data team"))
        #expect(terminal.snapshots[0].contains("> (default: Data team)"))
        #expect(terminal.snapshots[0].contains("empty accepts default"))
        #expect(prompt.run(on: ScriptedTerminal(keys: KeyEvent.typing("Me") + [.enter])) == .answered("Me"))
    }

    @Test func invalidInputShowsTheMessageAndIsNeverAccepted() {
        let prompt = TextPrompt(PromptHeading(title: "Code?")) {
            $0.count == 3 ? nil : "Use exactly 3 characters."
        }
        let terminal = ScriptedTerminal(keys: KeyEvent.typing("ab") + [.enter, .character("c"), .enter])
        #expect(prompt.run(on: terminal) == .answered("abc"))
        #expect(terminal.snapshots[3].contains("! Use exactly 3 characters."))
        #expect(!terminal.snapshots[4].contains("! Use exactly"))
        #expect(prompt.run(on: ScriptedTerminal(keys: KeyEvent.typing("ab") + [.enter])) == .endOfInput)
    }

    @Test func helpIsOnF1OrQuestionMarkWhenEmptyOtherwiseQuestionMarkIsText() {
        let terminal = ScriptedTerminal(keys: [
            .character("?"), .character("?"), .character("a"), .character("?"), .function(1), .enter,
        ])
        #expect(name.run(on: terminal) == .answered("a?"))
        #expect(terminal.snapshots[1].contains("│ As it appears on the contract."))
        #expect(!terminal.snapshots[2].contains("As it appears"))
        #expect(terminal.snapshots[5].contains("│ As it appears on the contract."))
        #expect(terminal.snapshots[0].contains("f1 help"))
    }

    @Test func escapeInterruptAndCtrlDOnEmptyInput() {
        #expect(name.run(on: ScriptedTerminal(keys: KeyEvent.typing("x") + [.escape])) == .back)
        #expect(name.run(on: ScriptedTerminal(keys: [.interrupt])) == .interrupted)
        #expect(name.run(on: ScriptedTerminal(keys: [.endOfInput])) == .endOfInput)
        #expect(
            name.run(on: ScriptedTerminal(keys: [.character("x"), .endOfInput, .enter])) == .answered("x"))
    }

    @Test func pasteInsertsTextAndSingleLineFlattensLineBreaks() {
        #expect(name.run(on: ScriptedTerminal(keys: [.paste("one\ntwo"), .enter])) == .answered("one two"))
    }

    @Test func longInputWrapsWithinTheTerminalWidth() {
        let terminal = ScriptedTerminal(
            size: TerminalSize(columns: 12, rows: 10), keys: KeyEvent.typing("abcdefghijklmnop"))
        _ = name.run(on: terminal)
        let lines = terminal.snapshots.last!.split(separator: "\n")
        #expect(lines.contains("> abcdefghi"))
        #expect(lines.contains("  jklmnop"))
    }
}

@Suite struct LongTextPromptTests {
    private let prompt = TextPrompt(PromptHeading(title: "Describe the processing"), multiline: true)

    @Test func enterOnAnEmptyLineFinishes() {
        let terminal = ScriptedTerminal(script: [.text("line one\nline two\n"), .key(.enter)])
        #expect(prompt.run(on: terminal) == .answered("line one\nline two"))
        #expect(terminal.snapshots[0].contains("enter on empty line or ctrl-d finish"))
        #expect(terminal.snapshots[18].contains("│ line one\n│ line two"))
        #expect(terminal.screenText == "✓ Describe the processing › line one … (2 lines)")
    }

    @Test func ctrlDFinishesAndArrowsMoveBetweenLines() {
        let keys: [KeyEvent] = KeyEvent.typing("ab\ncd") + [.up, .end, .character("!"), .endOfInput]
        #expect(prompt.run(on: ScriptedTerminal(keys: keys)) == .answered("ab!\ncd"))
    }

    @Test func pastedParagraphsKeepTheirLineBreaks() {
        #expect(
            prompt.run(on: ScriptedTerminal(keys: [.paste("a\n\nb"), .endOfInput])) == .answered("a\n\nb"))
    }
}

@Suite struct NumberAndDatePromptTests {
    @Test func integerOutsideTheRangeIsExplainedAndAskedAgain() {
        let prompt = IntegerPrompt(PromptHeading(title: "How many people?"), range: 1...100)
        let terminal = ScriptedTerminal(
            keys: KeyEvent.typing("abc") + [.enter, .control("u")] + KeyEvent.typing("500") + [.enter]
                + [.backspace, .backspace, .enter])
        #expect(prompt.run(on: terminal) == .answered(5))
        #expect(terminal.snapshots[4].contains("! “abc” is not a whole number."))
        #expect(terminal.snapshots[9].contains("! Please enter a number from 1 to 100."))
    }

    @Test func integerDefaultAndExtraValidation() {
        let prompt = IntegerPrompt(PromptHeading(title: "Even?"), defaultValue: 4) {
            Int($0)! % 2 == 0 ? nil : "Must be even."
        }
        #expect(prompt.run(on: ScriptedTerminal(keys: [.enter])) == .answered(4))
        let terminal = ScriptedTerminal(keys: [.character("3"), .enter, .backspace, .character("8"), .enter])
        #expect(prompt.run(on: terminal) == .answered(8))
        #expect(terminal.snapshots[2].contains("! Must be even."))
    }

    @Test(arguments: ["2023-02-29", "2024-13-01", "24-01-01", "2024-1-01", "2024-01-32", "yesterday"])
    func impossibleDatesAreRefused(text: String) {
        let terminal = ScriptedTerminal(keys: KeyEvent.typing(text) + [.enter])
        #expect(DatePrompt(PromptHeading(title: "Start date?")).run(on: terminal) == .endOfInput)
        #expect(terminal.snapshots.last!.contains("! Please enter a real date as YYYY-MM-DD"))
    }

    @Test func realDatesAndTheDefaultAreAccepted() {
        let prompt = DatePrompt(
            PromptHeading(title: "Start date?"), defaultValue: CalendarDate(iso: "2025-04-06"))
        #expect(
            prompt.run(on: ScriptedTerminal(keys: KeyEvent.typing("2024-02-29") + [.enter])).answer?
                .description == "2024-02-29")
        let terminal = ScriptedTerminal(keys: [.enter])
        #expect(prompt.run(on: terminal).answer?.description == "2025-04-06")
        #expect(terminal.snapshots[0].contains("(default: 2025-04-06)"))
    }
}

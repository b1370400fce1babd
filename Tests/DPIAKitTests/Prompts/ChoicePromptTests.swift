import TestSupport
import Testing

@testable import DPIAKit

@Suite struct ChoicePromptTests {
    private let colours = SingleChoicePrompt(
        PromptHeading(
            title: "Favourite colour?", header: "Section 1 of 3", help: "Pick the one you like most."),
        options: ["Red", "Green", "Blue"].map { PromptOption($0) }, defaultIndex: 1)

    @Test func startsOnTheDefaultAndShowsHeaderOptionsAndKeys() {
        let terminal = ScriptedTerminal(keys: [.enter])
        #expect(colours.run(on: terminal) == .answered(1))
        let firstScreen = terminal.snapshots[0]
        #expect(
            firstScreen.hasPrefix(
                "Section 1 of 3\nFavourite colour?\n  1. Red\n> 2. Green (default)\n  3. Blue"))
        #expect(firstScreen.contains("enter select"))
        #expect(firstScreen.contains("esc back"))
        #expect(firstScreen.contains("? help"))
    }

    @Test func arrowsAndVimKeysMoveAndWrapAround() {
        #expect(colours.run(on: ScriptedTerminal(keys: [.down, .enter])) == .answered(2))
        #expect(colours.run(on: ScriptedTerminal(keys: [.down, .down, .enter])) == .answered(0))
        #expect(
            colours.run(on: ScriptedTerminal(keys: [.character("k"), .character("k"), .enter]))
                == .answered(2))
        #expect(colours.run(on: ScriptedTerminal(keys: [.character("j"), .up, .up, .enter])) == .answered(0))
    }

    @Test func typingANumberMovesThereAndEnterPicksIt() {
        let terminal = ScriptedTerminal(keys: [.character("3"), .enter])
        #expect(colours.run(on: terminal) == .answered(2))
        #expect(terminal.snapshots[1].contains("> 3. Blue"))
    }

    @Test func twoDigitNumbersReachLaterOptionsInLongLists() {
        let prompt = SingleChoicePrompt(
            PromptHeading(title: "Pick"), options: (1...12).map { PromptOption("Option \($0)") })
        let terminal = ScriptedTerminal(
            size: TerminalSize(columns: 40, rows: 40), keys: KeyEvent.typing("12") + [.enter])
        #expect(prompt.run(on: terminal) == .answered(11))
        #expect(prompt.run(on: ScriptedTerminal(keys: KeyEvent.typing("19") + [.enter])) == .answered(8))
    }

    @Test func longListsScrollWithinTheTerminalWithMoreMarkers() {
        let prompt = SingleChoicePrompt(
            PromptHeading(title: "Pick"), options: (1...30).map { PromptOption("Option \($0)") })
        let terminal = ScriptedTerminal(
            size: TerminalSize(columns: 60, rows: 10), keys: [.end, .pageUp, .enter])
        #expect(prompt.run(on: terminal) == .answered(23))
        let atStart = terminal.snapshots[0].split(separator: "\n", omittingEmptySubsequences: false)
        #expect(atStart.count <= 10)
        #expect(atStart.contains("> 1. Option 1"))
        #expect(atStart.contains("  ↓ 24 more below"))
        let atEnd = terminal.snapshots[1]
        #expect(atEnd.contains("  ↑ 24 more above"))
        #expect(atEnd.contains("> 30. Option 30"))
        #expect(!atEnd.contains("more below"))
    }

    @Test func questionMarkTogglesHelp() {
        let terminal = ScriptedTerminal(keys: [.character("?"), .character("?"), .enter])
        _ = colours.run(on: terminal)
        #expect(!terminal.snapshots[0].contains("Pick the one you like most."))
        #expect(terminal.snapshots[1].contains("│ Pick the one you like most."))
        #expect(terminal.snapshots[1].contains("? hide help"))
        #expect(!terminal.snapshots[2].contains("Pick the one you like most."))
    }

    @Test func escapeGoesBackCtrlCInterruptsAndEndingsAreReported() {
        #expect(colours.run(on: ScriptedTerminal(keys: [.down, .escape])) == .back)
        #expect(colours.run(on: ScriptedTerminal(keys: [.interrupt])) == .interrupted)
        #expect(colours.run(on: ScriptedTerminal(keys: [.endOfInput])) == .endOfInput)
        #expect(colours.run(on: ScriptedTerminal(keys: [.down])) == .endOfInput)
    }

    @Test func answeringLeavesASummaryLineAndGoingBackClearsThePrompt() {
        let answered = ScriptedTerminal(keys: [.enter])
        _ = colours.run(on: answered)
        #expect(answered.screenText == "✓ Favourite colour? › Green")
        let back = ScriptedTerminal(keys: [.escape])
        _ = colours.run(on: back)
        #expect(back.screenText == "")
    }

    @Test func redrawsForTheNewSizeAfterAResize() {
        let prompt = SingleChoicePrompt(
            PromptHeading(title: "Pick"), options: (1...30).map { PromptOption("Option \($0)") })
        let terminal = ScriptedTerminal(
            size: TerminalSize(columns: 60, rows: 30),
            script: [.key(.down), .resize(TerminalSize(columns: 20, rows: 8)), .key(.enter)])
        #expect(prompt.run(on: terminal) == .answered(1))
        let afterResize = terminal.snapshots[2].split(separator: "\n", omittingEmptySubsequences: false)
        #expect(afterResize.count <= 8)
        #expect(afterResize.contains("> 2. Option 2"))
        #expect(afterResize.allSatisfy { $0.count <= 20 })
        #expect(afterResize.contains { $0.contains("more below") })
    }

    @Test func colourIsOnlyEmittedWhenEnabled() {
        let plain = ScriptedTerminal(keys: [.enter])
        _ = colours.run(on: plain)
        #expect(!plain.output.contains("\u{1B}[36"))
        let coloured = ScriptedTerminal(colorEnabled: true, script: [.key(.enter)])
        _ = colours.run(on: coloured)
        #expect(coloured.output.contains("\u{1B}[36;1m> "))
        #expect(coloured.snapshots[0].contains("> 2. Green"))
    }

    @Test func yesNoAcceptsLettersArrowsAndDefault() {
        let question = YesNoPrompt(PromptHeading(title: "Is data shared?"), defaultAnswer: false)
        #expect(question.run(on: ScriptedTerminal(keys: [.character("y")])) == .answered(true))
        #expect(question.run(on: ScriptedTerminal(keys: [.character("N")])) == .answered(false))
        #expect(question.run(on: ScriptedTerminal(keys: [.enter])) == .answered(false))
        #expect(question.run(on: ScriptedTerminal(keys: [.up, .enter])) == .answered(true))
        let terminal = ScriptedTerminal(keys: [.escape])
        #expect(question.run(on: terminal) == .back)
        #expect(terminal.snapshots[0].contains("> 2. No (default)"))
        #expect(terminal.snapshots[0].contains("y/n answer"))
    }
}

@Suite struct MultipleChoicePromptTests {
    private let prompt = MultipleChoicePrompt(
        PromptHeading(title: "Which data?"),
        options: ["Names", "Addresses", "Health records"].map { PromptOption($0) },
        minimumSelections: 1)

    @Test func spaceTogglesTheOptionUnderTheCursor() {
        let terminal = ScriptedTerminal(keys: [.character(" "), .down, .down, .character(" "), .enter])
        #expect(prompt.run(on: terminal) == .answered([0, 2]))
        #expect(terminal.snapshots[4].contains("  [x] 1. Names\n  [ ] 2. Addresses\n> [x] 3. Health records"))
        #expect(terminal.screenText == "✓ Which data? › Names, Health records")
    }

    @Test func aTogglesAllThenNone() {
        #expect(prompt.run(on: ScriptedTerminal(keys: [.character("a"), .enter])) == .answered([0, 1, 2]))
        let terminal = ScriptedTerminal(keys: [
            .character("a"), .character("a"), .enter, .character("2"), .character(" "), .enter,
        ])
        #expect(prompt.run(on: terminal) == .answered([1]))
    }

    @Test func enterIsRefusedWithAMessageUntilTheMinimumIsMet() {
        let terminal = ScriptedTerminal(keys: [.enter, .character(" "), .enter])
        #expect(prompt.run(on: terminal) == .answered([0]))
        #expect(terminal.snapshots[1].contains("! Select at least 1 option (0 selected)."))
        #expect(!terminal.snapshots[2].contains("Select at least"))
    }

    @Test func initialSelectionIsShownAndKept() {
        let preset = MultipleChoicePrompt(
            PromptHeading(title: "Which?"), options: ["A", "B"].map { PromptOption($0) },
            initiallySelected: [1])
        let terminal = ScriptedTerminal(keys: [.enter])
        #expect(preset.run(on: terminal) == .answered([1]))
        #expect(terminal.snapshots[0].contains("> [ ] 1. A\n  [x] 2. B"))
    }

    @Test func escapeAndInterruptEndWithoutAnAnswer() {
        #expect(prompt.run(on: ScriptedTerminal(keys: [.character(" "), .escape])) == .back)
        #expect(prompt.run(on: ScriptedTerminal(keys: [.interrupt])) == .interrupted)
        #expect(prompt.run(on: ScriptedTerminal(keys: [])) == .endOfInput)
    }
}

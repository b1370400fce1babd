import TestSupport
import Testing

@testable import DPIAKit

@Suite struct ScriptedTerminalTests {
    @Test func runningOutOfScriptReturnsEndOfFileForever() {
        let terminal = ScriptedTerminal(keys: [.enter])
        #expect(terminal.readKey() == .enter)
        #expect(terminal.readKey() == .endOfFile)
        #expect(terminal.readKey() == .endOfFile)
    }

    @Test func textBytesAndResizeStepsBecomeKeys() {
        let terminal = ScriptedTerminal(
            script: [
                .text("hi\n"), .bytes([0x1B, UInt8(ascii: "["), UInt8(ascii: "A")]),
                .resize(TerminalSize(columns: 30, rows: 5)),
            ])
        let keys = (0..<5).map { _ in terminal.readKey() }
        #expect(keys == [.character("h"), .character("i"), .enter, .up, .resize])
        #expect(terminal.size == TerminalSize(columns: 30, rows: 5))
    }

    @Test func screenFollowsCursorMovesAndErasing() {
        var screen = VirtualScreen(size: TerminalSize(columns: 10, rows: 4))
        screen.write("first\r\nsecond\r\nthird")
        screen.write("\u{1B}[1A\r\u{1B}[J")
        screen.write("\u{1B}[1mnew\u{1B}[0m\u{1B}[6Gx")
        #expect(screen.lines == ["first", "new  x", "", ""])
        #expect(screen.cursorRow == 1)
        #expect(screen.cursorColumn == 6)
    }

    @Test func screenWrapsLongLinesAndScrollsAtTheBottom() {
        var screen = VirtualScreen(size: TerminalSize(columns: 4, rows: 2))
        screen.write("abcdef\r\ngh")
        #expect(screen.lines == ["ef", "gh"])
    }

    @Test func eraseScreenAndHomeClearEverything() {
        var screen = VirtualScreen(size: TerminalSize(columns: 8, rows: 3))
        screen.write("one\r\ntwo\u{1B}[H\u{1B}[2Jz")
        #expect(screen.text == "z")
    }
}

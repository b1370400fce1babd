/// The state machine behind one interactive prompt. The driver owns the terminal; a session only
/// reacts to keys and describes what to show.
protocol InteractiveSession {
    associatedtype Value
    /// Reacts to a key; returns a result when the prompt is over.
    mutating func handle(_ key: KeyEvent) -> PromptResult<Value>?
    /// What to show for the given size. Mutating so a session can keep its scroll position.
    mutating func frame(size: TerminalSize) -> Frame
    /// The one-line record left on screen once answered.
    func summary(of value: Value) -> String
    var heading: PromptHeading { get }
}

/// Draws frames in place: each redraw moves back to the top of the previous frame and erases below.
struct FrameRenderer {
    private var drawnHeight = 0
    /// Which row of the drawn frame the terminal cursor is on.
    private var cursorRow = 0

    mutating func draw(_ frame: Frame, on terminal: some Terminal, clearingScreen: Bool = false) {
        let size = terminal.size
        var lines = frame.lines
        var cursor = frame.cursor
        if lines.count > size.rows {
            // Keep the rows around the cursor; without a cursor, the top (title and options) matters most.
            let start = min(max((cursor?.row ?? 0) - size.rows + 1, 0), lines.count - size.rows)
            lines = Array(lines[start..<(start + size.rows)])
            cursor = cursor.map { ($0.row - start, $0.column) }
        }
        var output: TerminalText = ANSI.hideCursor
        if clearingScreen {
            // After a resize the terminal may have reflowed the old frame, so its height is unknown.
            output += ANSI.home + ANSI.eraseScreen
        } else {
            if cursorRow > 0 { output += ANSI.up(cursorRow) }
            output += "\r" + ANSI.eraseBelow
        }
        output += lines.map { $0.rendered(width: size.columns, color: terminal.colorEnabled) }
            .joined(separator: "\r\n")
        let lastRow = max(lines.count - 1, 0)
        if let cursor {
            if lastRow > cursor.row { output += ANSI.up(lastRow - cursor.row) }
            output += ANSI.column(min(cursor.column, size.columns - 1) + 1) + ANSI.showCursor
            cursorRow = cursor.row
        } else {
            cursorRow = lastRow
        }
        drawnHeight = lines.count
        terminal.write(output)
    }

    /// Replaces the frame with `lines` and moves below them, leaving them in the scrollback.
    mutating func finish(with lines: [FrameLine], on terminal: some Terminal) {
        draw(Frame(lines: lines, cursor: nil), on: terminal)
        terminal.write("\r\n" + ANSI.showCursor)
        drawnHeight = 0
        cursorRow = 0
    }

    /// Removes the frame, leaving the cursor where it started.
    mutating func erase(on terminal: some Terminal) {
        var output = TerminalText.empty
        if cursorRow > 0 { output += ANSI.up(cursorRow) }
        terminal.write(output + "\r" + ANSI.eraseBelow + ANSI.showCursor)
        drawnHeight = 0
        cursorRow = 0
    }
}

enum ANSI {
    static let hideCursor: TerminalText = "\u{1B}[?25l"
    static let showCursor: TerminalText = "\u{1B}[?25h"
    static let home: TerminalText = "\u{1B}[H"
    static let eraseScreen: TerminalText = "\u{1B}[2J"
    static let eraseBelow: TerminalText = "\u{1B}[J"
    static func up(_ count: Int) -> TerminalText { "\u{1B}[\(count)A" }
    static func column(_ oneBased: Int) -> TerminalText { "\u{1B}[\(oneBased)G" }
}

extension InteractiveSession {
    /// Runs the prompt to completion. Ctrl-C, end of file and resizes are handled here, the same
    /// for every prompt.
    mutating func run(on terminal: some Terminal) -> PromptResult<Value> {
        var renderer = FrameRenderer()
        renderer.draw(frame(size: terminal.size), on: terminal)
        while true {
            let key = terminal.readKey()
            let result: PromptResult<Value>?
            switch key {
            case .interrupt: result = .interrupted
            case .endOfFile: result = .endOfInput
            case .resize:
                renderer.draw(frame(size: terminal.size), on: terminal, clearingScreen: true)
                continue
            default: result = handle(key)
            }
            guard let result else {
                renderer.draw(frame(size: terminal.size), on: terminal)
                continue
            }
            if case .answered(let value) = result {
                renderer.finish(
                    with: [
                        FrameLine([
                            Span("✓ ", .success), Span(heading.title, .bold),
                            Span(" › " + summary(of: value)),
                        ])
                    ],
                    on: terminal)
            } else {
                renderer.erase(on: terminal)
            }
            return result
        }
    }
}

/// The shared parts of a frame: header, title, help, error message and key legend.
struct Chrome {
    var heading: PromptHeading
    var showingHelp = false
    var error: String?

    init(_ heading: PromptHeading) {
        self.heading = heading
    }

    mutating func toggleHelp() {
        if heading.help != nil { showingHelp.toggle() }
    }

    func top(width: Int) -> [FrameLine] {
        var lines: [FrameLine] = []
        if let header = heading.header {
            lines += TextWrap.lines(header, width: width).map { FrameLine($0, .dim) }
        }
        lines += TextWrap.lines(heading.title, width: width).map { FrameLine($0, .bold) }
        if showingHelp, let help = heading.help {
            lines += TextWrap.lines(help, width: width - 2).map { FrameLine([Span("│ ", .dim), Span($0)]) }
        }
        return lines
    }

    /// `keys` pairs a key name with what it does, such as ("enter", "select").
    func bottom(width: Int, keys: [(String, String)], helpKey: String) -> [FrameLine] {
        var lines: [FrameLine] = []
        if let error {
            lines += TextWrap.lines("! " + error, width: width).map { FrameLine($0, .error) }
        }
        var legend = keys
        legend.append(("esc", "back"))
        if heading.help != nil { legend.append((helpKey, showingHelp ? "hide help" : "help")) }
        let text = legend.map { "\($0.0) \($0.1)" }.joined(separator: " · ")
        lines += TextWrap.lines(text, width: width).map { FrameLine($0, .dim) }
        return lines
    }
}

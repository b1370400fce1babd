/// One thing the user did at the keyboard, or something the terminal reported.
public enum KeyEvent: Equatable, Sendable {
    /// A printable character (one grapheme; may be several bytes of UTF-8).
    case character(Character)
    /// Text delivered by bracketed paste, kept whole so widgets can insert it in one step.
    case paste(String)
    case enter
    case backspace
    case delete
    case tab
    /// A lone Esc key press (not the start of an escape sequence).
    case escape
    case up
    case down
    case left
    case right
    case home
    case end
    case pageUp
    case pageDown
    /// A function key: `.function(1)` is F1.
    case function(Int)
    /// A Ctrl-letter chord other than the ones with their own case; the letter is lowercase.
    case control(Character)
    /// Ctrl-C.
    case interrupt
    /// Ctrl-D: the user asked to end input.
    case endOfInput
    /// The terminal changed size; read `Terminal.size` again and redraw.
    case resize
    /// The input stream closed; nothing more will ever be read.
    case endOfFile
}

extension KeyEvent {
    /// The events of typing `text` one character at a time, for scripts and tests.
    public static func typing(_ text: String) -> [KeyEvent] {
        text.map { $0 == "\n" ? .enter : .character($0) }
    }
}

/// The visible area of a terminal in character cells.
public struct TerminalSize: Equatable, Sendable {
    public var columns: Int
    public var rows: Int

    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }

    /// Used when the real size cannot be found (for example output is not a terminal).
    public static let fallback = TerminalSize(columns: 80, rows: 24)
}

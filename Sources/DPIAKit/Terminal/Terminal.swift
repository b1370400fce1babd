/// An interactive character terminal the prompts draw on and read keys from.
///
/// The library never touches a real terminal: the executable supplies a TTY-backed conformance and
/// tests supply `ScriptedTerminal`. Conformers are reference types because reading and writing
/// change shared state (the input stream, the screen).
public protocol Terminal: AnyObject {
    /// Blocks until the next key event. After `.endOfFile` every later call returns `.endOfFile`.
    func readKey() -> KeyEvent
    /// Writes text, which may contain the ANSI control sequences the prompts emit; anything from input
    /// in it has been sanitized.
    func write(_ text: TerminalText)
    /// The current size; prompts read it again after a `.resize` event.
    var size: TerminalSize { get }
    /// Whether colour and bold may be used. The caller decides (NO_COLOR, TERM=dumb...).
    var colorEnabled: Bool { get }
}

/// A line-by-line conversation for screen readers, pipes and dumb terminals: no escape codes and
/// no redrawing.
public protocol LineIO: AnyObject {
    /// The next line without its line ending, or `nil` at end of input.
    func readLine() -> String?
    /// Writes one line of text; the conformer adds the line ending.
    func writeLine(_ line: TerminalText)
}

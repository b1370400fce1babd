import DPIAKit

/// A `Terminal` that plays back a script of input and records what was drawn, for tests.
///
/// Everything written is kept in `output` and interpreted on a `VirtualScreen`, so tests can read the
/// text a user would see. When the script runs out, `readKey()` returns `.endOfFile`, so a prompt
/// under test can never hang.
public final class ScriptedTerminal: Terminal {
    /// One step of scripted input.
    public enum Step: Equatable, Sendable {
        case key(KeyEvent)
        /// Typed one character at a time (`\n` becomes Enter).
        case text(String)
        /// Raw bytes, decoded with `KeyDecoder` as a real terminal's input would be.
        case bytes([UInt8])
        /// The window changes to this size and a `.resize` event is delivered.
        case resize(TerminalSize)
    }

    public let colorEnabled: Bool
    public var size: TerminalSize { screen.size }
    /// Everything written, control sequences included.
    public private(set) var output = ""
    /// What the screen looks like now.
    public private(set) var screen: VirtualScreen
    /// The screen at the moment of each `readKey()` call, in order: what the user saw before each
    /// key press, cursor included.
    public private(set) var screens: [VirtualScreen] = []
    /// The text of `screens`.
    public var snapshots: [String] { screens.map(\.text) }

    private var pending: [KeyEvent] = []
    private var steps: [Step]

    public init(
        size: TerminalSize = TerminalSize(columns: 60, rows: 20), colorEnabled: Bool = false, script: [Step]
    ) {
        self.colorEnabled = colorEnabled
        self.screen = VirtualScreen(size: size)
        self.steps = script
    }

    /// A script of key events only.
    public convenience init(size: TerminalSize = TerminalSize(columns: 60, rows: 20), keys: [KeyEvent]) {
        self.init(size: size, script: keys.map { .key($0) })
    }

    public func readKey() -> KeyEvent {
        screens.append(screen)
        while pending.isEmpty {
            guard !steps.isEmpty else { return .endOfFile }
            switch steps.removeFirst() {
            case .key(let key): pending.append(key)
            case .text(let text): pending.append(contentsOf: KeyEvent.typing(text))
            case .bytes(let bytes):
                var decoder = KeyDecoder()
                pending.append(contentsOf: decoder.decode(bytes) + decoder.flush())
            case .resize(let newSize):
                screen.resize(to: newSize)
                pending.append(.resize)
            }
        }
        return pending.removeFirst()
    }

    public func write(_ text: TerminalText) {
        output += text.text
        screen.write(text.text)
    }

    /// The visible text now, trailing spaces and blank lines removed.
    public var screenText: String { screen.text }
}

/// A `LineIO` that plays back scripted lines and records the lines written, for tests.
public final class ScriptedLineIO: LineIO {
    /// Lines written by the prompt, in order.
    public private(set) var written: [String] = []
    /// How many lines the prompt asked for, including the final `nil` at end of input.
    public private(set) var readCount = 0
    private var lines: [String]

    public init(lines: [String]) {
        self.lines = lines
    }

    public func readLine() -> String? {
        readCount += 1
        return lines.isEmpty ? nil : lines.removeFirst()
    }

    public func writeLine(_ line: TerminalText) {
        written.append(line.text)
    }

    /// All written lines joined by `\n`.
    public var transcript: String { written.joined(separator: "\n") }
}

import DPIAKit
import Glibc

/// A `Terminal` on real file descriptors: keys from `inputFD` in raw mode, drawing to `outputFD`
/// (standard error by default, so standard output stays clean for results).
final class TTYTerminal: Terminal {
    let inputFD: Int32
    let outputFD: Int32
    let colorEnabled: Bool
    private let signals: Platform.SignalPipe?
    private var rawMode: Platform.RawMode?
    private var decoder = KeyDecoder()
    private var queued: [KeyEvent] = []
    private var reachedEnd = false
    /// How long to wait after a lone Esc byte for the rest of a sequence before calling it a key.
    private let escapeTimeoutMilliseconds: Int32 = 50

    init(inputFD: Int32, outputFD: Int32, colorEnabled: Bool, signals: Platform.SignalPipe?) {
        self.inputFD = inputFD
        self.outputFD = outputFD
        self.colorEnabled = colorEnabled
        self.signals = signals
    }

    /// Uses standard input if it is a terminal, otherwise /dev/tty (so answers can be piped elsewhere),
    /// and draws on standard error if it is a terminal, otherwise on the same tty. Nil without a terminal.
    static func openInteractive(environment: [String: String]) -> TTYTerminal? {
        var input: Int32 = STDIN_FILENO
        if !Platform.isTerminal(input) {
            input = open("/dev/tty", O_RDWR | O_CLOEXEC)
            guard input >= 0 else { return nil }
        }
        let output = Platform.isTerminal(STDERR_FILENO) ? STDERR_FILENO : input
        return TTYTerminal(
            inputFD: input, outputFD: output,
            colorEnabled: Platform.colorAllowed(fd: output, environment: environment),
            signals: Platform.SignalPipe.install())
    }

    /// Enters raw mode and turns on bracketed paste. Returns false if the input is not a terminal.
    func start() -> Bool {
        guard rawMode == nil else { return true }
        guard let mode = Platform.RawMode.enter(fd: inputFD) else { return false }
        rawMode = mode
        write("\u{1B}[?2004h")
        return true
    }

    /// Puts the terminal back as it was. Safe to call more than once; call it on every exit path.
    func restore() {
        guard let mode = rawMode else { return }
        write("\u{1B}[?2004l\u{1B}[?25h")
        mode.restore()
        rawMode = nil
    }

    deinit {
        restore()
    }

    var size: TerminalSize {
        Platform.windowSize(of: outputFD) ?? Platform.windowSize(of: inputFD) ?? .fallback
    }

    func write(_ text: TerminalText) {
        Platform.writeAll(text.text, to: outputFD)
    }

    func readKey() -> KeyEvent {
        while queued.isEmpty {
            if reachedEnd { return .endOfFile }
            waitForInput()
        }
        return queued.removeFirst()
    }

    private func waitForInput() {
        var fds = [pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0)]
        if let signals { fds.append(pollfd(fd: signals.readFD, events: Int16(POLLIN), revents: 0)) }
        let timeout = decoder.hasPendingInput ? escapeTimeoutMilliseconds : -1
        let ready = poll(&fds, nfds_t(fds.count), timeout)
        if ready == 0 {
            queued += decoder.flush()
            return
        }
        if ready < 0 {
            if errno != EINTR { reachedEnd = true }
            return
        }
        if fds.count > 1, fds[1].revents != 0, let signals {
            for signal in signals.received() {
                queued.append(signal == SIGWINCH ? .resize : .interrupt)
            }
        }
        if fds[0].revents != 0 {
            var buffer = [UInt8](repeating: 0, count: 1024)
            let count = read(inputFD, &buffer, buffer.count)
            if count > 0 {
                queued += decoder.decode(buffer[0..<count])
            } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                queued += decoder.flush()
                reachedEnd = true
            }
        }
    }
}

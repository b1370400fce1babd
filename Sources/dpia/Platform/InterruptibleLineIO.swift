import DPIAKit
import Glibc

/// Plain-mode input from standard input that a stop signal can end: lines are read with `poll` on the
/// input and the signal pipe, so Ctrl-C, SIGTERM or SIGHUP while waiting for a line ends input and is
/// remembered, and the wizard can save, explain and exit 130 instead of being killed mid-way.
/// Prompts go to standard error, so standard output stays clean.
final class InterruptibleLineIO: LineIO {
    private let inputFD: Int32
    private let outputFD: Int32
    private let signals: Platform.SignalPipe?
    private var buffer: [UInt8] = []
    private var reachedEnd = false
    /// Whether input ended because of a stop signal rather than the end of the input.
    private(set) var interrupted = false

    init(inputFD: Int32 = STDIN_FILENO, outputFD: Int32 = STDERR_FILENO, signals: Platform.SignalPipe?) {
        self.inputFD = inputFD
        self.outputFD = outputFD
        self.signals = signals
    }

    func writeLine(_ line: TerminalText) {
        Platform.writeAll(line.text + "\n", to: outputFD)
    }

    func readLine() -> String? {
        while true {
            if interrupted { return nil }
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                var line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            if reachedEnd {
                guard !buffer.isEmpty else { return nil }
                defer { buffer = [] }
                return String(decoding: buffer, as: UTF8.self)
            }
            waitForInput()
        }
    }

    private func waitForInput() {
        var fds = [pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0)]
        if let signals { fds.append(pollfd(fd: signals.readFD, events: Int16(POLLIN), revents: 0)) }
        let ready = poll(&fds, nfds_t(fds.count), -1)
        if ready < 0 {
            if errno != EINTR { reachedEnd = true }
            return
        }
        if fds.count > 1, fds[1].revents != 0, let signals {
            // A resize means nothing to a line conversation; only stop signals end it.
            if signals.received().contains(where: { $0 != SIGWINCH }) { interrupted = true }
        }
        if fds[0].revents != 0 {
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = read(inputFD, &chunk, chunk.count)
            if count > 0 {
                buffer += chunk[0..<count]
            } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                reachedEnd = true
            }
        }
    }
}

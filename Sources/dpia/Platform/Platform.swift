import DPIAKit
import Foundation
import Glibc

/// The only place the executable talks to libc about terminals and signals.
enum Platform {
    static func isTerminal(_ fd: Int32) -> Bool {
        isatty(fd) == 1
    }

    /// The window size of the terminal on `fd`, or nil if it is not a terminal or reports zero.
    static func windowSize(of fd: Int32) -> TerminalSize? {
        var size = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else { return nil }
        return TerminalSize(columns: Int(size.ws_col), rows: Int(size.ws_row))
    }

    /// Writes all of `text`, retrying after partial writes and interruptions; gives up on real errors.
    static func writeAll(_ text: String, to fd: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }

    /// Colour only for a terminal whose user has not opted out (https://no-color.org) and that is
    /// not a dumb terminal.
    static func colorAllowed(fd: Int32, environment: [String: String]) -> Bool {
        guard isTerminal(fd), environment["NO_COLOR"].map(\.isEmpty) ?? true else { return false }
        return environment["TERM"].map { $0 != "dumb" && !$0.isEmpty } ?? false
    }

    /// Raw (non-canonical, no echo, no signal keys) input on a terminal, remembering the settings to
    /// put back.
    struct RawMode {
        let fd: Int32
        let original: termios

        /// Switches `fd` to raw mode; nil if it is not a terminal.
        static func enter(fd: Int32) -> RawMode? {
            var original = termios()
            guard tcgetattr(fd, &original) == 0 else { return nil }
            var raw = original
            raw.c_iflag &= ~tcflag_t(BRKINT | ICRNL | INPCK | ISTRIP | IXON)
            raw.c_cflag |= tcflag_t(CS8)
            // Ctrl-C arrives as a byte (ISIG off) so the wizard can save its draft before quitting.
            raw.c_lflag &= ~tcflag_t(ECHO | ICANON | IEXTEN | ISIG)
            // OPOST stays on so stray diagnostics printed with "\n" still start at column 0.
            withUnsafeMutableBytes(of: &raw.c_cc) { cc in
                cc[Int(VMIN)] = 1
                cc[Int(VTIME)] = 0
            }
            guard tcsetattr(fd, TCSAFLUSH, &raw) == 0 else { return nil }
            let mode = RawMode(fd: fd, original: original)
            SignalState.rememberForEmergencyRestore(mode)
            return mode
        }

        func restore() {
            var settings = original
            _ = tcsetattr(fd, TCSAFLUSH, &settings)
            SignalState.forgetEmergencyRestore()
        }
    }

    /// Signals turned into bytes on a pipe, so the key reader can `poll` for them alongside input.
    ///
    /// SIGWINCH becomes a resize; SIGINT, SIGTERM and SIGHUP become an interrupt, so the app can save
    /// its state, restore the terminal and exit 130. A second stop signal before that happens means
    /// the app is stuck: the handler restores the terminal itself and exits at once.
    struct SignalPipe {
        let readFD: Int32

        /// Installs the handlers; nil if the pipe cannot be created.
        static func install() -> SignalPipe? {
            var fds: [Int32] = [0, 0]
            guard pipe(&fds) == 0 else { return nil }
            for fd in fds {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
            SignalState.pipeWriteFD = fds[1]
            for signal in [SIGWINCH, SIGINT, SIGTERM, SIGHUP] {
                var action = sigaction()
                action.__sigaction_handler.sa_handler = signalHandler
                sigemptyset(&action.sa_mask)
                action.sa_flags = 0
                sigaction(signal, &action, nil)
            }
            // A parent may have started us with these signals blocked (some test runners and job
            // launchers do); unblock them so Ctrl-C, SIGTERM and SIGHUP always reach the handler.
            var unblock = sigset_t()
            sigemptyset(&unblock)
            for signal in [SIGWINCH, SIGINT, SIGTERM, SIGHUP] { sigaddset(&unblock, signal) }
            pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
            return SignalPipe(readFD: fds[0])
        }

        /// Drains the pipe and returns the signals received since the last call.
        func received() -> [Int32] {
            var buffer = [UInt8](repeating: 0, count: 64)
            var signals: [Int32] = []
            while true {
                let count = read(readFD, &buffer, buffer.count)
                guard count > 0 else { return signals }
                signals += buffer[0..<count].map { Int32($0) }
            }
        }
    }
}

extension Platform {
    /// For a command that writes files but asks nothing (`assess`): on SIGINT, SIGTERM or SIGHUP, removes
    /// the temporary files not yet renamed into place (waiting for a report set being renamed to finish),
    /// says so, and exits 130. A thread does the work, because a signal handler may not take locks.
    static func removeTemporaryFilesOnStop() {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        StopState.writeFD = fds[1]
        let readFD = fds[0]
        Thread.detachNewThread {
            var byte: UInt8 = 0
            while read(readFD, &byte, 1) < 0 && errno == EINTR {}
            _ = FileIO.removeTemporaryFilesAndStop()
            writeAll(
                "\ndpia: stopped; the reports already written are complete, and no partial file was left\n",
                to: STDERR_FILENO)
            _exit(ExitStatus.interrupted.code)
        }
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = stopHandler
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(signal, &action, nil)
            sigaddset(&unblock, signal)
        }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }
}

private enum StopState {
    nonisolated(unsafe) static var writeFD: Int32 = -1
}

private let stopHandler: @convention(c) (Int32) -> Void = { signal in
    var byte = UInt8(truncatingIfNeeded: signal)
    _ = write(StopState.writeFD, &byte, 1)
}

/// State the signal handler reads. A handler can only reach globals, and may only call
/// async-signal-safe functions (write, tcsetattr, _exit), so everything is prepared in advance.
private enum SignalState {
    nonisolated(unsafe) static var pipeWriteFD: Int32 = -1
    nonisolated(unsafe) static var stopSignalsSeen: Int32 = 0
    nonisolated(unsafe) static var restoreFD: Int32 = -1
    nonisolated(unsafe) static let restoreSettings = UnsafeMutablePointer<termios>.allocate(capacity: 1)

    static func rememberForEmergencyRestore(_ mode: Platform.RawMode) {
        restoreSettings.pointee = mode.original
        restoreFD = mode.fd
    }

    static func forgetEmergencyRestore() {
        restoreFD = -1
    }
}

private let signalHandler: @convention(c) (Int32) -> Void = { signal in
    if signal != SIGWINCH {
        SignalState.stopSignalsSeen += 1
        if SignalState.stopSignalsSeen > 1 {
            if SignalState.restoreFD >= 0 {
                _ = tcsetattr(SignalState.restoreFD, TCSANOW, SignalState.restoreSettings)
            }
            _exit(128 + signal)
        }
    }
    var byte = UInt8(truncatingIfNeeded: signal)
    _ = write(SignalState.pipeWriteFD, &byte, 1)
}

import Foundation
import Glibc

/// Runs the built `dpia` binary with a real pseudo-terminal as its standard input and standard error,
/// so it sees the same termios, window size and keys as it would in a terminal window. Standard
/// output goes to a file, to check that it stays clean.
public final class WizardPseudoTerminal {
    let master: Int32
    /// Kept open by the test so the terminal settings can be read after the child has exited.
    let slave: Int32
    /// Everything the child has written to the terminal so far.
    public private(set) var output = ""
    /// Where the next `waitFor` starts looking, so each prompt is matched once.
    private var mark: String.Index

    public init(columns: UInt16 = 100, rows: UInt16 = 30) throws {
        // posix_openpt, grantpt and ptsname sit behind feature macros Swift's Glibc module does not
        // set, so this is what they do on Linux: open the multiplexer, unlock and name the new pair.
        // The request numbers are _IOW('T', 0x31, int) and _IOR('T', 0x30, unsigned int).
        let setLock: UInt = 0x4004_5431
        let getNumber: UInt = 0x8004_5430
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, setLock, &unlock) == 0, ioctl(master, getNumber, &number) == 0 else {
            throw WizardPTYError("cannot open a pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard slave >= 0 else { throw WizardPTYError("cannot open /dev/pts/\(number)") }
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        mark = output.startIndex
    }

    deinit {
        close(master)
        close(slave)
    }

    /// Starts `dpia` with `arguments`; standard output goes to `stdoutPath`. Standard input is the
    /// terminal, or the file at `stdinPath` to try piped answers.
    public func spawn(
        _ arguments: [String], stdoutPath: String, stdinPath: String? = nil, environment: [String: String]
    ) throws -> pid_t {
        guard DPIAProcess.isBuilt else {
            throw WizardPTYError("no built dpia binary at \(DPIAProcess.binary.path)")
        }
        let executable = DPIAProcess.binary.path
        let outFD = open(stdoutPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard outFD >= 0 else { throw WizardPTYError("cannot create \(stdoutPath)") }
        defer { close(outFD) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let stdinPath {
            posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, stdinPath, O_RDONLY, 0)
        } else {
            posix_spawn_file_actions_adddup2(&actions, slave, STDIN_FILENO)
        }
        posix_spawn_file_actions_adddup2(&actions, outFD, STDOUT_FILENO)
        posix_spawn_file_actions_adddup2(&actions, slave, STDERR_FILENO)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        // Start the way a shell would: no blocked signals and default handlers, whatever the test
        // runner's thread has.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard status == 0 else {
            throw WizardPTYError("posix_spawn failed: \(String(cString: strerror(status)))")
        }
        return pid
    }

    /// Types bytes as the user would.
    public func type(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if written <= 0 { return }
            bytes = bytes.dropFirst(written)
        }
    }

    /// Reads until `text` appears after the previous match; throws with the screen so far on timeout.
    public func waitFor(_ text: String, timeout: Double = 5) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let range = output[mark...].range(of: text) {
                mark = range.upperBound
                return
            }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else {
                throw WizardPTYError(
                    "timed out waiting for “\(text)”; output so far:\n\(output.suffix(1500))")
            }
            readAvailable(waitingMilliseconds: Int32(min(remaining, 0.2) * 1000))
        }
    }

    private func readAvailable(waitingMilliseconds: Int32) {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, waitingMilliseconds) > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(master, &buffer, buffer.count)
        if count > 0 { output += String(decoding: buffer[0..<count], as: UTF8.self) }
    }

    /// Waits for the child to exit, reading its output meanwhile; returns its exit status.
    public func waitForExit(_ pid: pid_t, timeout: Double = 10) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            guard Date() < deadline else {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                throw WizardPTYError("dpia did not exit; output so far:\n\(output.suffix(1500))")
            }
            readAvailable(waitingMilliseconds: 50)
        }
        readAvailable(waitingMilliseconds: 50)
        // Exited normally: the status is in the second byte; killed by a signal: 128 + the signal.
        return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// The line discipline flags of the terminal now.
    public func localFlags() -> tcflag_t {
        var settings = termios()
        _ = tcgetattr(slave, &settings)
        return settings.c_lflag
    }
}

public struct WizardPTYError: Error, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}

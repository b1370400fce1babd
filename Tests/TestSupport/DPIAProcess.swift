import Foundation

/// Runs the built `dpia` binary as a real process and collects everything it says.
public enum DPIAProcess {
    /// What one run of `dpia` did: its exit status and the whole of its standard output and error.
    public struct Result: Equatable, CustomStringConvertible {
        public var status: Int32
        public var stdout: String
        public var stderr: String

        public init(status: Int32 = 0, stdout: String = "", stderr: String = "") {
            self.status = status
            self.stdout = stdout
            self.stderr = stderr
        }

        public var description: String {
            "exit \(status)\n--- stdout ---\n\(stdout)--- stderr ---\n\(stderr)"
        }
    }

    /// `dpia` sits beside the test bundle in the build products folder.
    public static var binary: URL {
        let running = URL(
            fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
                ?? CommandLine.arguments[0])
        var directory = running.deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("dpia")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return PackageRoot.url.appendingPathComponent(".build/debug/dpia")
    }

    /// Whether the binary has been built (tests that need it are disabled otherwise).
    public static var isBuilt: Bool { FileManager.default.isExecutableFile(atPath: binary.path) }

    /// Runs `dpia arguments` in `directory` (default: a fresh temporary folder, so nothing is left in
    /// the package), with `NO_COLOR=1` and `environment` added, and standard input from `stdin` or empty.
    public static func run(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
        stdin: Data? = nil
    ) throws -> Result {
        guard let directory else {
            let scratch = try ScratchFolder()
            defer { scratch.remove() }
            return try run(arguments, in: scratch.url, environment: environment, stdin: stdin)
        }
        var variables = ProcessInfo.processInfo.environment
        variables["NO_COLOR"] = "1"
        variables.merge(environment) { _, new in new }
        return try run(executable: binary, arguments, in: directory, environment: variables, stdin: stdin)
    }

    /// Runs any program with exactly `environment` (default: this process's) and collects everything
    /// it says; `dpia` and the external checkers share this one runner.
    public static func run(
        executable: URL, _ arguments: [String], in directory: URL,
        environment: [String: String] = ProcessInfo.processInfo.environment, stdin: Data? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try process.run()
        // Read standard error and write standard input on other threads, so a child that fills one
        // pipe, or has not read its input yet, cannot block the others.
        nonisolated(unsafe) var errData = Data()
        let done = DispatchSemaphore(value: 0)
        Thread {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }.start()
        if let stdin {
            Thread {
                input.fileHandleForWriting.write(stdin)
                try? input.fileHandleForWriting.close()
            }.start()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

import Foundation

/// Runs the built `dpia` binary as a real process and collects everything it says.
public enum DPIAProcess {
    /// What one run of `dpia` did: its exit status and the whole of its standard output and error.
    public struct Result: Equatable, CustomStringConvertible {
        public var status: Int32
        public var stdout: String
        public var stderr: String

        public init(status: Int32, stdout: String, stderr: String) {
            self.status = status
            self.stdout = stdout
            self.stderr = stderr
        }

        public var description: String {
            "exit \(status)\n--- stdout ---\n\(stdout)--- stderr ---\n\(stderr)"
        }
    }

    /// The package root.
    public static var root: URL { PackageRoot.url }

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
        return root.appendingPathComponent(".build/debug/dpia")
    }

    /// Whether the binary has been built (tests that need it are disabled otherwise).
    public static var isBuilt: Bool { FileManager.default.isExecutableFile(atPath: binary.path) }

    public static func fixture(_ name: String) -> String {
        PackageRoot.path("Tests/DPIAKitTests/Fixtures/\(name)")
    }

    /// A fresh empty folder under the system's temporary folder.
    public static func temporaryDirectory() throws -> URL {
        try PackageRoot.temporaryDirectory("dpia-e2e")
    }

    /// Runs `dpia arguments` in `directory` (default: a fresh temporary folder, so nothing is left in
    /// the package), with `NO_COLOR=1` and `environment` added, and standard input from `stdin` or empty.
    public static func run(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
        stdin: Data? = nil
    ) throws -> Result {
        var scratch: URL?
        let workingDirectory: URL
        if let directory {
            workingDirectory = directory
        } else {
            let made = try temporaryDirectory()
            scratch = made
            workingDirectory = made
        }
        defer { if let scratch { try? FileManager.default.removeItem(at: scratch) } }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = workingDirectory
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try process.run()
        if let stdin {
            input.fileHandleForWriting.write(stdin)
            try? input.fileHandleForWriting.close()
        }
        // Read standard error on another thread so a child that fills one pipe cannot block on it.
        nonisolated(unsafe) var errData = Data()
        let done = DispatchSemaphore(value: 0)
        let reader = Thread {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }
        reader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

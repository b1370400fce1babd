import Foundation
import TestSupport
import Testing

@testable import DPIAKit

/// The completion scripts and the man page, generated from the command specification, load in the
/// shells and render in `man` without warnings. A test whose shell or `man` is missing skips, saying so;
/// `.ci/run` installs them.
@Suite struct CompletionsAndManPageTests {
    static func tool(_ name: String) -> String? {
        ["/usr/bin/", "/bin/", "/usr/local/bin/"].map { $0 + name }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Writes `dpia ARGUMENTS`'s standard output to a file in `scratch` and returns its path.
    static func generate(_ arguments: [String], named name: String, in scratch: ScratchFolder) throws
        -> String
    {
        let result = try DPIAProcess.run(arguments)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr == "", "\(result)")
        let path = scratch.url.appendingPathComponent(name).path
        try result.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Runs `tool` in an empty folder, so file name completion finds nothing.
    static func run(_ tool: String, _ arguments: [String]) throws -> DPIAProcess.Result {
        let empty = try ScratchFolder()
        defer { empty.remove() }
        return try DPIAProcess.run(
            executable: URL(fileURLWithPath: tool), arguments, in: empty.url,
            environment: ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "LC_ALL": "C.UTF-8"])
    }

    @Test(.enabled(if: tool("bash") != nil, "bash is not installed"))
    func bashLoadsTheScriptAndCompletesFromTheSpecification() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let script = try Self.generate(["completions", "bash"], named: "dpia.bash", in: scratch)
        let bash = try #require(Self.tool("bash"))
        #expect(try Self.run(bash, ["-n", script]) == DPIAProcess.Result())
        #expect(
            try Self.run(bash, ["-c", "source '\(script)' && complete -p dpia"])
                == DPIAProcess.Result(stdout: "complete -o bashdefault -F _dpia dpia\n"))
        // What Tab offers: subcommands, an option's allowed values, questionnaire ids, shells.
        func complete(_ words: [String]) throws -> String {
            let array = words.map { "'\($0)'" }.joined(separator: " ")
            return try Self.run(
                bash,
                [
                    "-c",
                    "source '\(script)'; COMP_WORDS=(\(array)); COMP_CWORD=\(words.count - 1); _dpia; echo \"${COMPREPLY[*]}\"",
                ]
            ).stdout
        }
        #expect(
            try complete(["dpia", ""])
                == "wizard assess validate register diff compare list help completions man --help -h --version\n"
        )
        let formats = ReportFormat.allCases.map(\.rawValue)
        #expect(try complete(["dpia", "assess", "--format", ""]) == formats.joined(separator: " ") + "\n")
        #expect(try complete(["dpia", "assess", "--fail-on", ""]) == "\n")
        #expect(try complete(["dpia", "register", "--format", ""]) == "md html tsv\n")
        #expect(try complete(["dpia", "compare", "--format", ""]) == "md html\n")
        #expect(try complete(["dpia", "completions", "z"]) == "zsh\n")
        #expect(try complete(["dpia", "wizard", "-q", "comm"]) == "communication-platform\n")
    }

    @Test(.enabled(if: tool("zsh") != nil, "zsh is not installed: apt-get install zsh"))
    func zshParsesTheScript() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let script = try Self.generate(["completions", "zsh"], named: "_dpia", in: scratch)
        #expect(try Self.run(try #require(Self.tool("zsh")), ["-n", script]) == DPIAProcess.Result())
    }

    @Test(.enabled(if: tool("fish") != nil, "fish is not installed: apt-get install fish"))
    func fishLoadsTheScriptAndCompletes() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let script = try Self.generate(["completions", "fish"], named: "dpia.fish", in: scratch)
        let fish = try #require(Self.tool("fish"))
        #expect(try Self.run(fish, ["--no-execute", script]) == DPIAProcess.Result())
        let offered = try Self.run(fish, ["-c", "source '\(script)'; complete -C 'dpia assess --format '"])
        let help = "Report formats to write; json is the scored assessment as data (NAME.assessment.json)."
        let expected = ReportFormat.allCases.map { "\($0.rawValue)\t\(help)\n" }.sorted()
        #expect(offered.stdout.split(separator: "\n").map { $0 + "\n" }.sorted() == expected)
    }

    @Test(
        .enabled(
            if: tool("man") != nil && tool("groff") != nil,
            "man and groff are not installed: apt-get install man-db"))
    func theManPageRendersWithoutWarnings() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let page = try Self.generate(["man"], named: "dpia.1", in: scratch)
        let result = try Self.run(try #require(Self.tool("man")), ["--warnings", "-l", page])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        for line in ["dpia wizard [options]", "dpia completions [options] SHELL", "--fail-on LEVEL"] {
            #expect(result.stdout.contains(line), "\(result)")
        }
    }

    @Test func anUnknownShellIsAUsageError() throws {
        #expect(
            try DPIAProcess.run(["completions", "tcsh"])
                == DPIAProcess.Result(
                    status: 64,
                    stderr:
                        "dpia completions: unknown shell 'tcsh'; expected one of bash, zsh, fish\nusage: dpia completions [options] SHELL\nRun 'dpia --help' for more.\n"
                ))
    }
}

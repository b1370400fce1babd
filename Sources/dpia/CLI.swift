import DPIAKit
import Foundation

/// The process edge: parses arguments, hands them to a library command, and returns its exit status.
enum CLI {
    static func main(arguments: [String]) -> ExitStatus {
        let output = CommandOutput.standard
        let invocation: Invocation
        do {
            invocation = try DPIACommandLine.spec.parse(arguments: arguments)
        } catch {
            return output.fail(error)
        }
        switch invocation {
        case .version:
            output.out("dpia \(dpiaVersion)")
            return .success
        case .help(let path):
            return printHelp(path)
        case .run(let command):
            let context = CommandContext(
                environment: ProcessInfo.processInfo.environment, executablePath: executablePath,
                sourceRoot: sourceRoot)
            switch command.commandPath.dropFirst().first {
            case "assess": return Assess.run(command, context: context)
            case "validate": return Validate.run(command, context: context)
            case "register": return Register.run(command, context: context)
            case "diff":
                return DiffCommand(
                    old: command.positionals(named: "OLD").first ?? "",
                    new: command.positionals(named: "NEW").first ?? "",
                    formats: command.values("format"), outputDirectory: command.value("out") ?? "reports",
                    overwrite: command.flag("force"), templates: command.value("templates")
                ).run(in: context, output: output)
            case "compare":
                return CompareCommand(
                    files: command.positionals(named: "ANSWERS"),
                    outputDirectory: command.value("out") ?? "reports", formats: command.values("format"),
                    overwrite: command.flag("force"), templates: command.value("templates")
                ).run(in: context, output: output)
            case "list": return ListCommand().run(in: context, output: output)
            case "help": return printHelp(["dpia"] + command.positionals(named: "COMMAND"))
            case "completions":
                return CompletionsCommand(shell: command.positionals(named: "SHELL").first ?? "")
                    .run(in: context, output: output)
            case "man": return ManPageCommand().run(output: output)
            default: return Wizard.run(command, context: context)
            }
        }
    }

    static func printHelp(_ path: [String]) -> ExitStatus {
        do {
            CommandOutput.standard.out(TerminalText(lines: try DPIACommandLine.spec.helpText(for: path)))
            return .success
        } catch {
            CommandOutput.standard.error("\(error)")
            return .usage
        }
    }

    /// The running binary, so that the bundled files can be found beside an installed one.
    static var executablePath: String? {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments.first
    }

    /// The package checkout this file was compiled in, the last place the bundled files are looked for.
    static let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// `--format md,html` as formats, in a fixed order.
    static func formats(_ command: ParsedCommand) -> [ReportFormat] {
        DPIACommandLine.formats(command.values("format"))
    }
}

extension CommandOutput {
    /// Results to standard output, everything else to standard error, a line at a time.
    static var standard: CommandOutput {
        CommandOutput(
            out: { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) },
            error: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) })
    }
}

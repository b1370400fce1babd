import DPIAKit
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Exit statuses (sysexits.h, plus the rating gate of `--fail-on`).
enum ExitStatus {
    static let ok: Int32 = 0
    static let usage: Int32 = 64
    static let dataError: Int32 = 65
    static let noInput: Int32 = 66
    static let cannotCreate: Int32 = 73
    static let interrupted: Int32 = 130
    /// `--fail-on LEVEL` and the overall residual risk is at or above it: 20 + the level's rank
    /// (20 low, 21 medium, 22 high on the ICO scale).
    static let ratingGateBase: Int32 = 20
}

/// The process edge: parses arguments, runs a command, prints, and returns the exit status.
enum CLI {
    /// The options that choose and write reports, shared by `wizard` and `assess`.
    static let reportOptions: [OptionSpec] = [
        .list(
            "format", valueName: "FORMATS", help: "Report formats to write.", allowedValues: ["md", "html"],
            defaultValue: "md,html"),
        .value(
            "templates", valueName: "DIR", help: "Report templates folder (default: the bundled Templates/)."),
        .flag("force", short: "f", help: "Replace existing reports."),
    ]

    static let spec = CommandSpec(
        name: "dpia",
        abstract:
            "Data protection impact assessment of a communication platform, the way the ICO recommends.",
        discussion: """
            With no command, dpia starts the interactive wizard on the bundled communication-platform questionnaire.
            Reports follow the ICO DPIA template's seven steps and are written as Markdown and HTML.
            Exit status: 0 success; 64 usage error; 65 invalid questionnaire, answers or template; 66 missing input; 73 cannot write output; 130 interrupted; with --fail-on, 20 + the rank of the overall residual risk (20 low, 21 medium, 22 high).
            Environment: DPIA_HOME (folder holding Questionnaires/ and Templates/), DPIA_TEMPLATES (templates folder), NO_COLOR.
            """,
        subcommands: [
            CommandSpec(
                name: "wizard",
                abstract: "Answer a questionnaire interactively; answers are saved as you go.",
                options: [
                    .value(
                        "questionnaire", short: "q", valueName: "ID|PATH",
                        help:
                            "Questionnaire id or definition file (default: communication-platform, or the one a --resume draft names)."
                    ),
                    .value(
                        "resume", valueName: "DRAFT",
                        help: "Continue an assessment from its draft answers file."),
                    .value(
                        "draft", valueName: "PATH",
                        help:
                            "Where to save the draft answers (default: dpia-draft-<date>.json in the current folder)."
                    ),
                    .value(
                        "out", short: "o", valueName: "DIR",
                        help: "Folder for the reports and the final answers file.", defaultValue: "reports"),
                ] + reportOptions + [
                    .flag(
                        "plain",
                        help:
                            "Line-by-line prompts for screen readers and pipes (also ACCESSIBLE=1, or when not on a terminal)."
                    )
                ]),
            CommandSpec(
                name: "assess",
                abstract: "Score answers files and write their reports.",
                discussion:
                    "Reports are named after each answers file: reports/NAME.md and reports/NAME.html. Existing files are kept unless --force is given.",
                options: [
                    .repeatable(
                        "answers", short: "a", valueName: "PATH",
                        help: "Answers file to assess; repeat for several."),
                    .value(
                        "batch", valueName: "DIR",
                        help:
                            "Assess every *.json answers file in DIR in one process, and write OUT/summary.tsv."
                    ),
                    .value(
                        "questionnaire", short: "q", valueName: "ID|PATH",
                        help: "Questionnaire to use (default: the one the answers file names)."),
                    .value(
                        "out", short: "o", valueName: "DIR", help: "Folder for the reports.",
                        defaultValue: "reports"),
                ] + reportOptions + [
                    .value(
                        "fail-on", valueName: "LEVEL",
                        help:
                            "Exit with 20 + the rating's rank when the overall residual risk is at or above LEVEL.",
                        allowedValues: ["low", "medium", "high"])
                ],
                positionals: [
                    PositionalSpec(
                        "ANSWERS", help: "Answers files (the same as --answers).", isOptional: true,
                        isVariadic: true)
                ]),
            CommandSpec(
                name: "validate",
                abstract: "Check questionnaire definitions, answers files and report templates.",
                discussion:
                    "Files holding \"answers\" are checked against their questionnaire; others as definitions. With no file, checks the bundled questionnaires and templates.",
                options: [
                    .value(
                        "questionnaire", short: "q", valueName: "ID|PATH",
                        help: "Questionnaire to check answers files against."),
                    .value(
                        "templates", valueName: "DIR",
                        help:
                            "Also check this templates folder: syntax, and names the report data does not have."
                    ),
                ],
                positionals: [
                    PositionalSpec("FILE", help: "Files to check.", isOptional: true, isVariadic: true)
                ]),
            CommandSpec(name: "list", abstract: "List the bundled questionnaires: id, version, title."),
            CommandSpec(
                name: "help", abstract: "Show help for a command.",
                positionals: [
                    PositionalSpec("COMMAND", help: "The command.", isOptional: true, isVariadic: true)
                ]),
        ],
        defaultSubcommand: "wizard",
        version: dpiaVersion)

    static func main(arguments: [String]) -> Int32 {
        let invocation: Invocation
        do {
            invocation = try spec.parse(arguments: arguments)
        } catch {
            Output.error("\(error)\nusage: \(error.usage)\nRun 'dpia --help' for more.")
            return ExitStatus.usage
        }
        switch invocation {
        case .version:
            Output.out("dpia \(dpiaVersion)")
            return ExitStatus.ok
        case .help(let path):
            return printHelp(path)
        case .run(let command):
            let environment = ProcessInfo.processInfo.environment
            switch command.commandPath.dropFirst().first {
            case "assess": return Assess.run(command, environment: environment)
            case "validate": return Validate.run(command, environment: environment)
            case "list": return List.run(command, environment: environment)
            case "help": return printHelp(["dpia"] + command.positionals(named: "COMMAND"))
            default: return Wizard.run(command, environment: environment)
            }
        }
    }

    static func printHelp(_ path: [String]) -> Int32 {
        do {
            Output.out(try spec.helpText(for: path))
            return ExitStatus.ok
        } catch {
            Output.error("\(error)")
            return ExitStatus.usage
        }
    }

    /// The locator for the bundled files, from the environment, the binary's path and the source checkout.
    static func locator(_ environment: [String: String]) -> ResourceLocator {
        let executable =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments.first
        let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent().path
        return ResourceLocator(environment: environment, executablePath: executable, sourceRoot: sourceRoot)
    }

    /// The bundled questionnaires, each read when first needed. A broken one is reported when it is the
    /// one asked for; `dpia list` and `dpia validate` report every broken one.
    static func catalog(_ environment: [String: String]) -> QuestionnaireCatalog? {
        guard let home = try? locator(environment).home() else { return nil }
        return QuestionnaireCatalog.lazy(directory: home + "/Questionnaires")
    }

    /// The templates folder: `--templates`, else `$DPIA_TEMPLATES`, else the bundled one.
    static func templates(_ explicit: String?, environment: [String: String]) throws(DPIAError)
        -> ReportTemplates
    {
        let directory: String
        if let explicit {
            directory = explicit
        } else if let configured = environment["DPIA_TEMPLATES"], !configured.isEmpty {
            directory = configured
        } else {
            do {
                directory = try locator(environment).home() + "/Templates"
            } catch {
                throw .resources(error)
            }
        }
        do {
            return try ReportTemplates.load(directory: directory)
        } catch {
            throw .templates(error)
        }
    }

    /// `--format md,html` as formats, in a fixed order.
    static func formats(_ command: ParsedCommand) -> [ReportFormat] {
        let names = command.values("format")
        return ReportFormat.allCases.filter { names.contains($0.fileExtension) }
    }
}

/// Writing to the standard streams. Errors go to stderr, results to stdout.
enum Output {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Reports a failure with the program's name, and returns its exit status.
    static func fail(_ error: DPIAError) -> Int32 {
        Output.error(prefixed(error.description))
        return error.exitStatus
    }

    static func prefixed(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "dpia: error: \($0)" }.joined(
            separator: "\n")
    }
}

/// Values the process keeps until it exits. Freeing a loaded questionnaire and parsed templates costs
/// over a million instructions at the end of every run, for memory the kernel takes back at exit anyway.
/// Used from the main thread only.
enum UntilExit {
    nonisolated(unsafe) private static var kept: [Any] = []

    static func keep(_ value: Any) { kept.append(value) }
}

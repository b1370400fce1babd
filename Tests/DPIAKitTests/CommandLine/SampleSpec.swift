@testable import DPIAKit

/// A command tree shaped like dpia's own, so the tests exercise the cases the tool meets.
let sampleSpec = CommandSpec(
    name: "dpia",
    abstract: "Run a data protection impact assessment for a health data project.",
    subcommands: [
        CommandSpec(name: "wizard", abstract: "Answer the questionnaire interactively."),
        CommandSpec(
            name: "assess",
            abstract: "Score answers and write the DPIA report.",
            discussion: """
                Reads one or more answers files, scores every risk against the questionnaire and \
                writes the report in each requested format.

                  dpia assess --answers clinic.json --out reports
                """,
            options: [
                .repeatable("answers", short: "a", valueName: "PATH", help: "Answers file to assess."),
                .value("batch", valueName: "DIR", help: "Assess every answers file in DIR."),
                .value("out", short: "o", valueName: "DIR", help: "Directory to write reports into."),
                .list(
                    "format", valueName: "FORMAT", help: "Report formats to write.",
                    allowedValues: ["md", "html"],
                    defaultValue: "md"),
                .flag("force", short: "f", help: "Overwrite existing reports."),
                .value(
                    "fail-on", valueName: "LEVEL",
                    help: "Exit with status 1 when any residual risk is at or above LEVEL.",
                    allowedValues: ["low", "medium", "high"]),
                .value("questionnaire", valueName: "PATH|ID", help: "Questionnaire to assess against."),
                .value(
                    "templates", valueName: "DIR",
                    help: "Directory of report templates overriding the built-in ones."),
                .value("date", valueName: "YYYY-MM-DD", help: "Date printed on the report."),
            ]),
        CommandSpec(
            name: "validate",
            abstract: "Check answers files against the questionnaire.",
            options: [.flag("quiet", short: "q", help: "Print nothing when the files are valid.")],
            positionals: [
                PositionalSpec("FILE", help: "Answers file; '-' reads standard input.", isVariadic: true)
            ]),
        CommandSpec(
            name: "list",
            abstract: "List the built-in questionnaires or templates.",
            positionals: [PositionalSpec("KIND", help: "questionnaires or templates.", isOptional: true)]),
        CommandSpec(
            name: "help",
            abstract: "Show help for a command.",
            positionals: [
                PositionalSpec("COMMAND", help: "The command to explain.", isOptional: true, isVariadic: true)
            ]),
    ],
    defaultSubcommand: "wizard",
    version: "1.0.0")

/// Parses and expects a command to run, so each test can go straight to its values.
func run(_ arguments: [String]) throws -> ParsedCommand {
    let invocation = try sampleSpec.parse(arguments: arguments)
    guard case .run(let command) = invocation else {
        throw UnexpectedInvocation(invocation: invocation)
    }
    return command
}

/// Parses and expects a usage error, returning its printed message.
func usageError(_ arguments: [String]) -> String? {
    do {
        _ = try sampleSpec.parse(arguments: arguments)
        return nil
    } catch {
        return error.description
    }
}

struct UnexpectedInvocation: Error {
    var invocation: Invocation
}

import DPIAKit

/// `dpia validate`: check definitions, answers files and templates, reporting every problem.
enum Validate {
    static func run(_ command: ParsedCommand, context: CommandContext) -> ExitStatus {
        ValidateCommand(
            files: command.positionals(named: "FILE"), questionnaire: command.value("questionnaire"),
            templates: command.value("templates")
        ).run(in: context, output: .standard)
    }
}

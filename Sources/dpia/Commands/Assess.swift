import DPIAKit

/// `dpia assess`: score answers files, write reports, print a short summary of each.
enum Assess {
    static func run(_ command: ParsedCommand, context: CommandContext) -> ExitStatus {
        Platform.removeTemporaryFilesOnStop()
        return AssessCommand(
            answers: command.values("answers") + command.positionals(named: "ANSWERS"),
            batch: command.value("batch"), questionnaire: command.value("questionnaire"),
            outputDirectory: command.value("out") ?? "reports", formats: CLI.formats(command),
            overwrite: command.flag("force"), templates: command.value("templates"),
            failOn: command.value("fail-on").map(FailOnGate.init(threshold:))
        ).run(in: context, output: .standard)
    }
}

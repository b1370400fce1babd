import DPIAKit

/// `dpia register`: the register of a folder of assessments, judged against `--as-of` or today, read here
/// once so the library never reads the clock.
enum Register {
    static func run(_ command: ParsedCommand, context: CommandContext) -> ExitStatus {
        let dates: (asOf: CalendarDate, dueWithinDays: Int)
        do {
            dates = try RegisterCommand.parseDates(
                asOf: command.value("as-of"), dueWithin: command.value("due-within"),
                today: Wizard.localToday())
        } catch {
            return CommandOutput.standard.fail(error)
        }
        return RegisterCommand(
            directories: command.positionals(named: "DIR"),
            outputDirectory: command.value("out") ?? "reports",
            formats: command.values("format"), overwrite: command.flag("force"),
            templates: command.value("templates"), asOf: dates.asOf, dueWithinDays: dates.dueWithinDays,
            failOnOverdue: command.flag("fail-on-overdue")
        ).run(in: context, output: .standard)
    }
}

/// `dpia completions SHELL`: the completion script for SHELL, with the bundled questionnaires' ids.
public struct CompletionsCommand {
    var shell: String

    public init(shell: String) {
        self.shell = shell
    }

    public func run(in context: CommandContext, output: CommandOutput) -> ExitStatus {
        guard let chosen = CompletionShell(rawValue: shell) else {
            let names = CompletionShell.allCases.map(\.rawValue)
            return output.fail(
                UsageError(
                    commandPath: ["dpia", "completions"],
                    message: "unknown shell '\(shell)'; expected one of \(names.joined(separator: ", "))",
                    usage: DPIACommandLine.synopsis("completions")))
        }
        // Without the bundled files there are no ids to offer; the rest of the script still works.
        // One id a questionnaire, however many of its versions are kept.
        var seen: Set<String> = []
        let ids = (context.catalog()?.entries.map(\.questionnaire.id) ?? []).filter {
            seen.insert($0).inserted
        }
        // `out` ends the text with a line break, which the script already has.
        output.out(
            TerminalText(
                lines: String(chosen.script(for: DPIACommandLine.spec, questionnaireIDs: ids).dropLast())))
        return .success
    }
}

/// `dpia man`: the manual page generated from the command specification.
public struct ManPageCommand {
    public init() {}

    public func run(output: CommandOutput) -> ExitStatus {
        output.out(TerminalText(lines: String(DPIACommandLine.spec.manPage().dropLast())))
        return .success
    }
}

import DPIAKit
import Foundation
import Glibc

/// `dpia wizard` (and `dpia` alone): the library's wizard on the real terminal, or on plain lines when
/// there is no terminal to draw on.
enum Wizard {
    static func run(_ command: ParsedCommand, context: CommandContext) -> ExitStatus {
        var wizard = WizardCommand(
            questionnaire: command.value("questionnaire"), resume: command.value("resume"),
            draft: command.value("draft"), outputDirectory: command.value("out"),
            formatNames: command.values("format"), templates: command.value("templates"),
            force: command.flag("force"), plain: command.flag("plain"), from: command.value("from"))
        wizard.program = program(environment: context.environment)
        let output = CommandOutput.standard
        var session: WizardSession
        switch wizard.start(in: context, today: localToday(), output: output) {
        case .ready(let ready): session = ready
        case .stopped(let status): return status
        }
        let plain =
            wizard.prefersPlainPrompts(environment: context.environment)
            || !Platform.isTerminal(STDIN_FILENO) || !Platform.isTerminal(STDERR_FILENO)
        if !plain, let terminal = TTYTerminal.openInteractive(environment: context.environment),
            terminal.start()
        {
            let outcome = session.ask(on: .interactive(terminal))
            terminal.restore()
            // An interactive run ends its input only when the terminal goes away: the user left.
            return session.finish(outcome, inputEndedByStop: true, output: output)
        }
        let io = InterruptibleLineIO(signals: Platform.SignalPipe.install())
        let outcome = session.ask(on: .plain(io))
        return session.finish(outcome, inputEndedByStop: io.interrupted, output: output)
    }

    /// How the user runs this binary from the current folder, for the commands the wizard prints.
    static func program(environment: [String: String]) -> String {
        let files = FileManager.default
        func resolved(_ path: String) -> String { URL(fileURLWithPath: path).resolvingSymlinksInPath().path }
        let onPath = (environment["PATH"] ?? "").split(separator: ":").lazy
            .map { String($0) + "/dpia" }.first { files.isExecutableFile(atPath: $0) }.map(resolved)
        let directory = resolved(files.currentDirectoryPath)
        return WizardFiles.program(
            executable: CLI.executablePath.map(resolved), onPath: onPath, directory: directory,
            isPackageRoot: directory == resolved(CLI.sourceRoot)
                && files.fileExists(atPath: directory + "/Package.swift"))
    }

    /// Today in the local time zone: the default assessment date. Only the executable reads the clock.
    static func localToday() -> CalendarDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? CalendarDate(year: 2000, month: 1, day: 1)!
    }
}

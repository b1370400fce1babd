import Foundation
import Testing

@testable import DPIAKit

/// The completion scripts and the man page name every command and option of the specification, so
/// they cannot drift from `--help`.
@Suite struct CompletionsTests {
    static let spec = DPIACommandLine.spec

    @Test(arguments: CompletionShell.allCases)
    func everyCommandAndOptionIsCompleted(shell: CompletionShell) {
        let script = shell.script(for: Self.spec, questionnaireIDs: ["communication-platform"])
        for command in Self.spec.subcommands {
            #expect(script.contains(command.name), "\(command.name) missing from the \(shell) script")
            for option in command.options {
                #expect(
                    script.contains(option.long), "--\(option.long) of \(command.name) missing (\(shell))")
                for value in option.allowedValues { #expect(script.contains(value)) }
            }
        }
        #expect(script.contains("communication-platform"))
    }

    @Test func theManPageHasEveryCommandAndOption() {
        let page = Self.spec.manPage()
        #expect(page.hasPrefix(".TH DPIA 1 \"\" \"dpia \(Self.spec.version ?? "")\" \"User Commands\"\n"))
        for command in Self.spec.subcommands {
            #expect(page.contains(".SS \(command.name)"))
            for option in command.options {
                #expect(
                    page.contains("\\fB\\-\\-\(option.long.replacingOccurrences(of: "-", with: "\\-"))\\fR"))
            }
        }
    }
}

import Foundation

/// `dpia list`: the bundled questionnaires as a table of id, version, status (the default version of
/// each id, or an earlier release it superseded) and title.
public struct ListCommand {
    public init() {}

    public func run(in context: CommandContext, output: CommandOutput) -> ExitStatus {
        let home: String
        do {
            home = try context.locator.home()
        } catch {
            return output.fail(.resources(error))
        }
        let loaded = QuestionnaireCatalog.load(directory: home + "/Questionnaires")
        // The default version of each id first, then its earlier releases, newest first.
        let rows = loaded.catalog.entries.map {
            [
                $0.questionnaire.id, $0.questionnaire.version,
                $0.questionnaire.supersededBy.map { "superseded by \($0)" } ?? "default",
                $0.questionnaire.title,
            ]
        }
        let headings = ["ID", "VERSION", "STATUS", "TITLE"]
        let widths = (0..<3).map { column in
            max(rows.map { $0[column].count }.max() ?? 0, headings[column].count)
        }
        func line(_ cells: [String]) -> TerminalText {
            let padded = (0..<3).map {
                cells[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) + "  "
            }
            return "\(padded.joined())\(cells[3])"
        }
        output.out(line(headings))
        for row in rows { output.out(line(row)) }
        for failure in loaded.failures { output.fail(.input(failure)) }
        return loaded.failures.isEmpty
            ? .success : DPIAError.several(loaded.failures.map { .input($0) }).exitStatus
    }
}

import Foundation

/// `dpia list`: the bundled questionnaires as a table of id, version and title.
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
        let rows = loaded.catalog.entries.map {
            [$0.questionnaire.id, $0.questionnaire.version, $0.questionnaire.title]
        }
        let widths = (0..<2).map { column in
            max(rows.map { $0[column].count }.max() ?? 0, ["ID", "VERSION"][column].count)
        }
        func line(_ cells: [String]) -> TerminalText {
            let id = cells[0].padding(toLength: widths[0], withPad: " ", startingAt: 0)
            let version = cells[1].padding(toLength: widths[1], withPad: " ", startingAt: 0)
            return "\(id)  \(version)  \(cells[2])"
        }
        output.out(line(["ID", "VERSION", "TITLE"]))
        for row in rows { output.out(line(row)) }
        for failure in loaded.failures { output.fail(.input(failure)) }
        return loaded.failures.isEmpty
            ? .success : DPIAError.several(loaded.failures.map { .input($0) }).exitStatus
    }
}

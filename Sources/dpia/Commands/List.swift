import DPIAKit

/// `dpia list`: the bundled questionnaires.
enum List {
    static func run(_ command: ParsedCommand, environment: [String: String]) -> Int32 {
        let home: String
        do {
            home = try CLI.locator(environment).home()
        } catch {
            return Output.fail(.resources(error))
        }
        let loaded = QuestionnaireCatalog.load(directory: home + "/Questionnaires")
        let rows = loaded.catalog.entries.map {
            [$0.questionnaire.id, $0.questionnaire.version, $0.questionnaire.title]
        }
        let widths = (0..<2).map { column in
            max(rows.map { $0[column].count }.max() ?? 0, ["ID", "VERSION"][column].count)
        }
        func line(_ cells: [String]) -> String {
            cells[0].padding(toLength: widths[0], withPad: " ", startingAt: 0) + "  "
                + cells[1].padding(toLength: widths[1], withPad: " ", startingAt: 0) + "  " + cells[2]
        }
        Output.out(line(["ID", "VERSION", "TITLE"]))
        for row in rows { Output.out(line(row)) }
        for failure in loaded.failures { Output.error(Output.prefixed(failure.description)) }
        return loaded.failures.isEmpty
            ? ExitStatus.ok : DPIAError.several(loaded.failures.map { .input($0) }).exitStatus
    }
}

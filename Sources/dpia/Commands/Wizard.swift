import DPIAKit

/// `dpia wizard`: replaced by the interactive wizard (issue 4).
enum Wizard {
    static func run(_ command: ParsedCommand, environment: [String: String]) -> Int32 {
        Output.error(
            "dpia wizard: the interactive wizard is not available in this build yet; use 'dpia assess --answers FILE'"
        )
        return ExitStatus.usage
    }
}

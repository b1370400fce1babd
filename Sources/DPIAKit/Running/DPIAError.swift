/// Every failure a dpia command reports, with the sysexits status it exits with.
enum DPIAError: Error, Sendable, CustomStringConvertible {
    case input(InputError)
    case templates(TemplateLoadError)
    case rendering(TemplateError)
    case output(OutputError)
    case resources(ResourceError)
    /// Several files failed; the status is the most serious of theirs.
    case several([DPIAError])

    var exitStatus: ExitStatus {
        switch self {
        case .input(.missing), .templates(.missing), .resources: .noInput
        case .input(.invalid), .templates(.invalid), .rendering: .dataError
        case .output: .cannotCreate
        case .several(let errors): errors.map(\.exitStatus).max() ?? .dataError
        }
    }

    var description: String {
        switch self {
        case .input(let error): error.description
        case .templates(let error): error.description
        case .rendering(let error): error.description
        case .output(let error): error.description
        case .resources(let error): error.description
        case .several(let errors): errors.map(\.description).joined(separator: "\n")
        }
    }
}

extension DPIAError {
    /// The description as it may be printed: one line per problem, every value from input sanitized,
    /// so a key, a path or a value in an error message cannot act on the terminal or forge a line.
    var terminalText: TerminalText {
        switch self {
        case .input(.invalid(let failure)):
            return failure.diagnostics.map { TerminalText($0.description) }.joined(separator: "\n")
        case .templates(.invalid(let errors)):
            return errors.map { TerminalText($0.description) }.joined(separator: "\n")
        case .resources(let error):
            let looked: [TerminalText] = error.looked.map { "  \($0)" }
            let advice: TerminalText =
                "set DPIA_HOME to the folder holding them, or pass --questionnaire PATH and --templates DIR"
            return "cannot find dpia's Questionnaires/ and Templates/ folders; looked in:\n"
                + looked.joined(separator: "\n") + "\n" + advice
        case .several(let errors):
            return errors.map(\.terminalText).joined(separator: "\n")
        case .input, .templates, .rendering, .output:
            return TerminalText(description)
        }
    }
}

/// Every failure a dpia command reports, with the sysexits status it exits with.
public enum DPIAError: Error, Sendable, CustomStringConvertible {
    case input(InputError)
    case templates(TemplateLoadError)
    case rendering(TemplateError)
    case output(OutputError)
    case resources(ResourceError)
    /// Several files failed; the status is the most serious of theirs.
    case several([DPIAError])

    public var exitStatus: ExitStatus {
        switch self {
        case .input(.missing), .templates(.missing), .resources: .noInput
        case .input(.invalid), .templates(.invalid), .rendering: .dataError
        case .output: .cannotCreate
        case .several(let errors): errors.map(\.exitStatus).max() ?? .dataError
        }
    }

    public var description: String {
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

/// Every failure a dpia command reports, with the sysexits status it exits with.
public enum DPIAError: Error, Sendable, CustomStringConvertible {
    case input(InputError)
    case templates(TemplateLoadError)
    case rendering(TemplateError)
    case output(OutputError)
    case resources(ResourceError)
    /// Several files failed; the status is the most serious of theirs.
    case several([DPIAError])

    /// EX_DATAERR 65, EX_NOINPUT 66, EX_CANTCREAT 73.
    public var exitStatus: Int32 {
        switch self {
        case .input(.missing), .templates(.missing), .resources: 66
        case .input(.invalid), .templates(.invalid), .rendering: 65
        case .output: 73
        case .several(let errors): errors.map(\.exitStatus).max() ?? 65
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

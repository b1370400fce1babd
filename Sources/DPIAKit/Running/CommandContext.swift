import Foundation

/// What the commands read from outside the library: the environment and where the bundled files are.
public struct CommandContext: Sendable {
    public var environment: [String: String]
    var locator: ResourceLocator

    /// `executablePath` and `sourceRoot` are where to look for the bundled files besides `$DPIA_HOME`.
    public init(environment: [String: String], executablePath: String?, sourceRoot: String?) {
        self.environment = environment
        locator = ResourceLocator(
            environment: environment, executablePath: executablePath, sourceRoot: sourceRoot)
    }

    /// The bundled questionnaires, each read when first needed, or nil when the folder is not found. A
    /// broken one is reported when it is the one asked for; `dpia list` and `dpia validate` report all.
    func catalog() -> QuestionnaireCatalog? {
        guard let home = try? locator.home() else { return nil }
        return QuestionnaireCatalog.lazy(directory: home + "/Questionnaires")
    }

    /// The report templates: `--templates`, else `$DPIA_TEMPLATES`, else the bundled folder.
    func templates(_ explicit: String?) throws(DPIAError) -> ReportTemplates {
        let directory: String
        if let explicit {
            directory = explicit
        } else if let configured = environment["DPIA_TEMPLATES"], !configured.isEmpty {
            directory = configured
        } else {
            do {
                directory = try locator.home() + "/Templates"
            } catch {
                throw .resources(error)
            }
        }
        do {
            return try ReportTemplates.load(directory: directory)
        } catch {
            throw .templates(error)
        }
    }
}

extension CommandContext {
    /// The folder dpia runs in, against which relative paths are taken.
    var currentDirectory: String { FileManager.default.currentDirectoryPath }
}

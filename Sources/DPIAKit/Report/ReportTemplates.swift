import Foundation

/// The report formats dpia writes; the raw value is the name `--format` takes.
public enum ReportFormat: String, Sendable, CaseIterable {
    case markdown = "md"
    case html
    /// The scored assessment as data (`AssessmentJSON`), made without a template.
    case json

    /// What follows the answers file's name (without its `.json`): `md`, `html`, `assessment.json`.
    public var fileExtension: String {
        switch self {
        case .json: String(AssessmentJSON.fileSuffix.dropFirst())
        default: rawValue
        }
    }

    /// Whether the format is rendered from a `report.EXT.mustache` template.
    var isTemplated: Bool { self != .json }

    /// Escapes user text for this format.
    func escape(_ text: String) -> String {
        switch self {
        case .markdown: MarkdownEscaping.escape(text)
        case .html: Template.htmlEscape(text)
        case .json: text
        }
    }
}

/// A folder of report templates: `report.md.mustache`, `report.html.mustache`, and partials in `partials/`
/// included as `{{> name}}` where the file is `partials/name.mustache`.
public struct ReportTemplates: Sendable {
    public let directory: String
    public let reports: [ReportFormat: Template]
    public let partials: [String: Template]

    /// Loads every template in the folder, reporting the first syntax error of each file.
    public static func load(directory: String) throws(TemplateLoadError) -> ReportTemplates {
        guard FileIO.isDirectory(directory) else {
            throw .missing(
                path: directory, reason: FileIO.exists(directory) ? "is not a directory" : "no such directory"
            )
        }
        var errors: [TemplateError] = []
        var reports: [ReportFormat: Template] = [:]
        for format in ReportFormat.allCases where format.isTemplated {
            let path = (directory as NSString).appendingPathComponent(
                "report.\(format.fileExtension).mustache")
            guard FileIO.exists(path) else { continue }
            switch parse(path) {
            case .success(let template): reports[format] = template
            case .failure(let error): errors.append(error)
            }
        }
        if reports.isEmpty && errors.isEmpty {
            throw .missing(
                path: directory,
                reason: "has no report.md.mustache or report.html.mustache; expected a dpia templates folder")
        }
        var partials: [String: Template] = [:]
        let partialsDirectory = (directory as NSString).appendingPathComponent("partials")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: partialsDirectory)) ?? []
        for name in names.sorted() where name.hasSuffix(".mustache") {
            switch parse((partialsDirectory as NSString).appendingPathComponent(name)) {
            case .success(let template): partials[String(name.dropLast(".mustache".count))] = template
            case .failure(let error): errors.append(error)
            }
        }
        if !errors.isEmpty { throw .invalid(errors) }
        return ReportTemplates(directory: directory, reports: reports, partials: partials)
    }

    private static func parse(_ path: String) -> Result<Template, TemplateError> {
        let bytes: [UInt8]
        do {
            bytes = try FileIO.read(path)
        } catch {
            return .failure(
                TemplateError(
                    kind: .unreadable, template: path, line: 0, column: 0, message: error.description))
        }
        guard let source = String(validUTF8: bytes) else {
            return .failure(
                TemplateError(
                    kind: .unreadable, template: path, line: 0, column: 0, message: "is not valid UTF-8 text")
            )
        }
        do {
            return .success(try Template(source: source, name: path))
        } catch {
            return .failure(error)
        }
    }

    /// Renders one format.
    public func render(_ format: ReportFormat, data: TemplateValue) throws(TemplateError) -> String {
        String(decoding: try renderBytes(format, data: data), as: UTF8.self)
    }

    /// What `render` returns, as UTF-8 bytes, ready to be written.
    func renderBytes(_ format: ReportFormat, data: TemplateValue) throws(TemplateError) -> [UInt8] {
        guard let template = reports[format] else {
            throw TemplateError(
                kind: .unreadable, template: directory, line: 0, column: 0,
                message: "has no report.\(format.fileExtension).mustache for the \(format.rawValue) format")
        }
        return try template.renderBytes(data, partials: partials, escape: format.escape)
    }

    /// Names the templates use that the report data never has: typos that would silently render empty.
    public func unknownNames(toolVersion: String) -> [TemplateDiagnostic] {
        let schema = ReportData.schemaSample(toolVersion: toolVersion)
        return ReportFormat.allCases.compactMap { reports[$0] }.flatMap {
            $0.unknownNames(against: schema, partials: partials)
        }
    }
}

/// Why a templates folder could not be used.
public enum TemplateLoadError: Error, Sendable, CustomStringConvertible {
    case missing(path: String, reason: String)
    case invalid([TemplateError])

    public var description: String {
        switch self {
        case .missing(let path, let reason): "\(path): \(reason)"
        case .invalid(let errors): errors.map(\.description).joined(separator: "\n")
        }
    }
}

import Foundation

/// The report formats dpia writes; the raw value is the name `--format` takes.
public enum ReportFormat: String, Sendable, CaseIterable {
    case markdown = "md"
    case html
    /// A Word document: `report.docx.mustache` is its body, with its styles and footer in `docx/`.
    case docx
    /// The scored assessment as data (`AssessmentJSON`), made without a template.
    case json

    /// What a reader calls the format: "the Markdown and HTML reports".
    var readerName: String {
        switch self {
        case .markdown: "Markdown"
        case .html: "HTML"
        case .docx: "Word"
        case .json: "JSON"
        }
    }

    /// What follows the answers file's name (without its `.json`): `md`, `html`, `assessment.json`.
    var fileExtension: String {
        switch self {
        case .json: String(AssessmentJSON.fileSuffix.dropFirst())
        default: rawValue
        }
    }

    /// Whether the format is rendered from a `report.EXT.mustache` template.
    var isTemplated: Bool { self != .json }

    /// Appends user text to `output`, escaped for this format.
    func appendEscaped(_ text: String, to output: inout [UInt8]) {
        switch self {
        case .markdown: MarkdownEscaping.append(text, to: &output)
        case .html: Template.appendHTMLEscaped(text, to: &output)
        case .docx: output.append(contentsOf: XMLEscaping.runText(text).utf8)
        case .json: output.append(contentsOf: text.utf8)
        }
    }
}

/// A folder of report templates: `report.md.mustache`, `report.html.mustache`, `report.docx.mustache` (with
/// the Word styles and footer in `docx/`), and partials in `partials/` included as `{{> name}}` where the
/// file is `partials/name.mustache`.
struct ReportTemplates: Sendable {
    let directory: String
    let reports: [ReportFormat: Template]
    let partials: [String: Template]
    /// The Word report's styles and footer, present when `report.docx.mustache` is.
    let wordParts: [WordPackage.TemplatedPart: Template]

    /// Loads every template in the folder, reporting the first syntax error of each file.
    static func load(directory: String) throws(TemplateLoadError) -> ReportTemplates {
        guard FileIO.isDirectory(directory) else {
            throw .missing(
                path: directory, reason: FileIO.exists(directory) ? "is not a directory" : "no such directory"
            )
        }
        var errors: [TemplateError] = []
        var reports: [ReportFormat: Template] = [:]
        // Every template must resolve inside the folder: a partial linked to /etc/passwd would copy it
        // into every report.
        let root = Posix.realPath(directory) ?? directory
        func parse(_ path: String) -> Result<Template, TemplateError> {
            Self.parse(path, inside: root, shownAs: directory)
        }
        for format in ReportFormat.allCases where format.isTemplated {
            let path = (directory as NSString).appendingPathComponent(
                "report.\(format.fileExtension).mustache")
            guard FileIO.exists(path) else { continue }
            switch parse(path) {
            case .success(let template): reports[format] = template
            case .failure(let error): errors.append(error)
            }
        }
        var wordParts: [WordPackage.TemplatedPart: Template] = [:]
        if FileIO.exists((directory as NSString).appendingPathComponent("report.docx.mustache")) {
            for part in WordPackage.TemplatedPart.allCases {
                let path = (directory as NSString).appendingPathComponent(part.templatePath)
                guard FileIO.exists(path) else {
                    errors.append(
                        TemplateError(
                            kind: .unreadable, template: path, line: 0, column: 0,
                            message: "is missing; the Word report needs it beside report.docx.mustache"))
                    continue
                }
                switch parse(path) {
                case .success(let template): wordParts[part] = template
                case .failure(let error): errors.append(error)
                }
            }
        }
        if reports.isEmpty && errors.isEmpty {
            throw .missing(
                path: directory,
                reason:
                    "has no report.md.mustache, report.html.mustache or report.docx.mustache; expected a dpia templates folder"
            )
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
        return ReportTemplates(
            directory: directory, reports: reports, partials: partials, wordParts: wordParts)
    }

    private static func parse(_ path: String, inside root: String, shownAs folder: String) -> Result<
        Template, TemplateError
    > {
        if let resolved = Posix.realPath(path), !resolved.hasPrefix(root.hasSuffix("/") ? root : root + "/") {
            return .failure(
                TemplateError(
                    kind: .outsideFolder, template: path, line: 0, column: 0,
                    message:
                        "is a link to \(resolved), outside the templates folder; expected a file inside \(folder)"
                ))
        }
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

    /// Renders one text format (Markdown or HTML); the Word report is an archive, from `renderBytes`.
    func render(_ format: ReportFormat, data: TemplateValue) throws(TemplateError) -> String {
        String(decoding: try renderBytes(format, data: data), as: UTF8.self)
    }

    /// The bytes of one format's report, ready to be written: UTF-8 text for Markdown and HTML, and for
    /// Word the `.docx` archive of the rendered body, styles and footer with the fixed parts.
    func renderBytes(_ format: ReportFormat, data: TemplateValue) throws(TemplateError) -> [UInt8] {
        guard let template = reports[format] else {
            throw TemplateError(
                kind: .unreadable, template: directory, line: 0, column: 0,
                message: "has no report.\(format.fileExtension).mustache for the \(format.rawValue) format")
        }
        let body = try template.renderBytes(
            data, partials: partials, appendEscaped: { format.appendEscaped($0, to: &$1) })
        guard format == .docx else { return body }
        var parts: [WordPackage.TemplatedPart: [UInt8]] = [:]
        for (part, template) in wordParts {
            parts[part] = try template.renderBytes(
                data, partials: partials, appendEscaped: { format.appendEscaped($0, to: &$1) })
        }
        do {
            return try WordPackage.archive(
                document: body, styles: parts[.styles] ?? [], footer: parts[.footer] ?? [], data: data)
        } catch {
            throw TemplateError(
                kind: .unreadable, template: template.name, line: 0, column: 0,
                message: "renders a Word report that \(error.description)")
        }
    }

    /// The Word templates' XML problems, rendered over the report data sample: a tag left open or a bare
    /// `&` that a name check cannot see, but that makes Word refuse the file. Positions are in the
    /// rendered part, which follows the template line for line where the template's values are one line.
    func wordXMLProblems(toolVersion: String) -> [TemplateDiagnostic] {
        let data = ReportData.schemaSample(toolVersion: toolVersion)
        var templates: [Template] = reports[.docx].map { [$0] } ?? []
        templates += WordPackage.TemplatedPart.allCases.compactMap { wordParts[$0] }
        return templates.compactMap { template in
            let bytes: [UInt8]
            do {
                bytes = try template.renderBytes(
                    data, partials: partials, appendEscaped: { ReportFormat.docx.appendEscaped($0, to: &$1) })
            } catch {
                return nil  // rendering errors are reported when the report is written
            }
            guard let problem = XMLWellFormedness.check(bytes) else { return nil }
            return TemplateDiagnostic(
                template: template.name, line: 0, column: 0, name: "",
                message:
                    "renders Word XML that is not well-formed at line \(problem.line), column \(problem.column) of the rendered part: \(problem.message) (Word would call the file damaged)",
                kind: .malformedXML)
        }
    }

    /// Names the templates use that the report data never has: typos that would silently render empty.
    func unknownNames(toolVersion: String) -> [TemplateDiagnostic] {
        let schema = ReportData.schemaSample(toolVersion: toolVersion)
        let templates =
            ReportFormat.allCases.compactMap { reports[$0] }
            + WordPackage.TemplatedPart.allCases.compactMap { wordParts[$0] }
        return templates.flatMap { $0.unknownNames(against: schema, partials: partials) }
    }
}

/// Why a templates folder could not be used.
enum TemplateLoadError: Error, Sendable, CustomStringConvertible {
    case missing(path: String, reason: String)
    case invalid([TemplateError])

    var description: String {
        switch self {
        case .missing(let path, let reason): "\(path): \(reason)"
        case .invalid(let errors): errors.map(\.description).joined(separator: "\n")
        }
    }
}

/// `register.md.mustache` and `register.html.mustache` (or `compare.*` for `dpia compare`, `diff.*` for
/// `dpia diff`), found in the report templates folder beside the reports' own, and sharing its partials
/// (the HTML takes the reports' `style.css`; the diff shares `partials/changes.*` with the report's
/// changes section).
struct RegisterTemplates: Sendable {
    let reports: ReportTemplates
    let registers: [ReportFormat: Template]
    /// `register`, `compare` or `diff`: the templates' names begin with it.
    let name: String

    /// What the templates make, for messages: "register", "comparison" or "diff".
    static func what(_ name: String) -> String {
        switch name {
        case "compare": "comparison"
        default: name
        }
    }

    /// The formats a register or comparison is rendered in from a template; TSV is made without one.
    static let formats: [ReportFormat] = [.markdown, .html]

    static func fileName(_ format: ReportFormat, name: String = "register") -> String {
        "\(name).\(format.fileExtension).mustache"
    }

    /// Loads the register templates (or the `name` ones) of `reports`' folder; each of `needed` must be there.
    static func load(
        beside reports: ReportTemplates, needed: [ReportFormat], name: String = "register"
    ) throws(TemplateLoadError)
        -> RegisterTemplates
    {
        var registers: [ReportFormat: Template] = [:]
        var errors: [TemplateError] = []
        let root = Posix.realPath(reports.directory) ?? reports.directory
        for format in formats {
            let path = PathText.join(reports.directory, fileName(format, name: name))
            guard FileIO.exists(path) else {
                if needed.contains(format) {
                    throw .missing(
                        path: path,
                        reason:
                            "no such file; the \(format.readerName) \(what(name)) needs it in the templates folder"
                    )
                }
                continue
            }
            if let resolved = Posix.realPath(path),
                !resolved.hasPrefix(root.hasSuffix("/") ? root : root + "/")
            {
                errors.append(
                    TemplateError(
                        kind: .outsideFolder, template: path, line: 0, column: 0,
                        message:
                            "is a link to \(resolved), outside the templates folder; expected a file inside \(reports.directory)"
                    ))
                continue
            }
            do {
                let bytes = try FileIO.read(path)
                guard let source = String(validUTF8: bytes) else {
                    errors.append(
                        TemplateError(
                            kind: .unreadable, template: path, line: 0, column: 0,
                            message: "is not valid UTF-8 text"))
                    continue
                }
                registers[format] = try Template(source: source, name: path)
            } catch let error as TemplateError {
                errors.append(error)
            } catch {
                errors.append(
                    TemplateError(
                        kind: .unreadable, template: path, line: 0, column: 0, message: "\(error)"))
            }
        }
        if !errors.isEmpty { throw .invalid(errors) }
        return RegisterTemplates(reports: reports, registers: registers, name: name)
    }

    func render(_ format: ReportFormat, data: TemplateValue) throws(TemplateError) -> [UInt8] {
        guard let template = registers[format] else {
            throw TemplateError(
                kind: .unreadable, template: reports.directory, line: 0, column: 0,
                message: "has no \(Self.fileName(format, name: name))")
        }
        return try template.renderBytes(
            data, partials: reports.partials, appendEscaped: { format.appendEscaped($0, to: &$1) })
    }

    /// Names the templates use that their data never has (the register's, or the comparison's).
    func unknownNames(toolVersion: String) -> [TemplateDiagnostic] {
        let schema =
            switch name {
            case "register": RegisterData.schemaSample(toolVersion: toolVersion)
            case "compare": ComparisonData.schemaSample(toolVersion: toolVersion)
            default: ReportData.diffSample(toolVersion: toolVersion)
            }
        return Self.formats.compactMap { registers[$0] }.flatMap {
            $0.unknownNames(against: schema, partials: reports.partials)
        }
    }
}

/// A template that cannot be parsed or rendered, located at a line and column of a named template.
struct TemplateError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong, for callers that react differently to each problem.
    enum Kind: Sendable, Equatable {
        case unclosedSection
        case mismatchedClose
        case unopenedClose
        case unclosedTag
        case emptyTag
        case invalidName
        case invalidDelimiters
        case unknownPartial
        case partialRecursion
        /// Rendering would take more steps or write more bytes than `Template` allows.
        case tooLarge
        /// A template file is a link to somewhere outside its templates folder.
        case outsideFolder
        /// The template file could not be read, or a report format has no template.
        case unreadable
    }

    var kind: Kind
    /// The template's name, usually its file name.
    var template: String
    /// 1-based line of the tag at fault.
    var line: Int
    /// 1-based column (in Unicode scalars) of the tag at fault.
    var column: Int
    /// A plain sentence saying what is wrong.
    var message: String

    init(kind: Kind, template: String, line: Int, column: Int, message: String) {
        self.kind = kind
        self.template = template
        self.line = line
        self.column = column
        self.message = message
    }

    /// `report.md.mustache:12:5: section "risks" opened on line 3 is closed by "measures"`
    var description: String {
        line > 0 ? "\(template):\(line):\(column): \(message)" : "\(template): \(message)"
    }
}

/// A name in a template that a sample context does not supply; see `Template.unknownNames(against:partials:)`.
struct TemplateDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// The template holding the tag, usually its file name.
    var template: String
    /// 1-based line of the tag.
    var line: Int
    /// 1-based column of the tag.
    var column: Int
    /// The name as written in the tag, or the partial's name for an unknown partial.
    var name: String
    /// A plain sentence saying what is wrong.
    var message: String
    var kind: Kind

    /// What a template check found.
    enum Kind: Sendable, Hashable {
        /// A name or partial the report data or the folder does not have: it would render empty.
        case unknownName
        /// A partial that includes itself, directly or through others.
        case recursivePartial
        /// Expanding the template would take more than `Template.maximumRenderSteps`.
        case tooLarge
        /// A Word template renders XML that is not well-formed: Word would call the file damaged.
        case malformedXML
    }

    init(
        template: String, line: Int, column: Int, name: String, message: String, kind: Kind = .unknownName
    ) {
        self.template = template
        self.line = line
        self.column = column
        self.name = name
        self.message = message
        self.kind = kind
    }

    var description: String {
        line > 0 ? "\(template):\(line):\(column): \(message)" : "\(template): \(message)"
    }
}

/// One problem found in an input file: which file, where in it, what was wrong and what was expected.
struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it.
    var file: String
    /// Where in the JSON, e.g. `sections[2].questions[0].type`; empty for the whole document.
    var path: String
    var location: TextPosition?
    var message: String

    init(file: String, path: String, location: TextPosition?, message: String) {
        self.file = file
        self.path = path
        self.location = location
        self.message = message
    }

    /// `file:line:column: at path: message`, the shape compilers use, so editors can jump to it.
    var description: String {
        var text = file
        if let location, location.line > 0 { text += ":\(location.line):\(location.column)" }
        text += ": "
        if !path.isEmpty { text += "at \(Diagnostic.clipped(path)): " }
        return text + Diagnostic.clipped(message)
    }

    /// The longest path or message printed whole; a value pasted by mistake (a 10 MB key, say) is
    /// shown by its start and end so the error stays readable.
    static let maximumPrintedLength = 2000

    static func clipped(_ text: String) -> String {
        guard text.utf8.count > maximumPrintedLength else { return text }
        let count = text.count
        guard count > maximumPrintedLength else { return text }
        let head = maximumPrintedLength / 2
        let tail = maximumPrintedLength / 4
        return "\(text.prefix(head))…(\(count - head - tail) characters left out)…\(text.suffix(tail))"
    }
}

/// Every problem found in one or more inputs, reported together.
struct ValidationFailure: Error, Sendable, Equatable, CustomStringConvertible {
    var diagnostics: [Diagnostic]

    init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

/// Collects diagnostics for one file while it is read and checked.
final class DiagnosticSink {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    /// Where each named thing ("question x", "risk R1") was defined, for errors found after decoding.
    private(set) var anchors: [String: (path: String, location: TextPosition)] = [:]

    func report(_ message: String, at path: String, _ location: TextPosition?) {
        diagnostics.append(Diagnostic(file: file, path: path, location: location, message: message))
    }

    /// Reports a problem with a registered thing at the place it was defined.
    func report(_ message: String, about anchor: String, suffix: String = "") {
        let place = anchors[anchor]
        report(message, at: (place?.path ?? "") + suffix, place?.location)
    }

    /// Records where `kind id` was defined; reports a duplicate id.
    func register(_ kind: String, _ id: String, path: String, location: TextPosition) {
        let key = "\(kind) \(id)"
        if let first = anchors[key] {
            report(
                "duplicate \(kind) id \"\(id)\" (first defined at \(first.path), line \(first.location.line))",
                at: path, location)
            return
        }
        anchors[key] = (path, location)
    }
}

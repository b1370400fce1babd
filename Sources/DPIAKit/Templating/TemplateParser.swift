/// Turns template source into a `TemplateProgram` in one pass over its UTF-8 bytes.
///
/// Standalone tags (section, inverted, close, comment, partial and delimiter tags alone on their
/// line apart from spaces and tabs) remove their whole line, newline included, as the spec requires.
/// Tags are read as byte ranges, so delimiters and positions need no string indices.
struct TemplateParser {
    private enum TagKind {
        case variable(escaped: Bool)
        case sectionOpen(inverted: Bool)
        case sectionClose
        case partial
        case comment
        case delimiters

        var canBeStandalone: Bool {
            switch self {
            case .variable: false
            case .sectionOpen, .sectionClose, .partial, .comment, .delimiters: true
            }
        }
    }

    private struct Tag {
        var kind: TagKind
        /// The tag's content, trimmed of white space.
        var content: Range<Int>
        var end: Int
    }

    /// A section whose close tag has not been read: its instruction and its name's index in the program.
    private struct OpenSection {
        let instruction: Int
        let name: Int
    }

    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let dot = UInt8(ascii: ".")

    private let bytes: [UInt8]
    private let templateName: String
    private var opener: [UInt8] = Array("{{".utf8)
    private var closer: [UInt8] = Array("}}".utf8)
    private var program = TemplateProgram()
    private var openSections: [OpenSection] = []
    /// Offset where the line being scanned begins.
    private var lineStart = 0
    /// Whether a kept tag already sits on the line being scanned, which stops later tags being standalone.
    private var tagOnLine = false
    /// Whether the next kept output begins a template line (and so needs a `.lineStart` marker).
    private var atLineStart = true
    /// Newlines before `counted` are counted in `line`; tags come in order, so each byte is counted once.
    private var counted = 0
    private var line = 1
    private var lastNewline = -1

    /// Parses `source`, reporting the first syntax error with `name`, line and column.
    static func parse(_ source: String, name: String) throws(TemplateError) -> TemplateProgram {
        var parser = TemplateParser(bytes: Array(source.utf8), name: name)
        return try parser.parse()
    }

    private init(bytes: [UInt8], name: String) {
        self.bytes = bytes
        templateName = name
    }

    private mutating func parse() throws(TemplateError) -> TemplateProgram {
        var index = 0
        while index < bytes.count {
            guard let tagStart = find(opener, from: index) else {
                emitText(index..<bytes.count)
                break
            }
            countNewlines(upTo: tagStart)
            if lastNewline >= index {
                lineStart = lastNewline + 1
                tagOnLine = false
            }
            let position = SourcePosition(line: line, column: column(of: tagStart))
            let tag = try readTag(at: tagStart, position)
            if tag.kind.canBeStandalone, let lineEnd = standaloneLineEnd(tagStart: tagStart, tagEnd: tag.end)
            {
                emitText(index..<lineStart)
                try apply(tag, at: position, standaloneIndentation: lineStart..<tagStart)
                index = lineEnd
                lineStart = lineEnd
                tagOnLine = false
            } else {
                emitText(index..<tagStart)
                try apply(tag, at: position, standaloneIndentation: nil)
                index = tag.end
                tagOnLine = true
            }
        }
        if let open = openSections.last {
            let name = program.names[open.name].text
            let position = program.namePositions[open.name]
            throw error(
                .unclosedSection, at: position,
                "section \"\(name)\" opened on line \(position.line) is never closed")
        }
        return program
    }

    // MARK: Tags

    private func readTag(at tagStart: Int, _ position: SourcePosition) throws(TemplateError) -> Tag {
        let contentStart = tagStart + opener.count
        let sigil = contentStart < bytes.count ? bytes[contentStart] : 0
        let kind: TagKind
        var nameStart = contentStart + 1
        var terminator = closer
        switch sigil {
        case UInt8(ascii: "{"):
            kind = .variable(escaped: false)
            terminator = [UInt8(ascii: "}")] + closer
        case UInt8(ascii: "&"): kind = .variable(escaped: false)
        case UInt8(ascii: "#"): kind = .sectionOpen(inverted: false)
        case UInt8(ascii: "^"): kind = .sectionOpen(inverted: true)
        case UInt8(ascii: "/"): kind = .sectionClose
        case UInt8(ascii: ">"): kind = .partial
        case UInt8(ascii: "!"): kind = .comment
        case UInt8(ascii: "="):
            kind = .delimiters
            terminator = [UInt8(ascii: "=")] + closer
        default:
            kind = .variable(escaped: true)
            nameStart = contentStart
        }
        let searchStart = min(nameStart, bytes.count)
        guard let contentEnd = find(terminator, from: searchStart) else {
            let opened = String(decoding: opener, as: UTF8.self)
            let expected = String(decoding: terminator, as: UTF8.self)
            throw error(.unclosedTag, at: position, "tag \"\(opened)\" is never closed by \"\(expected)\"")
        }
        return Tag(kind: kind, content: trimmed(searchStart..<contentEnd), end: contentEnd + terminator.count)
    }

    private mutating func apply(_ tag: Tag, at position: SourcePosition, standaloneIndentation: Range<Int>?)
        throws(TemplateError)
    {
        switch tag.kind {
        case .comment:
            return
        case .delimiters:
            try setDelimiters(string(tag.content), at: position)
        case .variable(let escaped):
            let name = try name(tag.content, at: position)
            markLineStart()
            program.appendVariable(name, at: position, escaped: escaped)
        case .sectionOpen(let inverted):
            let name = try name(tag.content, at: position)
            // A kept line's indentation sits before the tag, so it belongs outside the section.
            if standaloneIndentation == nil {
                markLineStart()
            }
            let instruction = program.openSection(name, at: position, inverted: inverted)
            openSections.append(OpenSection(instruction: instruction, name: program.names.count - 1))
        case .sectionClose:
            if standaloneIndentation == nil {
                markLineStart()
            }
            try closeSection(string(tag.content), at: position)
        case .partial:
            guard !tag.content.isEmpty else {
                throw error(.emptyTag, at: position, "partial tag has no name")
            }
            // A standalone partial indents its own lines; its line itself is gone, so no marker.
            if standaloneIndentation == nil {
                markLineStart()
            }
            program.appendPartial(
                TemplateProgram.PartialTag(
                    name: string(tag.content), indentation: standaloneIndentation.map { Array(bytes[$0]) },
                    position: position))
        }
    }

    private mutating func closeSection(_ text: String, at position: SourcePosition) throws(TemplateError) {
        guard let open = openSections.last else {
            throw error(.unopenedClose, at: position, "closing tag \"\(text)\" has no open section")
        }
        let name = program.names[open.name].text
        guard name == text else {
            let opened = program.namePositions[open.name]
            throw error(
                .mismatchedClose, at: position,
                "section \"\(name)\" opened on line \(opened.line) is closed by \"\(text)\"")
        }
        openSections.removeLast()
        program.closeSection(opened: open.instruction)
    }

    private mutating func setDelimiters(_ text: String, at position: SourcePosition) throws(TemplateError) {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
            throw error(
                .invalidDelimiters, at: position,
                "delimiter tag \"\(text)\" must hold two delimiters separated by a space, such as {{=<% %>=}}"
            )
        }
        opener = Array(parts[0].utf8)
        closer = Array(parts[1].utf8)
    }

    private func name(_ range: Range<Int>, at position: SourcePosition) throws(TemplateError) -> TemplateName
    {
        if range.isEmpty {
            throw error(.emptyTag, at: position, "tag has no name")
        }
        let text = string(range)
        if range.count == 1 && bytes[range.lowerBound] == Self.dot {
            return TemplateName(text: text, parts: [])
        }
        // Split by characters, where a combining mark after a dot keeps it from splitting.
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.contains(where: \.isEmpty) {
            throw error(.invalidName, at: position, "name \"\(text)\" has an empty part between dots")
        }
        return TemplateName(text: text, parts: parts)
    }

    // MARK: Standalone lines and text

    /// The offset just past the line's end when the tag between `tagStart` and `tagEnd` stands alone on it.
    private func standaloneLineEnd(tagStart: Int, tagEnd: Int) -> Int? {
        guard !tagOnLine, bytes[lineStart..<tagStart].allSatisfy(Self.isBlank) else { return nil }
        var index = tagEnd
        while index < bytes.count, Self.isBlank(bytes[index]) {
            index += 1
        }
        if index == bytes.count { return index }
        if bytes[index] == Self.newline { return index + 1 }
        if bytes[index] == Self.carriageReturn, index + 1 < bytes.count, bytes[index + 1] == Self.newline {
            return index + 2
        }
        return nil
    }

    /// Appends text split at newlines so that every kept line begins with a `.lineStart` marker.
    private mutating func emitText(_ range: Range<Int>) {
        var start = range.lowerBound
        while start < range.upperBound {
            let end = find(Self.newline, in: start..<range.upperBound).map { $0 + 1 } ?? range.upperBound
            markLineStart()
            program.appendText(bytes[start..<end])
            if bytes[end - 1] == Self.newline {
                atLineStart = true
            }
            start = end
        }
    }

    private mutating func markLineStart() {
        if atLineStart {
            atLineStart = false
            program.appendLineStart()
        }
    }

    // MARK: Positions

    private mutating func countNewlines(upTo end: Int) {
        while let newline = find(Self.newline, in: counted..<end) {
            line += 1
            lastNewline = newline
            counted = newline + 1
        }
        counted = end
    }

    /// The 1-based column of `offset`, on the line after `lastNewline`, in Unicode scalars.
    private func column(of offset: Int) -> Int {
        // Count scalars, not bytes: skip UTF-8 continuation bytes.
        bytes[(lastNewline + 1)..<offset].reduce(1) { count, byte in
            byte & 0xC0 == 0x80 ? count : count + 1
        }
    }

    // MARK: Helpers

    /// The first offset in `range` holding `byte`.
    private func find(_ byte: UInt8, in range: Range<Int>) -> Int? {
        bytes[range].firstIndex(of: byte)
    }

    /// The first offset from `start` where `needle` begins.
    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard start + needle.count <= bytes.count else { return nil }
        return (start...(bytes.count - needle.count)).first {
            bytes[$0..<$0 + needle.count].elementsEqual(needle)
        }
    }

    private func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    private func error(_ kind: TemplateError.Kind, at position: SourcePosition, _ message: String)
        -> TemplateError
    {
        TemplateError(
            kind: kind, template: templateName, line: position.line, column: position.column, message: message
        )
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 32 || (byte >= 9 && byte <= 13)
    }

    /// `range` without the white space at either end.
    private func trimmed(_ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end, Self.isASCIIWhitespace(bytes[start]) { start += 1 }
        while end > start, Self.isASCIIWhitespace(bytes[end - 1]) { end -= 1 }
        // With ASCII at both new ends no character straddles them; otherwise Unicode decides what is white
        // space (a combining mark makes a space part of a character that is not).
        if start == end || (bytes[start] < 0x80 && bytes[end - 1] < 0x80) {
            return start..<end
        }
        let text = string(range)
        var characters = Substring(text)
        while let first = characters.first, first.isWhitespace { characters.removeFirst() }
        while let last = characters.last, last.isWhitespace { characters.removeLast() }
        let utf8 = text.utf8
        return
            (range.lowerBound + utf8.distance(from: utf8.startIndex, to: characters.startIndex))..<(range
            .lowerBound + utf8.distance(from: utf8.startIndex, to: characters.endIndex))
    }
}

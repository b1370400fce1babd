/// Turns template source into a node tree in one pass over its UTF-8 bytes.
///
/// Standalone tags (section, inverted, close, comment, partial and delimiter tags alone on their
/// line apart from spaces and tabs) remove their whole line, newline included, as the spec requires.
struct TemplateParser {
    private struct Frame {
        var nodes: [TemplateNode] = []
        var section: (name: TemplateName, inverted: Bool, position: SourcePosition)?
    }

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
        var content: String
        var end: Int
    }

    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    private let bytes: [UInt8]
    private let templateName: String
    private let lineStarts: [Int]
    private var opener: [UInt8] = Array("{{".utf8)
    private var closer: [UInt8] = Array("}}".utf8)
    private var frames: [Frame] = [Frame()]
    /// Offset where the line being scanned begins.
    private var lineStart = 0
    /// Whether a kept tag already sits on the line being scanned, which stops later tags being standalone.
    private var tagOnLine = false
    /// Whether the next kept output begins a template line (and so needs a `.lineStart` marker).
    private var atLineStart = true

    init(source: String, name: String) {
        bytes = Array(source.utf8)
        templateName = name
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == Self.newline {
            starts.append(offset + 1)
        }
        lineStarts = starts
    }

    mutating func parse() throws(TemplateError) -> [TemplateNode] {
        var index = 0
        while index < bytes.count {
            guard let tagStart = find(opener, from: index) else {
                emitText(index..<bytes.count)
                break
            }
            if let lastNewline = bytes[index..<tagStart].lastIndex(of: Self.newline) {
                lineStart = lastNewline + 1
                tagOnLine = false
            }
            let tag = try readTag(at: tagStart)
            if tag.kind.canBeStandalone, let lineEnd = standaloneLineEnd(tagStart: tagStart, tagEnd: tag.end)
            {
                emitText(index..<lineStart)
                let indentation = String(decoding: bytes[lineStart..<tagStart], as: UTF8.self)
                try apply(tag, at: tagStart, standaloneIndentation: indentation)
                index = lineEnd
                lineStart = lineEnd
                tagOnLine = false
            } else {
                emitText(index..<tagStart)
                try apply(tag, at: tagStart, standaloneIndentation: nil)
                index = tag.end
                tagOnLine = true
            }
        }
        if let open = frames.last?.section {
            throw error(
                .unclosedSection, at: open.position,
                "section \"\(open.name.text)\" opened on line \(open.position.line) is never closed")
        }
        return frames[0].nodes
    }

    // MARK: Tags

    private func readTag(at tagStart: Int) throws(TemplateError) -> Tag {
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
        guard let contentEnd = find(terminator, from: min(nameStart, bytes.count)) else {
            let opened = String(decoding: opener, as: UTF8.self)
            let expected = String(decoding: terminator, as: UTF8.self)
            throw error(
                .unclosedTag, at: position(of: tagStart),
                "tag \"\(opened)\" is never closed by \"\(expected)\"")
        }
        let content = String(decoding: bytes[nameStart..<contentEnd], as: UTF8.self)
        return Tag(kind: kind, content: trimmed(content), end: contentEnd + terminator.count)
    }

    private mutating func apply(_ tag: Tag, at tagStart: Int, standaloneIndentation: String?)
        throws(TemplateError)
    {
        let position = position(of: tagStart)
        switch tag.kind {
        case .comment:
            return
        case .delimiters:
            try setDelimiters(tag.content, at: position)
        case .variable(let escaped):
            emit(.variable(try name(tag.content, at: position), escaped: escaped, position))
        case .sectionOpen(let inverted):
            let name = try name(tag.content, at: position)
            // A kept line's indentation sits before the tag, so it belongs outside the section.
            if standaloneIndentation == nil {
                markLineStart()
            }
            frames.append(Frame(section: (name, inverted, position)))
        case .sectionClose:
            if standaloneIndentation == nil {
                markLineStart()
            }
            try closeSection(tag.content, at: position)
        case .partial:
            guard !tag.content.isEmpty else {
                throw error(.emptyTag, at: position, "partial tag has no name")
            }
            if let indentation = standaloneIndentation {
                // The partial indents its own lines; its line itself is gone, so no marker.
                frames[frames.count - 1].nodes.append(
                    .partial(tag.content, indentation: indentation, position))
            } else {
                emit(.partial(tag.content, indentation: nil, position))
            }
        }
    }

    private mutating func closeSection(_ text: String, at position: SourcePosition) throws(TemplateError) {
        guard let open = frames.last?.section else {
            throw error(.unopenedClose, at: position, "closing tag \"\(text)\" has no open section")
        }
        guard open.name.text == text else {
            throw error(
                .mismatchedClose, at: position,
                "section \"\(open.name.text)\" opened on line \(open.position.line) is closed by \"\(text)\"")
        }
        let children = frames.removeLast().nodes
        frames[frames.count - 1].nodes.append(
            .section(open.name, inverted: open.inverted, children: children, open.position))
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

    private func name(_ text: String, at position: SourcePosition) throws(TemplateError) -> TemplateName {
        if text.isEmpty {
            throw error(.emptyTag, at: position, "tag has no name")
        }
        if text == "." {
            return TemplateName(text: text, parts: [])
        }
        // ASCII names (all real ones) split on bytes; others by characters, where a combining mark
        // after a dot keeps it from splitting.
        let parts =
            text.utf8.allSatisfy { $0 < 0x80 }
            ? text.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).map {
                String(decoding: $0, as: UTF8.self)
            }
            : text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
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
            let end =
                bytes[start..<range.upperBound].firstIndex(of: Self.newline).map { $0 + 1 }
                ?? range.upperBound
            emit(.text(Array(bytes[start..<end])))
            if bytes[end - 1] == Self.newline {
                atLineStart = true
            }
            start = end
        }
    }

    private mutating func emit(_ node: TemplateNode) {
        markLineStart()
        frames[frames.count - 1].nodes.append(node)
    }

    private mutating func markLineStart() {
        if atLineStart {
            atLineStart = false
            frames[frames.count - 1].nodes.append(.lineStart)
        }
    }

    // MARK: Helpers

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var index = start
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first {
                var matched = true
                for offset in 1..<needle.count where bytes[index + offset] != needle[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }

    private func position(of offset: Int) -> SourcePosition {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        // Count Unicode scalars, not bytes: skip UTF-8 continuation bytes.
        let column = bytes[lineStarts[low]..<offset].reduce(1) { count, byte in
            byte & 0xC0 == 0x80 ? count : count + 1
        }
        return SourcePosition(line: low + 1, column: column)
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

    private func trimmed(_ text: String) -> String {
        // Most tags are written without padding: ASCII that is not white space at both ends stays as is.
        let asciiWhitespace: [UInt8] = [9, 10, 11, 12, 13, 32]
        if let first = text.utf8.first, let last = text.utf8.last, first < 0x80, last < 0x80,
            !asciiWhitespace.contains(first), !asciiWhitespace.contains(last)
        {
            return text
        }
        var scalars = Substring(text)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}

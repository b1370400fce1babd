/// A parsed template: flat instructions and the tables they index.
///
/// A section is its opening instruction followed by its body, so rendering a list walks the same range
/// once per item. The parser writes the program directly; rendering and the name checker walk it.
struct TemplateProgram: Sendable {
    enum Instruction: Sendable {
        /// Writes `text[start..<end]`.
        case text(start: Int, end: Int)
        /// The start of a kept template line, where an indented partial writes its indentation.
        case lineStart
        /// Writes the value of `names[name]`, escaped or raw.
        case variable(name: Int, escaped: Bool)
        /// A section over `names[name]`; its body is the instructions after it, up to `end`.
        case section(name: Int, inverted: Bool, end: Int)
        /// Includes the partial `partials[index]` describes.
        case partial(Int)
    }

    /// A partial tag: the partial's name, the indentation of a standalone tag, and where the tag is.
    struct PartialTag: Sendable {
        let name: String
        let indentation: [UInt8]?
        let position: SourcePosition
    }

    private(set) var instructions: [Instruction] = []
    /// Every text instruction's bytes, one after another.
    private(set) var text: [UInt8] = []
    private(set) var names: [TemplateName] = []
    /// Where the tag of each of `names` is, for diagnostics.
    private(set) var namePositions: [SourcePosition] = []
    private(set) var partials: [PartialTag] = []

    mutating func appendText(_ bytes: ArraySlice<UInt8>) {
        let start = text.count
        text.append(contentsOf: bytes)
        instructions.append(.text(start: start, end: text.count))
    }

    mutating func appendLineStart() {
        instructions.append(.lineStart)
    }

    mutating func appendVariable(_ name: TemplateName, at position: SourcePosition, escaped: Bool) {
        instructions.append(.variable(name: addName(name, at: position), escaped: escaped))
    }

    /// Starts a section whose body is the instructions appended until `closeSection(opened:)`;
    /// returns the section's instruction index, which that call takes.
    mutating func openSection(_ name: TemplateName, at position: SourcePosition, inverted: Bool) -> Int {
        instructions.append(.section(name: addName(name, at: position), inverted: inverted, end: 0))
        return instructions.count - 1
    }

    mutating func closeSection(opened index: Int) {
        guard case .section(let name, let inverted, _) = instructions[index] else {
            preconditionFailure("closeSection(opened:) takes the index openSection returned")
        }
        instructions[index] = .section(name: name, inverted: inverted, end: instructions.count)
    }

    mutating func appendPartial(_ tag: PartialTag) {
        partials.append(tag)
        instructions.append(.partial(partials.count - 1))
    }

    private mutating func addName(_ name: TemplateName, at position: SourcePosition) -> Int {
        names.append(name)
        namePositions.append(position)
        return names.count - 1
    }
}

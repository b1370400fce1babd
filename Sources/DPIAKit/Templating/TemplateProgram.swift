/// A template's node tree flattened for rendering.
///
/// Instructions hold only integers, which index the tables beside them, so walking them copies plain
/// values; walking the tree copied boxes, names and arrays, each copy a retain and a release, and a
/// report walks its section bodies once per list item.
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
    /// Every text node's bytes, one after another.
    private(set) var text: [UInt8] = []
    private(set) var names: [TemplateName] = []
    private(set) var partials: [PartialTag] = []

    init(_ nodes: [TemplateNode]) {
        append(nodes)
    }

    private mutating func append(_ nodes: [TemplateNode]) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                text.append(contentsOf: bytes)
                instructions.append(.text(start: text.count - bytes.count, end: text.count))
            case .lineStart:
                instructions.append(.lineStart)
            case .variable(let name, let escaped, _):
                names.append(name)
                instructions.append(.variable(name: names.count - 1, escaped: escaped))
            case .section(let name, let inverted, let children, _):
                names.append(name)
                let nameIndex = names.count - 1
                let index = instructions.count
                instructions.append(.lineStart)  // replaced once the body's end is known
                append(children)
                instructions[index] = .section(name: nameIndex, inverted: inverted, end: instructions.count)
            case .partial(let name, let indentation, let position):
                partials.append(
                    PartialTag(
                        name: name, indentation: indentation.map { Array($0.utf8) }, position: position))
                instructions.append(.partial(partials.count - 1))
            }
        }
    }
}

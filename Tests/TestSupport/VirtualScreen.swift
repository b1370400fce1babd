import DPIAKit

/// A grid of character cells that interprets the control sequences the prompts emit, so tests can
/// read what a user would see.
///
/// Understood: printable text with wrapping and scrolling, `\r`, `\n`, `\u{8}`, and the CSI
/// sequences `A B C D G H J K` (cursor moves, column, home/position, erase screen, erase line).
/// SGR styling (`m`) and private modes (`?25l`, `?2004h`...) are consumed and ignored.
public struct VirtualScreen: Sendable {
    public private(set) var size: TerminalSize
    /// Zero-based cursor position.
    public private(set) var cursorRow = 0
    public private(set) var cursorColumn = 0
    private var cells: [[Character]]
    /// xterm delays wrapping until the next printable character after the last column is filled.
    private var wrapPending = false
    private var pendingEscape: [Character]?

    public init(size: TerminalSize) {
        self.size = size
        cells = Array(repeating: Array(repeating: " ", count: size.columns), count: size.rows)
    }

    /// The rows of text with trailing spaces removed.
    public var lines: [String] {
        cells.map { String($0).trimmingTrailingSpaces() }
    }

    /// The visible text with trailing blank lines removed, rows joined by `\n`.
    public var text: String {
        var rows = lines
        while rows.last == "" { rows.removeLast() }
        return rows.joined(separator: "\n")
    }

    /// Resizes the grid the way a terminal that does not reflow would: keep the top-left, pad or cut.
    public mutating func resize(to newSize: TerminalSize) {
        var newCells = Array(
            repeating: Array(repeating: Character(" "), count: newSize.columns), count: newSize.rows)
        for row in 0..<min(size.rows, newSize.rows) {
            for column in 0..<min(size.columns, newSize.columns) {
                newCells[row][column] = cells[row][column]
            }
        }
        cells = newCells
        size = newSize
        cursorRow = min(cursorRow, newSize.rows - 1)
        cursorColumn = min(cursorColumn, newSize.columns - 1)
        wrapPending = false
    }

    public mutating func write(_ text: String) {
        for character in text {
            if var sequence = pendingEscape {
                sequence.append(character)
                if sequence.count == 1 {
                    // Only CSI sequences are emitted by the prompts; anything else after Esc is dropped.
                    pendingEscape = character == "[" ? sequence : nil
                } else if let scalar = character.unicodeScalars.first, (0x40...0x7E).contains(scalar.value) {
                    pendingEscape = nil
                    perform(String(sequence.dropFirst().dropLast()), final: character)
                } else {
                    pendingEscape = sequence
                }
                continue
            }
            switch character {
            case "\u{1B}": pendingEscape = []
            case "\r":
                cursorColumn = 0
                wrapPending = false
            case "\n", "\r\n":
                if character == "\r\n" { cursorColumn = 0 }
                lineFeed()
            case "\u{8}":
                cursorColumn = max(0, cursorColumn - 1)
                wrapPending = false
            default: put(character)
            }
        }
    }

    private mutating func put(_ character: Character) {
        if wrapPending {
            cursorColumn = 0
            lineFeed()
        }
        cells[cursorRow][cursorColumn] = character
        if cursorColumn == size.columns - 1 {
            wrapPending = true
        } else {
            cursorColumn += 1
        }
    }

    private mutating func lineFeed() {
        wrapPending = false
        if cursorRow == size.rows - 1 {
            cells.removeFirst()
            cells.append(Array(repeating: " ", count: size.columns))
        } else {
            cursorRow += 1
        }
    }

    private mutating func perform(_ parameters: String, final: Character) {
        if parameters.hasPrefix("?") { return }
        let numbers = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        let first = numbers.first.flatMap { $0 }
        let count = max(first ?? 1, 1)
        wrapPending = false
        switch final {
        case "A": cursorRow = max(0, cursorRow - count)
        case "B": cursorRow = min(size.rows - 1, cursorRow + count)
        case "C": cursorColumn = min(size.columns - 1, cursorColumn + count)
        case "D": cursorColumn = max(0, cursorColumn - count)
        case "G": cursorColumn = min(size.columns - 1, count - 1)
        case "H":
            let column = numbers.count > 1 ? max(numbers[1] ?? 1, 1) : 1
            cursorRow = min(size.rows - 1, count - 1)
            cursorColumn = min(size.columns - 1, column - 1)
        case "J":
            switch first ?? 0 {
            case 0:
                eraseLine(from: cursorColumn)
                for row in (cursorRow + 1)..<size.rows { erase(row: row, from: 0) }
            case 1:
                for row in 0..<cursorRow { erase(row: row, from: 0) }
                for column in 0...cursorColumn { cells[cursorRow][column] = " " }
            default:
                for row in 0..<size.rows { erase(row: row, from: 0) }
            }
        case "K":
            switch first ?? 0 {
            case 0: eraseLine(from: cursorColumn)
            case 1: for column in 0...cursorColumn { cells[cursorRow][column] = " " }
            default: eraseLine(from: 0)
            }
        default: break
        }
    }

    private mutating func eraseLine(from column: Int) {
        erase(row: cursorRow, from: column)
    }

    private mutating func erase(row: Int, from column: Int) {
        for index in column..<size.columns { cells[row][index] = " " }
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var result = Substring(self)
        while result.last == " " { result.removeLast() }
        return String(result)
    }
}

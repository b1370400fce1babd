/// An editable text buffer with a cursor, for the text prompts.
struct TextEditor: Equatable {
    private(set) var characters: [Character] = []
    /// Index into `characters`; `characters.count` means after the last one.
    private(set) var cursor = 0
    let multiline: Bool

    var text: String { String(characters) }
    var isEmpty: Bool { characters.isEmpty }

    /// Applies an editing key; returns false for keys it does not use.
    mutating func edit(_ key: KeyEvent) -> Bool {
        switch key {
        case .character(let character): insert(String(character))
        case .paste(let text): insert(multiline ? text : String(text.map { $0 == "\n" ? " " : $0 }))
        case .left: cursor = max(cursor - 1, 0)
        case .right: cursor = min(cursor + 1, characters.count)
        case .home, .control("a"): cursor = lineStart(of: cursor)
        case .end, .control("e"): cursor = lineEnd(of: cursor)
        case .backspace:
            guard cursor > 0 else { return true }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete:
            if cursor < characters.count { characters.remove(at: cursor) }
        case .control("u"):
            let start = lineStart(of: cursor)
            characters.removeSubrange(start..<cursor)
            cursor = start
        case .control("k"):
            characters.removeSubrange(cursor..<lineEnd(of: cursor))
        case .up where multiline: moveLine(by: -1)
        case .down where multiline: moveLine(by: 1)
        default: return false
        }
        return true
    }

    mutating func insert(_ text: String) {
        characters.insert(contentsOf: text, at: cursor)
        cursor += text.count
    }

    /// The logical line the cursor is on is empty.
    var cursorLineIsEmpty: Bool { lineStart(of: cursor) == lineEnd(of: cursor) }

    private func lineStart(of index: Int) -> Int {
        var start = index
        while start > 0 && characters[start - 1] != "\n" { start -= 1 }
        return start
    }

    private func lineEnd(of index: Int) -> Int {
        var end = index
        while end < characters.count && characters[end] != "\n" { end += 1 }
        return end
    }

    private mutating func moveLine(by offset: Int) {
        let start = lineStart(of: cursor)
        let column = cursor - start
        if offset < 0 {
            guard start > 0 else { return }
            let previousStart = lineStart(of: start - 1)
            cursor = min(previousStart + column, start - 1)
        } else {
            let end = lineEnd(of: cursor)
            guard end < characters.count else { return }
            cursor = min(end + 1 + column, lineEnd(of: end + 1))
        }
    }

    /// The text laid out in rows of `width` characters (hard-wrapped so the cursor maths is exact),
    /// with the cursor's row and column.
    func layout(width: Int) -> (rows: [String], cursorRow: Int, cursorColumn: Int) {
        let width = max(width, 1)
        var rows: [String] = []
        var cursorRow = 0
        var cursorColumn = 0
        var offset = 0
        for line in characters.split(separator: "\n", omittingEmptySubsequences: false) {
            let length = line.count
            if cursor >= offset && cursor <= offset + length {
                let column = cursor - offset
                cursorRow = rows.count + column / width
                cursorColumn = column % width
            }
            // A row is added past a completely full last row so the cursor has somewhere to sit.
            for rowIndex in 0...(length / width) {
                let start = line.index(line.startIndex, offsetBy: rowIndex * width)
                let end = line.index(start, offsetBy: min(width, length - rowIndex * width))
                rows.append(String(line[start..<end]))
            }
            offset += length + 1
        }
        return (rows, cursorRow, cursorColumn)
    }
}

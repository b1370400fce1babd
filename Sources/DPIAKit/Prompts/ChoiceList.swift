/// Cursor movement, number jumping and scrolling shared by the single and multiple choice prompts.
struct ChoiceList {
    let count: Int
    private(set) var cursor: Int
    private(set) var scrollTop = 0
    /// Digits typed so far, so "1" then "2" reaches option 12 in a long list.
    private var typedNumber = ""
    /// How many options fitted last time; PageUp/PageDown move by this much.
    private var pageSize = 1

    init(count: Int, cursor: Int) {
        self.count = count
        self.cursor = min(max(cursor, 0), max(count - 1, 0))
    }

    /// Handles navigation keys; returns false for keys it does not use.
    mutating func navigate(_ key: KeyEvent) -> Bool {
        if case .character(let character) = key, let digit = character.wholeNumberValue, character.isASCII {
            let combined = typedNumber + String(digit)
            if let number = Int(combined), (1...count).contains(number) {
                typedNumber = combined
            } else if (1...count).contains(digit) {
                typedNumber = String(digit)
            } else {
                typedNumber = ""
                return true
            }
            cursor = (Int(typedNumber) ?? 1) - 1
            return true
        }
        typedNumber = ""
        switch key {
        case .up, .character("k"): cursor = (cursor - 1 + count) % count
        case .down, .character("j"), .tab: cursor = (cursor + 1) % count
        case .home: cursor = 0
        case .end: cursor = count - 1
        case .pageUp: cursor = max(cursor - pageSize, 0)
        case .pageDown: cursor = min(cursor + pageSize, count - 1)
        default: return false
        }
        return true
    }

    /// The option rows for a space of `height` rows, with "more above/below" markers when the list
    /// does not fit. `row` draws one option, given its index and whether the cursor is on it.
    mutating func lines(height: Int, row: (Int, Bool) -> FrameLine) -> [FrameLine] {
        let cursor = cursor
        let row = { index in row(index, index == cursor) }
        if count <= max(height, 1) {
            pageSize = count
            return (0..<count).map(row)
        }
        let visible = max(height - 2, 1)
        pageSize = visible
        if cursor < scrollTop { scrollTop = cursor }
        if cursor >= scrollTop + visible { scrollTop = cursor - visible + 1 }
        scrollTop = min(scrollTop, count - visible)
        let above = scrollTop
        let below = count - scrollTop - visible
        var lines = [FrameLine(above > 0 ? "  ↑ \(above) more above" : "", .dim)]
        lines += (scrollTop..<(scrollTop + visible)).map(row)
        lines.append(FrameLine(below > 0 ? "  ↓ \(below) more below" : "", .dim))
        return lines
    }
}

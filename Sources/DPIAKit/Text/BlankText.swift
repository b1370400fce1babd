extension String {
    /// Whether the text is empty or white space only, as `allSatisfy(\.isWhitespace)` says.
    ///
    /// Nearly every value starts with a visible ASCII character, which settles it without breaking the text
    /// into characters and looking up Unicode properties: a character's white space property is its first
    /// scalar's, and no visible ASCII scalar is white space.
    var isBlank: Bool {
        if let first = utf8.first, first > 0x20, first < 0x7F { return false }
        return allSatisfy(\.isWhitespace)
    }
}

/// Tests on 8 bytes at once (SWAR), for scanning long runs of plain text for the few bytes an escaper acts on.
///
/// Testing a byte against a table or a list of values costs several instructions a byte; these cost a few
/// instructions for 8 bytes, and the rare word that may hold a special byte is then checked byte by byte.
enum ByteWord {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Reads 8 bytes at `pointer`, first byte lowest, whatever its alignment.
    @inline(__always)
    static func load(_ pointer: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
    }

    /// The high bit of each byte of `word` that is ASCII and within `low...high` (both below 128), and no other
    /// bits.
    ///
    /// On a byte x below 128, x + (128 - low) reaches 128 exactly when x >= low, and x + (127 - high) exactly
    /// when x > high; neither sum passes 255, so no carry spills into the next byte.
    @inline(__always)
    static func asciiBytes(of word: UInt64, from low: UInt8, through high: UInt8) -> UInt64 {
        let low7 = word & ~highBits
        let atLeastLow = low7 &+ ones &* UInt64(128 - low)
        let aboveHigh = low7 &+ ones &* UInt64(127 - high)
        return atLeastLow & ~aboveHigh & ~word & highBits
    }
}

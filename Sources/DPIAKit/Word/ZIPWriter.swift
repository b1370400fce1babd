/// Writes a ZIP archive (PKWARE APPNOTE 6.3.10) of files kept whole, in the order given: for each a local
/// file header and its bytes, then the central directory and its end record.
///
/// Files are stored, not deflated (method 0). A Word report is a few hundred kilobytes of XML, so stored
/// costs some disk but no time, and it keeps the writer a page long with nothing to get wrong in a
/// compressor; Word, LibreOffice and every unzip read stored entries. Every entry has the same fixed
/// time, 1980-01-01 00:00 (the earliest MS-DOS date), so the same files make the same bytes.
/// No ZIP64: an archive or entry of 4 GiB or more, or over 65,535 entries, is refused.
struct ZIPWriter {
    struct TooLarge: Error, CustomStringConvertible {
        var description: String { "is too large for a ZIP archive without ZIP64 (4 GiB, 65,535 files)" }
    }

    /// MS-DOS date of 1980-01-01: (year - 1980) << 9 | month << 5 | day (APPNOTE 4.4.6).
    static let dosDate: UInt16 = 0 << 9 | 1 << 5 | 1
    static let dosTime: UInt16 = 0
    /// Version 1.0 is enough to extract stored files (APPNOTE 4.4.3.2).
    static let versionNeeded: UInt16 = 10

    private var bytes: [UInt8] = []
    private var directory: [UInt8] = []
    private var count = 0

    init() {}

    /// Appends a file named `name` (a relative path with `/`, ASCII) holding `contents`.
    mutating func add(_ name: String, _ contents: [UInt8]) throws(TooLarge) {
        let nameBytes = Array(name.utf8)
        guard contents.count < 0xFFFF_FFFF, bytes.count < 0xFFFF_FFFF, count < 0xFFFF,
            nameBytes.count <= 0xFFFF
        else { throw TooLarge() }
        let crc = CRC32.checksum(contents)
        let offset = UInt32(bytes.count)
        let size = UInt32(contents.count)
        // Local file header (APPNOTE 4.3.7).
        append32(0x0403_4b50, to: &bytes)
        append16(Self.versionNeeded, to: &bytes)
        appendCommon(crc: crc, size: size, nameLength: UInt16(nameBytes.count), to: &bytes)
        bytes += nameBytes
        bytes += contents
        // Central directory file header (APPNOTE 4.3.12).
        append32(0x0201_4b50, to: &directory)
        append16(Self.versionNeeded, to: &directory)  // version made by: MS-DOS host, 1.0
        append16(Self.versionNeeded, to: &directory)
        appendCommon(crc: crc, size: size, nameLength: UInt16(nameBytes.count), to: &directory)
        append16(0, to: &directory)  // file comment length
        append16(0, to: &directory)  // disk number start
        append16(0, to: &directory)  // internal file attributes
        append32(0, to: &directory)  // external file attributes
        append32(offset, to: &directory)
        directory += nameBytes
        count += 1
    }

    /// The archive: the files, the central directory and the end of central directory record.
    func finish() throws(TooLarge) -> [UInt8] {
        guard bytes.count + directory.count < 0xFFFF_FFFF else { throw TooLarge() }
        var archive = bytes
        archive.reserveCapacity(bytes.count + directory.count + 22)
        archive += directory
        // End of central directory record (APPNOTE 4.3.16).
        append32(0x0605_4b50, to: &archive)
        append16(0, to: &archive)  // number of this disk
        append16(0, to: &archive)  // disk where the central directory starts
        append16(UInt16(count), to: &archive)
        append16(UInt16(count), to: &archive)
        append32(UInt32(directory.count), to: &archive)
        append32(UInt32(bytes.count), to: &archive)
        append16(0, to: &archive)  // comment length
        return archive
    }

    /// The fields local and central headers share, from the flags to the extra field length.
    private func appendCommon(crc: UInt32, size: UInt32, nameLength: UInt16, to out: inout [UInt8]) {
        append16(0, to: &out)  // general purpose flags: names are ASCII, sizes are in the header
        append16(0, to: &out)  // compression method: stored
        append16(Self.dosTime, to: &out)
        append16(Self.dosDate, to: &out)
        append32(crc, to: &out)
        append32(size, to: &out)  // compressed size
        append32(size, to: &out)  // uncompressed size
        append16(nameLength, to: &out)
        append16(0, to: &out)  // extra field length
    }

    /// ZIP numbers are little-endian.
    private func append16(_ value: UInt16, to out: inout [UInt8]) {
        out += [UInt8(value & 0xFF), UInt8(value >> 8)]
    }

    private func append32(_ value: UInt32, to out: inout [UInt8]) {
        out += [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24)]
    }
}

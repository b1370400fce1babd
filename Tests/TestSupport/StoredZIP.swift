import Foundation

/// Reads a ZIP archive of stored (uncompressed) files, as dpia's Word reports are, to test them: an
/// independent reading of PKWARE APPNOTE 6.3.10 (end of central directory 4.3.16, central directory
/// headers 4.3.12, local file headers 4.3.7), with CRC-32 computed bit by bit rather than by table.
public enum StoredZIP {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The files in central-directory order, each checked against its local header and its CRC-32.
    public static func entries(_ data: Data) throws -> [(name: String, bytes: [UInt8])] {
        let bytes = [UInt8](data)
        func fail(_ message: String) -> Failure { Failure(description: message) }
        func u16(_ at: Int) throws -> Int {
            guard at >= 0, at + 2 <= bytes.count else { throw fail("reads past the end at \(at)") }
            return Int(bytes[at]) | Int(bytes[at + 1]) << 8
        }
        func u32(_ at: Int) throws -> Int { try u16(at) | (try u16(at + 2)) << 16 }
        let end = bytes.count - 22
        guard end >= 0, try u32(end) == 0x0605_4b50 else {
            throw fail("no end of central directory record in the last 22 bytes (an archive comment?)")
        }
        let count = try u16(end + 10)
        guard try u16(end + 8) == count else { throw fail("entries on this disk differ from the total") }
        let directorySize = try u32(end + 12)
        var at = try u32(end + 16)
        guard at + directorySize == end else {
            throw fail("the central directory does not end at the record")
        }
        var entries: [(name: String, bytes: [UInt8])] = []
        for index in 0..<count {
            guard try u32(at) == 0x0201_4b50 else {
                throw fail("central header \(index) has a wrong signature")
            }
            let method = try u16(at + 10)
            let crc = try u32(at + 16)
            let compressed = try u32(at + 20)
            let size = try u32(at + 24)
            let nameLength = try u16(at + 28)
            let extra = try u16(at + 30)
            let comment = try u16(at + 32)
            let offset = try u32(at + 42)
            let name = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            guard method == 0, compressed == size else {
                throw fail("\(name) is not stored (method \(method))")
            }
            guard try u32(offset) == 0x0403_4b50 else { throw fail("\(name): no local header at \(offset)") }
            guard try u16(offset + 8) == 0, try u32(offset + 14) == crc, try u32(offset + 22) == size,
                try u16(offset + 26) == nameLength
            else { throw fail("\(name): the local header disagrees with the central directory") }
            let start = offset + 30 + nameLength + (try u16(offset + 28))
            guard start + size <= bytes.count else { throw fail("\(name) runs past the end") }
            let contents = Array(bytes[start..<(start + size)])
            guard checksum(contents) == UInt32(crc) else { throw fail("\(name): CRC-32 does not match") }
            entries.append((name, contents))
            at += 46 + nameLength + extra + comment
        }
        return entries
    }

    /// CRC-32 (reflected polynomial 0xEDB88320), one bit at a time.
    public static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}

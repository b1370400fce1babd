import Foundation
import TestSupport
import Testing

@testable import DPIAKit

/// The ZIP writer against PKWARE's APPNOTE 6.3.10: CRC-32 check values, one archive laid out byte by byte,
/// and archives read back by the independent reader in TestSupport.
@Suite("ZIP writer")
struct ZIPWriterTests {
    @Test(
        "CRC-32 gives the standard check values, as does the bitwise one in TestSupport",
        arguments: [
            ("", 0x0000_0000), ("123456789", 0xCBF4_3926), ("hi", 0xD893_2AAC),
            ("The quick brown fox jumps over the lazy dog", 0x414F_A339),
        ] as [(String, UInt32)])
    func crc(_ text: String, _ expected: UInt32) {
        #expect(CRC32.checksum(Array(text.utf8)) == expected)
        #expect(StoredZIP.checksum(Array(text.utf8)) == expected)
    }

    @Test("CRC-32 of every byte value agrees with the bitwise form")
    func crcOfEveryByte() {
        let bytes = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
        #expect(CRC32.checksum(bytes) == StoredZIP.checksum(bytes))
    }

    @Test("An empty archive is only the end of central directory record")
    func empty() throws {
        #expect(try ZIPWriter().finish() == [0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18))
    }

    @Test("One stored file is laid out as APPNOTE 4.3.7, 4.3.12 and 4.3.16 say")
    func oneFile() throws {
        var zip = ZIPWriter()
        try zip.add("a.txt", Array("hi".utf8))
        let crc: [UInt8] = [0xAC, 0x2A, 0x93, 0xD8]
        let name = Array("a.txt".utf8)
        let local: [UInt8] =
            [0x50, 0x4B, 0x03, 0x04, 0x0A, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x21, 0x00] + crc
            + [0x02, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x05, 0x00, 0x00, 0x00] + name
            + Array("hi".utf8)
        let central: [UInt8] =
            [0x50, 0x4B, 0x01, 0x02, 0x0A, 0x00, 0x0A, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x21, 0x00]
            + crc
            + [
                0x02, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x05, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                0x00,
            ]
            + [0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00] + name
        // 1 entry; the directory is 46 + 5 = 51 bytes at offset 30 + 5 + 2 = 37.
        let end: [UInt8] = [
            0x50, 0x4B, 0x05, 0x06, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x33, 0x00, 0x00, 0x00,
            0x25, 0x00, 0x00, 0x00, 0x00, 0x00,
        ]
        #expect(try zip.finish() == local + central + end)
    }

    @Test("Several files, one empty and one of every byte value, read back in order")
    func readBack() throws {
        let files: [(String, [UInt8])] = [
            ("[Content_Types].xml", Array("<Types/>".utf8)), ("empty", []),
            ("word/bytes.bin", (0..<512).map { UInt8($0 % 256) }),
        ]
        var zip = ZIPWriter()
        for (name, bytes) in files { try zip.add(name, bytes) }
        let entries = try StoredZIP.entries(Data(try zip.finish()))
        #expect(entries.map(\.name) == files.map(\.0))
        #expect(entries.map(\.bytes) == files.map(\.1))
    }
}

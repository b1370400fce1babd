import Foundation

extension String {
    /// `bytes` as a string when they are valid UTF-8, and nil when they are not: what
    /// `String(validating:as:)` gives, several times faster on this toolchain, which decodes a generic
    /// sequence there one scalar at a time.
    ///
    /// `String(decoding:as:)` copies valid UTF-8 as it is and replaces each invalid sequence with U+FFFD,
    /// whose own bytes are valid, so the result has the same bytes as the input exactly when the input is valid.
    init?(validUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        let decoded = String(decoding: bytes, as: UTF8.self)
        guard decoded.utf8.count == bytes.count else { return nil }
        if let start = bytes.baseAddress, !bytes.isEmpty {
            // memcmp, because a generic `elementsEqual` over the bytes costs as much as the decoding saved.
            let same =
                decoded.utf8.withContiguousStorageIfAvailable {
                    memcmp($0.baseAddress!, start, bytes.count) == 0
                }
                ?? decoded.utf8.elementsEqual(bytes)
            guard same else { return nil }
        }
        self = decoded
    }

    /// `bytes` as a string when they are valid UTF-8, and nil when they are not.
    init?(validUTF8 bytes: [UInt8]) {
        guard let string = bytes.withUnsafeBufferPointer({ String(validUTF8: $0) }) else { return nil }
        self = string
    }
}

/// Checks UTF-8 without making a string, for text kept as bytes until it is needed.
enum UTF8Validation {
    /// Whether `bytes` are well-formed UTF-8 (RFC 3629): no overlong forms, surrogates or scalars above
    /// U+10FFFF, and no sequence cut short.
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        func isContinuation(_ offset: Int) -> Bool {
            index + offset < count && bytes[index + offset] & 0xC0 == 0x80
        }
        while index < count {
            let lead = bytes[index]
            switch lead {
            case 0x00...0x7F:
                index += 1
            case 0xC2...0xDF:
                guard isContinuation(1) else { return false }
                index += 2
            case 0xE0...0xEF:
                guard isContinuation(1), isContinuation(2) else { return false }
                let second = bytes[index + 1]
                if lead == 0xE0 && second < 0xA0 { return false }
                if lead == 0xED && second > 0x9F { return false }
                index += 3
            case 0xF0...0xF4:
                guard isContinuation(1), isContinuation(2), isContinuation(3) else { return false }
                let second = bytes[index + 1]
                if lead == 0xF0 && second < 0x90 { return false }
                if lead == 0xF4 && second > 0x8F { return false }
                index += 4
            default:
                return false
            }
        }
        return true
    }
}

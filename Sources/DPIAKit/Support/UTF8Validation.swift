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

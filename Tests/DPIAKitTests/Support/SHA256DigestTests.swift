import Testing

@testable import DPIAKit

/// Arbitrary bytes of assorted lengths, not just repeated letters, so every bit of the message schedule
/// and the rounds is exercised. Digests come from Python's hashlib over the same generator.
@Suite("SHA-256 random buffers")
struct SHA256RandomBufferTests {
    /// The C library's old `rand` step (seeded by the length), mirrored in Python to make the expected
    /// digests.
    static func bytes(count: Int) -> [UInt8] {
        var seed = UInt32(count + 1)
        return (0..<count).map { _ in
            seed = seed &* 1_103_515_245 &+ 12345
            return UInt8(truncatingIfNeeded: seed >> 16)
        }
    }

    @Test(arguments: [
        (0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        (18, "851c391a1cc6b9d8d3221d6c06bf136ef71f6b92670f4052f3ec44e716726960"),
        (41, "6e68b6d76be86166a623a82b6944be88f708c507d67e1a6710ac8cbe4a1ae4c4"),
        (74, "5b5e7a9e654ac05e2145ceb39948a6af7b62af75ac02bd711e6c96f43f4f4b9d"),
        (133, "185ec1063f92f16f79ac814e086976a4e2921b3f8eef364e26d03377ccba36e6"),
        (248, "e160388bf725a39c5285ce628a09f13668077066bb510e394cf800a12955c53c"),
        (293, "eb7946cd4709f9047c9898f3f44ec55c489909e8cfef7b2e150d644eb50d6fed"),
        (300, "8849181d480d8e37e393bbd1b29c9a2e549e98f4f4001b91c484d53afb4c1159"),
    ])
    func digestOfGeneratedBytes(length: Int, digest: String) {
        #expect(SHA256.hex(Self.bytes(count: length)) == digest)
    }
}

/// The report's fingerprint must not change when only the message length does: lengths either side of
/// the 56-byte padding boundary and of whole blocks, checked against digests from Python's hashlib.
@Suite("SHA-256 padding")
struct SHA256PaddingTests {
    @Test(arguments: [
        (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
        (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        (65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
        (119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
        (120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
        (1000, "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
    ])
    func digestOfRepeatedLetters(length: Int, digest: String) {
        #expect(SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: length)) == digest)
    }
}

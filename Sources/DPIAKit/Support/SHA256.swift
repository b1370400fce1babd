/// SHA-256 (FIPS 180-4), for the report's answers fingerprint. Small and dependency-free; checked against
/// the standard test vectors in the tests.
public enum SHA256 {
    private static let k: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4,
        0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7,
        0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc,
        0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351,
        0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e,
        0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585,
        0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f,
        0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7,
        0xc671_78f2,
    ]

    /// The digest as 64 lowercase hexadecimal digits.
    public static func hex(_ bytes: some Collection<UInt8>) -> String {
        let state = digest(Array(bytes))
        return String(unsafeUninitializedCapacity: 64) { text in
            let digits: StaticString = "0123456789abcdef"
            digits.withUTF8Buffer { digits in
                for (position, word) in [
                    state.a, state.b, state.c, state.d, state.e, state.f, state.g, state.h,
                ].enumerated() {
                    for nibble in 0..<8 {
                        text[position * 8 + nibble] = digits[Int(word >> UInt32(28 - nibble * 4) & 0xF)]
                    }
                }
            }
            return 64
        }
    }

    /// The eight working words, kept in locals rather than an array so the rounds touch no memory for them.
    private struct State {
        var a: UInt32 = 0x6a09_e667
        var b: UInt32 = 0xbb67_ae85
        var c: UInt32 = 0x3c6e_f372
        var d: UInt32 = 0xa54f_f53a
        var e: UInt32 = 0x510e_527f
        var f: UInt32 = 0x9b05_688c
        var g: UInt32 = 0x1f83_d9ab
        var h: UInt32 = 0x5be0_cd19
    }

    private static func digest(_ message: [UInt8]) -> State {
        var state = State()
        // Whole blocks are read in place; only the tail and the padding are copied, into one or two blocks.
        let whole = message.count / 64 * 64
        var tail = [UInt8](message[whole...])
        tail.append(0x80)
        let tailLength = tail.count <= 56 ? 64 : 128
        tail += repeatElement(0, count: tailLength - 8 - tail.count)
        let bitLength = UInt64(message.count) * 8
        for shift in stride(from: 56, through: 0, by: -8) {
            tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
        }
        // Pointers, not arrays: no bounds check or retain in the thousands of reads per block.
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            k.withUnsafeBufferPointer { k in
                message.withUnsafeBufferPointer { message in
                    compress(UnsafeBufferPointer(rebasing: message[..<whole]), k, w, into: &state)
                }
                tail.withUnsafeBufferPointer { tail in compress(tail, k, w, into: &state) }
            }
        }
        return state
    }

    private static func compress(
        _ message: UnsafeBufferPointer<UInt8>, _ k: UnsafeBufferPointer<UInt32>,
        _ w: UnsafeMutableBufferPointer<UInt32>, into state: inout State
    ) {
        guard let bytes = UnsafeRawPointer(message.baseAddress), let k = k.baseAddress,
            let w = w.baseAddress
        else { return }
        for chunk in stride(from: 0, to: message.count, by: 64) {
            for i in 0..<16 {
                w[i] = bytes.loadUnaligned(fromByteOffset: chunk + i * 4, as: UInt32.self).bigEndian
            }
            for i in 16..<64 {
                // σ0 and σ1 with the rotations nested, which saves copying the word for each one.
                let x = w[i - 15]
                let y = w[i - 2]
                let s0 = rotate(rotate(x, 11) ^ x, 7) ^ (x &>> 3)
                let s1 = rotate(rotate(y, 2) ^ y, 17) ^ (y &>> 10)
                w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
            }
            var (a, b, c, d, e, f, g, h) = (
                state.a, state.b, state.c, state.d, state.e, state.f, state.g, state.h
            )
            // Eight rounds per pass, each naming the working words in the order the previous round left
            // them, so no round shuffles all eight words along.
            var bc = b ^ c
            for i in stride(from: 0, to: 64, by: 8) {
                round(a, b, c, &d, e, f, g, &h, &bc, k[i] &+ w[i])
                round(h, a, b, &c, d, e, f, &g, &bc, k[i + 1] &+ w[i + 1])
                round(g, h, a, &b, c, d, e, &f, &bc, k[i + 2] &+ w[i + 2])
                round(f, g, h, &a, b, c, d, &e, &bc, k[i + 3] &+ w[i + 3])
                round(e, f, g, &h, a, b, c, &d, &bc, k[i + 4] &+ w[i + 4])
                round(d, e, f, &g, h, a, b, &c, &bc, k[i + 5] &+ w[i + 5])
                round(c, d, e, &f, g, h, a, &b, &bc, k[i + 6] &+ w[i + 6])
                round(b, c, d, &e, f, g, h, &a, &bc, k[i + 7] &+ w[i + 7])
            }
            state.a &+= a
            state.b &+= b
            state.c &+= c
            state.d &+= d
            state.e &+= e
            state.f &+= f
            state.g &+= g
            state.h &+= h
        }
    }

    /// One round: `d` takes the new `e` and `h` the new `a`; the caller renames the words for the next round.
    /// `bc` holds `b ^ c` on entry and leaves `a ^ b`, which is the next round's `b ^ c`, so the majority
    /// costs three operations instead of five.
    @inline(__always)
    private static func round(
        _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32, _ e: UInt32, _ f: UInt32,
        _ g: UInt32, _ h: inout UInt32, _ bc: inout UInt32, _ kw: UInt32
    ) {
        // Σ1 and Σ0 with the rotations nested: rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25), and so on.
        let s1 = rotate(rotate(rotate(e, 14) ^ e, 5) ^ e, 6)
        let choice = g ^ (e & (f ^ g))
        let t1 = h &+ s1 &+ choice &+ kw
        let s0 = rotate(rotate(rotate(a, 9) ^ a, 11) ^ a, 2)
        let ab = a ^ b
        let majority = b ^ (ab & bc)
        bc = ab
        d &+= t1
        h = t1 &+ s0 &+ majority
    }

    /// Masking shifts, inlined: with a constant count this is one rotate instruction, not a call that
    /// checks for over-shifting.
    @inline(__always)
    private static func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 {
        (value &>> count) | (value &<< (32 &- count))
    }
}

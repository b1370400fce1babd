import Testing

@testable import DPIAKit

@Suite struct KeyDecoderTests {
    private func decode(_ text: String) -> [KeyEvent] {
        var decoder = KeyDecoder()
        return decoder.decode(Array(text.utf8)) + decoder.flush()
    }

    @Test(arguments: [
        ("\u{1B}[A", KeyEvent.up), ("\u{1B}[B", .down), ("\u{1B}[C", .right), ("\u{1B}[D", .left),
        ("\u{1B}OA", .up), ("\u{1B}OD", .left), ("\u{1B}OH", .home), ("\u{1B}OF", .end),
        ("\u{1B}[H", .home), ("\u{1B}[F", .end), ("\u{1B}[1~", .home), ("\u{1B}[4~", .end),
        ("\u{1B}[3~", .delete), ("\u{1B}[5~", .pageUp), ("\u{1B}[6~", .pageDown),
        ("\u{1B}[1;5A", .up), ("\u{1B}[3;2~", .delete), ("\u{1B}OP", .function(1)),
        ("\u{1B}[11~", .function(1)),
        ("\r", .enter), ("\n", .enter), ("\u{7F}", .backspace), ("\t", .tab), ("\u{3}", .interrupt),
        ("\u{4}", .endOfInput), ("\u{2}", .control("b")),
    ])
    func decodesSingleKeys(bytes: String, expected: KeyEvent) {
        #expect(decode(bytes) == [expected])
    }

    @Test func multiByteCharactersSplitAcrossReadsDecodeWhole() {
        var decoder = KeyDecoder()
        let bytes = Array("é€😀".utf8)
        var events: [KeyEvent] = []
        for byte in bytes {
            events += decoder.decode([byte])
        }
        #expect(events == [.character("é"), .character("€"), .character("😀")])
        #expect(!decoder.hasPendingInput)
    }

    @Test func escapeSequenceSplitByteByByteIsOneKey() {
        var decoder = KeyDecoder()
        #expect(decoder.decode([0x1B]) == [])
        #expect(decoder.hasPendingInput)
        #expect(decoder.decode([UInt8(ascii: "[")]) == [])
        #expect(decoder.decode([UInt8(ascii: "1"), UInt8(ascii: ";"), UInt8(ascii: "5")]) == [])
        #expect(decoder.decode([UInt8(ascii: "B")]) == [.down])
    }

    @Test func loneEscapeIsReportedOnFlush() {
        var decoder = KeyDecoder()
        #expect(decoder.decode([0x1B]) == [])
        #expect(decoder.flush() == [.escape])
        #expect(decoder.decode(Array("x".utf8)) == [.character("x")])
    }

    @Test func escapeFollowedByPlainCharacterIsEscapeThenCharacter() {
        #expect(decode("\u{1B}j") == [.escape, .character("j")])
        #expect(decode("\u{1B}\u{1B}[A") == [.escape, .up])
    }

    @Test func carriageReturnLineFeedIsOneEnter() {
        #expect(decode("a\r\nb\n\n") == [.character("a"), .enter, .character("b"), .enter, .enter])
    }

    @Test func bracketedPasteArrivesAsOneEventWithNormalisedLineBreaks() {
        #expect(
            decode("x\u{1B}[200~line one\r\nline [A]\u{1B}[201~y")
                == [.character("x"), .paste("line one\nline [A]"), .character("y")])
    }

    @Test func unknownSequencesAreIgnoredAndInvalidUTF8IsReplaced() {
        #expect(decode("\u{1B}[99~a") == [.character("a")])
        var decoder = KeyDecoder()
        #expect(decoder.decode([0xE2, 0x41]) == [.character("\u{FFFD}"), .character("A")])
    }
}

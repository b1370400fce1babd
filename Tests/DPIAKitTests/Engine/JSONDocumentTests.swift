import Testing

@testable import DPIAKit

@Suite("JSON document")
struct JSONDocumentTests {
    func error(_ bytes: [UInt8]) -> JSONSyntaxError? {
        do {
            _ = try JSONParser.parse(bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test func findsADuplicateKeyInALargeObjectWithItsFirstLine() {
        let members = (0..<40).map { "\"key\($0)\": \($0)" }.joined(separator: ",\n")
        let found = error(Array("{\n\(members),\n\"key7\": true}".utf8))
        #expect(found?.message == "duplicate key \"key7\" (first given on line 9)")
        #expect(found?.location == TextPosition(line: 42, column: 1))
    }

    @Test func comparesEscapedKeysByTheirText() {
        let found = error(Array(#"{"a\u0062": 1, "ab": 2}"#.utf8))
        #expect(found?.message == "duplicate key \"ab\" (first given on line 1)")
        #expect(found?.location == TextPosition(line: 1, column: 16))
    }

    /// Columns count bytes, as before: "é" takes two.
    @Test func keepsTheTextAndPlaceOfEveryValue() throws {
        let root = try JSONParser.parse("{\"é\": [\"a\\tb\", -1.5e3, null],\n \"k\": {\"x\": false}}")
        #expect(
            root["é"]?.value
                == .array([
                    JSONNode(.string("a\tb"), at: TextPosition(line: 1, column: 9)),
                    JSONNode(.number("-1.5e3"), at: TextPosition(line: 1, column: 17)),
                    JSONNode(.null, at: TextPosition(line: 1, column: 25)),
                ]))
        #expect(root["k"]?["x"]?.value == .bool(false))
        #expect(root["k"]?["x"]?.location == TextPosition(line: 2, column: 13))
        #expect(root["missing"] == nil)
    }

    @Test func aNodeMadeInCodeReadsBackTheSame() {
        let value = JSONValue.members([("a", .elements([.string("x"), .number("2")])), ("b", .null)])
        #expect(JSONNode(value).value == value)
        #expect(JSONWriter.write(value) == "{\n  \"a\": [\"x\", 2],\n  \"b\": null\n}\n")
    }

    @Test(
        arguments: [
            [0xC3, 0xA9], [0xE2, 0x80, 0x94], [0xF0, 0x9F, 0x98, 0x80], [0xC0, 0xAF], [0xE0, 0x80, 0xAF],
            [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xC3], [0xE2, 0x80],
            [0x80], [0xFF], [0x61, 0xF0, 0x9F, 0x98],
        ] as [[UInt8]])
    func checksUTF8AsStringsDo(bytes: [UInt8]) {
        let expected = String(validUTF8: bytes) != nil
        #expect(bytes.withUnsafeBufferPointer { UTF8Validation.isValid($0) } == expected)
        let parsed = try? JSONParser.parse(Array("[\"".utf8) + bytes + Array("\"]".utf8))
        #expect((parsed != nil) == expected)
    }
}

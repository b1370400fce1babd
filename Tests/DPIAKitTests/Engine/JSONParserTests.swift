import Testing

@testable import DPIAKit

@Suite("JSON parser")
struct JSONParserTests {
    func error(_ text: String) -> JSONSyntaxError? {
        do {
            _ = try JSONParser.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func recordsLinesAndColumns() throws {
        let root = try JSONParser.parse("{\n  \"a\": [1,\n    true]\n}")
        #expect(root.location == TextPosition(line: 1, column: 1))
        let array = try #require(root["a"])
        #expect(array.location == TextPosition(line: 2, column: 8))
        guard case .array(let items) = array.value else {
            Issue.record("expected an array")
            return
        }
        #expect(items[1].location == TextPosition(line: 3, column: 5))
        #expect(items[0].value == .number("1"))
    }

    @Test func rejectsDuplicateKeysNamingTheFirst() {
        let found = error("{\"id\": 1,\n \"id\": 2}")
        #expect(found?.message == "duplicate key \"id\" (first given on line 1)")
        #expect(found?.location.line == 2)
    }

    @Test func acceptsAByteOrderMark() throws {
        let root = try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("{\"a\": \"b\"}".utf8))
        #expect(root["a"]?.value == .string("b"))
    }

    @Test func rejectsInvalidUTF8WithItsLine() {
        do {
            _ = try JSONParser.parse(Array("{\n\"a\": \"".utf8) + [0xFF, 0xFE] + Array("\"}".utf8))
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "the string ending here is not valid UTF-8")
            #expect(error.location.line == 2)
        }
    }

    @Test func limitsNesting() {
        let deep = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect(error(deep)?.message == "nesting deeper than 200 levels")
    }

    @Test(arguments: [
        ("", "the file is empty; expected a JSON value"),
        ("{\"a\": 1,}", "unexpected '}'; expected a member name in double quotes"),
        ("{\"a\" 1}", "unexpected '1'; expected ':' after \"a\""),
        ("[1 2]", "unexpected '2'; expected ',' or ']'"),
        ("{\"a\": tru}", "unexpected 't'; expected a value (did you mean true?)"),
        ("{\"a\": 01}", "numbers cannot have leading zeros"),
        ("{\"a\": \"x", "unexpected end of file inside a string"),
        ("{\"a\": \"\\q\"}", "invalid escape '\\q' in a string"),
        ("{} {}", "unexpected '{' after the end of the JSON value"),
        ("{\"a\": \"two\nlines\"}", "a string cannot run over a line break (write \\n)"),
    ])
    func explainsSyntaxErrors(text: String, message: String) {
        #expect(error(text)?.message == message)
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let root = try JSONParser.parse(#"{"a": "\u00e9\n\ud83d\ude00\"/"}"#)
        #expect(root["a"]?.value == .string("é\n😀\"/"))
    }

    @Test func writerRoundTripsAndIsStable() throws {
        let text = #"{"b": [1, "x\u0001", {"c": null}], "a": {"d": true}}"#
        let once = JSONWriter.write(try JSONParser.parse(text).value)
        let twice = JSONWriter.write(try JSONParser.parse(once).value)
        #expect(once == twice)
        #expect(once.hasPrefix("{\n  \"b\": [\n    1,\n    \"x\\u0001\","))
    }
}

@Suite("SHA-256")
struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func matchesTheStandardVectors(input: String, digest: String) {
        #expect(SHA256.hex(Array(input.utf8)) == digest)
    }
}

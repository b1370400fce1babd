import Foundation
import TestSupport
import Testing

@testable import DPIAKit

/// The Markdown and HTML escapers test each byte against a table made from their rules (the fast path);
/// these pin each table to the rule it is made from and each escaper to its plain byte-by-byte reference
/// (`MarkdownEscaping.escapePlain`, `Template.htmlEscapePlain`), byte for byte.
@Suite("Escaper tables against the plain escapers")
struct EscaperTableTests {
    @Test("Each table entry is what the rule says for its byte, for all 256 bytes")
    func tablesMatchTheRules() {
        #expect(MarkdownEscaping.actedOnTable.count == 256)
        #expect(Template.htmlEscapedTable.count == 256)
        for value in 0...255 {
            let byte = UInt8(value)
            #expect(MarkdownEscaping.actedOnTable[value] == (MarkdownEscaping.replacement(for: byte) != nil))
            #expect(Template.htmlEscapedTable[value] == (Template.htmlEntity(for: byte) != nil))
        }
    }

    /// Every string the fuzz corpus, the bundled examples (answers, notes, names, keys) and the hostile
    /// fixtures hold, each whole file's text too, and hand-made hostile strings.
    static let texts: [String] = {
        var texts =
            ByteEscaperTests.hostile + [
                "\r\n\r\n", "\n\r", "\r", "\n", "a\r", "\r\na", "#", "##", "1.", "1)", "12.", "0)x", "1.x",
                "- ",
                "-\t", "+\t", "- - -", "-- -x", "=", "==x", "9", "99 ", "é#", "\u{FEFF}# bom", "\u{0}",
                String(repeating: "&<>\"'`*_[]|~$\\\t", count: 40),
                (0..<128).map { String(UnicodeScalar(UInt8($0))) }.joined(),
            ]
        texts += (0..<128).flatMap { code -> [String] in
            let character = String(UnicodeScalar(UInt8(code)))
            return [character, character + " ", "1" + character + " ", "x" + character + "\u{E9}"]
        }
        for folder in ["Tests/Corpus", "Questionnaires/examples", "Tests/Fixtures/Report"] {
            let root = PackageRoot.path(folder)
            let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
            for file in files.sorted() {
                guard let data = FileManager.default.contents(atPath: "\(root)/\(file)") else { continue }
                texts.append(String(decoding: data, as: UTF8.self))
                if let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) {
                    collectStrings(json, into: &texts)
                }
            }
        }
        return texts
    }()

    private static func collectStrings(_ json: Any, into texts: inout [String]) {
        switch json {
        case let text as String: texts.append(text)
        case let list as [Any]: for item in list { collectStrings(item, into: &texts) }
        case let object as [String: Any]:
            for (key, value) in object {
                texts.append(key)
                collectStrings(value, into: &texts)
            }
        default: break
        }
    }

    @Test("The strings compared include the corpus and every example's answers")
    func textsCoverTheCorpusAndExamples() {
        // A failed file listing would leave only the hand-made strings and prove nothing.
        #expect(Self.texts.count > 2_000)
        #expect(Self.texts.contains { $0.contains("\u{1B}") })
    }

    @Test("The Markdown escaper's fast path writes what the plain one does, for every string")
    func markdownMatchesPlain() {
        for text in Self.texts {
            var output = Array("before ".utf8)
            MarkdownEscaping.append(text, to: &output)
            let plain = MarkdownEscaping.escapePlain(text)
            #expect(output == Array(("before " + plain).utf8), "\(text.debugDescription)")
            #expect(MarkdownEscaping.escape(text) == plain)
        }
    }

    @Test("The HTML escaper's fast path writes what the plain one does, for every string")
    func htmlMatchesPlain() {
        for text in Self.texts {
            var output = Array("before ".utf8)
            Template.appendHTMLEscaped(text, to: &output)
            let plain = Template.htmlEscapePlain(text)
            #expect(output == Array(("before " + plain).utf8), "\(text.debugDescription)")
            #expect(Template.htmlEscape(text) == plain)
        }
    }
}

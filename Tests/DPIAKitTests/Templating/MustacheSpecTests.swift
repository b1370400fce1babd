import Foundation
import TestSupport
import Testing

@testable import DPIAKit

/// One case from the official Mustache spec files.
struct MustacheSpecCase: Sendable, CustomTestStringConvertible {
    let file: String
    let name: String
    let data: TemplateValue
    let template: String
    let expected: String
    let partials: [String: String]

    var testDescription: String { "\(file): \(name)" }
}

/// Reads the spec from `shared/mustache-spec` beside the package (the project's shared folder).
enum MustacheSpec {
    private struct File: Decodable {
        struct Case: Decodable {
            let name: String
            let data: TemplateValue
            let template: String
            let expected: String
            let partials: [String: String]?
        }
        let tests: [Case]
    }

    static let files = ["comments", "interpolation", "sections", "inverted", "partials", "delimiters"]

    static let folder: URL = PackageRoot.url.appendingPathComponent("../shared/mustache-spec")
        .standardizedFileURL

    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("interpolation.json").path)
    }

    static let cases: [MustacheSpecCase] = {
        guard isAvailable else { return [] }
        return files.flatMap { file -> [MustacheSpecCase] in
            let url = folder.appendingPathComponent("\(file).json")
            guard let data = try? Data(contentsOf: url),
                let decoded = try? JSONDecoder().decode(File.self, from: data)
            else { return [] }
            return decoded.tests.map {
                MustacheSpecCase(
                    file: file, name: $0.name, data: $0.data, template: $0.template, expected: $0.expected,
                    partials: $0.partials ?? [:])
            }
        }
    }()
}

// Skipped, not failed, where the shared spec folder is not checked out beside the package.
@Suite(.enabled(if: MustacheSpec.isAvailable, "the Mustache spec is not at ../shared/mustache-spec"))
struct MustacheSpecTemplatingTests {
    @Test("All six core spec files load in full")
    func loadsEveryCase() {
        let counts = Dictionary(grouping: MustacheSpec.cases, by: \.file).mapValues(\.count)
        #expect(
            counts == [
                "comments": 12, "interpolation": 42, "sections": 34, "inverted": 22, "partials": 12,
                "delimiters": 14,
            ])
    }

    @Test("Mustache spec case renders as expected", arguments: MustacheSpec.cases)
    func specCase(_ spec: MustacheSpecCase) throws {
        let template = try Template(source: spec.template, name: spec.name)
        var partials: [String: Template] = [:]
        for (name, source) in spec.partials {
            partials[name] = try Template(source: source, name: name)
        }
        // The spec renders an unknown partial as empty; reports default to failing instead.
        let output = try template.render(
            spec.data, partials: partials, escape: Template.htmlEscape, missingPartial: .renderEmpty)
        #expect(output == spec.expected, "template: \(spec.template.debugDescription)")
    }
}

import Foundation
import TestSupport
import Testing

@testable import DPIAKit

/// Rendering stops with an error, rather than running for hours or filling memory, when templates
/// would expand without bound.
@Suite("Template expansion bounds")
struct TemplateBoundsTests {
    static func partials(levels: Int, leaf: String) throws -> [String: Template] {
        var partials: [String: Template] = [:]
        for level in 0..<levels {
            partials["p\(level)"] = try Template(
                source: "{{>p\(level + 1)}}{{>p\(level + 1)}}", name: "p\(level)")
        }
        partials["p\(levels)"] = try Template(source: leaf, name: "p\(levels)")
        return partials
    }

    @Test func partialsThatDoubleAtEachLevelStopAtTheStepBound() throws {
        let report = try Template(source: "{{>p0}}", name: "report.md.mustache")
        #expect {
            try report.render(.null, partials: try Self.partials(levels: 41, leaf: "x"), escape: { $0 })
        } throws: { error in
            (error as? TemplateError)?.kind == .tooLarge
                && (error as? TemplateError)?.message.hasPrefix(
                    "the report would take more than 10000000 steps") == true
        }
    }

    @Test func aReportLargerThanTheOutputBoundStops() throws {
        // 2^9 copies of a 1 MiB partial: 512 MiB in a few thousand steps.
        let leaf = String(repeating: "x", count: 1024 * 1024)
        let report = try Template(source: "{{>p0}}", name: "report.md.mustache")
        #expect {
            try report.render(.null, partials: try Self.partials(levels: 9, leaf: leaf), escape: { $0 })
        } throws: { error in
            (error as? TemplateError)?.kind == .tooLarge
                && (error as? TemplateError)?.message.hasPrefix("the report would be larger than 256 MiB")
                    == true
        }
    }

    @Test func nestedSectionsOverOneListStopAtTheStepBound() throws {
        let list = TemplateValue.list(Array(repeating: .string("r"), count: 20))
        let source =
            String(repeating: "{{#items}}", count: 8) + "{{.}}" + String(repeating: "{{/items}}", count: 8)
        let report = try Template(source: source, name: "report.md.mustache")
        #expect {
            try report.render(["items": list], escape: { $0 })
        } throws: { error in
            (error as? TemplateError)?.kind == .tooLarge
        }
    }

    @Test func theBundledReportsRenderFarBelowTheBounds() throws {
        let templates = try ReportTemplates.load(directory: PackageRoot.path("Templates"))
        let data = ReportData.schemaSample(toolVersion: "test")
        // The templated formats; the assessment data is written without a template.
        for format in ReportFormat.allCases where format != .json {
            #expect(try templates.render(format, data: data).utf8.count < Template.maximumOutputBytes / 100)
        }
    }
}

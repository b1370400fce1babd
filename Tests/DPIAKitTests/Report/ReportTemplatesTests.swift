import Foundation
import TestSupport
import Testing

@testable import DPIAKit

@Suite("Report templates")
struct ReportTemplatesTests {
    @Test("Rendering twice gives byte-identical reports", arguments: ReportFixture.names)
    func deterministic(_ name: String) throws {
        let first = try ReportFixture(name)
        let second = try ReportFixture(name)
        #expect(Array(first.markdown.utf8) == Array(second.markdown.utf8))
        #expect(Array(first.html.utf8) == Array(second.html.utf8))
    }

    @Test(
        "The footer records the questionnaire, tool version and answers fingerprint",
        arguments: ReportFixture.names)
    func footer(_ name: String) throws {
        let fixture = try ReportFixture(name)
        let fingerprint = try #require(fixture.data["fingerprint"]?.renderedText)
        #expect(fingerprint.hasPrefix("sha256:") && fingerprint.count == 71)
        #expect(
            fixture.markdown.hasSuffix(
                "Questionnaire mini version 1.0.0, with the working in appendix A. Produced by dpia 9.9.9-test. Answers fingerprint \(fingerprint).\n"
            ))
        #expect(
            fixture.html.contains(
                "<p>Questionnaire <bdi>mini</bdi> version 1.0.0, with the working in appendix A. Produced by dpia 9.9.9-test.</p>\n<p>Answers fingerprint <span class=\"fingerprint\">\(fingerprint)</span></p>"
            ))
    }

    @Test("Different answers give different fingerprints")
    func fingerprintsDiffer() throws {
        let prints = try ReportFixture.names.map { try ReportFixture($0).data["fingerprint"]?.renderedText }
        #expect(prints[0] != prints[1])
    }

    @Test(
        "Every format carries every question, answer, risk, reason, measure and note",
        arguments: ReportFixture.names)
    func parity(_ name: String) throws {
        let fixture = try ReportFixture(name)
        var texts: [String] = []
        func strings(_ value: TemplateValue?, _ keys: [String]) {
            for key in keys {
                if case .string(let text)? = value?[key], !text.isEmpty { texts.append(text) }
            }
        }
        func list(_ value: TemplateValue?, _ key: String) -> [TemplateValue] {
            if case .list(let items)? = value?[key] { return items }
            return []
        }
        let data = fixture.data
        strings(
            data["meta"],
            ["organisation", "platform", "reference", "assessor", "assessmentDate", "reviewDate"])
        strings(data["summary"], ["dataSensitivity", "purposeDrift", "controls"])
        strings(data["summary"]?["recommendation"], ["label", "summary"])
        for driver in list(data["summary"], "drivers") { strings(driver, ["reason"]) }
        // Each shown answer is printed once: in its step, plainly or with the control it tells about.
        for step in list(data, "steps") {
            for section in list(step, "sections") {
                strings(section, ["title"])
                for question in list(section, "questions") { strings(question, ["prompt", "answer"]) }
                for control in list(section, "controls") { strings(control, ["prompt", "answer", "status"]) }
            }
        }
        for row in list(data, "signOff") { strings(row, ["item", "name", "notes", "guidance"]) }
        for item in list(data, "actionPlan") { strings(item, ["id", "title", "owner", "dueDate", "status"]) }
        for item in list(data, "missingForFinal") { strings(item, ["description"]) }
        for hold in list(data["summary"], "residualHolds") { strings(hold, ["title"]) }
        for risk in list(data, "risks") {
            strings(risk, ["id", "title", "description", "harm", "effect"])
            for part in list(risk, "likelihoodContributions") + list(risk, "severityContributions") {
                strings(part, ["reason"])
            }
        }
        for measure in list(data, "measures") {
            strings(measure, ["id", "title", "description", "note", "decision"])
        }
        for note in list(data, "notes") { if case .string(let text) = note { texts.append(text) } }
        for reference in list(data["questionnaire"], "references") { strings(reference, ["title"]) }
        #expect(texts.count > 40)
        let word = try StoredZIP.entries(Data(fixture.docx)).first { $0.name == "word/document.xml" }
        let document = String(decoding: try #require(word).bytes, as: UTF8.self)
        for text in texts {
            #expect(fixture.markdown.contains(MarkdownEscaping.escape(text)), "Markdown lacks \(text)")
            #expect(fixture.html.contains(Template.htmlEscape(text)), "HTML lacks \(text)")
            #expect(document.contains(XMLEscaping.runText(text)), "Word lacks \(text)")
        }
    }

    @Test("The bundled templates use only names the report data has")
    func bundledTemplatesHaveNoTypos() throws {
        let templates = try ReportTemplates.load(directory: ReportFixture.templates)
        #expect(templates.reports.count == 3)
        #expect(
            Set(templates.partials.keys).isSuperset(of: [
                "answers.md", "answers.html", "answers.docx", "style.css",
            ]))
        #expect(templates.unknownNames(toolVersion: ReportFixture.toolVersion).isEmpty)
    }

    @Test("A typo in an edited HTML template is reported with its file and line")
    func typoIsReported() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("dpia-report-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("partials"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = try String(
            contentsOfFile: ReportFixture.templates + "/report.html.mustache", encoding: .utf8)
        let edited = source.replacingOccurrences(
            of: "<td>{{meta.assessmentDate}}</td>", with: "<td>{{meta.assesmentDate}}</td>")
        #expect(edited != source)
        try edited.write(
            to: directory.appendingPathComponent("report.html.mustache"), atomically: true, encoding: .utf8)
        for partial in ["answers.html", "style.css", "changes.html"] {
            try FileManager.default.copyItem(
                atPath: ReportFixture.templates + "/partials/\(partial).mustache",
                toPath: directory.appendingPathComponent("partials/\(partial).mustache").path)
        }
        let templates = try ReportTemplates.load(directory: directory.path)
        let unknown = templates.unknownNames(toolVersion: ReportFixture.toolVersion)
        #expect(unknown.map(\.name) == ["meta.assesmentDate"])
        let line = source.components(separatedBy: "\n").firstIndex { $0.contains("{{meta.assessmentDate}}") }
        #expect(unknown.first?.line == line.map { $0 + 1 })
        #expect(unknown.first?.template.hasSuffix("report.html.mustache") == true)
    }
}

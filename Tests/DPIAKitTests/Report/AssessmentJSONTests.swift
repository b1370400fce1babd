import Foundation
import TestSupport
import Testing

@testable import DPIAKit

/// `NAME.assessment.json` against `Questionnaires/assessment.schema.json`, for every bundled example and
/// the hostile fixture, and the schema's own promises: every member written is described in it.
@Suite("The assessment as data")
struct AssessmentJSONTests {
    static let schemaPath = PackageRoot.path("Questionnaires/assessment.schema.json")

    static func schema() throws -> JSONValue {
        try JSONParser.parse(FileIO.read(schemaPath)).value
    }

    static func assessments() throws -> [(String, Assessment)] {
        var result = try BundledContent.exampleFiles.map { ($0, try BundledContent.assessment(example: $0)) }
        let questionnaire = try QuestionnaireLoader.load(
            path: ReportFixture.fixtures.appendingPathComponent("mini.json").path)
        for name in ReportFixture.names {
            let path = ReportFixture.fixtures.appendingPathComponent(name).path
            let answers = try AnswersFile.load(FileIO.read(path), file: path, questionnaire: questionnaire)
            result.append((name, Scorer.assess(questionnaire, answers)))
        }
        return result
    }

    @Test("Every example's assessment is valid against the schema, and the schema names every member")
    func validAgainstSchema() throws {
        let schema = try Self.schema()
        let checker = SchemaChecker(root: schema)
        for (name, assessment) in try Self.assessments() {
            let bytes = AssessmentJSON.bytes(assessment, toolVersion: "9.9.9-test")
            let value = try JSONParser.parse(bytes).value
            let problems = checker.check(value, against: schema, at: "")
            #expect(problems.isEmpty, "\(name): \(problems.joined(separator: "\n"))")
        }
    }

    @Test(
        "The checker finds what the schema forbids",
        arguments: [
            ("formatVersion", JSONValue.number("2"), "at formatVersion: expected 1"),
            (
                "answersFingerprint", JSONValue.string("sha256:xyz"),
                "at answersFingerprint: \"sha256:xyz\" does not match"
            ),
            ("risks", JSONValue.string("none"), "at risks: expected array, found string"),
            ("extra", JSONValue.bool(true), "at extra: not described by the schema"),
        ])
    func checkerCatches(member: String, replacement: JSONValue, problem: String) throws {
        let schema = try Self.schema()
        let assessment = try BundledContent.assessment(example: "admin-only-staff-rota.json")
        guard case .object(var members) = AssessmentJSON.value(assessment, toolVersion: "1") else {
            Issue.record("not an object")
            return
        }
        if let index = members.firstIndex(where: { $0.key == member }) {
            members[index].value = JSONNode(replacement)
        } else {
            members.append(
                JSONMember(
                    key: member, keyLocation: TextPosition(line: 0, column: 0), value: JSONNode(replacement)))
        }
        let problems = SchemaChecker(root: schema).check(.object(members), against: schema, at: "")
        #expect(problems.contains { $0.hasPrefix(problem) }, "\(problems)")
    }

    @Test("The file starts with what tells it from an answers file, ids next to labels")
    func header() throws {
        let assessment = try BundledContent.assessment(example: "whatsapp-ward-group-drift.json")
        let text = String(decoding: AssessmentJSON.bytes(assessment, toolVersion: "1.2.3"), as: UTF8.self)
        #expect(
            text.hasPrefix(
                """
                {
                  "format": "dpia-assessment",
                  "formatVersion": 1,
                  "tool": {
                    "name": "dpia",
                    "version": "1.2.3"
                  },
                  "questionnaire": {
                    "id": "communication-platform",
                """))
        let value = try JSONParser.parse(Array(text.utf8)).value
        #expect(value["priorConsultation"]?["id"]?.stringValue == "would_be_required")
        #expect(value["priorConsultation"]?["avoidable"] == .bool(true))
        #expect(value["risks"]?[0]?["effect"]?["id"]?.stringValue == "no_decision_yet")
        #expect(value["signOff"]?["complete"] == .bool(false))
        // The fingerprint is the one the reports print for the same answers.
        let fingerprint = SHA256.hex(
            AnswersFile.bytes(assessment.answers, questionnaire: assessment.questionnaire))
        #expect(value["answersFingerprint"]?.stringValue == "sha256:" + fingerprint)
    }

    @Test("The approved example records the action plan and conditional approval")
    func approved() throws {
        let assessment = try BundledContent.assessment(example: "whatsapp-ward-group-measures-approved.json")
        let value = try JSONParser.parse(AssessmentJSON.bytes(assessment, toolVersion: "1")).value
        #expect(value["recommendation"]?["conditional"] == .bool(true))
        let plan = value["actionPlan"]?.arrayValue ?? []
        #expect(plan.count == assessment.actionPlan.count && !plan.isEmpty)
        #expect(plan.first?["measure"]?.stringValue == assessment.actionPlan.first?.measure)
    }

    @Test(
        "Only NAME.assessment.json is taken for this format's file name",
        arguments: [
            ("out/ward.assessment.json", true), ("ward.assessment.json", true), ("ward.json", false),
            ("assessment.json", false), ("out.assessment.json/ward.json", false),
        ])
    func fileName(path: String, isAssessment: Bool) {
        #expect(AssessmentJSON.isAssessmentFileName(path) == isAssessment)
    }
}

extension JSONValue {
    fileprivate subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value.value
    }

    fileprivate subscript(index: Int) -> JSONValue? {
        guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
        return elements[index].value
    }

    fileprivate var stringValue: String? {
        if case .string(let string) = self { string } else { nil }
    }

    fileprivate var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { elements.map(\.value) } else { nil }
    }
}

/// The part of JSON Schema draft 2020-12 that `assessment.schema.json` uses: `type`, `const`, `enum`,
/// `properties`, `required`, `items`, `oneOf`, `pattern`, `minimum` and `$ref` into `#/$defs`. Stricter
/// than the schema in one way: a member the schema does not describe is a problem, so nothing is added
/// to the file without being documented.
struct SchemaChecker {
    let root: JSONValue

    func check(_ value: JSONValue, against schema: JSONValue, at path: String) -> [String] {
        let place = path.isEmpty ? "the document" : path
        if let reference = schema["$ref"]?.stringValue {
            let name = String(reference.dropFirst("#/$defs/".count))
            guard reference.hasPrefix("#/$defs/"), let target = root["$defs"]?[name] else {
                return ["at \(place): unresolved $ref \(reference)"]
            }
            return check(value, against: target, at: path)
        }
        if let options = schema["oneOf"]?.arrayValue {
            let matching = options.filter { check(value, against: $0, at: path).isEmpty }.count
            if matching != 1 {
                let reasons = options.flatMap { check(value, against: $0, at: path) }
                return ["at \(place): matches \(matching) of oneOf's \(options.count) schemas: \(reasons)"]
            }
            return []
        }
        if let constant = schema["const"], constant != value {
            return [
                "at \(place): expected \(JSONWriter.write(constant).dropLast()), found \(JSONWriter.write(value).dropLast())"
            ]
        }
        if let allowed = schema["enum"]?.arrayValue, !allowed.contains(value) {
            return ["at \(place): \(JSONWriter.write(value).dropLast()) is not one of the enum's values"]
        }
        if let type = schema["type"] {
            let types = type.arrayValue?.compactMap(\.stringValue) ?? [type.stringValue ?? ""]
            if !types.contains(where: { Self.has(value, type: $0) }) {
                return [
                    "at \(place): expected \(types.joined(separator: " or ")), found \(Self.typeName(value))"
                ]
            }
        }
        var problems: [String] = []
        if let pattern = schema["pattern"]?.stringValue, case .string(let string) = value,
            string.range(of: pattern, options: .regularExpression) == nil
        {
            problems.append("at \(place): \"\(string)\" does not match \(pattern)")
        }
        if let minimum = schema["minimum"], case .number(let text) = value, case .number(let least) = minimum,
            let number = Int(text), let bound = Int(least), number < bound
        {
            problems.append("at \(place): \(number) is below \(bound)")
        }
        if case .object(let members) = value {
            let properties = schema["properties"]
            for required in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
            where !members.contains(where: { $0.key == required }) {
                problems.append("at \(place): missing required member \(required)")
            }
            for member in members {
                let memberPath = path.isEmpty ? member.key : "\(path).\(member.key)"
                guard let property = properties?[member.key] else {
                    problems.append("at \(memberPath): not described by the schema")
                    continue
                }
                problems += check(member.value.value, against: property, at: memberPath)
            }
        }
        if case .array(let elements) = value, let items = schema["items"] {
            for (index, element) in elements.enumerated() {
                problems += check(element.value, against: items, at: "\(path)[\(index)]")
            }
        }
        return problems
    }

    static func has(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object):
            true
        case ("integer", .number(let text)): Int(text) != nil
        case ("number", .number): true
        default: false
        }
    }

    static func typeName(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "boolean"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        case .number(let text): Int(text) != nil ? "integer" : "number"
        }
    }
}

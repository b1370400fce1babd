import Testing

@testable import DPIAKit

/// `dpia validate --templates` checks templates against `ReportData.schemaSample`; it is only as good as
/// the sample's names are the real reports' names.
@Suite("Report data sample")
struct ReportSampleTests {
    /// Every path of names in `value`, such as "risks.likelihood.label"; a list's elements share its path.
    static func names(_ value: TemplateValue, under path: String = "") -> Set<String> {
        switch value {
        case .object(let object):
            object.members.reduce(into: []) { names, member in
                names.insert(path + member.key)
                names.formUnion(Self.names(member.value, under: path + member.key + "."))
            }
        case .list(let items):
            items.reduce(into: []) { names, item in names.formUnion(Self.names(item, under: path)) }
        case .string, .int, .double, .bool, .null:
            []
        }
    }

    static let sampleNames = names(ReportData.schemaSample(toolVersion: "test"))

    @Test("The sample has every name a bundled example's report has", arguments: BundledContent.exampleFiles)
    func sampleCoversExample(_ file: String) throws {
        let data = ReportData.build(try BundledContent.assessment(example: file), toolVersion: "test")
        let missing = Self.names(data).subtracting(Self.sampleNames)
        #expect(missing.isEmpty, "the sample lacks \(missing.sorted())")
    }

    @Test("The sample has every name the test questionnaire's reports have", arguments: ReportFixture.names)
    func sampleCoversFixture(_ name: String) throws {
        let missing = Self.names(try ReportFixture(name).data).subtracting(Self.sampleNames)
        #expect(missing.isEmpty, "the sample lacks \(missing.sorted())")
    }

    @Test("The sample has the parts only some questionnaires have, and names that may be null")
    func sampleHasOptionalParts() {
        #expect(
            Self.sampleNames.isSuperset(of: [
                "screening.groups.criteria.label", "dataSensitivity.highest.rank",
                "purposeDrift.signals.label",
                "controls.missing.affects", "matrix.rows.cells.residualRisks",
                "summary.recommendation.summary",
                "summary.overallResidual.label", "meta.reference", "meta.reviewDate", "measures.note",
                "step7.number", "steps.sections.questions.help", "signOff.consultation", "appendix.step",
                "steps.sections.controls.prompt", "actionPlan.owner", "missingForFinal.path",
                "summary.conditions.dueDate", "summary.residualHolds.undecided",
            ]))
    }

    @Test(
        "A misspelt name anywhere in a template is reported against the sample",
        arguments: [
            ("{{#summary}}{{overallResidual.lable}}{{/summary}}", "overallResidual.lable"),
            ("{{#risks}}{{residualLevel.label}} {{likelyhood.label}}{{/risks}}", "likelyhood.label"),
            (
                "{{#step2}}{{#sections}}{{#questions}}{{anwser}}{{/questions}}{{/sections}}{{/step2}}",
                "anwser"
            ),
            ("{{#matrix.rows}}{{#cells}}{{inherentRisk}}{{/cells}}{{/matrix.rows}}", "inherentRisk"),
            ("{{#controls.missing}}{{affect}}{{/controls.missing}}", "affect"),
            ("{{meta.assesmentDate}}", "meta.assesmentDate"),
        ])
    func misspeltNameIsReported(_ source: String, _ misspelt: String) throws {
        let template = try Template(source: source, name: "report.md.mustache")
        let unknown = template.unknownNames(against: ReportData.schemaSample(toolVersion: "test"))
        #expect(unknown.map(\.name) == [misspelt])
    }

    @Test("Correctly spelt names in the same places are known")
    func correctNamesAreKnown() throws {
        let source = """
            {{#summary}}{{overallResidual.label}}{{/summary}}{{#risks}}{{likelihood.label}}{{/risks}}
            {{#step2}}{{#sections}}{{#questions}}{{answer}}{{/questions}}{{/sections}}{{/step2}}
            {{#matrix.rows}}{{#cells}}{{inherentRisks}}{{/cells}}{{/matrix.rows}}
            {{#controls.missing}}{{affects}}{{/controls.missing}}{{meta.assessmentDate}}
            """
        let template = try Template(source: source, name: "report.md.mustache")
        #expect(template.unknownNames(against: ReportData.schemaSample(toolVersion: "test")).isEmpty)
    }
}

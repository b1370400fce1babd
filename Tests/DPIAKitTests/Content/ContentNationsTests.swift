import Foundation
import TestSupport
import Testing

@testable import DPIAKit

/// The four UK nations and the NHS context of the bundled 1.1.0 definition: each nation is offered its own
/// basis for confidential information beyond direct care and gets its own references, the national data
/// opt-out is stated rather than asked, and the NHS sign-off rows are in every report format.
@Suite("Content: the four nations and the NHS context")
struct ContentNationsTests {
    struct Nation: Sendable, CustomTestStringConvertible {
        var id: String
        /// Q4.4's options beyond direct care offered to this nation.
        var basis: [String]
        /// The ids of the references listed only for some nations that this one gets.
        var references: [String]
        /// Whether the organisation's own DSPT status (Q4.20) is asked.
        var asksOrganisationDSPT: Bool
        var testDescription: String { id }
    }

    static let nations = [
        Nation(
            id: "england", basis: ["section_251"],
            references: ["nhs-act-2006-s251", "national-data-opt-out", "records-code-england"],
            asksOrganisationDSPT: true),
        Nation(
            id: "wales", basis: ["section_251"], references: ["nhs-act-2006-s251", "records-code-wales"],
            asksOrganisationDSPT: false),
        Nation(
            id: "scotland", basis: ["pbpp_approval"], references: ["hsc-pbpp", "records-code-scotland"],
            asksOrganisationDSPT: false),
        Nation(
            id: "northern_ireland", basis: ["ni_control_of_data_processing"],
            references: ["ni-control-of-data-processing-act", "records-code-northern-ireland"],
            asksOrganisationDSPT: false),
    ]

    static let example = "1.1.0/scotland-hospital-at-home-teams.json"
    static let beyondDirectCare = ["section_251", "pbpp_approval", "ni_control_of_data_processing"]

    static func render(_ assessment: Assessment, _ format: ReportFormat) throws -> String {
        let templates = try ReportTemplates.load(directory: PackageRoot.path("Templates"))
        let data = ReportData.build(assessment, toolVersion: "9.9.9-test")
        // The Word entries are stored, not deflated, so the document's XML is in the archive as text.
        return String(decoding: try templates.renderBytes(format, data: data), as: UTF8.self)
    }

    /// The example's answers with some changed, scored.
    static func assessment(_ file: String = example, changing changes: [String: AnswerValue]) throws
        -> Assessment
    {
        let questionnaire = try BundledContent.questionnaire(forExample: file)
        var answers = try BundledContent.answers(example: file, questionnaire: questionnaire)
        for (id, value) in changes { answers.values[id] = value }
        return Scorer.assess(questionnaire, answers)
    }

    @Test(
        "each nation is offered its own basis beyond direct care and gets its own references",
        arguments: nations)
    func nation(_ nation: Nation) throws {
        let assessment = try Self.assessment(changing: ["nation": .string(nation.id)])
        let questionnaire = assessment.questionnaire
        let basis = try #require(questionnaire.question("confidentiality_basis"))
        let offered = basis.offering { assessment.effectiveAnswers[$0] }.options.map(\.value)
        #expect(offered.filter(Self.beyondDirectCare.contains) == nation.basis)
        #expect(offered.contains("implied_consent_direct_care") && offered.contains("explicit_consent"))
        #expect(assessment.visibleQuestions.contains("organisation_dspt") == nation.asksOrganisationDSPT)

        let markdown = try Self.render(assessment, .markdown)
        let references = try #require(markdown.range(of: "## References")).upperBound
        let listed = markdown[references...]
        for reference in questionnaire.references where reference.when != nil {
            #expect(
                listed.contains(reference.title) == nation.references.contains(reference.id),
                "\(reference.id) for \(nation.id)")
        }
        // References for every nation are listed for each.
        let caldicott = try #require(questionnaire.references.first { $0.id == "caldicott-principles" })
        #expect(listed.contains(caldicott.title))
    }

    @Test("an answer naming another nation's basis is refused, with the condition that offers it")
    func otherNationsBasisRefused() throws {
        let questionnaire = try BundledContent.questionnaire(forExample: Self.example)
        let path = BundledContent.examplesDirectory.appendingPathComponent(Self.example).path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let edited = text.replacingOccurrences(
            of: #""confidentiality_basis": "implied_consent_direct_care""#,
            with: #""confidentiality_basis": "section_251""#)
        #expect(edited != text)
        #expect(throws: ValidationFailure.self) {
            try AnswersFile.load(Array(edited.utf8), file: "scotland.json", questionnaire: questionnaire)
        }
        do {
            _ = try AnswersFile.load(Array(edited.utf8), file: "scotland.json", questionnaire: questionnaire)
        } catch {
            let messages = error.diagnostics.map(\.message)
            #expect(
                messages == [
                    #""section_251" is not offered for "confidentiality_basis" with these answers (it is offered only when "UK nation" includes any of "England", "Wales"); expected one of "implied_consent_direct_care", "explicit_consent", "pbpp_approval", "public_interest", "legal_requirement", "not_identified" or "not_sure""#
                ])
        }
    }

    @Test("the national data opt-out is stated, never asked: direct care in England, beyond care, elsewhere")
    func nationalDataOptOut() throws {
        let directCare = "National data opt-out (England): it applies only to uses of confidential patient"
        let beyondCare = "National data opt-out (England): this use relies on section 251 support"
        let elsewhere = "The national data opt-out applies in England only, so it does not apply"
        let cases: [(Assessment, String?)] = [
            (
                try BundledContent.assessment(example: "1.1.0/teams-managed-clinical-handover.json"),
                directCare
            ),
            (
                try Self.assessment(changing: [
                    "nation": .string("england"), "confidentiality_basis": .string("section_251"),
                ]), beyondCare
            ),
            (try BundledContent.assessment(example: Self.example), elsewhere),
            (try Self.assessment(changing: ["nation": .string("wales")]), elsewhere),
            // Staff contact details only: no patient information, so nothing to say about the opt-out.
            (try BundledContent.assessment(example: "1.1.0/admin-only-staff-rota.json"), nil),
        ]
        for (assessment, expected) in cases {
            for format in [ReportFormat.markdown, .html, .docx] {
                let report = try Self.render(assessment, format)
                for statement in [directCare, beyondCare, elsewhere] {
                    #expect(
                        report.contains(statement) == (statement == expected),
                        "\(assessment.answers.metadata.organisation) \(format): \(statement)")
                }
            }
            #expect(!assessment.visibleQuestions.contains { $0.contains("opt_out") })
        }
    }

    @Test("the SIRO, Caldicott Guardian, IAO and DPO-advised rows are in the step 7 table of every format")
    func signOffRows() throws {
        let assessment = try BundledContent.assessment(example: Self.example)
        let rows = [
            ("DPO advised moving to another platform", "No"),
            (
                "Senior Information Risk Owner (SIRO)",
                "Director of Finance and Senior Information Risk Owner, 24 November 2026"
            ),
            ("Caldicott Guardian", "Associate Medical Director and Caldicott Guardian, 24 November 2026"),
            ("Information Asset Owner", "Head of Service, Hospital at Home, 24 November 2026"),
        ]
        #expect(
            assessment.signOff.filter { entry in rows.contains { $0.0 == entry.item } }.map {
                "\($0.item): \($0.name ?? "")"
            } == rows.map { "\($0.0): \($0.1)" })
        let markdown = try Self.render(assessment, .markdown)
        for (item, name) in rows {
            #expect(markdown.contains("| \(item) | \(name) |"), "\(item)")
        }
        let html = try Self.render(assessment, .html)
        let docx = try Self.render(assessment, .docx)
        for (item, name) in rows {
            #expect(html.contains(">\(item)<") && html.contains(name), "\(item) in HTML")
            #expect(docx.contains(">\(item)</w:t>") && docx.contains(name), "\(item) in Word")
        }
    }

    @Test("a final needs the SIRO, the Caldicott Guardian where patient data is in scope, and a named IAO")
    func finalNeedsNHSSignOff() throws {
        let missing = { (assessment: Assessment) in assessment.missingForFinal.map(\.path) }
        let signed = try BundledContent.assessment(example: Self.example)
        #expect(missing(signed).isEmpty)
        let questionnaire = try BundledContent.questionnaire(forExample: Self.example)
        var answers = try BundledContent.answers(example: Self.example, questionnaire: questionnaire)
        for id in [
            "siro_sign_off", "caldicott_guardian_sign_off", "caldicott_guardian_comments", "iao_sign_off",
        ] {
            answers.values[id] = nil
        }
        #expect(
            missing(Scorer.assess(questionnaire, answers)) == [
                "answers.siro_sign_off", "answers.caldicott_guardian_sign_off", "answers.iao_sign_off",
            ])
        // No IAO named: no IAO to sign (M20 asks for one instead).
        answers.values["iao_named"] = .string("no")
        answers.values["iao_name"] = nil
        let noOwner = Scorer.assess(questionnaire, answers)
        #expect(!missing(noOwner).contains("answers.iao_sign_off"))
        #expect(noOwner.measures.first { $0.measure.id == "M20" }?.recommended == true)
    }

    /// Each risk's likelihood points before measures.
    static func points(_ assessment: Assessment) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: assessment.risks.map { ($0.risk.id, $0.likelihoodPoints) })
    }

    @Test(
        "the new controls move the risks they name by their points, once each",
        arguments: [
            ("privacy_information_given", ["R2": 1, "R5": 1]), ("caldicott_principles", ["R2": 1]),
            ("organisation_dspt", ["R1": 1]), ("iao_named", ["R2": 1, "R5": 1]),
        ])
    func newControls(question: String, missingAdds: [String: Int]) throws {
        let file = "1.1.0/teams-managed-clinical-handover.json"
        let inPlace = Self.points(try BundledContent.assessment(example: file))
        var changes: [String: AnswerValue] = [question: .string("no")]
        if question == "iao_named" { changes["iao_name"] = nil }
        let missing = Self.points(try Self.assessment(file, changing: changes))
        var difference: [String: Int] = [:]
        for (risk, value) in missing where inPlace[risk] != value {
            difference[risk] = value - inPlace[risk]!
        }
        #expect(difference == missingAdds)
    }

    @Test("outside England the organisation's DSPT is not asked and its control does not apply")
    func organisationDSPTOnlyInEngland() throws {
        let assessment = try BundledContent.assessment(example: Self.example)
        let control = try #require(assessment.controls.first { $0.control.id == "organisation_dspt" })
        #expect(control.status == .notApplicable)
        #expect(!assessment.visibleQuestions.contains("organisation_dspt"))
    }
}

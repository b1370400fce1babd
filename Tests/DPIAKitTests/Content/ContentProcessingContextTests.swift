import Testing

@testable import DPIAKit

/// The facts of ICO step 2 that 1.1.0 asks and scores: who is in the groups, which patient details are
/// shared, how long and how often, whether the people concerned would expect it, public concern, and
/// whether the use was ever assessed. Each moves one risk, in likelihood or in severity, by the points
/// the definition gives with the reason the report prints.
@Suite("Content: scoring of the processing's scope and context (1.1.0)")
struct ContentProcessingContextTests {
    static let teams = "1.1.0/teams-managed-clinical-handover.json"
    static let adminOnly = "1.1.0/admin-only-staff-rota.json"

    static func assess(_ example: String, _ changes: [String: AnswerValue]) throws -> Assessment {
        try ContentScoringRulesTests.assess(example, changing: changes)
    }

    /// Each risk's likelihood points after the change less those before, for the risks that moved.
    static func pointsMoved(_ example: String, _ changes: [String: AnswerValue]) throws -> [String: Int] {
        let before = try BundledContent.assessment(example: example)
        let after = try assess(example, changes)
        var moved: [String: Int] = [:]
        for (old, new) in zip(before.risks, after.risks) where new.likelihoodPoints != old.likelihoodPoints {
            moved[old.risk.id] = new.likelihoodPoints - old.likelihoodPoints
        }
        return moved
    }

    static func risk(_ assessment: Assessment, _ id: String) throws -> RiskResult {
        try #require(assessment.risks.first { $0.risk.id == id })
    }

    @Test("partner agencies in a group raise unauthorised disclosure: information leaves the care team")
    func partnerAgencies() throws {
        let changes: [String: AnswerValue] = [
            "group_members": .strings(["own_staff", "partner_staff", "partner_agencies"])
        ]
        #expect(try Self.pointsMoved(Self.teams, changes) == ["R1": 1])
        let disclosure = try Self.risk(try Self.assess(Self.teams, changes), "R1")
        let part = try #require(
            disclosure.likelihoodContributions.first { $0.questions == ["group_members"] })
        #expect(part.reason.hasPrefix("Staff of partner agencies outside health care are in groups"))
        // Staff of other health or care providers add nothing by being there.
        #expect(
            try Self.pointsMoved(Self.teams, ["group_members": .strings(["own_staff"])]).isEmpty)
    }

    @Test("patients in groups weigh more than one-to-one messages with patients, both on disclosure only")
    func patientsInGroupsOrOneToOne() throws {
        let oneToOne = try Self.pointsMoved(
            Self.teams, ["group_members": .strings(["own_staff", "partner_staff", "patients_one_to_one"])])
        let groups = try Self.pointsMoved(
            Self.teams, ["group_members": .strings(["own_staff", "partner_staff", "patients_in_groups"])])
        #expect(oneToOne == ["R1": 1])
        #expect(groups == ["R1": 2])
    }

    @Test("a platform in use that no DPIA or risk assessment covers is a drift signal")
    func inUseWithoutAssessment() throws {
        for answer in ["no", "not_sure", "yes_earlier"] {
            let assessment = try Self.assess(Self.teams, ["prior_assessment": .string(answer)])
            let drift = try #require(assessment.purposeDrift)
            #expect(drift.signals.map(\.id) == ["in_use_without_assessment"], "\(answer)")
            #expect(drift.hasDrift)
            for id in ["R1", "R2"] {
                let part = try Self.risk(assessment, id).likelihoodContributions.first {
                    $0.questions == ["prior_assessment"]
                }
                #expect(part?.amount == 1, "\(id) \(answer)")
                #expect(
                    part?.reason
                        == "Drift signal: The platform has been in use with no DPIA or risk assessment of its current use"
                )
            }
        }
        #expect(try Self.assess(Self.teams, [:]).purposeDrift?.signals.isEmpty == true)
        // Not asked, and no signal, before the platform is in use.
        let new = try Self.assess(
            Self.teams, ["assessment_type": .string("new"), "prior_assessment": .string("no")])
        #expect(!new.visibleQuestions.contains("prior_assessment"))
        #expect(new.purposeDrift?.signals.isEmpty == true)
    }

    /// The severity of unauthorised disclosure when the rota group also carries these patient details.
    static func disclosureSeverity(_ categories: [String]) throws -> String {
        let assessment = try assess(
            adminOnly, ["data_expected": .strings(["staff_contact"] + categories)])
        return try risk(assessment, "R1").severity.id
    }

    /// A first name or initials alone rarely tell an outsider who the patient is; a full name does, and so
    /// does a ward, bay or bed location: alone to anyone on the ward, and with a first name to many more.
    @Test("first names only are less severe than full names; with a bed location they identify the patient")
    func firstNamesOnly() throws {
        #expect(try Self.disclosureSeverity(["patient_first_names"]) == "minimal")
        #expect(try Self.disclosureSeverity(["patient_names"]) == "significant")
        #expect(try Self.disclosureSeverity(["patient_location"]) == "significant")
        #expect(try Self.disclosureSeverity(["patient_first_names", "patient_location"]) == "significant")
        // Either is drift on a group approved for rotas, and allowed by clinical handover.
        let drifted = try Self.assess(
            Self.adminOnly,
            ["data_expected": .strings(["staff_contact", "patient_first_names", "patient_location"])]
        ).purposeDrift?.driftedCategories.map(\.category.id)
        #expect(drifted == ["patient_first_names", "patient_location"])
        let handover = try Self.assess(
            Self.teams,
            [
                "data_expected": .strings(["staff_contact", "patient_first_names", "patient_location"]),
                "data_shared_now": .strings(["staff_contact", "patient_first_names", "patient_location"]),
            ])
        #expect(handover.purposeDrift?.hasDrift == false)
    }

    @Test(
        "time in use raises retention by the size of the archive; about two years is one answer, not two",
        arguments: [("not_started", 0), ("under_1_year", 0), ("1_to_3_years", 1), ("over_3_years", 2)])
    func duration(answer: String, points: Int) throws {
        let assessment = try Self.assess(Self.teams, ["use_duration": .string(answer)])
        let part = try Self.risk(assessment, "R5").likelihoodContributions.first {
            $0.questions == ["use_duration"]
        }
        #expect((part?.amount ?? 0) == points)
        let option = try #require(
            assessment.questionnaire.question("use_duration")?.options.first { $0.value == answer })
        if answer == "1_to_3_years" { #expect(option.label.contains("about two years")) }
    }

    @Test(
        "use the people concerned would not expect raises processing beyond the approved purpose",
        arguments: [("expected", 0), ("partly", 1), ("not_sure", 1), ("not_expected", 2)])
    func expectations(answer: String, points: Int) throws {
        let moved = try Self.pointsMoved(Self.teams, ["individuals_expectations": .string(answer)])
        #expect(moved == (points == 0 ? [:] : ["R2": points]))
    }

    @Test("implied consent for a use the people concerned would not expect is a contradiction")
    func impliedConsentNotExpected() throws {
        let warned = try Self.assess(Self.teams, ["individuals_expectations": .string("not_expected")])
        #expect(warned.contradictions.map(\.id) == ["implied_consent_not_expected"])
        #expect(warned.notes.contains { $0.hasPrefix("Contradiction: Implied consent for direct care") })
        let explicit = try Self.assess(
            Self.teams,
            [
                "individuals_expectations": .string("not_expected"),
                "confidentiality_basis": .string("explicit_consent"),
            ])
        #expect(explicit.contradictions.isEmpty)
    }

    @Test(
        "public concern about security raises disclosure, about the vendor's use of data vendor access; the rest is recorded",
        arguments: [
            ("security_flaws", ["R1": 1]), ("vendor_data_use", ["R4": 1]), ("messaging_in_care", [:]),
            ("other", [:]),
        ])
    func publicConcern(concern: String, moved: [String: Int]) throws {
        #expect(try Self.pointsMoved(Self.teams, ["public_concern": .strings([concern])]) == moved)
    }

    @Test("daily sharing raises unauthorised disclosure only")
    func frequency() throws {
        #expect(try Self.pointsMoved(Self.teams, ["sharing_frequency": .string("daily")]).isEmpty)
        #expect(try Self.pointsMoved(Self.teams, ["sharing_frequency": .string("weekly")]) == ["R1": -1])
        #expect(
            try Self.pointsMoved(Self.teams, ["sharing_frequency": .string("occasionally")]) == ["R1": -1])
    }

    @Test("details of earlier incidents are asked only when there were some, and then required")
    func incidentDetails() throws {
        let none = try BundledContent.assessment(example: Self.teams)
        #expect(!none.visibleQuestions.contains("previous_concerns_details"))
        let some = try Self.assess(Self.teams, ["previous_concerns": .bool(true)])
        #expect(some.visibleQuestions.contains("previous_concerns_details"))
        #expect(some.questionnaire.question("previous_concerns_details")?.required == true)
    }
}

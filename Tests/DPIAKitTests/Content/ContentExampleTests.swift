import Testing

@testable import DPIAKit

/// The outcome a reviewer will read at the top of an example's report, and each risk's level before and
/// after measures. Pinned so that a change to the rules cannot silently flip a rating; the 1.0.0 examples
/// are assessments of record, pinned as they were before 1.1.0 existed.
struct ExpectedOutcome: Sendable, CustomTestStringConvertible {
    /// Under `Questionnaires/examples`.
    var file: String
    var inherent: String
    var residual: String
    var recommendation: String
    /// `PriorConsultation.id`.
    var priorConsultation: String
    /// Each risk as `ID inherent>residual`, in catalogue order.
    var risks: String
    /// The drifted data categories, in catalogue order.
    var drift: [String]

    var testDescription: String { file }
}

@Suite("Content: worked examples")
struct ContentExampleTests {
    static let clinicalDrift = [
        "patient_names", "patient_contact", "patient_identifiers", "images_video", "clinical_information",
        "special_category_other",
    ]
    /// On 1.1.0 the Ward 12 group's sample also finds bed numbers, a category of their own.
    static let clinicalDriftWithLocations = [
        "patient_names", "patient_location", "patient_contact", "patient_identifiers", "images_video",
        "clinical_information", "special_category_other",
    ]

    static let outcomes = [
        // 1.0.0: the assessments of record.
        ExpectedOutcome(
            file: "whatsapp-ward-group-drift.json", inherent: "high", residual: "high",
            recommendation: "do_not_approve", priorConsultation: "would_be_required",
            risks:
                "R1 high>high, R2 high>high, R3 high>high, R4 high>high, R5 high>high, R6 high>high, R7 high>high",
            drift: clinicalDrift),
        ExpectedOutcome(
            file: "whatsapp-ward-group-measures-approved.json", inherent: "high", residual: "medium",
            recommendation: "approve_with_conditions", priorConsultation: "not_applicable",
            risks:
                "R1 high>medium, R2 high>low, R3 high>low, R4 high>medium, R5 high>low, R6 high>low, R7 high>low",
            drift: clinicalDrift),
        ExpectedOutcome(
            file: "teams-managed-clinical-handover.json", inherent: "low", residual: "low",
            recommendation: "approve", priorConsultation: "not_applicable",
            risks:
                "R1 low>low, R2 low>low, R3 low>low, R4 low>low, R5 low>low, R6 low>low, R7 low>low",
            drift: []),
        ExpectedOutcome(
            file: "admin-only-staff-rota.json", inherent: "low", residual: "low", recommendation: "approve",
            priorConsultation: "not_applicable",
            risks:
                "R1 low>low, R2 low>low, R3 low>low, R4 low>low, R5 low>low, R6 low>low, R7 low>low",
            drift: []),
        // 1.1.0: the same cases on the current definition.
        ExpectedOutcome(
            file: "1.1.0/whatsapp-ward-group-drift.json", inherent: "high", residual: "high",
            recommendation: "do_not_approve", priorConsultation: "would_be_required",
            risks:
                "R1 high>high, R2 high>high, R3 high>high, R4 high>high, R5 high>high, R6 high>high, R7 high>high",
            drift: clinicalDriftWithLocations),
        ExpectedOutcome(
            file: "1.1.0/whatsapp-ward-group-measures-approved.json", inherent: "high", residual: "medium",
            recommendation: "approve_with_conditions", priorConsultation: "not_applicable",
            risks:
                "R1 high>medium, R2 high>low, R3 high>low, R4 high>medium, R5 high>low, R6 high>low, R7 high>low",
            drift: clinicalDriftWithLocations),
        ExpectedOutcome(
            file: "1.1.0/teams-managed-clinical-handover.json", inherent: "low", residual: "low",
            recommendation: "approve", priorConsultation: "not_applicable",
            risks:
                "R1 low>low, R2 low>low, R3 low>low, R4 low>low, R5 low>low, R6 low>low, R7 low>low",
            drift: []),
        ExpectedOutcome(
            file: "1.1.0/siilo-ward-clinical-messenger.json", inherent: "low", residual: "low",
            recommendation: "approve", priorConsultation: "not_applicable",
            risks:
                "R1 low>low, R2 low>low, R3 low>low, R4 low>low, R5 low>low, R6 low>low, R7 low>low",
            drift: []),
        ExpectedOutcome(
            file: "1.1.0/admin-only-staff-rota.json", inherent: "low", residual: "low",
            recommendation: "approve", priorConsultation: "not_applicable",
            risks:
                "R1 low>low, R2 low>low, R3 low>low, R4 low>low, R5 low>low, R6 low>low, R7 low>low",
            drift: []),
        // 1.1.0 only: a Scottish health board (the nations' options and references).
        ExpectedOutcome(
            file: "1.1.0/scotland-hospital-at-home-teams.json", inherent: "high", residual: "low",
            recommendation: "approve_once_measures_in_place", priorConsultation: "not_applicable",
            risks:
                "R1 low>low, R2 low>low, R3 low>low, R4 low>low, R5 high>low, R6 low>low, R7 low>low",
            drift: []),
    ]

    @Test("every example validates against its questionnaire", arguments: BundledContent.exampleFiles)
    func validates(file: String) {
        do {
            let questionnaire = try BundledContent.questionnaire(forExample: file)
            let answers = try BundledContent.answers(example: file, questionnaire: questionnaire)
            #expect(answers.questionnaireVersion == questionnaire.version)
        } catch {
            Issue.record("\(file) does not validate:\n\(error)")
        }
    }

    @Test("every platform example has a pinned outcome")
    func everyExamplePinned() {
        let platformExamples = BundledContent.exampleFiles.filter { !BundledContent.isScreening($0) }
        #expect(platformExamples.sorted() == Self.outcomes.map(\.file).sorted())
    }

    @Test("overall rating, recommendation and ICO consultation", arguments: outcomes)
    func outcome(expected: ExpectedOutcome) throws {
        let assessment = try BundledContent.assessment(example: expected.file)
        #expect(assessment.overallInherent?.id == expected.inherent)
        #expect(assessment.overallResidual?.id == expected.residual)
        #expect(assessment.recommendation?.id == expected.recommendation)
        #expect(assessment.priorConsultation.id == expected.priorConsultation)
        let risks = assessment.risks.map { "\($0.risk.id) \($0.level.id)>\($0.residualLevel.id)" }
        #expect(risks.joined(separator: ", ") == expected.risks)
        #expect(assessment.purposeDrift?.driftedCategories.map(\.category.id) ?? [] == expected.drift)
    }

    @Test(
        "every example assesses against the version it names", arguments: BundledContent.exampleFiles)
    func namedVersion(file: String) throws {
        let assessment = try BundledContent.assessment(example: file)
        let folder = file.split(separator: "/").dropLast().last.map(String.init)
        // Examples directly in the folder are the 1.0.0 records; later versions' are in a folder each.
        #expect(assessment.questionnaire.version == folder ?? "1.0.0")
        let latest = BundledContent.catalog.entry(id: assessment.questionnaire.id)?.questionnaire.version
        #expect(
            assessment.questionnaire.supersededBy
                == (latest == assessment.questionnaire.version ? nil : latest))
    }

    @Test("the recommendation and the Art. 36 state never contradict each other", arguments: outcomes)
    func recommendationAndPriorConsultationAgree(expected: ExpectedOutcome) throws {
        let assessment = try BundledContent.assessment(example: expected.file)
        let levels = assessment.questionnaire.scoring.priorConsultationLevels
        let highRemains = levels.contains(assessment.overallResidual?.id ?? "")
        #expect((assessment.priorConsultation != .notApplicable) == highRemains)
        if highRemains {
            // The recommendation chosen for a high residual risk is the rule that names that level.
            #expect(
                assessment.recommendation?.residualLevels?.contains(assessment.overallResidual!.id) == true)
        }
    }

    @Test("the drift example names each drifted category, the unapproved purpose and the signals")
    func driftNamed() throws {
        let assessment = try BundledContent.assessment(example: "whatsapp-ward-group-drift.json")
        let drift = try #require(assessment.purposeDrift)
        #expect(drift.approved.map(\.id) == ["admin_rotas", "service_planning"])
        #expect(
            drift.driftedCategories.map(\.category.id) == [
                "patient_names", "patient_contact", "patient_identifiers", "images_video",
                "clinical_information",
                "special_category_other",
            ])
        #expect(drift.driftedCategories.allSatisfy { $0.neededBy.map(\.id) == ["clinical_handover"] })
        #expect(drift.unapprovedPurposes.map(\.id) == ["clinical_handover"])
        #expect(
            drift.signals.map(\.id) == [
                "not_approved_for_actual_use", "use_not_monitored", "members_outside_organisation",
            ])
    }

    @Test("the drift example's top risk is unauthorised disclosure, probable and severe")
    func driftTopRisk() throws {
        let assessment = try BundledContent.assessment(example: "whatsapp-ward-group-drift.json")
        let disclosure = try #require(assessment.risks.first { $0.risk.id == "R1" })
        #expect(disclosure.likelihoodPoints == 15)
        #expect(disclosure.likelihood.id == "probable")
        #expect(disclosure.severity.id == "severe")
        #expect(assessment.risks.allSatisfy { $0.level.id == "high" })
        #expect(assessment.measures.filter(\.recommended).count == 17)
    }

    @Test("approving measures lowers every risk of the drift example, and declined ones are recorded")
    func measuresApproved() throws {
        let before = try BundledContent.assessment(example: "whatsapp-ward-group-drift.json")
        let after = try BundledContent.assessment(example: "whatsapp-ward-group-measures-approved.json")
        #expect(before.purposeDrift?.driftedCategories.count == after.purposeDrift?.driftedCategories.count)
        let residual = Dictionary(uniqueKeysWithValues: after.risks.map { ($0.risk.id, $0.residualLevel.id) })
        #expect(
            residual == [
                "R1": "medium", "R2": "low", "R3": "low", "R4": "medium", "R5": "low", "R6": "low",
                "R7": "low",
            ])
        let disclosure = try #require(after.risks.first { $0.risk.id == "R1" })
        #expect(disclosure.residualLikelihoodPoints == 5)
        #expect(disclosure.residualSeverity.id == "significant")
        #expect(disclosure.effect == .reduced)
        #expect(
            after.measures.filter { $0.recommended && !$0.applied }.map(\.measure.id) == ["M3", "M6", "M9"])
    }

    @Test("the drift example stays high when any one safeguard is answered yes instead")
    func driftIsNotBrittle() throws {
        let file = "whatsapp-ward-group-drift.json"
        let questionnaire = try BundledContent.questionnaire(forExample: file)
        let answers = try BundledContent.answers(example: file, questionnaire: questionnaire)
        for control in questionnaire.scoring.controls {
            var changed = answers
            changed.values[control.question] = .string("yes")
            let assessment = Scorer.assess(questionnaire, changed)
            #expect(assessment.overallResidual?.id == "high", "flipped by \(control.id)")
        }
    }

    @Test(
        "the managed platform and the admin-only group show no drift and need no measures",
        arguments: [
            "teams-managed-clinical-handover.json", "admin-only-staff-rota.json",
        ])
    func noDrift(file: String) throws {
        let assessment = try BundledContent.assessment(example: file)
        #expect(assessment.purposeDrift?.hasDrift == false)
        #expect(assessment.measures.filter(\.recommended).isEmpty)
    }

    @Test("the admin-only group holds only staff contact details and needs no DPIA by screening")
    func adminOnlyMinimal() throws {
        let assessment = try BundledContent.assessment(example: "admin-only-staff-rota.json")
        #expect(assessment.dataSensitivity?.highest?.id == "minimal")
        #expect(assessment.screening?.required == false)
    }

    @Test("the managed clinical platform is severe data held at remote likelihood")
    func managedClinical() throws {
        let assessment = try BundledContent.assessment(example: "teams-managed-clinical-handover.json")
        #expect(assessment.dataSensitivity?.highest?.id == "severe")
        #expect(assessment.risks.allSatisfy { $0.likelihood.id == "remote" })
        let record = try #require(assessment.risks.first { $0.risk.id == "R3" })
        #expect(record.likelihoodPoints == 1)
        #expect(assessment.screening?.required == true)
    }

    @Test(
        "the clinical messenger keeps severe clinical data and images at remote likelihood, record transfer in place"
    )
    func clinicalMessenger() throws {
        let assessment = try BundledContent.assessment(example: "1.1.0/siilo-ward-clinical-messenger.json")
        #expect(assessment.dataSensitivity?.highest?.id == "severe")
        #expect(assessment.dataSensitivity?.categories.map(\.category.id).contains("images_video") == true)
        #expect(assessment.risks.allSatisfy { $0.likelihood.id == "remote" && $0.severity.id == "severe" })
        let record = try #require(assessment.risks.first { $0.risk.id == "R3" })
        #expect(
            record.likelihoodContributions.contains { $0.questions == ["record_transfer"] && $0.amount == -1 }
        )
        // Use not yet checked against the approval is its one sign of drift; the earlier assessment covers it.
        #expect(assessment.purposeDrift?.signals.map(\.id) == ["use_not_monitored"])
        #expect(assessment.measures.filter(\.recommended).isEmpty)
        // The pilot's incident counts once on disclosure and once on processing beyond the purpose.
        let incident = assessment.risks.filter {
            $0.likelihoodContributions.contains { $0.questions == ["previous_concerns"] }
        }
        #expect(incident.map(\.risk.id) == ["R1", "R2"])
    }

    @Test(
        "the screening example requires a DPIA and names the criteria met, on 1.0.0 and 1.1.0 alike",
        arguments: ["screening-new-analytics.json", "1.1.0/screening-new-analytics.json"])
    func screening(file: String) throws {
        let assessment = try BundledContent.assessment(example: file)
        let screening = try #require(assessment.screening)
        #expect(screening.required)
        let met = Dictionary(uniqueKeysWithValues: screening.groups.map { ($0.group.id, $0.met.map(\.id)) })
        #expect(met["art35"] == ["art35_large_scale_special"])
        #expect(met["ico-list"] == ["ico_innovative", "ico_profiling", "ico_data_matching"])
        #expect(
            met["edpb"] == [
                "edpb_evaluation", "edpb_sensitive", "edpb_large_scale", "edpb_matching", "edpb_vulnerable",
                "edpb_innovative",
            ])
        #expect(assessment.risks.isEmpty)
        #expect(assessment.recommendation == nil)
    }
}

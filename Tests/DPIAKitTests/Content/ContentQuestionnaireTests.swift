import Testing

@testable import DPIAKit

@Suite("Content: bundled questionnaires")
struct ContentQuestionnaireTests {
    @Test("the two bundled questionnaires are present")
    func bundledFiles() {
        #expect(BundledContent.questionnaireFiles == ["communication-platform.json", "dpia-screening.json"])
    }

    @Test("every released version is kept, the newest the default")
    func releases() {
        let listed = BundledContent.catalog.entries.map {
            "\($0.questionnaire.id) \($0.questionnaire.version) \($0.questionnaire.supersededBy ?? "default")"
        }
        #expect(
            listed == [
                "communication-platform 1.1.0 default", "communication-platform 1.0.0 1.1.0",
                "dpia-screening 1.1.0 default", "dpia-screening 1.0.0 1.1.0",
            ])
        #expect(BundledContent.catalog.failures.isEmpty)
    }

    @Test(
        "the 1.0.0 definitions are kept as they were released",
        arguments: [
            (
                "communication-platform/1.0.0.json",
                "e6b5cdf3aa398625dd0b9efeb8c90928ec40f7a43272794229bda7ddd7f485cb"
            ),
            ("dpia-screening/1.0.0.json", "b91166d213de169cd84483f0fb340f859d536e326ecd87351e5c71a5c42f5418"),
        ])
    func releasedUnchanged(file: String, digest: String) throws {
        // The released file's digest: a change to it would re-rate every assessment of record.
        let bytes = try FileIO.read(BundledContent.questionnairesDirectory.appendingPathComponent(file).path)
        #expect(SHA256.hex(bytes) == digest)
    }

    @Test("loads without diagnostics", arguments: BundledContent.questionnaireFiles)
    func loads(file: String) {
        do {
            let questionnaire = try BundledContent.questionnaire(file: file)
            #expect("\(questionnaire.id).json" == file)
            #expect(questionnaire.estimatedMinutes != nil)
            #expect(!questionnaire.description.isEmpty)
        } catch {
            Issue.record("\(file) does not load:\n\(error)")
        }
    }

    @Test("the platform DPIA covers all seven ICO steps in order")
    func sevenSteps() throws {
        let questionnaire = try BundledContent.questionnaire(file: "communication-platform.json")
        #expect(questionnaire.sections.compactMap(\.icoStep) == [1, 2, 3, 4, 5, 6, 7])
    }

    @Test("the sign-off section has the rows of the ICO template")
    func signOffRows() throws {
        let questionnaire = try BundledContent.questionnaire(file: "communication-platform.json")
        let labels = questionnaire.sections.first { $0.icoStep == 7 }?.questions.compactMap(\.label) ?? []
        for row in [
            "Measures approved by", "Residual risks approved by", "DPO advice provided",
            "Summary of DPO advice",
            "DPO advice accepted or overruled by", "Comments/reasons if overruled",
            "Consultation responses reviewed by", "This DPIA will be kept under review by",
        ] {
            #expect(labels.contains(row), "missing sign-off row \"\(row)\"")
        }
    }

    @Test("the platform DPIA uses the ICO three-by-three matrix")
    func matrix() throws {
        let scoring = try BundledContent.questionnaire(file: "communication-platform.json").scoring
        #expect(scoring.likelihoodLevels.map(\.id) == ["remote", "possible", "probable"])
        #expect(scoring.severityLevels.map(\.id) == ["minimal", "significant", "severe"])
        #expect(scoring.riskLevels.map(\.id) == ["low", "medium", "high"])
        #expect(scoring.matrix["minimal"] == ["remote": "low", "possible": "low", "probable": "low"])
        #expect(scoring.matrix["significant"] == ["remote": "low", "possible": "medium", "probable": "high"])
        #expect(scoring.matrix["severe"] == ["remote": "low", "possible": "high", "probable": "high"])
        #expect(scoring.priorConsultationLevels == ["high"])
    }

    @Test("a twenty-three-control, seven-risk catalogue, every control and measure wired to a risk")
    func catalogue() throws {
        let scoring = try BundledContent.questionnaire(file: "communication-platform.json").scoring
        #expect(scoring.controls.count == 23)
        #expect(scoring.risks.map(\.id) == ["R1", "R2", "R3", "R4", "R5", "R6", "R7"])
        #expect(scoring.controls.allSatisfy { !$0.affects.isEmpty })
        #expect(scoring.measures.count >= 10)
        let reduced = Set(scoring.measures.flatMap { $0.reduces.map(\.risk) })
        #expect(reduced == Set(scoring.risks.map(\.id)), "every risk has a measure that reduces it")
    }

    @Test(
        "screening groups follow Article 35(3), the ICO list and the EDPB rule of two",
        arguments: BundledContent.questionnaireFiles)
    func screeningGroups(file: String) throws {
        let screening = try #require(try BundledContent.questionnaire(file: file).scoring.screening)
        let thresholds = screening.groups.map { "\($0.id)=\($0.requiredWhenAtLeast)" }
        #expect(thresholds == ["art35=1", "ico-list=1", "edpb=2"])
        #expect(screening.criteria.filter { $0.group == "edpb" }.count == 9)
        #expect(screening.criteria.filter { $0.group == "art35" }.count == 3)
    }
}

import Foundation
import TestSupport
import Testing

/// Many questions and rules apply "when patient information is in scope", each by listing the patient
/// data categories. A category added later (1.1.0 added first names only and ward, bay or bed location)
/// must join every such list, or a platform carrying only that category skips the questions meant for it
/// (the Caldicott principles, for one).
@Suite("Content: conditions on patient data list every patient category")
struct ContentPatientCategoryTests {
    static func conditionLists(in value: Any, at path: String, into lists: inout [(String, [String])]) {
        if let object = value as? [String: Any] {
            if let question = object["question"] as? String,
                question == "data_shared_now" || question == "data_expected",
                let values = object["includesAny"] as? [String], values.contains("patient_names")
            {
                lists.append((path, values))
            }
            let name = (object["id"] as? String).map { "\(path)/\($0)" } ?? path
            for (key, child) in object.sorted(by: { $0.key < $1.key }) {
                conditionLists(in: child, at: "\(name).\(key)", into: &lists)
            }
        } else if let array = value as? [Any] {
            for (index, child) in array.enumerated() {
                conditionLists(in: child, at: "\(path)[\(index)]", into: &lists)
            }
        }
    }

    @Test(
        "communication-platform 1.1.0: every list naming patients' names names every category but staff contact details"
    )
    func everyPatientCategory() throws {
        let data = try Data(
            contentsOf: URL(fileURLWithPath: PackageRoot.path("Questionnaires/communication-platform.json")))
        let definition = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let scoring = try #require(definition["scoring"] as? [String: Any])
        let dataCategories = try #require(scoring["dataCategories"] as? [String: Any])
        let categories = try #require(dataCategories["categories"] as? [[String: Any]])
        // Every category but staff contact details is information about patients or service users.
        let patientCategories = categories.compactMap { $0["id"] as? String }.filter { $0 != "staff_contact" }
        #expect(patientCategories.contains("patient_first_names"))
        #expect(patientCategories.contains("patient_location"))
        var lists: [(String, [String])] = []
        Self.conditionLists(in: definition, at: "", into: &lists)
        #expect(lists.count == 8)
        for (path, values) in lists {
            let missing = patientCategories.filter { !values.contains($0) }
            #expect(missing.isEmpty, "\(path) lacks \(missing)")
        }
    }
}

/// The questionnaires a batch has used, by id and version, so each is found (or loaded) once.
struct QuestionnaireCache {
    let explicit: Questionnaire?
    private var byReference: [String: Questionnaire] = [:]

    init(explicit: Questionnaire?) {
        self.explicit = explicit
    }

    mutating func questionnaire(
        for bytes: [UInt8], root: JSONNode?, answersPath: String, explicit idOrPath: String?,
        catalog: QuestionnaireCatalog?
    ) throws(DPIAError) -> Questionnaire {
        if let explicit { return explicit }
        if idOrPath != nil {
            return try QuestionnaireResolver.forAnswers(
                bytes, answersPath: answersPath, explicit: idOrPath, catalog: catalog)
        }
        // The reference is read straight from the parsed JSON when it is there; otherwise the whole
        // file is decoded to say what is wrong with it.
        let reference: (id: String, version: String)
        if case .string(let id)? = root?["questionnaire"]?["id"]?.value,
            case .string(let version)? = root?["questionnaire"]?["version"]?.value
        {
            reference = (id, version)
        } else {
            do {
                reference = try AnswersFile.questionnaireReference(bytes, file: answersPath)
            } catch {
                throw .input(.invalid(error))
            }
        }
        let key = reference.id + "\u{0}" + reference.version
        if let known = byReference[key] { return known }
        let found = try QuestionnaireResolver.named(reference, answersPath: answersPath, catalog: catalog)
        byReference[key] = found
        return found
    }
}

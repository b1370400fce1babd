/// Finds a questionnaire from `--questionnaire`: a path to a definition, or a bundled id.
enum QuestionnaireResolver {
    /// Loads the questionnaire an answers file needs: the one given explicitly, or the one it names.
    static func forAnswers(
        _ bytes: [UInt8], answersPath: String, explicit: String?, catalog: QuestionnaireCatalog?
    ) throws(DPIAError) -> Questionnaire {
        if let explicit {
            return try resolve(explicit, catalog: catalog)
        }
        let reference: (id: String, version: String)
        do {
            reference = try AnswersFile.questionnaireReference(bytes, file: answersPath)
        } catch {
            throw .input(.invalid(error))
        }
        return try named(reference, answersPath: answersPath, catalog: catalog)
    }

    /// The bundled questionnaire with the id and version an answers file names.
    static func named(
        _ reference: (id: String, version: String), answersPath: String, catalog: QuestionnaireCatalog?
    ) throws(DPIAError) -> Questionnaire {
        guard let entry = catalog?.entry(id: reference.id, version: reference.version) else {
            if let failure = catalog?.failure(forID: reference.id, version: reference.version) {
                throw .input(failure)
            }
            let known = catalog?.entries.map { "\($0.questionnaire.id) \($0.questionnaire.version)" } ?? []
            throw .input(
                .invalid(
                    ValidationFailure([
                        Diagnostic(
                            file: answersPath, path: "questionnaire.id", location: nil,
                            message:
                                "no bundled questionnaire \"\(reference.id)\"; expected one of: \(known.isEmpty ? "none found" : known.joined(separator: ", ")) (or pass --questionnaire PATH)"
                        )
                    ])))
        }
        guard entry.questionnaire.version == reference.version else {
            let versions = (catalog?.entries ?? []).filter { $0.questionnaire.id == reference.id }.map {
                $0.questionnaire.version + ($0.isDefault ? " (the default)" : "")
            }
            throw .input(
                .invalid(
                    ValidationFailure([
                        Diagnostic(
                            file: answersPath, path: "questionnaire.version", location: nil,
                            message:
                                "no bundled version \(reference.version) of \"\(reference.id)\"; expected one of: \(versions.joined(separator: ", ")) (or pass --questionnaire PATH to that version's definition)"
                        )
                    ])))
        }
        return entry.questionnaire
    }

    static func resolve(_ idOrPath: String, catalog: QuestionnaireCatalog?) throws(DPIAError)
        -> Questionnaire
    {
        if idOrPath.hasSuffix(".json") || idOrPath.contains("/") || FileIO.exists(idOrPath) {
            do {
                let loaded = try QuestionnaireLoader.load(path: idOrPath)
                return catalog?.marked(loaded) ?? loaded
            } catch {
                throw .input(error)
            }
        }
        if let entry = catalog?.entry(id: idOrPath) { return entry.questionnaire }
        if let failure = catalog?.failure(forID: idOrPath) { throw .input(failure) }
        let known = catalog?.entries.map(\.questionnaire.id) ?? []
        var message = "no questionnaire \"\(idOrPath)\""
        if let guess = closest(to: idOrPath, among: known) {
            message += "; did you mean \"\(guess)\"?"
        } else {
            message +=
                "; expected a path to a .json definition or one of: \(known.isEmpty ? "none found" : known.joined(separator: ", "))"
        }
        throw .input(.missing(path: idOrPath, reason: message))
    }
}

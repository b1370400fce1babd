/// Loads and checks questionnaire definitions.
enum QuestionnaireLoader {
    /// Parses, decodes and validates a definition. Throws a `ValidationFailure` listing every problem found.
    static func load(_ bytes: [UInt8], file: String) throws(ValidationFailure) -> Questionnaire {
        let root = try JSONParser.parseDocument(bytes, file: file)
        let sink = DiagnosticSink(file: file)
        let questionnaire = QuestionnaireDecoding.decode(root, sink: sink)
        if let questionnaire {
            QuestionnaireValidator(questionnaire: questionnaire, sink: sink).validate()
        }
        guard let questionnaire, sink.diagnostics.isEmpty else { throw ValidationFailure(sink.diagnostics) }
        return questionnaire
    }

    /// Loads a definition from a file.
    static func load(path: String) throws(InputError) -> Questionnaire {
        let bytes = try FileIO.read(path)
        do {
            return try load(bytes, file: path)
        } catch {
            throw .invalid(error)
        }
    }
}

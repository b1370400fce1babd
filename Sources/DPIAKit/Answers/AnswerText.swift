/// How answers read in reports and summaries.
enum AnswerText {
    /// An answer as the assessor saw it: option labels rather than values, Yes/No rather than true/false.
    static func display(_ value: AnswerValue, for question: Question) -> String {
        switch value {
        case .bool(let bool): return bool ? "Yes" : "No"
        case .string(let string):
            return question.type == .single ? (question.option(string)?.label ?? string) : string
        case .strings(let values):
            if values.isEmpty { return "None" }
            return values.map { question.option($0)?.label ?? $0 }.joined(separator: "; ")
        case .integer(let int): return String(int)
        }
    }
}

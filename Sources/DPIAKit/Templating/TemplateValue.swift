/// A value a template can render: the data model Mustache sees.
///
/// Reports build one from an assessment; tests build one from JSON (it is `Decodable`).
enum TemplateValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case list([TemplateValue])
    case object(TemplateObject)
    case null

    /// Whether a section over this value renders, per the Mustache spec:
    /// `false`, `null` and the empty list are falsey; everything else (even `""` and `0`) is truthy.
    var isTruthy: Bool {
        switch self {
        case .bool(let value): value
        case .null: false
        case .list(let items): !items.isEmpty
        case .string, .int, .double, .object: true
        }
    }

    /// The text an interpolation tag writes for this value, before escaping.
    ///
    /// Whole doubles print without a fraction (`85.0` as `85`) as other Mustache engines do;
    /// lists print their items joined by ", " and objects print nothing, because neither has
    /// a meaningful plain-text form.
    var renderedText: String {
        switch self {
        case .string(let text): text
        case .int(let number): String(number)
        case .double(let number): Self.format(number)
        case .bool(let flag): flag ? "true" : "false"
        case .list(let items): items.map(\.renderedText).joined(separator: ", ")
        case .object, .null: ""
        }
    }

    /// The member named `key` when this is an object.
    subscript(key: String) -> TemplateValue? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }

    private static func format(_ number: Double) -> String {
        if abs(number) < 1e15, Double(Int(number)) == number {
            return String(Int(number))
        }
        return String(number)
    }
}

extension TemplateValue: ExpressibleByStringLiteral {
    init(stringLiteral value: String) { self = .string(value) }
}

extension TemplateValue: ExpressibleByIntegerLiteral {
    init(integerLiteral value: Int) { self = .int(value) }
}

extension TemplateValue: ExpressibleByFloatLiteral {
    init(floatLiteral value: Double) { self = .double(value) }
}

extension TemplateValue: ExpressibleByBooleanLiteral {
    init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension TemplateValue: ExpressibleByNilLiteral {
    init(nilLiteral: ()) { self = .null }
}

extension TemplateValue: ExpressibleByArrayLiteral {
    init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
}

extension TemplateValue: ExpressibleByDictionaryLiteral {
    /// Later duplicates win, as they would in JSON.
    init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(TemplateObject(elements))
    }
}

extension TemplateValue: Codable {
    /// Reads any JSON value; integers that fit an `Int` become `.int`, other numbers `.double`.
    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Int.self) {
            self = .int(number)
        } else if let number = try? container.decode(Double.self) {
            self = .double(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let items = try? container.decode([TemplateValue].self) {
            self = .list(items)
        } else {
            self = .object(try container.decode(TemplateObject.self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let text): try container.encode(text)
        case .int(let number): try container.encode(number)
        case .double(let number): try container.encode(number)
        case .bool(let flag): try container.encode(flag)
        case .list(let items): try container.encode(items)
        case .object(let members): try container.encode(members)
        case .null: try container.encodeNil()
        }
    }
}

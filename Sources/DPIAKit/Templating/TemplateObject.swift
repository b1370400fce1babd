/// The members of a `TemplateValue.object`: values by name, in the order they were given.
///
/// Report objects hold a few dozen members at most, so a lookup reads the list (comparing lengths first,
/// which tells most names apart at once); most objects are built once, rendered and thrown away, and a
/// list costs nothing to build.
public struct TemplateObject: Sendable {
    /// One named value. A struct rather than a tuple: the runtime frees an array of tuples member by
    /// member through their type metadata, which showed as a tenth of a batch's time in the profile.
    private struct Member: Sendable {
        let name: String
        var value: TemplateValue
    }

    /// The members in order. A literal may repeat a name; lookups read from the end, so the later one wins.
    private var pairs: [Member]

    /// An object with no members.
    public init() {
        pairs = []
    }

    /// An object with the members of `members`.
    public init(_ members: [String: TemplateValue]) {
        pairs = members.map { Member(name: $0.key, value: $0.value) }
    }

    /// An object with `pairs` as its members, in order; a repeated name takes its later value.
    init(_ pairs: [(String, TemplateValue)]) {
        self.pairs = pairs.map { Member(name: $0.0, value: $0.1) }
    }

    /// The members as a dictionary, for callers that want to iterate them.
    public var members: [String: TemplateValue] {
        Dictionary(pairs.map { ($0.name, $0.value) }, uniquingKeysWith: { _, later in later })
    }

    /// The member named `key`; setting `nil` removes it.
    public subscript(key: String) -> TemplateValue? {
        get {
            let length = key.utf8.count
            for index in pairs.indices.reversed()
            where pairs[index].name.utf8.count == length && pairs[index].name == key {
                return pairs[index].value
            }
            return nil
        }
        set {
            if let newValue {
                if let index = pairs.lastIndex(where: { $0.name == key }) {
                    pairs[index].value = newValue
                } else {
                    pairs.append(Member(name: key, value: newValue))
                }
            } else {
                pairs.removeAll { $0.name == key }
            }
        }
    }
}

extension TemplateObject: Equatable {
    /// Objects are equal when they have the same names with equal values, in any order.
    public static func == (lhs: TemplateObject, rhs: TemplateObject) -> Bool {
        lhs.members == rhs.members
    }
}

extension TemplateObject: ExpressibleByDictionaryLiteral {
    /// Later duplicates win, as they would in JSON.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self.init(elements)
    }
}

extension TemplateObject: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(try [String: TemplateValue](from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try members.encode(to: encoder)
    }
}

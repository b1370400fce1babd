/// The members of a `TemplateValue.object`: values by name, in the order they were given.
///
/// Report objects hold a few dozen members at most, so a lookup reads the list (comparing lengths first,
/// which tells most names apart at once); most objects are built once, rendered and thrown away, and a
/// list costs nothing to build.
struct TemplateObject: Sendable {
    /// The members in order, as a literal gives them: keeping the literal's array as it is copies
    /// nothing, where making a member struct of each pair copied every one and then freed the literal's
    /// array anyway. A literal may repeat a name; lookups read from the end, so the later one wins.
    private var pairs: [(String, TemplateValue)]

    /// An object with no members.
    init() {
        pairs = []
    }

    /// An object with the members of `members`.
    init(_ members: [String: TemplateValue]) {
        pairs = members.map { ($0.key, $0.value) }
    }

    /// An object with `pairs` as its members, in order; a repeated name takes its later value.
    init(_ pairs: [(String, TemplateValue)]) {
        self.pairs = pairs
    }

    /// The members as a dictionary, for callers that want to iterate them.
    var members: [String: TemplateValue] {
        Dictionary(pairs, uniquingKeysWith: { _, later in later })
    }

    /// The member named `key`; setting `nil` removes it.
    subscript(key: String) -> TemplateValue? {
        get {
            let length = key.utf8.count
            for index in pairs.indices.reversed()
            where pairs[index].0.utf8.count == length && pairs[index].0 == key {
                return pairs[index].1
            }
            return nil
        }
        set {
            if let newValue {
                if let index = pairs.lastIndex(where: { $0.0 == key }) {
                    pairs[index].1 = newValue
                } else {
                    pairs.append((key, newValue))
                }
            } else {
                pairs.removeAll { $0.0 == key }
            }
        }
    }
}

extension TemplateObject: Equatable {
    /// Objects are equal when they have the same names with equal values, in any order.
    static func == (lhs: TemplateObject, rhs: TemplateObject) -> Bool {
        lhs.members == rhs.members
    }
}

extension TemplateObject: ExpressibleByDictionaryLiteral {
    /// Later duplicates win, as they would in JSON.
    init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self.init(elements)
    }
}

extension TemplateObject: Codable {
    init(from decoder: any Decoder) throws {
        self.init(try [String: TemplateValue](from: decoder))
    }

    func encode(to encoder: any Encoder) throws {
        try members.encode(to: encoder)
    }
}

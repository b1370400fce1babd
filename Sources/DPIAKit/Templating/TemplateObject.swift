/// The members of a `TemplateValue.object`: values by name.
///
/// Report objects hold a few to a few dozen members, and rendering looks names up thousands of times per
/// report, often missing on the way out through enclosing contexts. `Dictionary` hashes the name with
/// SipHash on every lookup; here each name's hash is worked out once (when the member is stored, and
/// when a template is parsed), so a lookup is a scan comparing integers and then, on a match, the name.
public struct TemplateObject: Sendable {
    struct Entry: Sendable {
        let key: String
        let hash: UInt32
        var value: TemplateValue
    }

    /// In insertion order. A name may appear more than once only after a literal repeats it; lookups
    /// scan from the end, so the later one wins.
    private(set) var entries: [Entry]

    /// An object with no members.
    public init() {
        entries = []
    }

    /// An object with the members of `members`.
    public init(_ members: [String: TemplateValue]) {
        entries = members.map { Entry(key: $0.key, hash: Self.hash($0.key), value: $0.value) }
    }

    /// The members as a dictionary, for callers that want to iterate them.
    public var members: [String: TemplateValue] {
        Dictionary(entries.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
    }

    /// The member named `key`; setting `nil` removes it.
    public subscript(key: String) -> TemplateValue? {
        get { value(forKey: key, hash: Self.hash(key)) }
        set {
            let hash = Self.hash(key)
            if let index = entries.lastIndex(where: { $0.hash == hash && $0.key == key }) {
                if let newValue {
                    entries[index].value = newValue
                } else {
                    entries.removeAll { $0.hash == hash && $0.key == key }
                }
            } else if let newValue {
                entries.append(Entry(key: key, hash: hash, value: newValue))
            }
        }
    }

    /// The member named `key`, whose `hash(_:)` the caller already has.
    func value(forKey key: String, hash: UInt32) -> TemplateValue? {
        var index = entries.count - 1
        while index >= 0 {
            if entries[index].hash == hash && entries[index].key == key {
                return entries[index].value
            }
            index -= 1
        }
        return nil
    }

    /// 32-bit FNV-1a of the name's UTF-8: a few instructions a byte, and names are short.
    static func hash(_ key: String) -> UInt32 {
        var key = key
        return key.withUTF8 { bytes in
            var hash: UInt32 = 2_166_136_261
            for byte in bytes {
                hash = (hash ^ UInt32(byte)) &* 16_777_619
            }
            return hash
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
        self.init(pairs: elements)
    }

    init(pairs: [(String, TemplateValue)]) {
        entries = pairs.map { Entry(key: $0.0, hash: Self.hash($0.0), value: $0.1) }
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

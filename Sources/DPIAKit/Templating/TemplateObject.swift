/// The members of a `TemplateValue.object`: values by name.
///
/// Report objects hold a few to a few dozen members, and rendering looks names up thousands of times per
/// report, often missing on the way out through enclosing contexts. `Dictionary` hashes the name with
/// SipHash on every lookup; here each name's hash is worked out once (in the object's `TemplateShape`, and
/// when a template is parsed), so a lookup is a scan comparing integers and then, on a match, the name.
public struct TemplateObject: Sendable {
    /// The names, shared by every object built with the same shape.
    private(set) var shape: TemplateShape
    /// The values, in the order of `shape.names`. Rendering never copies an object (it reads values in
    /// place), so two references here cost nothing there, and one allocation fewer per object makes
    /// building and freeing a report cheaper.
    private(set) var values: [TemplateValue]

    /// An object with no members.
    public init() {
        self.init(TemplateShape([]), [])
    }

    /// An object with the members of `members`.
    public init(_ members: [String: TemplateValue]) {
        self.init(TemplateShape(Array(members.keys)), Array(members.values))
    }

    /// An object whose member named `shape.names[i]` is `values[i]`.
    ///
    /// Building many objects with one shape (a static `TemplateShape` beside the code that fills it in)
    /// costs one array of values each: no names are copied or hashed.
    public init(_ shape: TemplateShape, _ values: [TemplateValue]) {
        precondition(shape.names.count == values.count, "a TemplateObject needs one value for each name")
        self.shape = shape
        self.values = values
    }

    init(pairs: [(String, TemplateValue)]) {
        self.init(TemplateShape(pairs.map(\.0)), pairs.map(\.1))
    }

    /// The members as a dictionary, for callers that want to iterate them.
    public var members: [String: TemplateValue] {
        Dictionary(zip(shape.names, values), uniquingKeysWith: { _, last in last })
    }

    /// The member named `key`; setting `nil` removes it.
    public subscript(key: String) -> TemplateValue? {
        get { value(forKey: key, hash: TemplateShape.hash(key)) }
        set {
            // The shape may be shared, so a new member makes a new shape.
            let hash = TemplateShape.hash(key)
            if let newValue {
                if let index = shape.index(of: key, hash: hash) {
                    values[index] = newValue
                } else {
                    shape = shape.appending(key, hash: hash)
                    values.append(newValue)
                }
            } else {
                let kept = shape.names.indices.filter { shape.names[$0] != key }
                shape = TemplateShape(kept.map { shape.names[$0] })
                values = kept.map { values[$0] }
            }
        }
    }

    /// The member named `key`, whose `TemplateShape.hash(_:)` the caller already has.
    func value(forKey key: String, hash: UInt32) -> TemplateValue? {
        guard let index = shape.index(of: key, hash: hash) else { return nil }
        return values[index]
    }
}

/// The member names of a kind of `TemplateObject`, with their hashes worked out once.
public final class TemplateShape: Sendable {
    /// The names in order. A name may appear twice only after a literal repeats it; lookups scan from the
    /// end, so the later one wins, as it would in JSON.
    public let names: [String]
    let hashes: [UInt32]

    public init(_ names: [String]) {
        self.names = names
        hashes = names.map(Self.hash)
    }

    public convenience init(_ names: String...) {
        self.init(names)
    }

    private init(names: [String], hashes: [UInt32]) {
        self.names = names
        self.hashes = hashes
    }

    /// This shape with `key` added at the end, without hashing the other names again.
    func appending(_ key: String, hash: UInt32) -> TemplateShape {
        TemplateShape(names: names + [key], hashes: hashes + [hash])
    }

    func index(of key: String, hash: UInt32) -> Int? {
        hashes.withUnsafeBufferPointer { hashes in
            var index = hashes.count - 1
            while index >= 0 {
                if hashes[index] == hash && names[index] == key {
                    return index
                }
                index -= 1
            }
            return nil
        }
    }

    /// 32-bit FNV-1a of the name's UTF-8: a few instructions a byte, and names are short.
    static func hash(_ key: String) -> UInt32 {
        var key = key
        return key.withUTF8(hash)
    }

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes {
            hash = (hash ^ UInt32(byte)) &* 16_777_619
        }
        return hash
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
}

extension TemplateObject: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(try [String: TemplateValue](from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try members.encode(to: encoder)
    }
}

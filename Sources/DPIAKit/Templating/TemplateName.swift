/// Where a tag starts in its template.
struct SourcePosition: Sendable, Equatable {
    var line: Int
    var column: Int
}

/// A name in a tag: `.` (the current context) or a dotted path such as `risk.level`.
struct TemplateName: Sendable, Equatable {
    /// One dotted part, with its `TemplateShape.hash(_:)` worked out at parse time rather than per lookup.
    struct Part: Sendable, Equatable {
        let key: String
        let hash: UInt32

        init(_ key: String) {
            self.init(key, hash: TemplateShape.hash(key))
        }

        init(_ key: String, hash: UInt32) {
            self.key = key
            self.hash = hash
        }
    }

    /// The name as written, trimmed; used in messages and to match a section's close tag.
    let text: String
    /// The first dotted part, looked up through the context stack; `nil` for the implicit iterator `.`.
    let first: Part?
    /// The later parts, looked up only inside what `first` found; most names have none.
    let rest: [Part]

    init(text: String, parts: [Part]) {
        self.text = text
        first = parts.first
        rest = Array(parts.dropFirst())
    }

    /// Resolves this name against a context stack, innermost context last.
    ///
    /// The first part is looked up from the innermost context outwards; later parts only inside
    /// what the first part found (the spec's "no masking" rule). `nil` means the name resolves nowhere.
    func resolve(in contexts: UnsafeBufferPointer<TemplateContext>) -> UnsafePointer<TemplateValue>? {
        guard let first else { return contexts.last?.value }
        var index = contexts.count - 1
        while index >= 0 {
            if let found = contexts[index].member(first.key, hash: first.hash) {
                return rest.isEmpty ? found : descend(into: found)
            }
            index -= 1
        }
        return nil
    }

    /// Looks up the second and later parts inside what the first part found.
    func descend(into found: UnsafePointer<TemplateValue>) -> UnsafePointer<TemplateValue>? {
        var current = found
        for part in rest {
            guard let value = TemplateContext(current).member(part.key, hash: part.hash) else { return nil }
            current = value
        }
        return current
    }
}

/// A value on the context stack of a render or a name check, read in place.
///
/// It points into the value being rendered, which the caller keeps alive and unchanged: copying a
/// `TemplateValue` out costs a retain and a release, and a report resolves names thousands of times.
/// An object's names and values are found once, when the context is entered, not on every lookup.
struct TemplateContext {
    let value: UnsafePointer<TemplateValue>
    /// Not retained: the rendered value holds it.
    private let shape: Unmanaged<TemplateShape>?
    private let values: UnsafePointer<TemplateValue>?

    init(_ value: UnsafePointer<TemplateValue>) {
        self.value = value
        if case .object(let object) = value.pointee {
            shape = Unmanaged.passUnretained(object.shape)
            // An array's elements stay where they are until it is changed or freed, which neither does.
            values = object.values.withUnsafeBufferPointer { $0.baseAddress }
        } else {
            shape = nil
            values = nil
        }
    }

    /// What a lookup of one name found in an object of one shape: the member's index, or -1 for none.
    struct LookupHint {
        /// Not retained: compared only while the rendered value holds every shape in it.
        var shape: UnsafeMutableRawPointer? = nil
        var index = -1
    }

    /// Where the member named `part` is when this context is an object, taken from `hint` when the hint was
    /// left by an object of this shape (objects of one shape have each name at the same index), and left
    /// there otherwise.
    @inline(__always)
    func member(_ part: TemplateName.Part, hint: UnsafeMutablePointer<LookupHint>?) -> UnsafePointer<
        TemplateValue
    >? {
        guard let shape, let values else { return nil }
        let index: Int
        if let hint {
            let identity = shape.toOpaque()
            if hint.pointee.shape == identity {
                index = hint.pointee.index
            } else {
                index = shape._withUnsafeGuaranteedRef { $0.index(of: part.key, hash: part.hash) } ?? -1
                hint.pointee = LookupHint(shape: identity, index: index)
            }
        } else {
            index = shape._withUnsafeGuaranteedRef { $0.index(of: part.key, hash: part.hash) } ?? -1
        }
        return index < 0 ? nil : values + index
    }

    /// Where the member named `key` is when this context is an object.
    func member(_ key: String, hash: UInt32) -> UnsafePointer<TemplateValue>? {
        guard let shape, let values,
            let index = shape._withUnsafeGuaranteedRef({ $0.index(of: key, hash: hash) })
        else { return nil }
        return values + index
    }
}

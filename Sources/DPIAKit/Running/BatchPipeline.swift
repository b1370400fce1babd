import Foundation

/// Hands a batch's files to worker threads and their results back to one consumer, in order.
///
/// Workers `claim` the next index and `deliver` its result; the consumer `take`s results in index
/// order and `release`s what it has finished with. Workers never run more than `window` files ahead of
/// the last release, so a slow disk holds them back instead of letting results pile up in memory.
final class BatchPipeline<Value>: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int
    private let window: Int
    // Guarded by `condition`.
    private var next = 0
    private var released = 0
    private var slots: [Value?]

    init(count: Int, window: Int) {
        precondition(window > 0, "a pipeline needs room for at least one result")
        self.count = count
        self.window = window
        slots = Array(repeating: nil, count: count)
    }

    /// The next index to work on, waiting while the consumer is a whole window behind;
    /// nil when every index has been claimed.
    func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while next < count && next >= released + window { condition.wait() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }

    /// Stores the result for a claimed index and wakes the consumer.
    func deliver(_ value: Value, at index: Int) {
        condition.lock()
        slots[index] = value
        condition.broadcast()
        condition.unlock()
    }

    /// The result for `index`, waiting until a worker delivers it; each index is taken once.
    func take(_ index: Int) -> Value {
        condition.lock()
        defer { condition.unlock() }
        while slots[index] == nil { condition.wait() }
        defer { slots[index] = nil }
        return slots[index]!
    }

    /// Lets workers claim up to `window` indices beyond `index`.
    func release(upTo index: Int) {
        condition.lock()
        released = max(released, index)
        condition.broadcast()
        condition.unlock()
    }
}

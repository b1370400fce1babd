import Foundation
import Testing

@testable import DPIAKit

/// The hand-off between a batch's worker threads and the thread that writes reports in order.
@Suite("Batch pipeline")
struct BatchPipelineTests {
    @Test func resultsComeBackInOrderWhateverOrderWorkersFinishIn() {
        let count = 500
        let pipeline = BatchPipeline<Int>(count: count, window: 16)
        let finished = DispatchSemaphore(value: 0)
        for worker in 0..<4 {
            Thread.detachNewThread {
                while let index = pipeline.claim() {
                    // Uneven work so later indices often finish before earlier ones.
                    if (index + worker) % 3 == 0 { usleep(200) }
                    pipeline.deliver(index * index, at: index)
                }
                finished.signal()
            }
        }
        var received: [Int] = []
        for index in 0..<count {
            received.append(pipeline.take(index))
            if index % 16 == 15 { pipeline.release(upTo: index + 1) }
        }
        pipeline.release(upTo: count)
        for _ in 0..<4 { #expect(finished.wait(timeout: .now() + 10) == .success) }
        #expect(received == (0..<count).map { $0 * $0 })
    }

    @Test func workersWaitWhenAWindowAheadOfTheConsumer() {
        let pipeline = BatchPipeline<Int>(count: 10, window: 4)
        #expect((0..<4).map { _ in pipeline.claim() } == [0, 1, 2, 3])
        let claimedFifth = DispatchSemaphore(value: 0)
        let fifth = LockedBox<Int?>(nil)
        Thread.detachNewThread {
            fifth.value = pipeline.claim()
            claimedFifth.signal()
        }
        #expect(claimedFifth.wait(timeout: .now() + 0.2) == .timedOut, "index 4 is beyond the window")
        pipeline.release(upTo: 1)
        #expect(claimedFifth.wait(timeout: .now() + 10) == .success)
        #expect(fifth.value == 4)
    }

    @Test func claimingEndsWhenEveryIndexIsTaken() {
        let pipeline = BatchPipeline<String>(count: 2, window: 8)
        #expect(pipeline.claim() == 0)
        #expect(pipeline.claim() == 1)
        #expect(pipeline.claim() == nil)
        pipeline.deliver("b", at: 1)
        pipeline.deliver("a", at: 0)
        #expect(pipeline.take(0) == "a")
        #expect(pipeline.take(1) == "b")
    }
}

/// A value shared with a thread the test starts.
private final class LockedBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

import Foundation

/// Runs synchronous work on every core and gives the results in order: the one place in the
/// core that shares work between threads by hand.
///
/// The export pipeline uses task groups. Reading an edition is synchronous all the way down
/// (libyaml's parser, the flat document, the reader), and a long list is read in parts at
/// once inside it (`scripts/bench.sh`: 100,000 nominees validate in about half the time), where
/// no task can be awaited. The caller promises that `work` may run on several threads at
/// once: each call touches only what it is given and what it makes.
enum ConcurrentMap {
    static func run<Result>(_ count: Int, _ work: (Int) -> Result) -> [Result] {
        guard count > 1 else { return (0..<count).map(work) }
        let slots = UnsafeMutableBufferPointer<Result?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer {
            slots.deinitialize()
            slots.deallocate()
        }
        withoutActuallyEscaping(work) { work in
            let shared = Shared(work: work, slots: slots)
            // Each call writes its own slot only, so the slots need no lock.
            DispatchQueue.concurrentPerform(iterations: count) { index in
                shared.slots[index] = shared.work(index)
            }
        }
        // Every slot was written: concurrentPerform returns once every call has.
        return slots.map { $0! }
    }

    /// The work and the slots, handed to the threads of one `run`, which outlives them.
    private struct Shared<Result>: @unchecked Sendable {
        let work: (Int) -> Result
        let slots: UnsafeMutableBufferPointer<Result?>
    }
}

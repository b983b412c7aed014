import Foundation

/// Runs synchronous work on every core and gives the results in order: the one place in the
/// project that shares work between threads by hand.
///
/// The export pipeline uses task groups. Two things inside it are synchronous all the way
/// down and gain from a second core (`scripts/bench.sh` shows both): reading a long list of an
/// edition in parts (libyaml's parser, the flat document, the reader), and making a long
/// sheet's next rows while libxlsxwriter writes the last ones. No task can be awaited there.
/// The caller promises that the calls of `work` may run at once: each touches only what it
/// is given and what it makes, or what no other call touches.
public enum ConcurrentMap {
    /// `work(0)`, `work(1)`, … `work(count - 1)`, run at once on every core, in order.
    public static func run<Result>(_ count: Int, _ work: (Int) -> Result) -> [Result] {
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
        package let work: (Int) -> Result
        package let slots: UnsafeMutableBufferPointer<Result?>
    }
}

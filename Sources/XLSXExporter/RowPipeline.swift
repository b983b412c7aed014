import Foundation

/// Makes a long sheet's rows on another core, a batch ahead, while the writer hands the
/// previous batch to libxlsxwriter: planning cells and formatting XML overlap.
///
/// Only the making of rows moves: every libxlsxwriter call stays on the writer's thread.
final class RowPipeline: @unchecked Sendable {
    /// Sheets with fewer rows are made as they are written: a thread costs more.
    static let minimumRows = 4_096
    private static let batchSize = 512
    /// Batches made and not yet written, at most.
    private static let capacity = 4

    private let condition = NSCondition()
    private var ready: [[[Cell]]] = []
    private var producing = true
    private var cancelled = false

    /// Starts making rows `0..<count` with `row`, which must only read what it captured.
    init(count: Int, row: @escaping (Int) -> [Cell]) {
        nonisolated(unsafe) let row = row
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            var start = 0
            while start < count {
                let end = min(start + Self.batchSize, count)
                let batch = (start..<end).map(row)
                condition.lock()
                while ready.count >= Self.capacity && !cancelled { condition.wait() }
                let stop = cancelled
                if !stop { ready.append(batch) }
                condition.broadcast()
                condition.unlock()
                if stop { break }
                start = end
            }
            condition.lock()
            producing = false
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The next batch of rows in order, or nil when all were handed out.
    func next() -> [[Cell]]? {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty && producing { condition.wait() }
        guard !ready.isEmpty else { return nil }
        let batch = ready.removeFirst()
        condition.broadcast()
        return batch
    }

    /// Stops making rows and waits until the other core has stopped: call before leaving
    /// early, so no work outlives the sheet.
    func finish() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while producing { condition.wait() }
        condition.unlock()
    }
}

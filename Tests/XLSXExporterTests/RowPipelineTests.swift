import Foundation
import Testing
@testable import XLSXExporter

@Suite("Rows made on another core")
struct RowPipelineTests {
    /// Counts the rows made, from the pipeline's thread.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var made = 0
        func add() { lock.withLock { made += 1 } }
        var value: Int { lock.withLock { made } }
    }

    @Test("every row once, in order, in batches")
    func allRowsInOrder() {
        let pipeline = RowPipeline(count: 10_000) { [Cell(value: .number(Double($0)))] }
        var seen: [Double] = []
        while let batch = pipeline.next() {
            for row in batch {
                if case .number(let value) = row[0].value { seen.append(value) }
            }
        }
        pipeline.finish()
        #expect(seen == (0..<10_000).map(Double.init))
    }

    @Test("a writer that stops early stops the maker, which then makes no more rows")
    func stopsEarly() {
        let counter = Counter()
        let pipeline = RowPipeline(count: 1_000_000) { _ in
            counter.add()
            return [Cell.empty]
        }
        _ = pipeline.next()
        pipeline.finish()  // returns only once the maker has stopped
        let made = counter.value
        #expect(made < 1_000_000, "the maker stopped long before the end")
        Thread.sleep(forTimeInterval: 0.05)
        #expect(counter.value == made, "and made nothing after finish() returned")
    }
}

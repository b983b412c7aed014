import Dispatch
import Foundation
import Testing

@testable import JuryReportCore

@Suite("ConcurrentMap", .onTestPool)
struct ConcurrentMapTests {
    @Test("every result once, in order")
    func inOrder() {
        #expect(ConcurrentMap.run(1000) { $0 * 2 } == (0..<1000).map { $0 * 2 })
        #expect(ConcurrentMap.run(0) { $0 }.isEmpty)
        #expect(ConcurrentMap.run(1) { $0 + 7 } == [7])
    }

    @Test("the calls run at once: each waits for the other", .requires(.twoCores))
    func atOnce() {
        let first = DispatchSemaphore(value: 0)
        let second = DispatchSemaphore(value: 0)
        // Run one after the other, each would time out waiting for a call not yet started.
        let met = ConcurrentMap.run(2) { part -> Bool in
            (part == 0 ? first : second).signal()
            return (part == 0 ? second : first).wait(timeout: .now() + 10) == .success
        }
        #expect(met == [true, true])
    }
}

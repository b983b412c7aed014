import Foundation
import Testing

/// Threads of the tests' own that a suite's tests run on (``Testing/Trait/onTestPool``).
///
/// Most tests block while a program they started runs (the tool, TeX, LibreOffice, a
/// browser), some while a plugin times out. On Swift's shared pool, as wide as the cores,
/// such a wait leaves a core idle; here four threads on a two-core machine keep both busy.
public final class TestPool: TaskExecutor, @unchecked Sendable {
    /// The one pool of a test run: twice as many threads as cores, at least four.
    public static let shared = TestPool(threads: max(4, 2 * ProcessInfo.processInfo.activeProcessorCount))

    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    init(threads: Int) {
        for index in 0..<threads {
            let thread = Thread { [self] in
                while true {
                    condition.lock()
                    while jobs.isEmpty { condition.wait() }
                    let job = jobs.removeFirst()
                    condition.unlock()
                    job.runSynchronously(on: asUnownedTaskExecutor())
                }
            }
            thread.name = "test-pool-\(index)"
            thread.start()
        }
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }
}

/// Runs each test of a suite on ``TestPool``.
public struct TestPoolTrait: TestTrait, SuiteTrait, TestScoping {
    public var isRecursive: Bool { true }

    public func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        // Suites get a scope of their own too; only the tests (or their cases) move.
        guard !test.isSuite else { return try await function() }
        try await withTaskExecutorPreference(TestPool.shared) {
            // Timed from when a thread of the pool takes it up; each case of a test on its own.
            let started = Date()
            defer { if testCase != nil { TestTimes.record(test, from: started) } }
            try await function()
        }
    }
}

/// With `JURYREPORT_TEST_TIMES=FILE`, each test's (or test case's) time is logged to FILE,
/// one tab-separated line of test target, seconds since the run began, seconds taken and
/// name; `scripts/test-times.sh FILE` sums them up per target, so a slow suite is seen.
enum TestTimes {
    static let file = ProcessInfo.processInfo.environment["JURYREPORT_TEST_TIMES"]
    static let runStarted = Date()
    private static let lock = NSLock()

    static func record(_ test: Test, from started: Date) {
        guard let file else { return }
        let now = Date()
        let line = [
            test.id.moduleName, String(format: "%.3f", started.timeIntervalSince(runStarted)),
            String(format: "%.3f", now.timeIntervalSince(started)), test.displayName ?? test.name,
        ].joined(separator: "\t") + "\n"
        lock.lock()
        defer { lock.unlock() }
        if !FileManager.default.fileExists(atPath: file) { FileManager.default.createFile(atPath: file, contents: nil) }
        guard let handle = FileHandle(forWritingAtPath: file) else { return }
        _ = try? handle.seekToEnd()
        try? handle.write(contentsOf: Data(line.utf8))
        try? handle.close()
    }
}

extension Trait where Self == TestPoolTrait {
    /// The suite's tests run on ``TestPool``, so that one waiting for a program leaves no
    /// core idle. Every suite of the package carries it.
    public static var onTestPool: Self { TestPoolTrait() }
}

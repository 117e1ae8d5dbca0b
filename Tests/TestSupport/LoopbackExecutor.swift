import Foundation

/// A task executor on threads of its own, for the loopback test servers and the tests that drive them.
///
/// `swift test` runs every test target in one process, and Swift's cooperative pool has as many threads as cores
/// (two here). Synchronous tests that parse or generate large documents hold those threads for seconds each, so a
/// server on the pool may not even start listening before its test gives up. Tasks that prefer this executor
/// (`Task(executorPreference:)`, `withTaskExecutorPreference`) and all their child tasks run here instead, at a
/// pace set by the server's own work, whatever else the suite is doing.
public final class LoopbackExecutor: TaskExecutor, @unchecked Sendable {
    /// The process-wide executor: two threads, started on first use, never stopped.
    public static let shared = LoopbackExecutor(threads: 2)

    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    private init(threads: Int) {
        for index in 0..<threads {
            let thread = Thread { [unowned self] in self.work() }
            thread.name = "loopback-executor-\(index)"
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

    private func work() {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}

/// Runs `operation`, and every child task it starts, on `LoopbackExecutor.shared`.
public func onLoopbackExecutor<T>(
    isolation: isolated (any Actor)? = #isolation, _ operation: () async throws -> T
) async throws -> T {
    try await withTaskExecutorPreference(LoopbackExecutor.shared, isolation: isolation, operation: operation)
}

import Foundation

// MARK: - Sleeping and timeouts

/// Waits between retries; inject a recording sleeper in tests.
public protocol Sleeper: Sendable {
    func sleep(for duration: Duration) async throws
}

/// Sleeps with `Task.sleep`; throws `CancellationError` when the task is cancelled.
public struct TaskSleeper: Sleeper {
    public init() {}

    public func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: duration)
    }
}

/// Thrown by `withTimeout` when the deadline passes first.
public struct TimeoutSignal: Error {}

/// Runs `operation`, failing with `TimeoutSignal` once `timeout` has passed and with `CancellationError` when the
/// caller is cancelled. The operation runs in its own task, so a transport that ignores cancellation still cannot
/// hold the caller past the deadline (it is cancelled and left to finish alone).
public func withTimeout<T: Sendable>(
    _ timeout: Duration, _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    let race = Race<T>()
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { continuation in
            let work = Task {
                do { race.finish(.success(try await operation())) } catch { race.finish(.failure(error)) }
            }
            let timer = Task {
                do {
                    try await Task.sleep(for: timeout)
                    race.finish(.failure(TimeoutSignal()))
                } catch {}
            }
            race.start(continuation, tasks: [work, timer])
        }
    } onCancel: {
        race.finish(.failure(CancellationError()))
    }
}

/// The first outcome wins; the losers are cancelled.
private final class Race<T: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<T, any Error>?
        var outcome: Result<T, any Error>?
        var tasks: [Task<Void, Never>] = []
    }

    private let state = Locked(State())

    func start(_ continuation: CheckedContinuation<T, any Error>, tasks: [Task<Void, Never>]) {
        let early = state.withLock { state -> Result<T, any Error>? in
            if state.outcome == nil {
                state.continuation = continuation
                state.tasks = tasks
            }
            return state.outcome
        }
        if let early {
            tasks.forEach { $0.cancel() }
            continuation.resume(with: early)
        }
    }

    func finish(_ result: Result<T, any Error>) {
        typealias Losers = (CheckedContinuation<T, any Error>?, [Task<Void, Never>])
        let (continuation, tasks) = state.withLock { state -> Losers in
            guard state.outcome == nil else { return (nil, []) }
            state.outcome = result
            defer { state.continuation = nil; state.tasks = [] }
            return (state.continuation, state.tasks)
        }
        tasks.forEach { $0.cancel() }
        continuation?.resume(with: result)
    }
}

import Foundation

/// What a finished child process left.
public struct ProcessOutput: Sendable {
    public var status: Int32
    public var stdout: String
    /// Empty when the run merged standard error into `stdout`.
    public var stderr: String

    /// Standard output, then standard error.
    public var output: String { stdout + stderr }
}

/// Runs programs for tests (the CLI, `swiftc`, `swift build`, probes).
///
/// The wait happens on a thread of its own and the caller's task is suspended meanwhile: a blocking wait on the
/// cooperative pool (two threads on a 2-core machine) would stall every other test, the loopback servers included,
/// for as long as a compiler runs.
public enum ChildProcess {
    /// Runs `executable` to completion.
    /// - Parameters:
    ///   - executable: a path, or a bare name looked up on `PATH` (through `/usr/bin/env`).
    ///   - directory: the working directory (the test process's when nil).
    ///   - environment: variables added to (or replacing those of) the test process's environment.
    ///   - mergingStandardError: send standard error to `stdout`, interleaved as the program wrote it.
    public static func run(
        _ executable: String, _ arguments: [String] = [], in directory: URL? = nil,
        environment: [String: String] = [:], mergingStandardError: Bool = false
    ) async throws -> ProcessOutput {
        // As many children at once as there are cores: a suite of compiles started together would otherwise run
        // dozens of compilers side by side and starve everything else, timing-sensitive tests included.
        await slots.acquire()
        typealias Outcome = Result<ProcessOutput, any Error>
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Outcome, Never>) in
            Thread.detachNewThread {
                continuation.resume(returning: Result {
                    try runBlocking(executable, arguments, in: directory, environment: environment,
                                    mergingStandardError: mergingStandardError)
                })
            }
        }
        await slots.release()
        return try result.get()
    }

    private static let slots = Slots(ProcessInfo.processInfo.activeProcessorCount)

    private static func runBlocking(
        _ executable: String, _ arguments: [String], in directory: URL?, environment: [String: String],
        mergingStandardError: Bool
    ) throws -> ProcessOutput {
        let process = Process()
        if executable.contains("/") {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [executable] + arguments
        }
        if let directory { process.currentDirectoryURL = directory }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        let out = Pipe()
        let err = mergingStandardError ? out : Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Both pipes are drained at once: a child that fills one while the other is read would never finish.
        let errorText = Locked("")
        let errorRead = DispatchSemaphore(value: 0)
        if !mergingStandardError {
            Thread.detachNewThread {
                errorText.set(String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
                errorRead.signal()
            }
        } else {
            errorRead.signal()
        }
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        errorRead.wait()
        process.waitUntilExit()
        return ProcessOutput(status: process.terminationStatus, stdout: output, stderr: errorText.get())
    }
}

/// A value behind a lock, for the pipe reader.
private final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func get() -> Value {
        lock.lock()
        defer { lock.unlock() }
        return value
    }

    func set(_ newValue: Value) {
        lock.lock()
        value = newValue
        lock.unlock()
    }
}

/// A counting semaphore whose waiters are suspended tasks, not blocked threads.
private actor Slots {
    private var free: Int
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(_ count: Int) { free = max(1, count) }

    func acquire() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty {
            free += 1
        } else {
            waiters.removeFirst().resume()
        }
    }
}

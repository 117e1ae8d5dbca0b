import Dispatch

// MARK: - Rendering many declarations on all cores

/// Results written from concurrent iterations; each index is written exactly once, by one thread, and read only
/// after `concurrentPerform` returns.
private final class ResultSlots<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element?>
    let count: Int
    init(count: Int) {
        self.count = count
        base = .allocate(capacity: count)
        base.initialize(repeating: nil, count: count)
    }
    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }
}

extension Array where Element: Sendable {
    /// `map`, run on all cores when the array is large enough to pay for it. Order is kept.
    func parallelMap<T>(minimumCount: Int = 48, _ transform: @escaping @Sendable (Element) -> T) -> [T] {
        guard count >= minimumCount else { return map(transform) }
        let results = ResultSlots<T>(count: count)
        let elements = self
        let total = count
        // Chunks of consecutive elements keep per-iteration overhead low.
        let chunk = Swift.max(1, total / 64)
        let chunks = (total + chunk - 1) / chunk
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            for i in (c * chunk)..<Swift.min(total, (c + 1) * chunk) {
                (results.base + i).pointee = transform(elements[i])
            }
        }
        return (0..<total).map { results.base[$0]! }
    }
}

import Foundation

// MARK: - Freeing large trees off the critical path

/// Frees a large object graph (a composed YAML tree, a parsed document) on a thread of its own, so that the tens of
/// millions of instructions of its deinitialisation overlap the next stage instead of preceding it.
public enum BackgroundRelease {
    /// Below this many bytes of input, the tree is freed where it is (a thread costs more than it saves).
    public static let minimumBytes = 256 << 10

    /// Takes the caller's last reference (pass it with `consume`) and, when the input was `inputBytes` ≥
    /// `minimumBytes` long, drops it on a new thread with a large stack (freeing a deep tree recurses once per
    /// level); otherwise here.
    public static func drop(_ value: consuming Any, inputBytes: Int) {
        guard inputBytes >= minimumBytes else { return }
        let box = Box(consume value)
        let thread = Thread { box.value = nil }
        thread.stackSize = 64 << 20
        thread.start()
    }

    private final class Box: @unchecked Sendable {
        var value: Any?
        init(_ value: consuming Any) { self.value = consume value }
    }
}

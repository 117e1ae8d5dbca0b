import Foundation
import Yams

/// Composes a large JSON document in two halves on two threads, then joins the trees: the same `RawNode` tree as
/// composing it whole, in a little over half the time.
///
/// The document is cut at a comma between two members of an object (chosen so the halves are about equal, in a
/// container reached through objects only, e.g. between two paths). The first half is the document without the
/// members after the comma; the second is those members wrapped in `{` (in place of the comma) and their
/// container's `}`. Each half's lines and columns are mapped back to the file's (`PositionMap`), so every position
/// is the one composing the whole file gives. The second half's members are then appended to the first half's
/// container.
///
/// Only documents that are JSON to a byte scan (outside strings nothing but JSON's structural characters, numbers,
/// `true`, `false`, `null` and white space; no line break but LF anywhere) are cut, so YAML syntax never meets a
/// cut. Anything unexpected — a half that does not compose or convert, a key repeated across the halves, the node
/// limit — returns nil, and the caller composes the whole text, which reports the problem exactly as before.
enum ParallelJSONLoading {
    /// Documents smaller than this are composed whole (a thread costs more than it saves).
    static let minimumBytes = 256 << 10

    static func load(_ text: String, file: String, limits: ParserLimits, minimumBytes: Int = minimumBytes) -> RawNode? {
        var text = text
        guard text.utf8.count >= minimumBytes else { return nil }
        guard let halves = text.withUTF8({ bytes in Cut.find(in: bytes).map { ($0, Self.halves(of: bytes, at: $0)) } })
        else { return nil }
        let (cut, (first, second)) = halves
        let secondResult = ConvertedHalf()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            secondResult.result = Self.convert(second.text, file: file, limits: limits, depth: cut.path.count + 1,
                                               positions: second.positions)
            done.signal()
        }
        thread.stackSize = 64 << 20  // libyaml and Yams recurse once per nesting level
        thread.start()
        let firstResult = Self.convert(first.text, file: file, limits: limits, depth: 1, positions: first.positions)
        done.wait()
        guard let (firstTree, firstVisits) = firstResult, let (secondTree, secondVisits) = secondResult.result,
              firstVisits + secondVisits <= limits.maxNodeVisits, let members = secondTree.pairs else { return nil }
        return Self.appending(members, to: firstTree, at: cut.path[...])
    }

    /// One half composed and converted, with the node visits it took.
    private static func convert(_ bytes: [UInt8], file: String, limits: ParserLimits, depth: Int,
                                positions: PositionMap) -> (RawNode, Int)? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let root = try? Yams.compose(yaml: text, Resolver.basic) else { return nil }
        var builder = RawTreeBuilder(file: file, limits: limits, positions: positions)
        let tree = builder.build(root, depth: depth)
        BackgroundRelease.drop(consume root, inputBytes: bytes.count)
        return tree.map { ($0, builder.visits) }
    }

    private final class ConvertedHalf: @unchecked Sendable {
        var result: (RawNode, Int)?
    }

    /// `node` with `members` appended to the mapping at `path` (keys from `node`), or nil when that mapping is not
    /// there or already has one of the keys.
    private static func appending(_ members: [RawPair], to node: RawNode, at path: ArraySlice<String>) -> RawNode? {
        guard var pairs = node.pairs else { return nil }
        if let key = path.first {
            guard let index = pairs.firstIndex(where: { $0.key == key }),
                  let value = appending(members, to: pairs[index].value, at: path.dropFirst()) else { return nil }
            let pair = pairs[index]
            pairs[index] = RawPair(key: pair.key, keyLine: pair.keyLine, keyColumn: pair.keyColumn, value: value)
        } else {
            let keys = Set(pairs.map(\.key))
            guard !members.contains(where: { keys.contains($0.key) }) else { return nil }
            pairs += members
        }
        return RawNode(.mapping(pairs), line: node.line, column: node.column)
    }

    // MARK: - The halves

    struct Half {
        var text: [UInt8]
        var positions: PositionMap
    }

    /// The document without the members after the cut, and those members alone, wrapped in `{`…`}`.
    static func halves(of bytes: UnsafeBufferPointer<UInt8>, at cut: Cut) -> (Half, Half) {
        let (comma, end) = locations(of: cut.comma, and: cut.end, in: bytes)
        var first: [UInt8] = []
        first.reserveCapacity(bytes.count - (cut.end - cut.comma))
        first.append(contentsOf: bytes[..<cut.comma])
        first.append(contentsOf: bytes[cut.end...])
        var second: [UInt8] = []
        second.reserveCapacity(cut.end - cut.comma + 2)
        second.append(UInt8(ascii: "{"))
        second.append(contentsOf: bytes[(cut.comma + 1)...cut.end])
        second.append(UInt8(ascii: "\n"))
        return (Half(text: first, positions: .leavingOut(gap: comma, resume: end)),
                Half(text: second, positions: .startingAt(line: comma.line, column: comma.column)))
    }

    /// The 1-based lines and columns of `first` and `second` (≥ `first`), counted as libyaml counts them (in
    /// characters; LF is the only line break a cut document has), in one pass over the bytes before `second`.
    private static func locations(of first: Int, and second: Int, in bytes: UnsafeBufferPointer<UInt8>)
        -> ((line: Int, column: Int), (line: Int, column: Int)) {
        var line = 1, column = 1
        var firstLocation = (line: 1, column: 1)
        for index in 0..<second {
            if index == first { firstLocation = (line, column) }
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        if first == second { firstLocation = (line, column) }
        return (firstLocation, (line, column))
    }

    // MARK: - Where to cut

    struct Cut {
        /// The keys from the root to the object whose members are divided (empty: the root).
        var path: [String]
        /// Offset of the comma between the last member of the first half and the first of the second.
        var comma: Int
        /// Offset of the object's closing `}`.
        var end: Int

        /// Scans the document once: nil unless it is JSON to the byte scan described on `ParallelJSONLoading`
        /// and a cut leaves each half at least a quarter of it.
        static func find(in bytes: UnsafeBufferPointer<UInt8>) -> Cut? {
            // libyaml also breaks lines at CR, NEL, LS and PS, which `locations(of:and:in:)` does not count.
            guard !LineBreaks.containsOtherThanLF(bytes) else { return nil }
            var scanner = CutScanner(bytes: bytes)
            return scanner.run()
        }
    }

    /// The byte scan behind `Cut.find`.
    private struct CutScanner {
        let bytes: UnsafeBufferPointer<UInt8>
        /// Objects and arrays open at this point. For an object reached through objects only (from the root,
        /// depth ≤ `maxCutDepth`): where its member commas are, and the key it was reached through.
        private var stack: [Container] = []
        private var best: (cut: Cut, smaller: Int)?
        /// The last string read (its offsets), which becomes the key of a member when a `:` follows it.
        private var lastString: Range<Int>?

        /// Cuts deeper than this (root = 1) are not considered: big documents are big at the top.
        private static let maxCutDepth = 3

        private struct Container {
            let isObject: Bool
            /// Whether this object and all around it are objects, reached by keys without escapes.
            let keyedPath: Bool
            /// The key of the member whose value this container is (nil for the root and array items).
            var key: String?
            /// The member key read in this object, once its `:` has been seen.
            var currentKey: String?
            var commas: [Int] = []
        }

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        mutating func run() -> Cut? {
            var index = 0
            let count = bytes.count
            var seenRoot = false
            while index < count {
                let byte = bytes[index]
                switch byte {
                case 0x20, 0x0A, 0x09:
                    break
                case UInt8(ascii: "\""):
                    guard let end = stringEnd(from: index) else { return nil }
                    lastString = (index + 1)..<end
                    index = end
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    if stack.isEmpty {
                        guard !seenRoot, byte == UInt8(ascii: "{") else { return nil }
                        seenRoot = true
                    }
                    let parent = stack.last
                    let key = parent?.isObject == true ? parent?.currentKey : nil
                    let keyed = byte == UInt8(ascii: "{") && (parent.map { $0.keyedPath && key != nil } ?? true)
                    stack.append(Container(isObject: byte == UInt8(ascii: "{"), keyedPath: keyed, key: key))
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    guard let closed = stack.popLast(), closed.isObject == (byte == UInt8(ascii: "}")) else {
                        return nil
                    }
                    if closed.keyedPath, stack.count < Self.maxCutDepth { consider(closed, end: index) }
                case UInt8(ascii: ":"):
                    guard let string = lastString, var top = stack.last, top.isObject else { return nil }
                    top.currentKey = Self.plainText(bytes, string)
                    stack[stack.count - 1] = top
                    lastString = nil
                case UInt8(ascii: ","):
                    guard var top = stack.popLast() else { return nil }
                    if top.isObject {
                        if top.keyedPath, stack.count < Self.maxCutDepth { top.commas.append(index) }
                        top.currentKey = nil
                    }
                    stack.append(top)
                    lastString = nil
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
                     UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "t"), UInt8(ascii: "r"), UInt8(ascii: "u"),
                     UInt8(ascii: "f"), UInt8(ascii: "a"), UInt8(ascii: "l"), UInt8(ascii: "s"), UInt8(ascii: "n"):
                    guard !stack.isEmpty else { return nil }
                default:
                    return nil
                }
                index += 1
            }
            guard seenRoot, stack.isEmpty, let best, best.smaller * 4 >= count else { return nil }
            return best.cut
        }

        /// The offset of the `"` that ends the string starting at `start`.
        private func stringEnd(from start: Int) -> Int? {
            var index = start + 1
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\\"): index += 2
                case UInt8(ascii: "\""): return index
                default: index += 1
                }
            }
            return nil
        }

        /// A string's text when it has no escapes (then its bytes are its value); nil otherwise.
        private static func plainText(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String? {
            let slice = UnsafeBufferPointer(rebasing: bytes[range])
            guard !slice.contains(UInt8(ascii: "\\")) else { return nil }
            return String(decoding: slice, as: UTF8.self)
        }

        /// Records the best cut among `container`'s commas: the one whose second half is closest to half the
        /// document.
        private mutating func consider(_ container: Container, end: Int) {
            guard !container.commas.isEmpty else { return }
            var path: [String] = []
            for level in stack.dropFirst() {
                guard let key = level.key else { return }
                path.append(key)
            }
            if !stack.isEmpty {
                guard let key = container.key else { return }
                path.append(key)
            }
            let total = bytes.count
            let target = end - total / 2
            var low = 0, high = container.commas.count - 1
            while low < high {
                let middle = (low + high) / 2
                if container.commas[middle] < target { low = middle + 1 } else { high = middle }
            }
            for candidate in [low - 1, low] where candidate >= 0 && candidate < container.commas.count {
                let comma = container.commas[candidate]
                let second = end - comma
                let smaller = Swift.min(second, total - second)
                if smaller > (best?.smaller ?? 0) {
                    best = (Cut(path: path, comma: comma, end: end), smaller)
                }
            }
        }
    }
}

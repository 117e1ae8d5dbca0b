import Foundation

/// Applies OpenAPI Overlay documents to the root file's `RawNode` tree, before the document is read.
///
/// The tree is immutable, so each action rebuilds only the nodes on the routes to its targets: every other node is
/// the spec's own object, with its own line and column. Nodes an `update` inserts are copies of the overlay's nodes,
/// with the overlay's positions, and `provenance` records that they come from the overlay file.
///
/// Semantics (Overlay 1.0.0, "Action Object"):
/// - actions apply in order, each to the result of the previous one;
/// - `update` on an object merges recursively: a property whose old and new values are both objects is merged,
///   both arrays is concatenated (old items first), anything else is replaced; new properties are appended;
/// - `update` on an array appends the value; an array value has its items appended (concatenated);
/// - `update` on a primitive is skipped with a warning (the spec says to target the containing object);
/// - `remove: true` removes each selected node (object, array or, leniently, primitive) from its parent;
/// - a target that selects nothing is a warning at the action, not an error;
/// - a node selected twice by one target is changed once.
struct OverlayApplier {
    let limits: ParserLimits
    let provenance = NodeProvenance()
    private(set) var diagnostics: [Diagnostic] = []
    /// Nodes the overlays have copied into the tree so far, bounded by `limits.maxNodeVisits`.
    private var copiedNodes = 0
    private var overBudget = false

    init(limits: ParserLimits) { self.limits = limits }

    /// Loads and validates every overlay (reporting all their errors), then applies them in order.
    /// Returns nil when any overlay has an error; `diagnostics` says why.
    mutating func apply(_ overlays: [SpecInput], to root: RawNode) -> RawNode? {
        var documents: [OverlayDocument] = []
        for input in overlays {
            if let document = load(input) { documents.append(document) }
        }
        guard !diagnostics.hasErrors else { return nil }
        var current = root
        for document in documents {
            for action in document.actions {
                current = apply(action, of: document, to: current)
                if overBudget { return nil }
            }
        }
        return diagnostics.hasErrors ? nil : current
    }

    private mutating func load(_ input: SpecInput) -> OverlayDocument? {
        guard let tree = YAMLLoading.load(input.data, file: input.path, limits: limits, into: &diagnostics) else {
            return nil
        }
        guard case .success(let text) = YAMLLoading.decode(input.data, file: input.path) else { return nil }
        var reader = OverlayReader(file: input.path, text: text)
        let document = reader.read(tree)
        diagnostics += reader.diagnostics
        return document
    }

    // MARK: - Actions

    private mutating func apply(_ action: OverlayAction, of overlay: OverlayDocument, to root: RawNode) -> RawNode {
        var seen = Set<[Int]>()
        let matches = JSONPathEvaluator.select(action.target, in: root).filter {
            seen.insert($0.steps.map(\.position)).inserted
        }
        guard !matches.isEmpty else {
            diagnostics.append(.warning(
                "overlay action \(action.index + 1) changes nothing: its target \(action.targetText) selects no node",
                at: action.location, pointer: action.pointer,
                hint: "check the path against the spec (names are case-sensitive; quote path keys: $.paths['/pets'])"))
            return root
        }
        switch action.change {
        case .remove:
            if matches.contains(where: { $0.steps.isEmpty }) {
                diagnostics.append(.error("`remove` cannot remove the whole document (target \(action.targetText))",
                                          at: action.location, pointer: action.pointer))
                return root
            }
            return rebuild(root, along: PathTrie(matches), .remove) ?? root
        case .update(let value):
            let targets = updatableTargets(matches, value: value, action: action)
            guard !targets.isEmpty else { return root }
            return rebuild(root, along: PathTrie(targets), .update(value, file: overlay.file)) ?? root
        }
    }

    /// The matches `update` can change; primitives are reported once per action, and an object target with a
    /// non-object `update` is an error.
    private mutating func updatableTargets(_ matches: [JSONPathMatch], value: RawNode,
                                           action: OverlayAction) -> [JSONPathMatch] {
        var targets: [JSONPathMatch] = []
        var primitives: [JSONPathMatch] = []
        let depth = Self.depth(of: value)
        if let deepest = matches.map(\.steps.count).max(), deepest + depth > limits.maxDepth {
            diagnostics.append(.error(
                "this update would nest the document more than \(limits.maxDepth) levels deep",
                at: SourceLocation(file: action.location.file, line: value.line, column: value.column),
                pointer: action.pointer.appending("update")))
            return []
        }
        for match in matches {
            switch match.node.content {
            case .sequence:
                targets.append(match)
            case .mapping:
                guard value.pairs != nil else {
                    diagnostics.append(.error(
                        "`update` must be a mapping to merge into the object at \(match.pointer), found "
                            + value.kindDescription,
                        at: SourceLocation(file: action.location.file, line: value.line, column: value.column),
                        pointer: action.pointer.appending("update"),
                        hint: "to replace a property, target its parent object and update the property"))
                    return []
                }
                targets.append(match)
            case .scalar:
                primitives.append(match)
            }
        }
        if let first = primitives.first {
            let others = primitives.count > 1 ? " and \(primitives.count - 1) more" : ""
            diagnostics.append(.warning(
                "overlay action \(action.index + 1) cannot update \(first.node.kindDescription) (at \(first.pointer)"
                    + "\(others)); it is left unchanged",
                at: action.location, pointer: action.pointer,
                hint: "target the object that contains the value and update the property"))
        }
        return targets
    }

    /// Levels of nesting in `node` (1 for a scalar).
    private static func depth(of node: RawNode) -> Int {
        switch node.content {
        case .scalar: 1
        case .sequence(let items): 1 + (items.map(depth).max() ?? 0)
        case .mapping(let pairs): 1 + (pairs.map { depth(of: $0.value) }.max() ?? 0)
        }
    }

    // MARK: - Rebuilding

    /// The routes to the selected nodes, by child position.
    private final class PathTrie {
        var isTarget = false
        var children: [Int: PathTrie] = [:]

        init() {}

        convenience init(_ matches: [JSONPathMatch]) {
            self.init()
            for match in matches {
                var node = self
                for step in match.steps {
                    if let child = node.children[step.position] {
                        node = child
                    } else {
                        let child = PathTrie()
                        node.children[step.position] = child
                        node = child
                    }
                }
                node.isTarget = true
            }
        }
    }

    private enum Change {
        case remove
        case update(RawNode, file: String)
    }

    /// Rebuilds `node` with `change` applied to every target in `trie` (deepest first), sharing every node that is
    /// not on a route to a target. Returns nil when the node itself is removed.
    private mutating func rebuild(_ node: RawNode, along trie: PathTrie, _ change: Change) -> RawNode? {
        if trie.isTarget, case .remove = change { return nil }
        var current = node
        if !trie.children.isEmpty {
            switch node.content {
            case .mapping(let pairs):
                var rebuilt: [RawPair] = []
                rebuilt.reserveCapacity(pairs.count)
                for (index, pair) in pairs.enumerated() {
                    guard let child = trie.children[index] else { rebuilt.append(pair); continue }
                    guard let value = rebuild(pair.value, along: child, change) else { continue }
                    rebuilt.append(replacingValue(of: pair, with: value))
                }
                current = derived(from: node, .mapping(rebuilt))
            case .sequence(let items):
                var rebuilt: [RawNode] = []
                rebuilt.reserveCapacity(items.count)
                for (index, item) in items.enumerated() {
                    guard let child = trie.children[index] else { rebuilt.append(item); continue }
                    if let value = rebuild(item, along: child, change) { rebuilt.append(value) }
                }
                current = derived(from: node, .sequence(rebuilt))
            case .scalar:
                break
            }
        }
        guard trie.isTarget, case .update(let value, let file) = change else { return current }
        return merge(value, into: current, file: file)
    }

    // MARK: - Merging

    /// `update` merged into an object target, or appended to an array target.
    private mutating func merge(_ update: RawNode, into target: RawNode, file: String) -> RawNode {
        switch (target.content, update.content) {
        case (.mapping(var pairs), .mapping(let additions)):
            for addition in additions {
                if let index = pairs.lastIndex(where: { $0.key == addition.key }) {
                    let old = pairs[index].value
                    let new: RawNode
                    switch (old.content, addition.value.content) {
                    case (.mapping, .mapping), (.sequence, .sequence):
                        new = merge(addition.value, into: old, file: file)
                    default:
                        new = copy(addition.value, file: file)
                    }
                    pairs[index] = replacingValue(of: pairs[index], with: new)
                } else {
                    let value = copy(addition.value, file: file)
                    provenance.recordKey(ofValue: value, file: file)
                    pairs.append(RawPair(key: addition.key, keyLine: addition.keyLine, keyColumn: addition.keyColumn,
                                         value: value))
                }
            }
            return derived(from: target, .mapping(pairs))
        case (.sequence(let items), .sequence(let additions)):
            return derived(from: target, .sequence(items + additions.map { copy($0, file: file) }))
        case (.sequence(let items), _):
            return derived(from: target, .sequence(items + [copy(update, file: file)]))
        default:
            return copy(update, file: file)
        }
    }

    /// A fresh copy of an overlay subtree (so each insertion has its own identity), recorded as the overlay's.
    private mutating func copy(_ node: RawNode, file: String) -> RawNode {
        copiedNodes += 1
        if copiedNodes > limits.maxNodeVisits, !overBudget {
            overBudget = true
            diagnostics.append(.error(
                "the overlays add more than \(limits.maxNodeVisits) nodes to the document",
                at: SourceLocation(file: file, line: node.line, column: node.column),
                hint: "a broad target (such as $..*) repeats the update at every node it selects"))
        }
        let content: RawNode.Content
        switch node.content {
        case .scalar:
            content = node.content
        case .sequence(let items):
            content = overBudget ? .sequence([]) : .sequence(items.map { copy($0, file: file) })
        case .mapping(let pairs):
            content = overBudget ? .mapping([]) : .mapping(pairs.map { pair in
                let value = copy(pair.value, file: file)
                provenance.recordKey(ofValue: value, file: file)
                return RawPair(key: pair.key, keyLine: pair.keyLine, keyColumn: pair.keyColumn, value: value)
            })
        }
        let result = RawNode(content, line: node.line, column: node.column)
        provenance.record(result, file: file)
        return result
    }

    /// A node with new content standing where `original` stood: same position, same provenance.
    private func derived(from original: RawNode, _ content: RawNode.Content) -> RawNode {
        let node = RawNode(content, line: original.line, column: original.column)
        provenance.inherit(from: original, to: node)
        return node
    }

    /// `pair` with a new value; the key keeps its position and provenance.
    private func replacingValue(of pair: RawPair, with value: RawNode) -> RawPair {
        if value !== pair.value { provenance.inheritKey(fromValue: pair.value, toValue: value) }
        return RawPair(key: pair.key, keyLine: pair.keyLine, keyColumn: pair.keyColumn, value: value)
    }
}

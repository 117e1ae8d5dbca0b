import Yams

/// Converts a Yams `Node` tree into `RawNode`s in one pass, enforcing the nesting and node-count limits.
///
/// Yams shares the node of an anchor with every alias to it, so an alias bomb is cheap to compose but
/// exponential to walk; counting every node visited here bounds all later stages too.
struct RawTreeBuilder {
    let file: String
    let limits: ParserLimits
    private(set) var visits = 0
    /// The first error; conversion stops at it.
    private(set) var failure: Diagnostic?

    init(file: String, limits: ParserLimits) {
        self.file = file
        self.limits = limits
    }

    /// Converts `node`, which sits at nesting level `depth` of its file (1: the root).
    mutating func build(_ node: Node, depth: Int = 1) -> RawNode? {
        convert(node, depth: depth)
    }

    private func position(_ mark: Mark?) -> (line: Int, column: Int) {
        (max(mark?.line ?? 1, 1), max(mark?.column ?? 1, 1))
    }

    private mutating func fail(_ message: String, _ mark: Mark?, hint: String? = nil) -> RawNode? {
        if failure == nil {
            let (line, column) = position(mark)
            failure = .error(message, at: SourceLocation(file: file, line: line, column: column), hint: hint)
        }
        return nil
    }

    private mutating func convert(_ node: Node, depth: Int) -> RawNode? {
        visits += 1
        if visits > limits.maxNodeVisits {
            return fail(
                "the document expands to more than \(limits.maxNodeVisits) nodes (YAML aliases are expanded)",
                node.mark, hint: "an alias bomb, or a document too large to generate from")
        }
        if depth > limits.maxDepth {
            return fail("the document nests more than \(limits.maxDepth) levels deep", node.mark)
        }
        switch node {
        case .scalar(let scalar):
            let (line, column) = position(scalar.mark)
            return RawNode(.scalar(Self.rawScalar(scalar)), line: line, column: column)
        case .sequence(let sequence):
            var items: [RawNode] = []
            items.reserveCapacity(sequence.count)
            for child in sequence {
                guard let item = convert(child, depth: depth + 1) else { return nil }
                items.append(item)
            }
            let (line, column) = position(sequence.mark)
            return RawNode(.sequence(items), line: line, column: column)
        case .mapping(let mapping):
            return convertMapping(mapping, depth: depth)
        case .alias(let alias):
            return fail("unresolved YAML alias '*\(alias.anchor.rawValue)'", alias.mark)
        }
    }

    private mutating func convertMapping(_ mapping: Node.Mapping, depth: Int) -> RawNode? {
        var pairs: [RawPair] = []
        pairs.reserveCapacity(mapping.count)
        var merged: [RawPair] = []
        for index in mapping.indices {
            let (keyNode, valueNode) = mapping[index]
            guard case .scalar(let key) = keyNode else {
                return fail("mapping keys must be scalars, found a \(keyNode.isMappingNode ? "mapping" : "sequence")",
                            keyNode.mark)
            }
            visits += 1
            guard let value = convert(valueNode, depth: depth + 1) else { return nil }
            // Yams resolves key tags while checking duplicates, so only the style tells `<<` from `"<<"`.
            if key.string == "<<", key.style == .plain || key.style == .any {
                guard appendMerge(value, into: &merged) else {
                    return fail("a YAML merge key ('<<') needs a mapping or a list of mappings", key.mark)
                }
                continue
            }
            let (line, column) = position(key.mark)
            pairs.append(RawPair(key: key.string, keyLine: line, keyColumn: column, value: value))
        }
        if !merged.isEmpty {
            // Explicit keys win over merged ones; earlier merge sources win over later ones.
            var seen = Set(pairs.map(\.key))
            for pair in merged where seen.insert(pair.key).inserted { pairs.append(pair) }
        }
        let (line, column) = position(mapping.mark)
        return RawNode(.mapping(pairs), line: line, column: column)
    }

    private func appendMerge(_ value: RawNode, into merged: inout [RawPair]) -> Bool {
        switch value.content {
        case .mapping(let pairs):
            merged.append(contentsOf: pairs)
            return true
        case .sequence(let items):
            for item in items {
                guard let pairs = item.pairs else { return false }
                merged.append(contentsOf: pairs)
            }
            return true
        case .scalar:
            return false
        }
    }

    /// Plain untagged scalars are typed by the core schema; quoted ones and `!!str` are strings.
    static func rawScalar(_ scalar: Node.Scalar) -> RawScalar {
        let text = scalar.string
        switch scalar.tag.rawValue {
        case "":
            if scalar.style == .plain || scalar.style == .any {
                return RawScalar(text: text, kind: ScalarResolution.kind(ofPlain: text))
            }
            return RawScalar(text: text, kind: .string)
        case "tag:yaml.org,2002:null", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float":
            let kind = ScalarResolution.kind(ofPlain: text)
            return RawScalar(text: text, kind: kind)
        default:
            return RawScalar(text: text, kind: .string)
        }
    }
}

private extension Node {
    var isMappingNode: Bool { if case .mapping = self { true } else { false } }
}

/// Which nodes of an overlaid tree came from an overlay file, so that diagnostics about them name that file.
///
/// Nodes an overlay inserts keep the overlay's line and column; this side table supplies the file name without
/// widening every `RawNode`. Entries hold their node, so an identifier is never reused while the table lives.
final class NodeProvenance {
    private var nodeFiles: [ObjectIdentifier: (node: RawNode, file: String)] = [:]
    /// Keyed by a pair's value node: the file of the pair's key, when the overlay added the key.
    private var keyFiles: [ObjectIdentifier: (node: RawNode, file: String)] = [:]

    /// The file `node` came from, or nil when it is the spec's own.
    func file(of node: RawNode) -> String? { nodeFiles[ObjectIdentifier(node)]?.file }

    /// The file `pair`'s key came from, or nil when it is the spec's own.
    func keyFile(of pair: RawPair) -> String? { keyFiles[ObjectIdentifier(pair.value)]?.file }

    func record(_ node: RawNode, file: String) { nodeFiles[ObjectIdentifier(node)] = (node, file) }

    func recordKey(ofValue value: RawNode, file: String) { keyFiles[ObjectIdentifier(value)] = (value, file) }

    /// `replacement` stands where `original` stood (a rebuilt or merged node): it keeps its provenance.
    func inherit(from original: RawNode, to replacement: RawNode) {
        if let file = file(of: original) { record(replacement, file: file) }
    }

    /// A pair's value was replaced: the key is unchanged, so its provenance moves to the new value.
    func inheritKey(fromValue original: RawNode, toValue replacement: RawNode) {
        if let file = keyFiles[ObjectIdentifier(original)]?.file { recordKey(ofValue: replacement, file: file) }
    }
}

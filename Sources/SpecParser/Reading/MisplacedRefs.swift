/// `$ref`s where OpenAPI does not allow one (an operation, a description, a media type, a list of tags…), as written
/// for bundlers that resolve JSON References anywhere. Each is followed, with a warning naming the place; one that
/// does not resolve is a warning too, and its field is left out. Only a JSON Reference counts: a mapping whose `$ref`
/// is a string (a property named `$ref` has a schema, a mapping, as its value).
enum MisplacedRef {
    case notAReference
    /// The target and its cursor (another file's, when the `$ref` leads there).
    case resolved(RawNode, Cursor)
    /// The text of a whole non-YAML file (Markdown, plain text), where a string is expected.
    case text(String)
    /// It does not resolve; a warning says so.
    case dropped
}

extension ParserState {
    /// Follows `node` when it is a JSON Reference in a place that does not allow one, named `name` in messages.
    /// `acceptsText`: a string is expected, so a `$ref` to a whole file that is not YAML or JSON gives its text.
    func misplacedRef(_ node: RawNode, _ cursor: Cursor, _ name: String, acceptsText: Bool = false) -> MisplacedRef {
        guard case .mapping(let pairs) = node.content, pairs.contains(where: { $0.key == "$ref" }),
              let refNode = node.value(forKey: "$ref"), refNode.scalar?.kind == .string, let raw = refNode.text
        else { return .notAReference }
        // A place read twice (a path item reached directly and through a `$ref`) is followed and reported once.
        if let known = misplacedRefs[cursor.key] { return known }
        let result = followMisplaced(raw, refNode, pairs, node, cursor, name, acceptsText: acceptsText)
        misplacedRefs[cursor.key] = result
        return result
    }

    private func followMisplaced(_ raw: String, _ refNode: RawNode, _ pairs: [RawPair], _ node: RawNode,
                                 _ cursor: Cursor, _ name: String, acceptsText: Bool) -> MisplacedRef {
        let consequence = "'\(name)' is left out"
        guard let target = softly(consequence, { refTarget(raw, at: refNode, cursor) }) else { return .dropped }
        let result: MisplacedRef
        if acceptsText, target.pointer.components.isEmpty, !RefPath.isDocument(target.file) {
            guard let text = softly(consequence, { loadText(target.file, raw: raw, at: refNode, cursor) }) else {
                return .dropped
            }
            result = .text(text)
        } else {
            guard let (target, targetCursor, _) = softly(consequence, { dereference(node, cursor, name) }) else {
                return .dropped
            }
            result = .resolved(target, targetCursor)
        }
        let others = pairs.map(\.key).filter { $0 != "$ref" }
        let ignored = others.isEmpty ? "" : "; its other keys (\(others.joined(separator: ", "))) are ignored"
        warning("'\(name)' is a $ref ('\(raw)'), which OpenAPI does not allow here; it is followed, as bundlers "
                    + "do\(ignored)", at: refNode, cursor,
                hint: "OpenAPI allows $ref only where it expects a Reference Object")
        return result
    }

    /// A string field whose value is not a scalar: a followed `$ref`'s string, or a type mismatch reported with
    /// `mismatch` severity (a warning leaves the field out).
    func referencedString(_ pair: RawPair, _ cursor: Cursor, mismatch: Severity) -> String? {
        let here = cursor.child(pair.key)
        var node = pair.value, at = here
        switch misplacedRef(pair.value, here, pair.key, acceptsText: true) {
        case .notAReference: break
        case .resolved(let target, let targetCursor): (node, at) = (target, targetCursor)
        case .text(let text): return text
        case .dropped: return nil
        }
        if let scalar = node.scalar { return scalar.kind == .null ? nil : scalar.text }
        let message = "expected a string for '\(pair.key)', found \(node.kindDescription)"
        if mismatch == .error {
            error(message, at: node, at)
        } else {
            warning(message + "; it is left out", at: node, at)
        }
        return nil
    }

    /// Runs `body` and reports the errors it adds as warnings ending with `consequence`: for a reference whose
    /// failure leaves out one field or entry, not the document.
    func softly<T>(_ consequence: String, _ body: () -> T?) -> T? {
        let start = diagnostics.count
        let result = body()
        for index in start..<diagnostics.count where diagnostics[index].severity == .error {
            diagnostics[index].severity = .warning
            diagnostics[index].message += "; " + consequence
        }
        return result
    }

    /// The UTF-8 text of a file that is not a document (a `$ref`ed Markdown description), loaded once.
    private func loadText(_ path: String, raw: String, at node: RawNode, _ cursor: Cursor) -> String? {
        if let text = textFiles[path] { return text }
        guard files.count + textFiles.count < limits.maxFiles else {
            error("unresolved $ref '\(raw)': more than \(limits.maxFiles) files are referenced", at: node, cursor)
            return nil
        }
        do {
            let data = try loader.load(path)
            switch YAMLLoading.decode(data, file: path) {
            case .success(let text):
                textFiles[path] = text
                return text
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                error("unresolved $ref '\(raw)': '\(path)' is not text", at: node, cursor)
            }
        } catch {
            self.error("unresolved $ref '\(raw)': cannot load '\(path)': \(Self.describe(error))", at: node, cursor)
        }
        return nil
    }
}

extension RefPath {
    /// Whether a file is read as a YAML or JSON document (by its extension) rather than as text.
    static func isDocument(_ path: String) -> Bool {
        let name = path.lowercased()
        return name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name.hasSuffix(".json")
    }
}

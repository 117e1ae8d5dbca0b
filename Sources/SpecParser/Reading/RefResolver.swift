/// The target of a `$ref`: a normalised file path and a JSON pointer inside it.
struct RefTarget: Hashable {
    let file: String
    let pointer: JSONPointer
    /// `<file>#<pointer>`, the same for every spelling of the same target.
    var key: String { file + pointer.description }
}

// MARK: - Resolving `$ref`s

extension ParserState {
    /// Parses `$ref` text relative to `file`. Reports remote and malformed refs at `node` and returns nil.
    func refTarget(_ raw: String, at node: RawNode, _ cursor: Cursor) -> RefTarget? {
        let hashIndex = raw.firstIndex(of: "#")
        var uri = String(raw[..<(hashIndex ?? raw.endIndex)])
        let fragment = hashIndex.map { String(raw[$0...]) } ?? ""
        let file = cursor.file
        // `$id` / `$anchor` (JSON Schema 2020-12) are consulted before file paths and remote URLs.
        switch identifiedTarget(uri: uri, fragment: fragment, raw: raw, at: node, cursor) {
        case .found(let target): return target
        case .failed: return nil
        case .notIdentified: break
        }
        if let selfURI = file.selfURI, !uri.isEmpty {
            // 3.2 `$self`: refs under the document's own base URI are files next to it.
            let base = RefPath.directory(of: selfURI)
            if uri == selfURI {
                uri = ""
            } else if !base.isEmpty, uri.hasPrefix(base) {
                uri = String(uri.dropFirst(base.count))
            }
        }
        if RefPath.hasScheme(uri) {
            let scheme = uri.prefix { $0 != ":" }.lowercased()
            let message = scheme == "http" || scheme == "https"
                ? "remote refs are not supported: '\(raw)'" : "unsupported $ref '\(raw)' (only local files)"
            error(message, at: node, cursor, hint: "download the file and refer to it by a relative path")
            return nil
        }
        guard let pointer = JSONPointer(parsing: fragment) else {
            error("unsupported $ref '\(raw)': the fragment must be a JSON pointer ('#/…')", at: node, cursor)
            return nil
        }
        if uri.isEmpty { return RefTarget(file: file.path, pointer: pointer) }
        let decoded = uri.removingPercentEncoding ?? uri
        return RefTarget(file: RefPath.resolve(decoded, against: file.path), pointer: pointer)
    }

    /// The node a target points at, loading its file if needed, and its own cursor. Reports a dangling ref at `node`.
    ///
    /// A component the pointer names that is missing from a node that is itself a `$ref` is looked up in that
    /// `$ref`'s target, as bundlers do (with a warning, once per node passed through); the cursor is then the place
    /// the node really is, so every spelling of one schema has one key.
    func resolve(_ target: RefTarget, raw: String, at node: RawNode, _ cursor: Cursor,
                 depth: Int = 0) -> (RawNode, Cursor)? {
        guard let file = loadFile(target.file, raw: raw, at: node, cursor) else { return nil }
        var current = file.root
        let components = target.pointer.components
        /// Set once a `$ref` has been passed through: where the walk is, and the components still to take.
        var moved: (cursor: Cursor, from: Int)?
        var passed: [(cursor: Cursor, raw: String)] = []
        for (offset, component) in components.enumerated() {
            var next = Self.child(of: current, component)
            while next == nil, let refNode = current.value(forKey: "$ref"), refNode.scalar?.kind == .string,
                  let innerRaw = refNode.text {
                let here = moved.map { Cursor(file: $0.cursor.file, pointer: JSONPointer(
                    $0.cursor.pointer.components + components[$0.from..<offset])) }
                    ?? Cursor(file: file, pointer: JSONPointer(Array(components[..<offset])))
                guard depth + passed.count < 64 else {
                    error("$ref cycle: '\(raw)' passes through $refs that lead back to themselves", at: node, cursor)
                    return nil
                }
                guard let innerTarget = refTarget(innerRaw, at: refNode, here),
                      let (inner, innerCursor) = resolve(innerTarget, raw: innerRaw, at: refNode, here,
                                                         depth: depth + passed.count + 1) else { break }
                passed.append((here, innerRaw))
                current = inner
                moved = (innerCursor, offset)
                next = Self.child(of: current, component)
            }
            guard let next else {
                let place = target.file == cursor.file.path ? "" : " in '\(target.file)'"
                error("unresolved $ref '\(raw)': '\(target.pointer)' does not exist\(place)", at: node, cursor)
                return nil
            }
            current = next
        }
        guard let moved else { return (current, Cursor(file: file, pointer: target.pointer)) }
        let resolved = Cursor(file: moved.cursor.file,
                              pointer: JSONPointer(moved.cursor.pointer.components + components[moved.from...]))
        for step in passed where passedThroughRefs.insert(step.cursor.key).inserted {
            let place = resolved.file.path == cursor.file.path ? "" : resolved.file.path
            warning("$ref '\(raw)' passes through '\(step.cursor.pointer)', which is itself a $ref ('\(step.raw)'); "
                        + "it is followed to '\(place)\(resolved.pointer)'", at: node, cursor,
                    hint: "a JSON pointer does not follow $refs; point at the target directly")
        }
        return (current, resolved)
    }

    /// The child `component` names: a mapping's key or a sequence's index.
    static func child(of node: RawNode, _ component: String) -> RawNode? {
        switch node.content {
        case .mapping: node.value(forKey: component)
        case .sequence(let items): Int(component).flatMap { items.indices.contains($0) ? items[$0] : nil }
        case .scalar: nil
        }
    }

    /// Loads and converts a file once; later calls return the cached file (or nil after a failure).
    func loadFile(_ path: String, raw: String, at node: RawNode, _ cursor: Cursor) -> LoadedFile? {
        if let file = files[path] { return file }
        if let reason = failedFiles[path] {
            error("unresolved $ref '\(raw)': \(reason)", at: node, cursor)
            return nil
        }
        let reason: String
        if files.count >= limits.maxFiles {
            reason = "more than \(limits.maxFiles) files are referenced"
        } else {
            do {
                let data = try loader.load(path)
                if let root = YAMLLoading.load(data, file: path, limits: limits, into: &diagnostics) {
                    let file = LoadedFile(path: path, displayPath: path, root: root)
                    files[path] = file
                    return file
                }
                reason = "'\(path)' could not be parsed"
            } catch {
                reason = "cannot load '\(path)': \(Self.describe(error))"
            }
        }
        failedFiles[path] = reason
        self.error("unresolved $ref '\(raw)': \(reason)", at: node, cursor)
        return nil
    }

    static func describe(_ error: any Error) -> String {
        if let diagnostic = error as? Diagnostic { return diagnostic.message }
        if let loaderError = error as? SpecLoaderError { return loaderError.description }
        return String(describing: error)
    }

    // MARK: - Non-schema objects

    /// Follows `$ref`s of a parameter, response, … until a real object, detecting cycles.
    /// Returns the object and its own cursor, and whether a ref was followed (for caching).
    func dereference(_ node: RawNode, _ cursor: Cursor,
                     _ what: String) -> (node: RawNode, cursor: Cursor, viaRef: Bool)? {
        var node = node
        var cursor = cursor
        var seen: [String] = []
        while let refNode = node.value(forKey: "$ref") {
            guard let raw = refNode.text else {
                typeMismatch("a string", for: "$ref", refNode, cursor.child("$ref"))
                return nil
            }
            guard let target = refTarget(raw, at: refNode, cursor) else { return nil }
            let key = target.key
            if seen.contains(key) || seen.count > 64 {
                error("$ref cycle: '\(raw)' leads back to itself without reaching a \(what)", at: refNode, cursor)
                return nil
            }
            seen.append(key)
            guard let resolved = resolve(target, raw: raw, at: refNode, cursor) else { return nil }
            (node, cursor) = resolved
        }
        return (node, cursor, !seen.isEmpty)
    }

    // MARK: - Schemas

    /// Registers the target of a schema `$ref` (reading it later, once) and returns its reference.
    /// The key is the target's canonical place: a pointer through another `$ref` is keyed where it leads.
    func schemaReference(_ raw: String, at node: RawNode, _ cursor: Cursor) -> SchemaReference? {
        guard let target = refTarget(raw, at: node, cursor) else { return nil }
        if let index = schemaIndex[target.key] { return SchemaReference(raw: raw, key: schemaEntries[index].key) }
        guard let (targetNode, targetCursor) = resolve(target, raw: raw, at: node, cursor) else { return nil }
        let key = targetCursor.key
        registerSchema(key: key, node: targetNode, cursor: targetCursor)
        // The spelling through a `$ref` finds the entry directly next time.
        if key != target.key { schemaIndex[target.key] = schemaIndex[key] }
        return SchemaReference(raw: raw, key: key)
    }

    /// Adds a schema to `referencedSchemas` (first-seen order) and queues it for reading.
    func registerSchema(key: String, node: RawNode, cursor: Cursor) {
        guard schemaIndex[key] == nil else { return }
        let components = cursor.pointer.components
        let isComponent = (components.count == 3 && components[0] == "components" && components[1] == "schemas")
            || (components.count == 2 && components[0] == "definitions")
        let name = isComponent ? components[components.count - 1]
            : (components.last.flatMap { $0.isEmpty ? nil : $0 } ?? RefPath.baseName(cursor.file.path))
        schemaIndex[key] = schemaEntries.count
        schemaEntries.append(SchemaEntry(key: key, suggestedName: name, isComponent: isComponent, node: node,
                                         cursor: cursor, schema: nil))
    }

    /// Reads every registered schema that has not been read yet, including ones found while reading.
    func readPendingSchemas(from start: inout Int) {
        while start < schemaEntries.count {
            let entry = schemaEntries[start]
            schemaEntries[start].schema = readSchema(entry.node, entry.cursor)
            start += 1
        }
    }
}

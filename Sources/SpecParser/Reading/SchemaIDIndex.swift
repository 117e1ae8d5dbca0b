/// JSON Schema 2020-12 identifiers (OpenAPI 3.1+): `$id` gives a schema a URI that later `$id`s and `$ref`s
/// resolve against, `$anchor` / `$dynamicAnchor` a plain-name fragment (`#foo`). Each loaded file is walked once
/// and its identifiers recorded in `uriIndex`; refs consult it before being treated as file paths or remote URLs.
/// A ref still becomes a `SchemaReference` keyed canonically by `<file>#<pointer>`.
enum IdentifiedTarget {
    case found(RefTarget)
    /// An error was reported.
    case failed
    /// Not an identifier: resolve as a file path / JSON pointer.
    case notIdentified
}

extension ParserState {
    /// The base URI of a file before any `$id`: its 3.2 `$self`, else its path.
    func fileBase(_ file: LoadedFile) -> String { file.selfURI ?? file.path }

    /// Records the `$id`s and anchors of every loaded file not indexed yet.
    func indexLoadedFiles() {
        guard indexedFiles.count != files.count else { return }
        for (path, file) in files where !indexedFiles.contains(path) {
            indexedFiles.insert(path)
            index(file.root, file: file, pointer: JSONPointer(), base: fileBase(file))
        }
    }

    /// Keywords whose values are data, not schemas or objects holding schemas.
    private static let dataKeywords: Set<String> = ["example", "examples", "default", "const", "enum", "value"]

    private func index(_ node: RawNode, file: LoadedFile, pointer: JSONPointer, base: String) {
        switch node.content {
        case .scalar:
            return
        case .sequence(let items):
            for (offset, item) in items.enumerated() {
                index(item, file: file, pointer: pointer.appending(offset), base: base)
            }
        case .mapping(let pairs):
            var base = base
            let target = RefTarget(file: file.path, pointer: pointer)
            if let id = node.value(forKey: "$id")?.text {
                base = RefPath.resolveURI(Self.strippingEmptyFragment(id), against: base)
                if uriIndex[base] == nil { uriIndex[base] = target }
            }
            for keyword in ["$anchor", "$dynamicAnchor"] {
                if let anchor = node.value(forKey: keyword)?.text, uriIndex[base + "#" + anchor] == nil {
                    uriIndex[base + "#" + anchor] = target
                }
            }
            for pair in pairs where !Self.dataKeywords.contains(pair.key) {
                index(pair.value, file: file, pointer: pointer.appending(pair.key), base: base)
            }
        }
    }

    private static func strippingEmptyFragment(_ id: String) -> String {
        id.hasSuffix("#") ? String(id.dropLast()) : id
    }

    /// The base URI in force at `cursor`: the file's base changed by every `$id` on the way to (and at) the node.
    func baseURI(at cursor: Cursor) -> String {
        var base = fileBase(cursor.file)
        var current: RawNode? = cursor.file.root
        var components = cursor.pointer.components[...]
        while let node = current {
            if case .mapping = node.content, let id = node.value(forKey: "$id")?.text {
                base = RefPath.resolveURI(Self.strippingEmptyFragment(id), against: base)
            }
            guard let component = components.popFirst() else { break }
            switch node.content {
            case .mapping: current = node.value(forKey: component)
            case .sequence(let items): current = Int(component).flatMap { items.indices.contains($0) ? items[$0] : nil }
            case .scalar: current = nil
            }
        }
        return base
    }

    /// Resolves `uri#fragment` through `$id`s and anchors. Refs with an empty URI and a JSON-pointer fragment stay
    /// document-relative (as OpenAPI tools treat them), so `#/components/…` under a schema with `$id` still works.
    func identifiedTarget(uri: String, fragment: String, raw: String, at node: RawNode,
                          _ cursor: Cursor) -> IdentifiedTarget {
        let isAnchor = fragment.count > 1 && !fragment.hasPrefix("#/")
        if uri.isEmpty && !isAnchor { return .notIdentified }
        indexLoadedFiles()
        let base = baseURI(at: cursor)
        let decodedURI = uri.removingPercentEncoding ?? uri
        let absolute = uri.isEmpty ? base : RefPath.resolveURI(decodedURI, against: base)
        if isAnchor {
            let name = String(fragment.dropFirst())
            let anchor = name.removingPercentEncoding ?? name
            if let target = uriIndex[absolute + "#" + anchor] { return .found(target) }
            var place = ""
            if uri.isEmpty {
                // `#foo` inside a schema with `$id` may name an anchor of the document itself.
                if let target = uriIndex[fileBase(cursor.file) + "#" + anchor] { return .found(target) }
            } else {
                // An anchor in a file not loaded yet: load it, index it, look again.
                guard let fileTarget = refTarget(uri, at: node, cursor) else { return .failed }
                guard let file = loadFile(fileTarget.file, raw: raw, at: node, cursor) else { return .failed }
                indexLoadedFiles()
                let fileBaseURI = fileTarget.pointer.components.isEmpty
                    ? fileBase(file) : baseURI(at: Cursor(file: file, pointer: fileTarget.pointer))
                if let target = uriIndex[fileBaseURI + "#" + anchor] ?? uriIndex[absolute + "#" + anchor] {
                    return .found(target)
                }
                if file.path != cursor.file.path { place = " in '\(file.path)'" }
            }
            error("unresolved $ref '\(raw)': anchor '\(anchor)' is not defined\(place)", at: node, cursor,
                  hint: "declare `$anchor: \(anchor)` on the schema, or refer to it by a JSON pointer ('#/…')")
            return .failed
        }
        guard let resource = uriIndex[absolute] else { return .notIdentified }
        guard let pointer = JSONPointer(parsing: fragment) else {
            error("unsupported $ref '\(raw)': the fragment must be a JSON pointer ('#/…') or an anchor", at: node,
                  cursor)
            return .failed
        }
        return .found(RefTarget(file: resource.file,
                                pointer: JSONPointer(resource.pointer.components + pointer.components)))
    }
}

extension RefPath {
    /// `ref` resolved against the base URI `base` (RFC 3986, without query strings): absolute URIs stay as they are,
    /// `/x` keeps the scheme and authority, `x` replaces the last path segment. File-path bases resolve as paths.
    static func resolveURI(_ ref: String, against base: String) -> String {
        if ref.isEmpty { return base }
        if hasScheme(ref) { return ref }
        guard hasScheme(base) else { return resolve(ref, against: base) }
        let colon = base.firstIndex(of: ":")!
        let scheme = base[...colon]
        var rest = base[base.index(after: colon)...]
        if ref.hasPrefix("//") { return scheme + ref }
        var authority = Substring("")
        if rest.hasPrefix("//") {
            let afterSlashes = rest.index(rest.startIndex, offsetBy: 2)
            let end = rest[afterSlashes...].firstIndex(of: "/") ?? rest.endIndex
            authority = rest[..<end]
            rest = rest[end...]
        }
        let path = ref.hasPrefix("/") ? normalise(ref) : normalise(directory(of: String(rest)) + ref)
        let absolutePath = authority.isEmpty || path.hasPrefix("/") ? path : "/" + path
        return scheme + authority + absolutePath
    }
}

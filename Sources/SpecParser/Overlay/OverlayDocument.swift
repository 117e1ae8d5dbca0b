import Foundation

/// An OpenAPI Overlay 1.0 document, validated: what to change in the spec before it is read.
struct OverlayDocument {
    /// The path the overlay is reported under.
    let file: String
    /// `overlay:`, e.g. `1.0.0`.
    let version: String
    let title: String
    /// `extends:`, informational: the overlay is applied to whichever spec it is given with.
    let extends: String?
    let actions: [OverlayAction]
}

/// One `actions:` entry.
struct OverlayAction {
    enum Change {
        /// Merge into each selected object; append to each selected array.
        case update(RawNode)
        /// Remove each selected node from its parent.
        case remove
    }

    /// 0-based position in `actions:`.
    let index: Int
    let target: JSONPath
    /// `target:` as written.
    let targetText: String
    let change: Change
    /// Where `target:`'s value is written.
    let location: SourceLocation
    /// `#/actions/<index>` in the overlay.
    var pointer: JSONPointer { JSONPointer(["actions", String(index)]) }
}

/// Reads and validates an overlay's `RawNode` tree; every problem is a diagnostic at the overlay's file:line:column.
struct OverlayReader {
    let file: String
    /// The overlay's text, to place JSONPath errors on the offending character.
    let text: String
    private(set) var diagnostics: [Diagnostic] = []

    private static let supportedVersions = ["1.0.", "1.1."]
    private static let rootFields: Set<String> = ["overlay", "info", "extends", "actions"]
    private static let infoFields: Set<String> = ["title", "version"]
    private static let actionFields: Set<String> = ["target", "description", "update", "remove"]

    init(file: String, text: String) {
        self.file = file
        self.text = text
    }

    /// The overlay, or nil when it has an error (`diagnostics` says which).
    mutating func read(_ root: RawNode) -> OverlayDocument? {
        guard let pairs = root.pairs else {
            error("an overlay must be a mapping with `overlay`, `info` and `actions`, found \(root.kindDescription)",
                  at: root, pointer: .root)
            return nil
        }
        let version = readVersion(root)
        if version == nil, root.value(forKey: "overlay") == nil, looksLikeSpec(root) { return nil }
        warnUnknownFields(pairs, known: Self.rootFields, in: "the overlay", pointer: .root)
        let title = readInfo(root)
        var extends: String?
        if let node = root.value(forKey: "extends") {
            extends = string(node, field: "extends", pointer: JSONPointer(["extends"]))
        }
        let actions = readActions(root)
        guard let version, let title, let actions, !diagnostics.hasErrors else { return nil }
        return OverlayDocument(file: file, version: version, title: title, extends: extends, actions: actions)
    }

    // MARK: - Header

    private mutating func readVersion(_ root: RawNode) -> String? {
        guard let node = root.value(forKey: "overlay") else {
            error("the overlay is missing `overlay:` (the Overlay Specification version, e.g. 1.0.0)", at: root,
                  pointer: .root,
                  hint: looksLikeSpec(root) ? "this looks like an OpenAPI document; pass it as the spec, not as an "
                                              + "overlay" : nil)
            return nil
        }
        guard node.scalar != nil, let version = node.text else {
            error("`overlay:` must be a version string such as 1.0.0, found \(node.kindDescription)", at: node,
                  pointer: JSONPointer(["overlay"]))
            return nil
        }
        guard Self.supportedVersions.contains(where: { version.hasPrefix($0) }) else {
            error("unsupported Overlay version '\(version)'; supported versions are 1.0.x and 1.1.x", at: node,
                  pointer: JSONPointer(["overlay"]))
            return nil
        }
        return version
    }

    /// `info: {title, version}`; returns the title.
    private mutating func readInfo(_ root: RawNode) -> String? {
        guard let info = root.value(forKey: "info") else {
            error("the overlay is missing `info:` (with `title` and `version`)", at: root, pointer: .root)
            return nil
        }
        let pointer = JSONPointer(["info"])
        guard let pairs = info.pairs else {
            error("`info:` must be a mapping with `title` and `version`, found \(info.kindDescription)", at: info,
                  pointer: pointer)
            return nil
        }
        warnUnknownFields(pairs, known: Self.infoFields, in: "`info`", pointer: pointer)
        var title: String?
        for field in ["title", "version"] {
            guard let node = info.value(forKey: field) else {
                error("`info:` is missing `\(field):`", at: info, pointer: pointer)
                continue
            }
            let value = string(node, field: "info.\(field)", pointer: pointer.appending(field), allowNumbers: true)
            if field == "title" { title = value }
        }
        return title
    }

    // MARK: - Actions

    private mutating func readActions(_ root: RawNode) -> [OverlayAction]? {
        guard let node = root.value(forKey: "actions") else {
            error("the overlay is missing `actions:` (a list of {target, update} or {target, remove: true})",
                  at: root, pointer: .root)
            return nil
        }
        let pointer = JSONPointer(["actions"])
        guard let items = node.items else {
            error("`actions:` must be a list, found \(node.kindDescription)", at: node, pointer: pointer)
            return nil
        }
        guard !items.isEmpty else {
            error("`actions:` is empty; an overlay needs at least one action", at: node, pointer: pointer)
            return nil
        }
        var actions: [OverlayAction] = []
        for (index, item) in items.enumerated() {
            if let action = readAction(item, index: index) { actions.append(action) }
        }
        return actions
    }

    private mutating func readAction(_ node: RawNode, index: Int) -> OverlayAction? {
        let pointer = JSONPointer(["actions", String(index)])
        guard let pairs = node.pairs else {
            error("an action must be a mapping with `target` and `update` or `remove`, found \(node.kindDescription)",
                  at: node, pointer: pointer)
            return nil
        }
        warnUnknownFields(pairs, known: Self.actionFields.union(["copy"]), in: "an action", pointer: pointer)
        if let copy = node.value(forKey: "copy") {
            error("the Overlay 1.1 `copy` action is not supported", at: copy, pointer: pointer.appending("copy"),
                  hint: "write the copied content out under `update:`")
            return nil
        }
        if let description = node.value(forKey: "description") {
            _ = string(description, field: "description", pointer: pointer.appending("description"))
        }
        var remove = false
        if let flag = node.value(forKey: "remove") {
            guard flag.scalar?.kind == .bool, let text = flag.text else {
                error("`remove:` must be true or false, found \(flag.kindDescription)", at: flag,
                      pointer: pointer.appending("remove"))
                return nil
            }
            remove = text.lowercased() == "true"
        }
        let update = node.value(forKey: "update")
        if update != nil && remove {
            error("an action has both `update` and `remove: true`; split it into two actions", at: node,
                  pointer: pointer)
        } else if update == nil && !remove {
            error("an action needs `update:` (to merge or append) or `remove: true`", at: node, pointer: pointer)
        }
        guard let (target, text, location) = readTarget(node, pointer: pointer) else { return nil }
        let change: OverlayAction.Change
        if remove {
            change = .remove
        } else if let update {
            change = .update(update)
        } else {
            return nil
        }
        return OverlayAction(index: index, target: target, targetText: text, change: change, location: location)
    }

    private mutating func readTarget(_ action: RawNode, pointer: JSONPointer)
        -> (JSONPath, String, SourceLocation)? {
        guard let node = action.value(forKey: "target") else {
            error("an action is missing `target:` (a JSONPath query such as $.paths['/pets'].get)", at: action,
                  pointer: pointer)
            return nil
        }
        let targetPointer = pointer.appending("target")
        guard node.scalar?.kind == .string, let text = node.text else {
            error("`target:` must be a string (a JSONPath query), found \(node.kindDescription)", at: node,
                  pointer: targetPointer)
            return nil
        }
        let location = SourceLocation(file: file, line: node.line, column: node.column)
        switch JSONPathParser.parse(text) {
        case .success(let path):
            return (path, text, location)
        case .failure(let problem):
            var at = location
            if let column = ScalarColumns.column(ofOffset: problem.offset, inScalarAt: node.line, column: node.column,
                                                 text: self.text) {
                at.column = column
            }
            diagnostics.append(.error("invalid JSONPath in `target:`: \(problem.message)", at: at,
                                      pointer: targetPointer, hint: "the query is \(text)"))
            return nil
        }
    }

    // MARK: - Helpers

    private func looksLikeSpec(_ root: RawNode) -> Bool {
        root.value(forKey: "openapi") != nil || root.value(forKey: "swagger") != nil
    }

    private mutating func string(_ node: RawNode, field: String, pointer: JSONPointer,
                                 allowNumbers: Bool = false) -> String? {
        if let scalar = node.scalar, scalar.kind == .string || allowNumbers && scalar.kind != .null {
            return scalar.text
        }
        error("`\(field):` must be a string, found \(node.kindDescription)", at: node, pointer: pointer)
        return nil
    }

    private mutating func warnUnknownFields(_ pairs: [RawPair], known: Set<String>, in place: String,
                                            pointer: JSONPointer, hint: String? = nil) {
        for pair in pairs where !known.contains(pair.key) && !pair.key.hasPrefix("x-") {
            diagnostics.append(.warning(
                "unknown field '\(pair.key)' in \(place) is ignored",
                at: SourceLocation(file: file, line: pair.keyLine, column: pair.keyColumn),
                pointer: pointer.appending(pair.key), hint: hint))
        }
    }

    private mutating func error(_ message: String, at node: RawNode, pointer: JSONPointer, hint: String? = nil) {
        diagnostics.append(.error(message, at: SourceLocation(file: file, line: node.line, column: node.column),
                                  pointer: pointer, hint: hint))
    }
}

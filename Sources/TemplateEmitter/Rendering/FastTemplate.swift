import Mustache

// MARK: - The embedded templates, rendered without swift-mustache's dynamic lookups

/// An embedded template rendered over `TemplateObject`s directly.
///
/// swift-mustache looks every tag up through a chain of `as?` casts on `Any` (`MustacheCustomRepresentation`,
/// `MustacheParent`, `MustacheTemplate`, `MustacheCustomRenderable`, …) and splits each name on dots: about a fifth
/// of all instructions of a run. The embedded templates use only text, `{{key}}`, `{{{key}}}`, `{{.}}`, sections and
/// inverted sections under `{{%CONTENT_TYPE:TEXT}}`, so they are read by `init(parsing:)` (a transcription of
/// swift-mustache's parser for that subset: the same standalone lines and text splits) and rendered here with
/// swift-mustache's rules for each value kind. A template with anything else (partials, blocks, transforms, dotted
/// names, another content type) gives nil and the whole set stays with swift-mustache. Overrides (`--templates`)
/// always render through swift-mustache. `FastTemplateTests` checks that `init(parsing:)` gives the nodes that
/// swift-mustache's own tokens give (`init(_:)`, read through `Mirror`) and that both renderings are byte-identical;
/// the goldens check it on real output.
struct FastTemplate: Sendable {
    indirect enum Node: Sendable, Equatable {
        case text(String)
        /// `{{name}}` or `{{{name}}}` (the TEXT content type escapes nothing).
        case variable(String)
        /// `{{.}}`.
        case current
        case section(String, [Node])
        case invertedSection(String, [Node])
    }

    let nodes: [Node]

    /// Reads `template`'s tokens, or returns nil when it uses something `render` does not reproduce. The reference
    /// that `init(parsing:)` is tested against.
    init?(_ template: MustacheTemplate) {
        guard let tokens = Self.tokens(of: template), let first = tokens.first,
              Self.isTextContentType(first) else { return nil }
        guard let nodes = Self.nodes(tokens.dropFirst()) else { return nil }
        self.nodes = nodes
    }

    // MARK: Reading swift-mustache's tokens

    /// `MustacheTemplate.tokens` is internal; its shape is fixed by the exact version Package.swift pins, and any
    /// other shape makes `init` fail (the templates then render through swift-mustache, unchanged).
    private static func tokens(of template: Any) -> [Any]? {
        guard let value = Mirror(reflecting: template).descendant("tokens") else { return nil }
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .collection else { return nil }
        return mirror.children.map(\.value)
    }

    private static func isTextContentType(_ token: Any) -> Bool {
        guard let (label, payload) = Self.enumCase(token), label == "contentType" else { return false }
        return String(describing: type(of: payload)) == "TextContentType"
    }

    private static func enumCase(_ token: Any) -> (String, Any)? {
        let mirror = Mirror(reflecting: token)
        guard mirror.displayStyle == .enum, let child = mirror.children.first, let label = child.label else {
            return nil
        }
        return (label, child.value)
    }

    /// The payload tuple's fields by label.
    private static func fields(_ payload: Any) -> [String: Any] {
        var fields: [String: Any] = [:]
        for child in Mirror(reflecting: payload).children {
            if let label = child.label { fields[label] = child.value }
        }
        return fields
    }

    private static func nodes(_ tokens: ArraySlice<Any>) -> [Node]? {
        var nodes: [Node] = []
        for token in tokens {
            guard let (label, payload) = enumCase(token) else { return nil }
            switch label {
            case "text":
                guard let text = payload as? String else { return nil }
                nodes.append(.text(text))
            case "variable", "unescapedVariable":
                let fields = fields(payload)
                guard let name = fields["name"] as? String, let transforms = fields["transforms"] as? [String],
                      transforms.isEmpty else { return nil }
                if name == "." {
                    nodes.append(.current)
                } else {
                    guard isPlainName(name) else { return nil }
                    nodes.append(.variable(name))
                }
            case "section", "invertedSection":
                let fields = fields(payload)
                guard let name = fields["name"] as? String, isPlainName(name),
                      let transforms = fields["transforms"] as? [String], transforms.isEmpty,
                      let template = fields["template"], let inner = Self.tokens(of: template),
                      let children = Self.nodes(inner[...]) else { return nil }
                nodes.append(label == "section" ? .section(name, children) : .invertedSection(name, children))
            case "contentType":
                // Switching to TEXT again changes nothing; any other type would escape.
                guard isTextContentType(token) else { return nil }
            default:
                return nil
            }
        }
        return nodes
    }

    /// A name swift-mustache looks up as one key up the context stack (no `.` path, not empty).
    private static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && !name.utf8.contains(UInt8(ascii: "."))
    }

    // MARK: Rendering

    /// A context stack entry: an object, or the current element of a string list, or an empty list pushed by an
    /// inverted section (swift-mustache pushes it; lookups pass through both).
    private enum Frame {
        case object(TemplateObject)
        case string(String)
        case strings([String])
        case list([TemplateObject])
    }

    /// Renders over `context`, as swift-mustache renders the same template over `context.anyValue`.
    func render(_ context: TemplateObject) -> String {
        var out = ""
        var stack: [Frame] = [.object(context)]
        Self.render(nodes, stack: &stack, into: &out)
        return out
    }

    private static func lookup(_ name: String, in stack: [Frame]) -> TemplateValue? {
        for frame in stack.reversed() {
            if case .object(let object) = frame, let value = object[name] { return value }
        }
        return nil
    }

    private static func render(_ nodes: [Node], stack: inout [Frame], into out: inout String) {
        for node in nodes {
            switch node {
            case .text(let text):
                out += text
            case .variable(let name):
                if let value = lookup(name, in: stack) { out += text(of: value) }
            case .current:
                out += text(of: stack[stack.count - 1])
            case .section(let name, let children):
                switch lookup(name, in: stack) {
                case .bool(let flag):
                    if flag { render(children, stack: &stack, into: &out) }
                case .string(let string):
                    stack.append(.string(string))
                    render(children, stack: &stack, into: &out)
                    stack.removeLast()
                case .strings(let strings):
                    for string in strings {
                        stack.append(.string(string))
                        render(children, stack: &stack, into: &out)
                        stack.removeLast()
                    }
                case .list(let objects):
                    for object in objects {
                        stack.append(.object(object))
                        render(children, stack: &stack, into: &out)
                        stack.removeLast()
                    }
                case nil:
                    break
                }
            case .invertedSection(let name, let children):
                switch lookup(name, in: stack) {
                case .bool(let flag):
                    if !flag { render(children, stack: &stack, into: &out) }
                case .string:
                    break
                case .strings(let strings):
                    if strings.isEmpty {
                        stack.append(.strings(strings))
                        render(children, stack: &stack, into: &out)
                        stack.removeLast()
                    }
                case .list(let objects):
                    if objects.isEmpty {
                        stack.append(.list(objects))
                        render(children, stack: &stack, into: &out)
                        stack.removeLast()
                    }
                case nil:
                    render(children, stack: &stack, into: &out)
                }
            }
        }
    }

    /// What swift-mustache prints for a value: a string as itself, anything else as `String(describing:)`.
    private static func text(of value: TemplateValue) -> String {
        switch value {
        case .string(let string): string
        case .bool(let flag): flag ? "true" : "false"
        case .strings, .list: String(describing: value.anyValue)
        }
    }

    private static func text(of frame: Frame) -> String {
        switch frame {
        case .object(let object): String(describing: object.anyValue)
        case .string(let string): string
        case .strings(let strings): String(describing: strings)
        case .list(let objects): String(describing: objects.map(\.anyValue))
        }
    }
}

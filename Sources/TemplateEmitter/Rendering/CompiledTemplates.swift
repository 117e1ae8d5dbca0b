import Dispatch
import Foundation
import Mustache
import OpenAPISwiftBase

// MARK: - The template set: embedded templates plus overrides, parsed once per process

/// Parsed templates by name (file name without `.mustache`), ready to render from any thread. Every template is
/// parsed and rendered by swift-mustache; the contexts it reads are `TemplateObject`s (`MustacheParent`).
struct CompiledTemplates: Sendable {
    /// With overrides: every template, the overridden ones replaced, so a template can use another as a partial.
    let library: MustacheLibrary?
    /// Every template name, sorted.
    let names: [String]
    /// Set in tests: record template keys that no context provides.
    let recorder: KeyRecorder?

    /// The embedded templates, each parsed once per process, when first rendered (or by `prepareInBackground`).
    private static let embedded: [String: LazyTemplate] = Dictionary(
        uniqueKeysWithValues: EmbeddedTemplates.all.keys.map { ($0, LazyTemplate(name: $0)) }
    )

    /// The templates every module renders, which `prepareInBackground` parses ahead of use; the others (tuples,
    /// unions, payload enums, response headers, aliases) are parsed only by a document that has one.
    private static let renderedByEveryModule = ["Models", "Struct", "Operations", "Operation", "Client", "Auth",
                                                "Errors", "Enum"]

    /// Parses the templates every module needs on a background queue, once, while the spec is parsed; a caller
    /// that needs one first waits for it (`LazyTemplate` parses under a lock).
    static func prepareInBackground() {
        _ = startPreparing
    }

    private static let startPreparing: Void = DispatchQueue.global(qos: .userInitiated).async {
        for name in renderedByEveryModule { _ = embedded[name]?.template }
    }

    /// The embedded templates, with those named in `overrides` replaced.
    /// - Throws: a `Diagnostic` naming an override that matches no template, or a template that fails to parse
    ///   (with mustache's message, line and column).
    init(overrides: [String: String], recorder: KeyRecorder? = nil) throws(Diagnostic) {
        let names = EmbeddedTemplates.all.keys.sorted()
        for name in overrides.keys.sorted() where EmbeddedTemplates.all[name] == nil {
            throw Diagnostic.error(
                "template override '\(name).mustache' does not replace any template",
                at: SourceLocation(file: name + ".mustache", line: 1, column: 1),
                hint: "overridable templates: " + names.map { $0 + ".mustache" }.joined(separator: ", ")
            )
        }
        var library: MustacheLibrary?
        if !overrides.isEmpty {
            var all = MustacheLibrary()
            for name in names {
                if let source = overrides[name] {
                    all.register(try Self.parse(source, name: name), named: name)
                } else if let template = Self.embedded[name]?.template {
                    all.register(template, named: name)
                }
            }
            library = all
        }
        self.library = library
        self.names = names
        self.recorder = recorder
    }

    private static func parse(_ source: String, name: String) throws(Diagnostic) -> MustacheTemplate {
        do {
            return try MustacheTemplate(string: source)
        } catch let error as MustacheTemplate.ParserError {
            throw Diagnostic.error(
                "template '\(name).mustache' does not parse: \(error.error) in `\(error.context.line)`",
                at: SourceLocation(file: name + ".mustache", line: error.context.lineNumber,
                                   column: error.context.columnNumber)
            )
        } catch {
            throw Diagnostic.error("template '\(name).mustache' does not parse: \(error)",
                                   at: SourceLocation(file: name + ".mustache", line: 1, column: 1))
        }
    }

    /// Renders template `name` over `context`.
    func render(_ name: String, _ context: some TemplateContext) -> String {
        render(name, object: context.templateObject)
    }

    func render(_ name: String, object: TemplateObject) -> String {
        let root: Any = recorder.map { KeyRecorder.Node(object: object, recorder: $0) } ?? object
        if let library {
            guard let text = library.render(root, withTemplate: name) else {
                preconditionFailure("template \(name) is not registered")
            }
            return text
        }
        guard let template = Self.embedded[name]?.template else {
            preconditionFailure("template \(name) is not registered")
        }
        return template.render(root)
    }
}

/// One embedded template, parsed by swift-mustache the first time it is needed, under a lock.
final class LazyTemplate: @unchecked Sendable {
    private let lock = NSLock()
    private var parsed: MustacheTemplate?
    let name: String

    init(name: String) {
        self.name = name
    }

    /// The parsed template. The embedded templates are part of the generator and always parse
    /// (`EmbeddedTemplatesParseTests`), so a failure is a bug in the generator itself.
    var template: MustacheTemplate {
        lock.lock()
        defer { lock.unlock() }
        if let parsed { return parsed }
        let source = String(decoding: EmbeddedTemplates.all[name] ?? [], as: UTF8.self)
        guard let template = try? MustacheTemplate(string: source) else {
            preconditionFailure("embedded template \(name).mustache does not parse")
        }
        parsed = template
        return template
    }
}

// MARK: - Missing-key check

/// Records every key templates ask for and every key a context answered, to find keys no context provides
/// (which swift-mustache silently renders as empty).
final class KeyRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var requested: Set<String> = []
    private var found: Set<String> = []

    init() {}

    /// Keys some template asked for that no context level ever had.
    var unresolvedKeys: [String] {
        lock.lock()
        defer { lock.unlock() }
        return requested.subtracting(found).sorted()
    }

    fileprivate func record(_ name: String, found isFound: Bool) {
        lock.lock()
        defer { lock.unlock() }
        requested.insert(name)
        if isFound { found.insert(name) }
    }

    /// A context level that reports lookups, its nested levels wrapped alike.
    struct Node: MustacheParent {
        let object: TemplateObject
        let recorder: KeyRecorder

        func child(named name: String) -> Any? {
            let value = object[name]
            recorder.record(name, found: value != nil)
            guard let value else { return nil }
            if case .list(let objects) = value { return objects.map { Node(object: $0, recorder: recorder) } }
            return value.mustacheValue
        }
    }
}

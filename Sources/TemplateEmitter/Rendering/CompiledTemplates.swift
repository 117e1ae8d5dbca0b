import Dispatch
import Foundation
import Mustache
import SpecParser

// MARK: - The template set: embedded templates plus overrides, compiled once per process

/// Parsed templates by name (file name without `.mustache`), ready to render from any thread.
struct CompiledTemplates: Sendable {
    /// swift-mustache's templates: only built for overrides, key recording, or an embedded template outside
    /// `FastTemplate`'s subset (parsing them is most of a small document's run).
    let library: MustacheLibrary?
    /// The Mustache templates rendered without swift-mustache's dynamic lookups (see `FastTemplate`): every one of
    /// them, or nil when one of them cannot be, or when templates are overridden or keys recorded.
    let fast: [String: FastTemplate]?
    /// Every template name, sorted.
    let names: [String]
    /// Set in tests: record template keys that no context provides.
    let recorder: KeyRecorder?

    /// The embedded templates, compiled on first use and shared by every emitter of the process.
    private static let embedded = { () -> CompiledTemplates in
        var fast: [String: FastTemplate]? = [:]
        let names = EmbeddedTemplates.all.keys.sorted()
        for name in names {
            if let template = FastTemplate(parsing: source(of: name)), fast != nil {
                fast?[name] = template
            } else {
                fast = nil
            }
        }
        return CompiledTemplates(library: nil, fast: fast, names: names, recorder: nil)
    }()

    /// The embedded templates, parsed by swift-mustache, once, when first needed.
    private static let embeddedLibrary = Result { () throws(Diagnostic) -> MustacheLibrary in
        var library = MustacheLibrary()
        for name in embedded.names {
            library.register(try parse(source(of: name), name: name), named: name)
        }
        return library
    }

    private static func source(of name: String) -> String {
        String(decoding: EmbeddedTemplates.all[name] ?? [], as: UTF8.self)
    }

    /// Compiles the embedded templates on a background queue, once; `embedded`'s lazy initialisation is
    /// thread-safe, so a caller that needs them first simply waits.
    static func prepareInBackground() {
        _ = startPreparing
    }

    private static let startPreparing: Void = DispatchQueue.global(qos: .userInitiated).async { _ = embedded }

    /// The embedded templates, with those named in `overrides` replaced. Overrides are always parsed as Mustache.
    /// - Throws: a `Diagnostic` naming an override that matches no template, or a template that fails to parse
    ///   (with mustache's message, line and column).
    init(overrides: [String: String], recorder: KeyRecorder? = nil) throws(Diagnostic) {
        for name in overrides.keys.sorted() where EmbeddedTemplates.all[name] == nil {
            throw Diagnostic.error(
                "template override '\(name).mustache' does not replace any template",
                at: SourceLocation(file: name + ".mustache", line: 1, column: 1),
                hint: "overridable templates: "
                    + EmbeddedTemplates.all.keys.sorted().map { $0 + ".mustache" }.joined(separator: ", ")
            )
        }
        let base = Self.embedded
        guard !overrides.isEmpty || recorder != nil || base.fast == nil else {
            self = base
            return
        }
        var library = try Self.embeddedLibrary.get()
        for name in overrides.keys.sorted() {
            library.register(try Self.parse(overrides[name] ?? "", name: name), named: name)
        }
        self.init(library: library, fast: nil, names: base.names, recorder: recorder)
    }

    private init(library: MustacheLibrary?, fast: [String: FastTemplate]?, names: [String], recorder: KeyRecorder?) {
        self.library = library
        self.fast = fast
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
        if let template = fast?[name] { return template.render(object) }
        return mustacheRender(name, value: object.anyValue)
    }

    /// Renders through swift-mustache (overrides, key recording).
    func mustacheRender(_ name: String, value: [String: Any]) -> String {
        let object: Any = recorder.map { $0.track(value) } ?? value
        guard let text = library?.render(object, withTemplate: name) else {
            preconditionFailure("template \(name) is not registered")
        }
        return text
    }
}

// MARK: - Missing-key check

/// Records every key templates ask for and every key a context answered, to find keys no context provides
/// (which swift-mustache would silently render as empty).
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

    func track(_ value: Any) -> Any {
        if let dictionary = value as? [String: Any] { return Node(values: dictionary, recorder: self) }
        if let array = value as? [[String: Any]] { return array.map { Node(values: $0, recorder: self) } }
        return value
    }

    fileprivate func record(_ name: String, found isFound: Bool) {
        lock.lock()
        defer { lock.unlock() }
        requested.insert(name)
        if isFound { found.insert(name) }
    }

    /// A context level that reports lookups.
    struct Node: MustacheParent {
        let values: [String: Any]
        let recorder: KeyRecorder

        func child(named name: String) -> Any? {
            let value = values[name]
            recorder.record(name, found: value != nil)
            return value.map(recorder.track)
        }
    }
}

import Dispatch
import Foundation
import Mustache
import SpecParser

// MARK: - The template set: embedded templates plus overrides, parsed once per process

/// Parsed templates by name (file name without `.mustache`), ready to render from any thread. Every template is
/// parsed and rendered by swift-mustache; the contexts it reads are `TemplateObject`s (`MustacheParent`).
struct CompiledTemplates: Sendable {
    let library: MustacheLibrary
    /// Every template name, sorted.
    let names: [String]
    /// Set in tests: record template keys that no context provides.
    let recorder: KeyRecorder?

    /// The embedded templates, parsed on first use and shared by every emitter of the process.
    private static let embedded = Result { () throws(Diagnostic) -> CompiledTemplates in
        let names = EmbeddedTemplates.all.keys.sorted()
        var library = MustacheLibrary()
        for name in names {
            library.register(try parse(String(decoding: EmbeddedTemplates.all[name] ?? [], as: UTF8.self),
                                       name: name), named: name)
        }
        return CompiledTemplates(library: library, names: names, recorder: nil)
    }

    /// Parses the embedded templates on a background queue, once; `embedded`'s lazy initialisation is thread-safe,
    /// so a caller that needs them first simply waits.
    static func prepareInBackground() {
        _ = startPreparing
    }

    private static let startPreparing: Void = DispatchQueue.global(qos: .userInitiated).async { _ = embedded }

    /// The embedded templates, with those named in `overrides` replaced.
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
        let base = try Self.embedded.get()
        var library = base.library
        for name in overrides.keys.sorted() {
            library.register(try Self.parse(overrides[name] ?? "", name: name), named: name)
        }
        self.init(library: library, names: base.names, recorder: recorder)
    }

    private init(library: MustacheLibrary, names: [String], recorder: KeyRecorder?) {
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
        guard let text = library.render(root, withTemplate: name) else {
            preconditionFailure("template \(name) is not registered")
        }
        return text
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

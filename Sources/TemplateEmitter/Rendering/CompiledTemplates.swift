import Foundation
import Mustache
import SpecParser

// MARK: - The template set: embedded templates plus overrides, parsed once per emitter

/// Parsed templates by name (file name without `.mustache`), ready to render from any thread.
struct CompiledTemplates: Sendable {
    let library: MustacheLibrary
    /// Every template name, sorted.
    let names: [String]
    /// Set in tests: record template keys that no context provides.
    let recorder: KeyRecorder?

    /// Parses the embedded templates, replacing those named in `overrides`.
    /// - Throws: a `Diagnostic` naming an override that matches no template, or a template that fails to parse
    ///   (with mustache's message, line and column).
    init(overrides: [String: String], recorder: KeyRecorder? = nil) throws(Diagnostic) {
        var sources: [String: String] = [:]
        for (name, bytes) in EmbeddedTemplates.all {
            sources[name] = String(decoding: bytes, as: UTF8.self)
        }
        for name in overrides.keys.sorted() where sources[name] == nil {
            throw Diagnostic.error(
                "template override '\(name).mustache' does not replace any template",
                at: SourceLocation(file: name + ".mustache", line: 1, column: 1),
                hint: "overridable templates: " + sources.keys.sorted().map { $0 + ".mustache" }.joined(separator: ", ")
            )
        }
        sources.merge(overrides) { _, override in override }
        var library = MustacheLibrary()
        for name in sources.keys.sorted() {
            do {
                library.register(try MustacheTemplate(string: sources[name]!), named: name)
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
        self.library = library
        self.names = sources.keys.sorted()
        self.recorder = recorder
    }

    /// Renders template `name` over `context`.
    func render(_ name: String, _ context: some TemplateContext) -> String {
        render(name, value: context.templateValue)
    }

    func render(_ name: String, value: [String: Any]) -> String {
        let object: Any = recorder.map { $0.track(value) } ?? value
        guard let text = library.render(object, withTemplate: name) else {
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

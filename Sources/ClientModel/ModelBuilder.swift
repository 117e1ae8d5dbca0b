import Foundation
import SpecParser

/// Turns a parsed `Document` into the IR. Pure and total: it never traps, whatever the document holds; every
/// construct it cannot generate becomes a warning in `APIDecl.diagnostics`; the output is deterministic
/// (document order, sorted where the input was unordered, collisions resolved from document order).
public enum ModelBuilder {
    /// With a filter (`ModelOptions.filter`), the model is built from the filtered document: the kept operations and
    /// what they reach, and nothing else (`DocumentFilter.apply`).
    public static func build(_ document: Document, options: ModelOptions, specPath: String) -> APIDecl {
        guard !options.filter.isEmpty else {
            return Builder(document: document, options: options).run(specPath: specPath)
        }
        let (filtered, diagnostics) = options.filter.apply(to: document)
        var api = Builder(document: filtered, options: options).run(specPath: specPath)
        api.diagnostics = diagnostics + api.diagnostics
        return api
    }
}

/// The mutable state of one `ModelBuilder.build` call. The stages live in extensions, one file per concern:
/// `ModelBuilder+Schemas`, `SchemaTranslator*`, `ModelBuilder+Names`, `ModelBuilder+Operations`,
/// `ModelBuilder+Bodies`, `ModelBuilder+Security`, `ModelBuilder+Servers`, `ModelBuilder+Indirection`; then
/// `ValidationPlanning` over the finished IR.
final class Builder {
    let document: Document
    let options: ModelOptions
    let moduleName: String
    let clientName: String
    /// The module and client names, which no generated type may take.
    let moduleNames: Set<String>
    var diagnostics: [Diagnostic] = []

    // MARK: - Schema index

    /// `$ref` targets by `SchemaReference.key`.
    var refIndex: [String: ReferencedSchema] = [:]
    /// The generated type of each `$ref` target, by key.
    var refTypeNames: [String: TypeName] = [:]
    /// Memo for `isNullable(key:)`.
    var refNullability: [String: Bool] = [:]

    // MARK: - Declared types

    /// Every declared type's name, in the order names were claimed (parents before their nested types).
    var typeOrder: [TypeName] = []
    var typeDecls: [TypeName: TypeDecl] = [:]
    /// Top-level type names, including names the emitter declares (`<Op>Body`, `<Op>Success`).
    var topLevelScope: NameScope
    /// The names declared inside each type, per type: its nested types and its members (properties, enum and union
    /// cases) share one scope, so a member never takes a nested type's name (`ModelBuilder+Names.swift`).
    var memberScopes: [TypeName: NameScope] = [:]
    /// Every name declared inside some type (nested types and members): a later top-level type must not take one, or
    /// it would be shadowed inside that type.
    var innerNames: Set<String> = []

    // MARK: - Work limits (hostile input)

    /// Schemas whose translation is in progress: meeting one again (an inline schema reached through a `$ref`
    /// merged by `allOf` into itself) is a cycle that would unfold forever.
    var inProgress: Set<ObjectIdentifier> = []
    /// Translations left before every further schema is generated as `JSONValue` (with one warning), so that
    /// `allOf` merges that re-translate shared subtrees cannot take exponential time.
    var translationBudget = 200_000
    var reportedBudget = false

    /// Scheme keys that produced a `SecuritySchemeDecl`; requirements naming others are dropped with a warning.
    var usableSchemeKeys: Set<String> = []

    init(document: Document, options: ModelOptions) {
        self.document = document
        self.options = options
        let module = options.moduleName.isEmpty ? "API" : options.moduleName
        self.moduleName = module
        self.clientName = NameSanitizer.upperCamel(module, fallback: "API") + "Client"
        // A type named like a module it imports would shadow the module's name in qualified references.
        self.moduleNames = Set([module, clientName] + (options.runtimeModule.map { [$0] } ?? []))
        self.topLevelScope = NameScope(reserved: moduleNames)
    }

    func run(specPath: String) -> APIDecl {
        translateRegisteredSchemas(registerSchemas())
        var securitySchemes = buildSecuritySchemes()
        var operations = buildOperations()
        markNullableRequestProperties(operations)
        resolveVendorAuthExtensions(&securitySchemes, operations: operations)
        buildWebhookPayloads()
        let errorBodies = collectErrorBodies(operations)
        let requestIDFields = findRequestIDFields()
        let servers = buildServers()
        markIndirection()
        planEventBodies(&operations)
        var types = assembleTypes()
        ValidationPlanning.apply(types: &types, operations: &operations)
        var api = APIDecl(
            moduleName: moduleName, clientName: clientName, accessLevel: options.accessLevel, specPath: specPath,
            title: document.info.title, version: document.info.version,
            doc: docLines(document.info.summary, document.info.description), servers: servers,
            types: types, operations: operations, securitySchemes: securitySchemes,
            errorBodies: errorBodies, requestIDFields: requestIDFields, diagnostics: diagnostics)
        api.runtimeModule = options.runtimeModule
        api.diagnostics += warnAboutOmittedTokenInit(api)
        return api
    }

    // MARK: - Diagnostics

    func warn(_ message: String, _ origin: Origin, hint: String? = nil) {
        diagnostics.append(.warning(message, at: origin.location, pointer: origin.pointer, hint: hint))
    }

    func note(_ message: String, _ origin: Origin) {
        diagnostics.append(Diagnostic(.note, message, at: origin.location, pointer: origin.pointer))
    }

    // MARK: - The type tree

    func store(_ decl: TypeDecl) { typeDecls[decl.name] = decl }

    /// The declared types as a tree: top-level types in claim order, each with its nested types in claim order.
    func assembleTypes() -> [TypeDecl] {
        var children: [TypeName: [TypeName]] = [:]
        var roots: [TypeName] = []
        for name in typeOrder where typeDecls[name] != nil {
            if name.components.count <= 1 {
                roots.append(name)
            } else {
                children[TypeName(Array(name.components.dropLast())), default: []].append(name)
            }
        }
        func assemble(_ name: TypeName, depth: Int) -> TypeDecl? {
            guard var decl = typeDecls[name] else { return nil }
            decl.nested = depth > 200 ? [] : (children[name] ?? []).compactMap { assemble($0, depth: depth + 1) }
            return decl
        }
        return roots.compactMap { assemble($0, depth: 0) }
    }
}

/// Where an inline schema's generated type is declared: nested in `parent`, or at top level when `parent` is nil.
/// `baseName` is raw text (e.g. the JSON property name); the sanitizer makes it a type name.
struct InlineSite {
    var parent: TypeName?
    var baseName: String

    /// A site for a schema inside this one: `addresses` → `addresses Item`.
    func child(_ suffix: String) -> InlineSite { InlineSite(parent: parent, baseName: baseName + " " + suffix) }
}

/// Splits spec text into doc lines: paragraphs in order separated by an empty line, trailing spaces removed,
/// leading and trailing blank lines dropped. The text stays raw; the emitter escapes it.
func docLines(_ texts: String?...) -> [String] {
    var lines: [String] = []
    for text in texts.compactMap({ $0 }) {
        var paragraph = trimmedLines(text)
        while paragraph.first?.isEmpty == true { paragraph.removeFirst() }
        while paragraph.last?.isEmpty == true { paragraph.removeLast() }
        if paragraph.isEmpty { continue }
        if !lines.isEmpty { lines.append("") }
        lines += paragraph
    }
    return lines
}

/// The lines of `text` (each ended by `\n`, `\r\n` or `\r`), without trailing spaces and tabs. On UTF-8 bytes, not
/// Characters (which made doc lines a tenth of a run): a line feed is always a Character of its own, so splitting at
/// byte 0x0A splits at `"\n"`.
private func trimmedLines(_ text: String) -> [String] {
    var bytes = Array(text.utf8)
    if bytes.contains(UInt8(ascii: "\r")) {
        bytes = Array(text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n").utf8)
    }
    var lines: [String] = []
    var start = 0
    for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
        lines.append(withoutTrailingBlanks(bytes[start..<index]))
        start = index + 1
    }
    lines.append(withoutTrailingBlanks(bytes[start...]))
    return lines
}

/// A line without its trailing spaces and tabs. Removing the bytes is removing the Characters, except after a
/// non-ASCII character: a Unicode Prepend character and the space after it are one Character, which stays, so such a
/// line is trimmed by Characters.
private func withoutTrailingBlanks(_ line: ArraySlice<UInt8>) -> String {
    guard let last = line.lastIndex(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) else { return "" }
    guard line[last] >= 0x80, last + 1 < line.endIndex else { return String(decoding: line[...last], as: UTF8.self) }
    let characters = String(decoding: line, as: UTF8.self)
    guard let lastCharacter = characters.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
    return String(characters[...lastCharacter])
}

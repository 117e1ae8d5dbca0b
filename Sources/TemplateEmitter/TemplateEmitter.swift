import ClientModel
import SpecParser

// MARK: - emit(APIDecl) → [EmittedFile]

/// Renders an `APIDecl` into the Swift files of one generated module. Pure and in-memory: templates are embedded
/// in the binary (or given as `overrides`), and the caller writes the files.
public struct TemplateEmitter: Sendable {
    /// Files longer than this many lines are split (`Models+2.swift`, …) so the compiler can work in parallel.
    /// Not much smaller: without batch mode (`swiftc -typecheck *.swift`) every file is a frontend job that imports
    /// Foundation and checks the declarations it uses again, which costs more than the parallelism gains
    /// (readme30-star-trek: 26 files of ≤ 1,500 lines type-check in about twice the CPU time of 6 files).
    public var linesPerFile = 6000

    let templates: CompiledTemplates

    /// Parses every template once.
    /// - Parameter overrides: template name (file name without `.mustache`) → template text, from `--templates DIR`.
    /// - Throws: a `Diagnostic` naming an override that replaces no template, or a template that fails to parse.
    public init(overrides: [String: String] = [:]) throws(Diagnostic) {
        templates = try CompiledTemplates(overrides: overrides)
    }

    /// Starts compiling the embedded templates on another thread (once per process), so that it overlaps parsing
    /// and model building instead of following them. `init` waits for it if it is still running.
    public static func prepareInBackground() {
        CompiledTemplates.prepareInBackground()
    }

    /// For tests: records template keys no context provides.
    init(overrides: [String: String] = [:], recorder: KeyRecorder) throws(Diagnostic) {
        templates = try CompiledTemplates(overrides: overrides, recorder: recorder)
    }

    /// The names of all templates (embedded and overridable), sorted.
    public var templateNames: [String] { templates.names }

    /// Renders every file of the module. The same `api` always gives the same files, in path order.
    public func emit(_ api: APIDecl) throws(Diagnostic) -> [EmittedFile] {
        let index = TypeIndex(api: api)
        let file = FileContext(
            access: api.accessLevel.rawValue, specPath: SwiftEscaping.lineComment(api.specPath),
            header: FileContext.header(specPath: api.specPath, overlays: api.overlayPaths),
            moduleName: api.moduleName, clientName: api.clientName
        )
        var files: [EmittedFile] = []
        files += modelFiles(api, index: index, file: file)
        files += operationFiles(api, index: index, file: file)
        let clients = ClientRendering(api: api, index: index, file: file)
        files.append(EmittedFile(path: "Client.swift", contents: templates.render("Client", clients.clientContext())))
        files.append(EmittedFile(path: "Auth.swift", contents: templates.render("Auth", clients.authContext())))
        files.append(EmittedFile(path: "Errors.swift", contents: templates.render("Errors", clients.errorsContext())))
        let runtime = Self.runtimeTemplates(for: api.runtimeFeatures, among: templates.names)
        files.append(EmittedFile(
            path: "Runtime.swift", contents: Self.joinRuntime(runtime.map { ($0, templates.render($0, file)) })
        ))
        return files
            .parallelMap(minimumCount: 2) { EmittedFile(path: $0.path, contents: SourceFormatting.finalize($0.contents)) }
            .sorted { $0.path < $1.path }
    }

    // MARK: - Runtime

    /// Runtime templates emitted only when the module uses one of the features listed; every other runtime
    /// template is always emitted. The features are decided by ClientModel (`APIDecl.runtimeFeatures`).
    static let optionalRuntime: [String: RuntimeFeatures] = [
        "Runtime+Multipart": .multipart,
        "Runtime+OptionalValue": .optionalValue,
        "Runtime+Streams": [.serverSentEvents, .jsonStreams],
        "Runtime+Tokens": .tokenProviders,
    ]

    /// The rendered runtime templates as one file, `Runtime.swift`: the first whole, each other one as a section
    /// (`// MARK: - Runtime+Auth`) without its header lines and its `import Foundation`. One file, not nine: each file
    /// is a compiler job of its own that imports Foundation and checks the declarations it uses again, which cost
    /// about as much as type-checking the runtime's bodies.
    static func joinRuntime(_ parts: [(name: String, source: String)]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(parts.reduce(0) { $0 + $1.source.utf8.count + 32 })
        for (offset, part) in parts.enumerated() {
            guard offset > 0 else {
                out.append(contentsOf: part.source.utf8)
                continue
            }
            if out.last != 0x0A { out.append(0x0A) }
            out.append(contentsOf: "\n// MARK: - \(part.name)\n\n".utf8)
            appendSection(part.source, to: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `source`'s lines joined by newlines, less a leading `// Generated by openapi-swift` line (and the
    /// `// Overlays:` line after it) and every `import Foundation` line.
    private static func appendSection(_ source: String, to out: inout [UInt8]) {
        var source = source
        source.withUTF8 { bytes in
            var start = 0
            var lineNumber = 0
            var wroteLine = false
            var droppedHeader = false
            while start <= bytes.count {
                let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                defer { start = end + 1 }
                lineNumber += 1
                if lineNumber == 1, line.starts(with: "// Generated by openapi-swift".utf8) {
                    droppedHeader = true
                    continue
                }
                if lineNumber == 1 || (lineNumber == 2 && droppedHeader), line.starts(with: "// Overlays: ".utf8) {
                    continue
                }
                if line.elementsEqual("import Foundation".utf8) { continue }
                if wroteLine { out.append(0x0A) }
                out.append(contentsOf: line)
                wroteLine = true
            }
        }
    }

    /// The runtime templates (`Runtime`, `Runtime+…`) among `names` that a module with `features` needs, in order.
    static func runtimeTemplates(for features: RuntimeFeatures, among names: [String]) -> [String] {
        names.filter { name in
            guard name == "Runtime" || name.hasPrefix("Runtime+") else { return false }
            return optionalRuntime[name].map { !features.isDisjoint(with: $0) } ?? true
        }
    }

    // MARK: - Models

    private func modelFiles(_ api: APIDecl, index: TypeIndex, file: FileContext) -> [EmittedFile] {
        let rendering = ModelRendering(api: api, index: index, templates: templates)
        let operationTypes = OperationTypes(api: api, index: index)
        var blocks = api.types.parallelMap(rendering.render)
        for (name, context) in operationTypes.declarations {
            let code = templates.render("PayloadEnum", context)
            let parent = name.components.dropLast().joined(separator: ".")
            blocks.append(parent.isEmpty ? code : "extension \(parent) {\n\(SourceFormatting.indent(code))}\n")
        }
        for context in operationTypes.headerStructs {
            blocks.append(templates.render("ResponseHeaders", context))
        }
        let chunks = split(blocks)
        return chunks.enumerated().map { offset, declarations in
            var context = DeclarationsFileContext(file: file, declarations: declarations)
            if offset == 0 {
                context.needsDynamicCodingKey = Self.needsDynamicCodingKey(index)
                context.needsIndirectBox = Self.needsIndirectBox(index)
            }
            return EmittedFile(path: Self.path("Models", offset), contents: templates.render("Models", context))
        }
    }

    private static func needsDynamicCodingKey(_ index: TypeIndex) -> Bool {
        index.declarations.values.contains { decl in
            switch decl.kind {
            case .struct(let s): s.additionalProperties != nil
            case .union(let u): u.discriminator == nil && u.cases.contains { $0.hint.kind == .object }
            default: false
            }
        }
    }

    private static func needsIndirectBox(_ index: TypeIndex) -> Bool {
        index.declarations.values.contains { decl in
            if case .struct(let s) = decl.kind { s.properties.contains(where: \.needsIndirection) } else { false }
        }
    }

    // MARK: - Operations

    private func operationFiles(_ api: APIDecl, index: TypeIndex, file: FileContext) -> [EmittedFile] {
        let rendering = OperationRendering(api: api, index: index)
        let blocks = api.operations.parallelMap { operation in
            SourceFormatting.indent(templates.render("Operation", rendering.context(for: operation)))
        }
        let chunks = blocks.isEmpty ? [[]] : split(blocks)
        return chunks.enumerated().map { offset, declarations in
            let context = DeclarationsFileContext(file: file, declarations: declarations)
            return EmittedFile(path: Self.path("Operations", offset), contents: templates.render("Operations", context))
        }
    }

    // MARK: - Splitting

    /// Groups rendered blocks, in order, into files of about `linesPerFile` lines. Never empty.
    func split(_ blocks: [String]) -> [[String]] {
        var chunks: [[String]] = [[]]
        var lines = 0
        // Counting reads every byte of the output: on all cores.
        for (block, blockLines) in zip(blocks, blocks.parallelMap { SourceFormatting.lineCount($0) }) {
            let count = blockLines + 2
            if lines + count > linesPerFile, !chunks[chunks.count - 1].isEmpty {
                chunks.append([])
                lines = 0
            }
            chunks[chunks.count - 1].append(block)
            lines += count
        }
        return chunks
    }

    /// `Models.swift`, `Models+2.swift`, …
    static func path(_ base: String, _ offset: Int) -> String {
        offset == 0 ? base + ".swift" : "\(base)+\(offset + 1).swift"
    }
}

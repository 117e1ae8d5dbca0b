import ClientModel
import OpenAPISwiftBase

// MARK: - emit(APIDecl) → [EmittedFile]

/// Renders an `APIDecl` into the Swift files of one generated module. Pure and in-memory: templates are embedded
/// in the binary (or given as `overrides`), and the caller writes the files.
public struct SwiftEmitter: Sendable {
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
            imports: FileContext.imports(runtimeModule: api.runtimeModule, exported: false),
            moduleName: api.moduleName, clientName: api.clientName
        )
        var files: [EmittedFile] = []
        files += modelFiles(api, index: index, file: file)
        files += operationFiles(api, index: index, file: file)
        let clients = ClientRendering(api: api, index: index, file: file)
        var clientFile = file
        clientFile.imports = FileContext.imports(runtimeModule: api.runtimeModule, exported: true)
        files.append(EmittedFile(path: "Client.swift",
                                 contents: templates.render("Client", clients.clientContext(file: clientFile))))
        files.append(EmittedFile(path: "Auth.swift", contents: templates.render("Auth", clients.authContext())))
        files.append(EmittedFile(path: "Errors.swift", contents: templates.render("Errors", clients.errorsContext())))
        if api.runtimeModule == nil {
            files.append(EmbeddedRuntime.embeddedFile(features: api.runtimeFeatures, header: file.header))
        }
        return files
            .parallelMap(minimumCount: 2) { EmittedFile(path: $0.path, contents: SourceFormatting.finalize($0.contents)) }
            .sorted { $0.path < $1.path }
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
                let helpers = api.modelHelpers
                context.needsDynamicCodingKey = helpers.contains(.dynamicCodingKey)
                context.needsIndirectBox = helpers.contains(.indirectBox)
                context.needsUnionBranch = helpers.contains(.unionBranch)
            }
            return EmittedFile(path: Self.path("Models", offset), contents: templates.render("Models", context))
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

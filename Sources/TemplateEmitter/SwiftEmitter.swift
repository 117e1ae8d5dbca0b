import ClientModel
import OpenAPISwiftBase

// MARK: - emit(APIDecl) → [EmittedFile]

/// Renders an `APIDecl` into the Swift files of one generated module. Pure and in-memory: templates are embedded
/// in the binary (or given as `overrides`), and the caller writes the files.
public struct SwiftEmitter: Sendable {
    /// A file is split past this many lines (`FileLayout`), unless one declaration is longer.
    public var linesPerFile = FileLayout.maximumLines

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
    ///
    /// The client's files (`Client.swift`, `Client+2.swift`, …) hold the client, its credentials and error body,
    /// then its operations; the model files (`Models.swift`, …) the types. `FileLayout` decides where each is split.
    public func emit(_ api: APIDecl) throws(Diagnostic) -> [EmittedFile] {
        let index = TypeIndex(api: api)
        let file = FileContext(
            access: api.accessLevel.rawValue, specPath: SwiftEscaping.lineComment(api.specPath),
            header: FileContext.header(specPath: api.specPath, overlays: api.overlayPaths),
            imports: FileContext.imports(runtimeModule: api.runtimeModule, exported: false),
            moduleName: api.moduleName, clientName: api.clientName
        )
        let clients = ClientRendering(api: api, index: index, file: file)
        let preamble = [templates.render("Client", clients.clientContext()),
                        templates.render("Auth", clients.authContext()),
                        templates.render("Errors", clients.errorsContext())]
            .filter { !$0.allSatisfy(\.isWhitespace) }
            .joined(separator: "\n")
        let rendering = OperationRendering(api: api, index: index)
        let operations = api.operations.parallelMap { operation in
            SourceFormatting.indent(templates.render("Operation", rendering.context(for: operation)))
        }
        let models = modelBlocks(api, index: index)
        // The preamble is the client stream's first block. Counting reads every byte of the output: on all cores.
        let clientLines = ([preamble] + operations).parallelMap { SourceFormatting.lineCount($0) + 2 }
        let modelLines = models.parallelMap { SourceFormatting.lineCount($0) + 2 }
        let runtime = api.runtimeModule == nil
            ? EmbeddedRuntime.embeddedFile(features: api.runtimeFeatures, header: file.header) : nil
        let whole = runtime.map { [$0.path: SourceFormatting.lineCount($0.contents)] } ?? [:]
        let layout = FileLayout.plan(client: clientLines, models: modelLines, whole: whole, maximumLines: linesPerFile)

        var files: [EmittedFile] = layout.client.enumerated().map { offset, range in
            var context = DeclarationsFileContext(
                file: file, declarations: Array(operations[max(range.lowerBound, 1) - 1..<range.upperBound - 1]))
            if offset == 0 {
                context.file.imports = FileContext.imports(runtimeModule: api.runtimeModule, exported: true)
                context.preamble = [preamble]
            }
            return EmittedFile(path: Self.path("Client", offset), contents: templates.render("Operations", context))
        }
        let modelRanges = layout.models.isEmpty ? [0..<0] : layout.models
        files += modelRanges.enumerated().map { offset, range in
            var context = DeclarationsFileContext(file: file, declarations: Array(models[range]))
            if offset == 0 {
                let helpers = api.modelHelpers
                context.needsDynamicCodingKey = helpers.contains(.dynamicCodingKey)
                context.needsIndirectBox = helpers.contains(.indirectBox)
                context.needsUnionBranch = helpers.contains(.unionBranch)
            }
            return EmittedFile(path: Self.path("Models", offset), contents: templates.render("Models", context))
        }
        if let runtime { files.append(runtime) }
        return files
            .parallelMap(minimumCount: 2) { EmittedFile(path: $0.path, contents: SourceFormatting.finalize($0.contents)) }
            .sorted { $0.path < $1.path }
    }

    // MARK: - Models

    /// The model declarations, in the IR's order: the types, then the operations' payload enums and response
    /// header structs.
    private func modelBlocks(_ api: APIDecl, index: TypeIndex) -> [String] {
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
        return blocks
    }

    /// `Models.swift`, `Models+2.swift`, …
    static func path(_ base: String, _ offset: Int) -> String {
        offset == 0 ? base + ".swift" : "\(base)+\(offset + 1).swift"
    }
}

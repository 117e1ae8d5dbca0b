import ClientModel
import Foundation
import SpecParser
import TemplateEmitter

/// What to generate: one spec into one module.
public struct GenerationJob: Sendable {
    /// The spec as the user named it (used in diagnostics and the file header).
    public var spec: SpecInput
    public var options: ModelOptions
    /// Template name → template text, replacing the embedded template of that name.
    public var templateOverrides: [String: String]
    /// OpenAPI Overlay documents applied, in order, to the spec's root file before it is parsed.
    public var overlays: [SpecInput]

    public init(spec: SpecInput, options: ModelOptions, templateOverrides: [String: String] = [:],
                overlays: [SpecInput] = []) {
        self.spec = spec
        self.options = options
        self.templateOverrides = templateOverrides
        self.overlays = overlays
    }
}

/// The outcome of one job: the files (empty when there was an error) and every diagnostic.
public struct GenerationResult: Sendable {
    public var files: [EmittedFile]
    public var diagnostics: [Diagnostic]
    public var typeCount: Int
    public var operationCount: Int

    public var succeeded: Bool { !diagnostics.hasErrors }
}

/// The one entry point of the generator: spec in, files out, all in memory.
/// The CLI and the tests both call it; only the CLI touches the disk.
public enum Generator {
    public static func generate(_ job: GenerationJob, loader: any SpecLoader) -> GenerationResult {
        TemplateEmitter.prepareInBackground()
        let parsed = SpecParser.parse(job.spec, overlays: job.overlays, loader: loader)
        var diagnostics = parsed.diagnostics
        guard let document = parsed.document, !diagnostics.hasErrors else {
            return GenerationResult(files: [], diagnostics: ordered(diagnostics), typeCount: 0, operationCount: 0)
        }
        let api: APIDecl = {
            var built = ModelBuilder.build(document, options: job.options, specPath: job.spec.path)
            built.overlayPaths = job.overlays.map(\.path)
            return built
        }()
        diagnostics += api.diagnostics
        guard !diagnostics.hasErrors else {
            return GenerationResult(files: [], diagnostics: ordered(diagnostics), typeCount: 0, operationCount: 0)
        }
        do {
            let emitter = try TemplateEmitter(overrides: job.templateOverrides)
            let files = try emitter.emit(api)
            let typeCount = countTypes(api.types), operationCount = api.operations.count
            // The document and the model are done with: free them while the caller writes the files.
            BackgroundRelease.drop((consume parsed, consume document, consume api), inputBytes: job.spec.data.count)
            return GenerationResult(
                files: files, diagnostics: ordered(diagnostics), typeCount: typeCount, operationCount: operationCount
            )
        } catch {
            diagnostics.append(error)
        }
        return GenerationResult(files: [], diagnostics: ordered(diagnostics), typeCount: 0, operationCount: 0)
    }

    /// The runtime module's files (`OpenAPISwiftRuntime`), for a folder that clients generated with
    /// `ModelOptions.runtimeModule` import.
    public static func runtimeFiles() -> [EmittedFile] {
        EmbeddedRuntime.moduleFiles()
    }

    /// The version of the runtime this generator writes and generates for.
    public static var runtimeVersion: String { EmbeddedRuntime.version }

    private static func countTypes(_ types: [TypeDecl]) -> Int {
        types.reduce(0) { $0 + 1 + countTypes($1.nested) }
    }

    /// Stable order: by location, then emission order; diagnostics without a location last, in emission order. The
    /// same finding reached twice (same severity, message and location) is kept once (`deduplicated`).
    private static func ordered(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        let indexed = diagnostics.deduplicated.enumerated().map { ($0.offset, $0.element) }
        return indexed.sorted { a, b in
            switch (a.1.location, b.1.location) {
            case let (l?, r?): l != r ? l < r : a.0 < b.0
            case (_?, nil): true
            case (nil, _?): false
            case (nil, nil): a.0 < b.0
            }
        }.map(\.1)
    }
}

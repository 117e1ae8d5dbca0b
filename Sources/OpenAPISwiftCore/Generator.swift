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

/// A spec turned into the IR (`Generator.model`).
public struct ModelResult: Sendable {
    /// Nil when the spec has errors.
    public var api: APIDecl?
    /// The parser's, then the model's, unsorted.
    public var diagnostics: [Diagnostic]
    /// Kept so that a caller can free the document off its critical path (`BackgroundRelease`).
    public var parsed: ParseResult
}

/// The one entry point of the generator: spec in, files out, all in memory.
/// The CLI and the tests both call it; only the CLI touches the disk.
public enum Generator {
    public static func generate(_ job: GenerationJob, loader: any SpecLoader) -> GenerationResult {
        SwiftEmitter.prepareInBackground()
        let modelled = model(job, loader: loader)
        var diagnostics = modelled.diagnostics
        guard let api = modelled.api, !diagnostics.hasErrors else {
            return GenerationResult(files: [], diagnostics: ordered(diagnostics), typeCount: 0, operationCount: 0)
        }
        do {
            let emitter = try SwiftEmitter(overrides: job.templateOverrides)
            let files = try emitter.emit(api)
            let typeCount = countTypes(api.types), operationCount = api.operations.count
            // The document and the model are done with: free them while the caller writes the files.
            BackgroundRelease.drop((consume modelled, consume api), inputBytes: job.spec.data.count)
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

    /// The first two stages: the job's spec (with its overlays) parsed and turned into the IR. `generate` and
    /// `APIDiffer` share it, so both see the same model.
    public static func model(_ job: GenerationJob, loader: any SpecLoader) -> ModelResult {
        let parsed = DocumentParser.parse(job.spec, overlays: job.overlays, loader: loader)
        guard let document = parsed.document, !parsed.diagnostics.hasErrors else {
            return ModelResult(api: nil, diagnostics: parsed.diagnostics, parsed: parsed)
        }
        var api = ModelBuilder.build(document, options: job.options, specPath: job.spec.path)
        api.overlayPaths = job.overlays.map(\.path)
        return ModelResult(api: api, diagnostics: parsed.diagnostics + api.diagnostics, parsed: parsed)
    }

    private static func countTypes(_ types: [TypeDecl]) -> Int {
        types.reduce(0) { $0 + 1 + countTypes($1.nested) }
    }

    /// Repeats dropped first (the same severity, message and location: the first is kept, `deduplicated`), then a
    /// stable sort by location (file path as text, then line, then column: `SourceLocation <`), ties in the order
    /// the stages reported them; diagnostics without a location come last, in that order too.
    static func ordered(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
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

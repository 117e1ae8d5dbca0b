import Foundation

/// The parser's entry point: bytes in, a resolved `Document` (or diagnostics) out.
public enum DocumentParser {
    /// Parses `input`, following relative `$ref`s through `loader`. Never throws or traps: every problem is a
    /// `Diagnostic`, and `document` is nil exactly when one of them is an error.
    ///
    /// `overlays` are OpenAPI Overlay 1.0 documents, applied in order to the root file's tree before it is read
    /// (files reached through `$ref` are not changed). Diagnostics about an overlay, or about what it inserted,
    /// name the overlay's file.
    public static func parse(_ input: SpecInput, overlays: [SpecInput] = [], loader: any SpecLoader,
                             limits: ParserLimits = .default) -> ParseResult {
        let state = ParserState(loader: loader, limits: limits)
        let path = RefPath.normalise(input.path)
        guard var root = YAMLLoading.load(input.data, file: input.path, limits: limits, into: &state.diagnostics)
        else { return ParseResult(document: nil, diagnostics: state.diagnostics) }
        var provenance: NodeProvenance?
        if !overlays.isEmpty {
            var applier = OverlayApplier(limits: limits)
            let overlaid = applier.apply(overlays, to: root)
            state.diagnostics += applier.diagnostics
            guard let overlaid else { return ParseResult(document: nil, diagnostics: state.diagnostics) }
            root = overlaid
            provenance = applier.provenance
        }
        let file = LoadedFile(path: path, displayPath: input.path, root: root)
        file.provenance = provenance
        state.files[path] = file
        let document = state.readDocument(file)
        let diagnostics = state.diagnostics
        // The raw trees of every file are not needed any more: free them off the caller's path.
        BackgroundRelease.drop((consume state, consume file, consume root), inputBytes: input.data.count)
        return ParseResult(document: diagnostics.hasErrors ? nil : document, diagnostics: diagnostics)
    }
}

import Foundation

/// The parser's entry point: bytes in, a resolved `Document` (or diagnostics) out.
public enum SpecParser {
    /// Parses `input`, following relative `$ref`s through `loader`. Never throws or traps: every problem is a
    /// `Diagnostic`, and `document` is nil exactly when one of them is an error.
    public static func parse(_ input: SpecInput, loader: any SpecLoader,
                             limits: ParserLimits = .default) -> ParseResult {
        let state = ParserState(loader: loader, limits: limits)
        let path = RefPath.normalise(input.path)
        switch YAMLLoading.load(input.data, file: input.path, limits: limits) {
        case .failure(let diagnostic):
            return ParseResult(document: nil, diagnostics: [diagnostic])
        case .success(let root):
            let file = LoadedFile(path: path, displayPath: input.path, root: root)
            state.files[path] = file
            let document = state.readDocument(file)
            let diagnostics = state.diagnostics
            return ParseResult(document: diagnostics.hasErrors ? nil : document, diagnostics: diagnostics)
        }
    }
}

import Foundation
import SpecParser
import TestSupport


/// Parses YAML/JSON text given inline, with extra files served from memory.
func parse(_ text: String, path: String = "spec.yaml", files: [String: String] = [:]) -> ParseResult {
    DocumentParser.parse(SpecInput(path: path, data: Data(text.utf8)), loader: InMemorySpecLoader(texts: files))
}

/// The single error of a result, printed (`file:line:column: error: …`), or a note that there was none.
func errorText(_ result: ParseResult) -> String {
    result.diagnostics.errors.map(\.description).joined(separator: "\n")
}

/// A minimal valid 3.0 document with `body` under `components.schemas` (indented by 4).
func openAPI30(schemas body: String, version: String = "3.0.3") -> String {
    """
    openapi: \(version)
    info: {title: T, version: "1"}
    paths: {}
    components:
      schemas:
    \(body)
    """
}

extension ParseResult {
    func componentSchema(_ name: String) -> Schema? {
        document?.components.schemas.first { $0.name == name }?.schema
    }
}

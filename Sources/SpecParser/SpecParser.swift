import Foundation

/// The bytes of one spec file and the path it is reported under.
public struct SpecInput: Sendable {
    /// The path as the user gave it; used in diagnostics and to resolve relative `$ref`s.
    public var path: String
    public var data: Data
    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }
}

/// Loads the files that relative `$ref`s point at. Injected, so the parser itself never touches the disk.
public protocol SpecLoader: Sendable {
    /// Returns the bytes of `path` (already resolved against the referring file; normalised, `/`-separated).
    func load(_ path: String) throws -> Data
}

/// What parsing produced: a document when there was no error, and every diagnostic found.
public struct ParseResult: Sendable {
    public var document: Document?
    public var diagnostics: [Diagnostic]
    public init(document: Document?, diagnostics: [Diagnostic]) {
        self.document = document
        self.diagnostics = diagnostics
    }
}

/// One generated source file.
public struct EmittedFile: Sendable, Hashable {
    /// Relative to the module's output folder, e.g. `Models.swift`.
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}

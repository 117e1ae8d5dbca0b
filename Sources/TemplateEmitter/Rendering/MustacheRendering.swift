import Mustache

// MARK: - Cheaper variable rendering in swift-mustache

/// Strings render as themselves.
///
/// swift-mustache renders a variable by trying, in turn, `as? MustacheCustomRenderable`, `as? MustacheLambda`,
/// `as? AnyOptional` and then `String(describing:)` (itself a run of dynamic casts), which for the `String`s that
/// every variable here is would cost more than the lookup. Conforming `String` makes the first cast succeed and
/// return the string unchanged. The output is the same: `String(describing:)` of a `String` is the string, and a
/// string is never null, so sections over a string render as they would without the conformance.
extension String: @retroactive MustacheCustomRenderable {
    public var renderText: String { self }
    public var isNull: Bool { false }
}

/// The tool's release version, printed by `openapi-swift --version`. This is the only place it is written: a release
/// is the tag `X.Y.Z` on main, and this constant equals that tag (README.md, section Releases). Generated files never
/// contain it, so regenerating with another release changes only what the release itself changes.
public enum OpenAPISwift {
    /// `MAJOR.MINOR.PATCH` (Semantic Versioning 2.0.0), without a `v`.
    public static let version = "0.1.0"
}

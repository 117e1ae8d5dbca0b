import Foundation

/// Paths in this repository, for tests that read its specs, fixtures, goldens and scripts.
public enum Repository {
    /// The repository's root folder (the one holding Package.swift).
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/Fixtures`.
    public static let fixtures: URL = root.appendingPathComponent("Tests/Fixtures")

    /// `../shared/corpus` beside the repository; absent on machines without it (tests that need it skip).
    public static let corpus: URL = root.deletingLastPathComponent().appendingPathComponent("shared/corpus")
}

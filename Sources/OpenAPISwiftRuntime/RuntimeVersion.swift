import Foundation

// MARK: - Version

/// The version of this runtime, and the compile-time check every generated client makes against it.
public enum OpenAPISwiftRuntimeInfo {
    /// This runtime's semantic version. Clients are generated for one `major.minor`; see docs/GENERATED-API.md.
    public static let version = "0.8.0"
}

/// A runtime version as a type: `major.minor` spelled in digit types, so that
/// `RuntimeVersion<RuntimeVersionDigit._0, RuntimeVersionDigit._5>` is 0.5 (a two-digit part is a tuple of digits).
///
/// A generated client declares `let requiredRuntimeVersion: RuntimeVersion<…> = installedRuntimeVersion`, so that
/// compiling it against another runtime fails with an error naming both versions:
/// "cannot convert value of type 'RuntimeVersion<RuntimeVersionDigit._0, RuntimeVersionDigit._4>' to specified type
/// 'RuntimeVersion<RuntimeVersionDigit._0, RuntimeVersionDigit._5>'": the runtime is 0.4, the client needs 0.5.
public struct RuntimeVersion<Major, Minor>: Sendable {
    public init() {}
}

/// The digits that spell a `RuntimeVersion`.
public enum RuntimeVersionDigit {
    public enum _0 {}
    public enum _1 {}
    public enum _2 {}
    public enum _3 {}
    public enum _4 {}
    public enum _5 {}
    public enum _6 {}
    public enum _7 {}
    public enum _8 {}
    public enum _9 {}
}

/// This runtime's `major.minor`, as a type (it matches `OpenAPISwiftRuntimeInfo.version`; a test checks).
public let installedRuntimeVersion = RuntimeVersion<RuntimeVersionDigit._0, RuntimeVersionDigit._8>()

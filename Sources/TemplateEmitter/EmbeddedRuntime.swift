import ClientModel

// MARK: - The runtime's sources, embedded in the binary

/// The Swift files of `Sources/OpenAPISwiftRuntime` (`resources: [.embedInCode("RuntimeSources")]`), which the
/// generator writes out: as the files of a runtime module of their own (`moduleFiles`), or joined into one
/// `Runtime.swift` inside a self-contained client module (`embeddedFile`). A test checks that every file of that
/// folder is listed here and that the joined file compiles.
public enum EmbeddedRuntime {
    /// File name → bytes, in file-name order.
    static let files: [(name: String, bytes: [UInt8])] = [
        ("APIError.swift", PackageResources.APIError_swift),
        ("ClientOptions.swift", PackageResources.ClientOptions_swift),
        ("ClientRuntime.swift", PackageResources.ClientRuntime_swift),
        ("Coding.swift", PackageResources.Coding_swift),
        ("Credentials.swift", PackageResources.Credentials_swift),
        ("Dates.swift", PackageResources.Dates_swift),
        ("HTTPHeaders.swift", PackageResources.HTTPHeaders_swift),
        ("HTTPTransport.swift", PackageResources.HTTPTransport_swift),
        ("JSONValue.swift", PackageResources.JSONValue_swift),
        ("Middleware.swift", PackageResources.Middleware_swift),
        ("Multipart.swift", PackageResources.Multipart_swift),
        ("OptionalValue.swift", PackageResources.OptionalValue_swift),
        ("ParameterStyle.swift", PackageResources.ParameterStyle_swift),
        ("Redaction.swift", PackageResources.Redaction_swift),
        ("RequestBuilder.swift", PackageResources.RequestBuilder_swift),
        ("Response.swift", PackageResources.Response_swift),
        ("RetryAfter.swift", PackageResources.RetryAfter_swift),
        ("RetryPolicy.swift", PackageResources.RetryPolicy_swift),
        ("RuntimeVersion.swift", PackageResources.RuntimeVersion_swift),
        ("ServerSentEventBody.swift", PackageResources.ServerSentEventBody_swift),
        ("Streams.swift", PackageResources.Streams_swift),
        ("Timeout.swift", PackageResources.Timeout_swift),
        ("Tokens.swift", PackageResources.Tokens_swift),
        ("URLSessionTransport.swift", PackageResources.URLSessionTransport_swift),
        ("UUIDCoding.swift", PackageResources.UUIDCoding_swift),
        ("Validation.swift", PackageResources.Validation_swift),
    ]

    /// Files a self-contained module carries only when it uses one of the features listed (decided by ClientModel,
    /// `APIDecl.runtimeFeatures`); the others are always needed.
    static let optional: [String: RuntimeFeatures] = [
        "Multipart.swift": .multipart,
        "OptionalValue.swift": .optionalValue,
        "Streams.swift": [.serverSentEvents, .jsonStreams],
        "Tokens.swift": .tokenProviders,
    ]

    /// The runtime's version, as its `RuntimeVersion.swift` states it (`major.minor.patch`).
    public static let version: String = {
        let text = String(decoding: PackageResources.RuntimeVersion_swift, as: UTF8.self)
        guard let start = text.range(of: "public static let version = \"")?.upperBound,
              let end = text[start...].firstIndex(of: "\"") else { return "0.0.0" }
        return String(text[start..<end])
    }()

    /// The type a client generated now requires, `RuntimeVersion<RuntimeVersionDigit._0, RuntimeVersionDigit._5>`
    /// for 0.5.x (see `RuntimeVersion.swift`); a two-digit part is a tuple of digits.
    static let versionType: String = {
        let parts = version.split(separator: ".").prefix(2).map { part in
            let digits = part.map { "RuntimeVersionDigit._\($0)" }
            return digits.count == 1 ? digits[0] : "(" + digits.joined(separator: ", ") + ")"
        }
        return "RuntimeVersion<" + parts.joined(separator: ", ") + ">"
    }()

    /// The runtime as the files of its own module, each as it is in the repository under a provenance line.
    public static func moduleFiles() -> [EmittedFile] {
        files.map { file in
            EmittedFile(path: file.name, contents: header + "\n\n" + String(decoding: file.bytes, as: UTF8.self))
        }
    }

    static let header = "// OpenAPISwiftRuntime, written by openapi-swift. Do not edit."

    /// The runtime inside a self-contained module: one `Runtime.swift` (one compiler job, not twenty) holding the
    /// imports once, then each needed file as a `// MARK: -` section without its imports.
    static func embeddedFile(features: RuntimeFeatures, header: String) -> EmittedFile {
        var out = header + "\n//\n// The runtime (OpenAPISwiftRuntime \(version)), embedded so that this folder compiles on its own.\n\n"
        out += "import Foundation\n#if canImport(FoundationNetworking)\nimport FoundationNetworking\n#endif\n"
        for file in files where optional[file.name].map({ !features.isDisjoint(with: $0) }) ?? true {
            out += "\n// MARK: - " + file.name.dropLast(".swift".count) + "\n\n"
            out += withoutImports(String(decoding: file.bytes, as: UTF8.self))
        }
        return EmittedFile(path: "Runtime.swift", contents: out)
    }

    /// `source` less its leading import block (`import Foundation` and the conditional FoundationNetworking one).
    /// Only the leading lines are read: the rest of the file is copied as it is.
    static func withoutImports(_ source: String) -> String {
        let dropped: Set<Substring> = [
            "import Foundation", "#if canImport(FoundationNetworking)", "import FoundationNetworking", "#endif", "",
        ]
        var start = source.startIndex
        while start < source.endIndex {
            let end = source.utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? source.endIndex
            guard dropped.contains(source[start..<end]) else { break }
            start = end < source.endIndex ? source.utf8.index(after: end) : end
        }
        return String(source[start...])
    }
}

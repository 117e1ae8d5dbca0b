// MARK: - Which optional parts of the generated runtime a module needs

/// The optional parts of the runtime a module uses, decided from the IR so the emitter only follows flags
/// (`EmbeddedRuntime.optional` maps each file to the features that need it).
///
/// Every module carries the runtime that any client needs (`HTTPTransport`, `APIError`, `ClientOptions`,
/// `RequestOptions`, `Response`, middleware and logging, retries, redaction, validation, `JSONValue`, dates). The
/// parts below are emitted only when the document uses them: code that is not there costs no type-checking time.
public struct RuntimeFeatures: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// A bearer-like scheme (http bearer, OAuth2, OpenID Connect): `TokenProvider`, `BearerCredential`,
    /// `CachingTokenProvider`, `OAuth2ClientCredentialsProvider` (`Tokens.swift`).
    public static let tokenProviders = RuntimeFeatures(rawValue: 1 << 0)
    /// A property that tells `null` from absent: `OptionalValue` and its coding helpers (`OptionalValue.swift`).
    public static let optionalValue = RuntimeFeatures(rawValue: 1 << 1)
    /// A `multipart/form-data` request body (`Multipart.swift`).
    public static let multipart = RuntimeFeatures(rawValue: 1 << 2)
    /// A `text/event-stream` response (`ServerSentEvents`, `Streams.swift`).
    public static let serverSentEvents = RuntimeFeatures(rawValue: 1 << 3)
    /// A JSON Lines, NDJSON or JSON text sequence response (`JSONStream`, `Streams.swift`).
    public static let jsonStreams = RuntimeFeatures(rawValue: 1 << 4)

    /// Names, in bit order, for the IR dump.
    static let names: [(RuntimeFeatures, String)] = [
        (.tokenProviders, "tokenProviders"), (.optionalValue, "optionalValue"), (.multipart, "multipart"),
        (.serverSentEvents, "serverSentEvents"), (.jsonStreams, "jsonStreams"),
    ]

    /// The features set, by name, in bit order.
    public var featureNames: [String] { Self.names.filter { contains($0.0) }.map(\.1) }

    /// What `api` uses: its security schemes, the types of every declaration, parameter, body and response.
    public static func required(
        types: [TypeDecl], operations: [OperationDecl], securitySchemes: [SecuritySchemeDecl]
    ) -> RuntimeFeatures {
        var features: RuntimeFeatures = []
        for scheme in securitySchemes {
            switch scheme.kind {
            case .bearer, .oauth2ClientCredentials, .externalBearer: features.insert(.tokenProviders)
            case .apiKey, .basic: break
            }
        }
        var declarations = types
        while let decl = declarations.popLast() {
            declarations += decl.nested
            switch decl.kind {
            case .struct(let s):
                for property in s.properties {
                    features.formUnion(Self.features(of: property.type))
                    if property.distinguishesNull { features.insert(.optionalValue) }
                }
                if let extra = s.additionalProperties { features.formUnion(Self.features(of: extra.valueType)) }
                for member in s.flattenedUnions { features.formUnion(Self.features(of: member.type)) }
            case .union(let u):
                for c in u.cases { features.formUnion(Self.features(of: c.type)) }
            case .alias(let target):
                features.formUnion(Self.features(of: target))
            case .enum:
                break
            }
        }
        for operation in operations {
            for parameter in operation.parameters {
                features.formUnion(Self.features(of: parameter.type))
            }
            for content in operation.body?.contents ?? [] {
                features.formUnion(Self.features(of: content.type))
                switch content.encoding {
                case .multipart: features.insert(.multipart)
                case .formURLEncoded, .json, .binary, .text: break
                }
            }
            for response in operation.responses {
                if let type = response.type { features.formUnion(Self.features(of: type)) }
                for header in response.headers { features.formUnion(Self.features(of: header.type)) }
            }
        }
        return features
    }

    /// The features a type spells.
    static func features(of type: TypeRef) -> RuntimeFeatures {
        switch type {
        case .builtin, .named: []
        case .stream(let format, let item):
            features(of: item).union(format == .serverSentEvents ? .serverSentEvents : .jsonStreams)
        case .array(let element), .dictionary(let element), .optional(let element): features(of: element)
        }
    }
}

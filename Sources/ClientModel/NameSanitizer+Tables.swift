// MARK: - The tables behind `NameSanitizer`: initialisms, keywords, reserved members and type names.

extension NameSanitizer {
    /// Words written in capitals when they are not the first word of a lowerCamel name (`clientID`, `getURL`).
    /// Keys are lower-case; a trailing `s` plural keeps the capitals (`IDs`, `URLs`). Applied to whole words only,
    /// so `os` inside `osmosis` or `cost` is untouched. Only words that are never English words of their own belong
    /// here (not `pan`, `dob`, `md`, `tan`): adding one renames every generated identifier containing it.
    public static let initialisms: [String: String] = Dictionary(uniqueKeysWithValues: [
        "ID", "URL", "URI", "UUID", "OTP", "API", "HTTP", "HTTPS", "JSON", "XML", "HTML", "PDF", "SMS", "JWT", "KYC",
        "IP", "TLS", "SSL", "DNS", "CPU", "OS",
        // Protocols, formats and services.
        "SSE", "SDK", "SQL", "CSV", "TCP", "UDP", "TTL", "UTC", "SSO", "MFA", "GPS", "OCR", "QR", "AWS",
        // Payments and identity (India-first providers).
        "IBAN", "GST", "UPI", "IFSC",
    ].map { ($0.lowercased(), $0) })

    /// Identifiers that are usable once quoted with backticks.
    public static let keywords: Set<String> = Set<String>([
        // Declarations
        "associatedtype", "borrowing", "class", "consuming", "deinit", "enum", "extension", "fileprivate", "func",
        "import", "init", "inout", "internal", "let", "nonisolated", "open", "operator", "private", "precedencegroup",
        "protocol", "public", "rethrows", "static", "struct", "subscript", "typealias", "var", "package",
        // Statements
        "break", "case", "catch", "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard", "if",
        "in", "repeat", "return", "throw", "switch", "where", "while",
        // Expressions and types
        "Any", "as", "await", "false", "is", "nil", "self", "Self", "super", "throws", "true", "try",
    ]).union(contextualKeywords)

    /// Contextual keywords: valid identifiers nearly everywhere, quoted in members to be safe, but fine as method
    /// names (`func open()`).
    public static let contextualKeywords: Set<String> = [
        "some", "any", "async", "actor", "macro", "each", "get", "set", "willSet", "didSet", "indirect", "lazy",
        "mutating", "nonmutating", "override", "required", "convenience", "dynamic", "final", "optional", "weak",
        "unowned", "Protocol", "Type", "associativity", "infix", "prefix", "postfix", "precedence", "consume", "copy",
        "discard", "then", "open", "package", "borrowing", "consuming", "nonisolated",
    ]

    /// Member names that break generated code even with backticks: they name the type itself, an initializer, or a
    /// member the generated conformances declare. They get the suffix `Value` (`description` → `descriptionValue`).
    public static let reservedMembers: Set<String> = [
        "self", "Self", "init", "deinit", "subscript", "Type", "Protocol", "description", "debugDescription",
        "hashValue", "customMirror", "redactedFields", "encode", "validate",
    ]

    /// Extra reserved names for enum cases (`rawValue`, `allCases` are enum members).
    public static let reservedEnumCases: Set<String> = reservedMembers.union(["rawValue", "allCases"])

    /// Names a generated type must not take: Swift and Foundation types, the generated runtime's own types, and
    /// names that cannot be nested (`Type`, `Self`). Renamed with the suffix `Model` (`Error` → `ErrorModel`).
    /// A top-level type of such a name would shadow the standard one in the generated code (which spells `Range`,
    /// `TimeInterval`, `DecodingError`… unqualified) and, for a client that imports the module, in the user's own
    /// code (`Measurement`, `Notification`, `Operation`, `Progress`, `Timer`, `Unit`): Swift prefers a declaration of
    /// a module over one of a module it imports.
    public static let reservedTypeNames: Set<String> = [
        // Swift
        "String", "Int", "Int8", "Int16", "Int32", "Int64", "UInt", "UInt8", "UInt16", "UInt32", "UInt64", "Bool",
        "Double", "Float", "Float16", "Character", "Substring", "Void", "Never", "Any", "AnyObject", "AnyHashable",
        "Optional", "Array", "Dictionary", "Set", "Result", "Error", "Task", "Duration", "Codable", "Decodable",
        "Encodable", "Sendable", "Hashable", "Equatable", "Comparable", "Identifiable", "CaseIterable", "Sequence",
        "Collection", "Hasher", "Encoder", "Decoder", "CodingKey", "CodingKeys", "Type", "Protocol", "Self", "Swift",
        "RawRepresentable", "CustomStringConvertible", "CustomDebugStringConvertible", "CustomReflectable", "Mirror",
        "Range", "ClosedRange", "ArraySlice", "KeyValuePairs", "IndexingIterator", "Unicode", "StaticString",
        "KeyPath", "ObjectIdentifier", "Int128", "UInt128", "Regex", "Numeric", "BinaryInteger", "BinaryFloatingPoint",
        "LosslessStringConvertible", "ExpressibleByArrayLiteral", "ExpressibleByBooleanLiteral",
        "ExpressibleByDictionaryLiteral", "ExpressibleByFloatLiteral", "ExpressibleByIntegerLiteral",
        "ExpressibleByNilLiteral", "ExpressibleByStringLiteral", "DecodingError", "EncodingError", "CodingUserInfoKey",
        "KeyedDecodingContainer", "KeyedEncodingContainer", "UnkeyedDecodingContainer", "UnkeyedEncodingContainer",
        "SingleValueDecodingContainer", "SingleValueEncodingContainer",
        // Swift concurrency
        "Actor", "MainActor", "TaskGroup", "AsyncSequence", "AsyncIteratorProtocol", "AsyncStream",
        "AsyncThrowingStream", "CheckedContinuation", "CancellationError", "Clock", "ContinuousClock",
        "SuspendingClock",
        // Foundation
        "Foundation", "FoundationNetworking", "Data", "Date", "URL", "UUID", "Decimal", "Locale", "TimeZone",
        "Calendar", "JSONEncoder", "JSONDecoder", "URLSession", "URLRequest", "URLResponse", "URLComponents",
        "URLQueryItem", "HTTPURLResponse", "DateFormatter", "ISO8601DateFormatter", "NSError", "NSObject", "Bundle",
        "ProcessInfo", "URLSessionConfiguration", "TimeInterval", "DateComponents", "DateInterval", "Measurement",
        "Unit", "Dimension", "Notification", "NotificationCenter", "Operation", "OperationQueue", "Progress", "Timer",
        "Thread", "RunLoop", "DispatchQueue", "CharacterSet", "IndexSet", "IndexPath", "AttributedString",
        "NSNumber", "NSString", "NSNull", "NSLock", "NSRange", "NSRegularExpression", "NSTextCheckingResult",
        "FileManager", "UserDefaults", "NumberFormatter", "JSONSerialization", "PropertyListEncoder",
        "PropertyListDecoder", "URLError", "URLSessionTask", "URLSessionDataTask", "URLSessionDataDelegate",
        // The runtime (OpenAPISwiftRuntime, imported or embedded)
        "JSONValue", "CalendarDate", "HTTPRequest", "HTTPResponse", "HTTPHeaders", "HTTPTransport",
        "URLSessionTransport", "ClientOptions", "RequestOptions", "RetryPolicy", "Response", "APIError", "ErrorBody",
        "EmptyBody", "ValidationFailure", "Validatable", "TokenProvider", "BearerCredential", "ClientMiddleware",
        "ClientLogger", "LogEvent", "Redaction", "Sleeper", "TaskSleeper", "RequestBuilder", "ClientRuntime",
        "PathEncoder", "Servers", "Credentials",
        // Runtime helpers (RobustnessTests checks that every top-level runtime type is listed here).
        "BasicAuth", "CachingTokenProvider", "CivilTime", "CredentialApplying", "JSONCoding", "Locked",
        "OAuth2ClientCredentialsProvider", "OptionalDecodingTarget", "ParameterStyle", "Percent", "PrintLogger",
        "RFC3339", "Race", "RedirectGuard", "RegexCache", "SessionBox", "TaskHandle", "TimeoutSignal",
        "UnexpectedResponse", "Validation", "Indirect", "DynamicCodingKey", "UnionBranch", "OptionalValue", "ServerSentEvent",
        "ServerSentEvents", "ServerSentEventParser", "HTTPBodyStream", "JSONStream", "StreamDecoding",
        "StreamReceiver", "IterationGuard", "APIErrorKind", "APIErrorProtocol", "APIErrorBody", "NoErrorBody", "StreamFailures",
        "RuntimeVersion", "RuntimeVersionDigit", "OpenAPISwiftRuntimeInfo", "OpenAPISwiftRuntime",
        "DocumentedWithoutBody", "UUIDLowering", "RetryAfter", "JSONItemFraming", "JSONKey", "OutgoingServerSentEvent",
    ]

    /// Names a nested type must not take: the types generated model code spells inside its parent (builtins,
    /// Codable machinery, the validation, redaction, boxing and null-versus-absent runtime, a union's
    /// `DiscriminatorKey`). Other Swift names (`Result`, `Response`, `Task`) are fine nested, because model code
    /// never spells them.
    public static let reservedNestedTypeNames: Set<String> = [
        "String", "Int", "Int32", "Int64", "Double", "Float", "Bool", "Date", "CalendarDate", "UUID", "Data", "URL",
        "JSONValue", "Void", "Foundation", "Swift", "Type", "Self", "Protocol", "Any", "AnyObject", "Never",
        "Optional", "Array", "Dictionary", "Set", "Error", "CodingKeys", "CodingKey", "Decoder", "Encoder",
        "Decodable", "Encodable", "Codable", "Sendable", "Hashable", "Equatable", "DecodingError", "EncodingError",
        "KeyedDecodingContainer", "KeyedEncodingContainer", "ValidationFailure", "Validatable", "Redaction",
        "Mirror", "CustomStringConvertible", "CustomDebugStringConvertible", "CustomReflectable", "Character",
        "UnionBranch", "RawRepresentable", "Validation", "DynamicCodingKey", "Indirect", "OptionalValue",
        "DiscriminatorKey", "JSONKey",
    ]

    /// Members of the generated client that an operation method must not take.
    public static let reservedClientMembers: Set<String> = [
        "init", "runtime", "configuration", "credentials", "options", "transport", "serverURL",
    ]
}

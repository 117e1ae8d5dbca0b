import Foundation

// MARK: - Redaction

/// Keeps Aadhaar numbers and secrets out of logs, errors and descriptions (UIDAI: never show a full Aadhaar number).
public enum Redaction {
    /// `999999990019` → `xxxx-xxxx-0019` (any value of 8 or more digits, spaces and dashes ignored);
    /// anything else (OTPs, tokens, secrets) → `<redacted>`.
    public static func mask(_ value: String) -> String {
        var digits: String = ""
        for character: Character in value where character != " " && character != "-" {
            guard character.isASCII, character.isNumber else { return "<redacted>" }
            digits.append(character)
        }
        guard digits.count >= 8 else { return "<redacted>" }
        return "xxxx-xxxx-" + String(digits.suffix(4))
    }

    /// `name(value)` for an enum case and its associated value, passed through `scrub` (Aadhaar-like numbers and
    /// the values of secret-looking fields masked). Generated `description`s call it once per case: one call
    /// type-checks faster than a `+` chain.
    public static func describeCase<T>(_ name: String, _ value: T) -> String {
        scrub(name + "(" + String(describing: value) + ")")
    }

    /// The mirror of an enum case `name(value)` whose value is shown only as its scrubbed description, so `dump`
    /// never prints an Aadhaar number or a secret that the value holds in free text.
    public static func mirrorCase<Subject, T>(_ subject: Subject, _ name: String, _ value: T) -> Mirror {
        Mirror(subject, children: [(label: name, value: scrub(String(describing: value)))], displayStyle: .enum)
    }

    /// Masks every Aadhaar-like run in free text: 12 digits (or a 16-digit VID), optionally grouped by 4 with
    /// spaces or dashes, not part of a longer number; the values of JSON members, form fields and multipart parts
    /// whose names look secret (`otp`, `password`, `secret`, `token`, `api_key`, `authorization`), also in Swift
    /// descriptions (`otp: "123456"`).
    public static func scrub(_ text: String) -> String {
        guard text.contains(where: mayHoldSecrets) else { return text }
        var result: String = text
        for rule: (pattern: String, template: String) in scrubRules {
            guard let expression: NSRegularExpression = RegexCache.shared.expression(rule.pattern) else { continue }
            let range: NSRange = NSRange(result.startIndex..<result.endIndex, in: result)
            result = expression.stringByReplacingMatches(in: result, options: [], range: range,
                                                         withTemplate: rule.template)
        }
        guard let expression: NSRegularExpression = RegexCache.shared.expression(aadhaarPattern) else {
            return result
        }
        var masked: String = ""
        var last: String.Index = result.startIndex
        let whole: NSRange = NSRange(result.startIndex..<result.endIndex, in: result)
        for match: NSTextCheckingResult in expression.matches(in: result, options: [], range: whole) {
            guard let range: Range<String.Index> = Range(match.range, in: result) else { continue }
            masked += result[last..<range.lowerBound]
            masked += mask(String(result[range]))
            last = range.upperBound
        }
        masked += result[last...]
        return masked
    }

    /// Digits, quotes and `=`: what an Aadhaar number or a secret value needs.
    private static func mayHoldSecrets(_ character: Character) -> Bool {
        character.isNumber || character == "\"" || character == "="
    }

    private static let aadhaarPattern: String =
        "(?<![0-9])[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{4}(?:[ -]?[0-9]{4})?(?![0-9])"
    private static let secretKey: String =
        "[A-Za-z0-9_-]*(?:otp|password|passwd|secret|token|api_?key|api-key|authorization)[A-Za-z0-9_-]*"
    private static let quoted: String = "\"(?:[^\"\\\\]|\\\\.)*\""
    private static let scrubRules: [(pattern: String, template: String)] = [
        // A multipart part named like a secret: its value, up to the next boundary line.
        ("(?is)(content-disposition:[^\\r\\n]*\\bname=\"?" + secretKey + "\"?[^\\r\\n]*\\r?\\n(?:[^\\r\\n]+\\r?\\n)*"
            + "\\r?\\n).*?(?=\\r?\\n--|$)", "$1<redacted>"),
        ("(?i)(\"?" + secretKey + "\"?\\s*:\\s*)(?:Optional\\(" + quoted + "\\)|" + quoted + "|-?[0-9][0-9.]*)",
         "$1\"<redacted>\""),
        ("(?i)((?:^|[?&\\s])" + secretKey + "=)[^&\\s\"]+", "$1<redacted>"),
        // An OTP in free text: "OTP 482913", "otp is 482913", "OTP: 482913".
        ("(?i)(\\botp\\b[^0-9A-Za-z]{0,3}(?:(?:is|was|code)[^0-9A-Za-z]{1,3})?)[0-9]{4,8}\\b", "$1<redacted>"),
    ]

    // MARK: Internal helpers

    /// Builds the `description` of a generated model with sensitive properties, `Name(a: 1, b: xxxx-xxxx-0019)`,
    /// one property per call: a generic method with one overload type-checks ~9× faster than one interpolated
    /// literal of every property.
    public struct Fields {
        private var text: String
        private var isFirst: Bool = true
        /// The same fields for `customMirror`: unmasked values as they are, masked ones as their masked text.
        public private(set) var children: [Mirror.Child] = []

        public init(_ typeName: String) {
            text = typeName + "("
        }

        /// `label: value`, as `String(describing:)` shows it.
        public mutating func add<T>(_ label: String, _ value: T) {
            append(label, String(describing: value), child: value)
        }

        /// `label: ` and the value masked (`Redaction.mask`).
        public mutating func addMasked<T>(_ label: String, _ value: T) {
            let masked: String = Redaction.mask(String(describing: value))
            append(label, masked, child: masked)
        }

        /// `label: nil`, or the value masked.
        public mutating func addMaskedOptional<T>(_ label: String, _ value: T?) {
            if let value: T = value {
                let masked: String = Redaction.mask(String(describing: value))
                append(label, masked, child: masked)
            } else {
                append(label, "nil", child: "nil")
            }
        }

        private mutating func append(_ label: String, _ shown: String, child: Any) {
            if !isFirst { text += ", " }
            isFirst = false
            text += label
            text += ": "
            text += shown
            children.append((label: label, value: child))
        }

        /// The finished description.
        public var result: String { text + ")" }
    }

    /// Header names (and query names) whose values are secrets.
    public static func isSensitiveName(_ name: String, extra: Set<String>, heuristics: Bool = true) -> Bool {
        let lower: String = name.lowercased()
        switch lower {
        case "authorization", "proxy-authorization", "cookie", "set-cookie": return true
        default: break
        }
        for candidate: String in extra where candidate.lowercased() == lower { return true }
        guard heuristics else { return false }
        for word: String in sensitiveWords where lower.contains(word) { return true }
        return false
    }

    private static let sensitiveWords: [String] = [
        "key", "secret", "token", "password", "passwd", "signature", "session", "credential", "otp",
    ]

    /// A URL with secret query values replaced and Aadhaar-like numbers masked.
    public static func url(_ url: URL, sensitiveNames: Set<String>) -> String {
        let text: String = url.absoluteString
        guard let mark: String.Index = text.firstIndex(of: "?") else { return scrub(text) }
        var redacted: String = String(text[..<mark])
        redacted += "?"
        let query: Substring = text[text.index(after: mark)...]
        var first: Bool = true
        for item: Substring in query.split(separator: "&", omittingEmptySubsequences: false) {
            if !first { redacted += "&" }
            first = false
            let parts: [Substring] = item.split(separator: "=", maxSplits: 1)
            let name: String = parts.isEmpty ? "" : String(parts[0])
            let decoded: String = name.removingPercentEncoding ?? name
            if parts.count == 2 && isSensitiveName(decoded, extra: sensitiveNames) {
                redacted += name
                redacted += "=<redacted>"
            } else {
                redacted += item
            }
        }
        return scrub(redacted)
    }

    /// At most 500 characters of a body as one line, scrubbed.
    /// Scrubbed before the whitespace is folded, so a multipart part's lines are still lines; when the body was
    /// cut, its last 32 characters go too, so a secret cut in half at the cut is not shown half-masked.
    public static func snippet(_ data: Data) -> String {
        var raw: String = String(decoding: data.prefix(2000), as: UTF8.self)
        if data.count > 2000 { raw = String(raw.dropLast(32)) }
        let scrubbed: String = scrub(raw)
        let words: [Substring] = scrubbed.split(whereSeparator: { (character: Character) -> Bool in
            character.isWhitespace
        })
        let folded: String = words.joined(separator: " ")
        guard folded.count > 500 || data.count > 2000 else { return folded }
        return String(folded.prefix(500)) + "…"
    }

    /// A short, scrubbed account of an error; `DecodingError`s name the coding path.
    public static func describe(_ error: any Error) -> String {
        let text: String
        switch error {
        case let error as any APIErrorProtocol:
            text = error.description
        case DecodingError.keyNotFound(let key, let context):
            text = "missing key " + codingPath(context.codingPath + [key])
        case DecodingError.typeMismatch(let type, let context):
            text = "type mismatch at " + codingPath(context.codingPath) + ": expected " + String(describing: type)
        case DecodingError.valueNotFound(let type, let context):
            text = "null at " + codingPath(context.codingPath) + ", expected " + String(describing: type)
        case DecodingError.dataCorrupted(let context):
            text = "invalid data at " + codingPath(context.codingPath) + ": " + context.debugDescription
        default:
            text = String(describing: error)
        }
        let scrubbed: String = scrub(text)
        guard scrubbed.count > 300 else { return scrubbed }
        return String(scrubbed.prefix(300)) + "…"
    }

    /// `items[0].name`; `(root)` for an empty path.
    private static func codingPath(_ keys: [any CodingKey]) -> String {
        var text: String = ""
        for key: any CodingKey in keys {
            if let index: Int = key.intValue {
                text += "[" + String(index) + "]"
            } else {
                text += "." + key.stringValue
            }
        }
        if text.hasPrefix(".") { return String(text.dropFirst()) }
        return text.isEmpty ? "(root)" : text
    }
}

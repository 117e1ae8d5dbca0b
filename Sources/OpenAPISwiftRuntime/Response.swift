import Foundation

// MARK: - Response

/// A decoded success value with the HTTP details it came with.
public struct Response<Value: Sendable>: Sendable, CustomStringConvertible, CustomDebugStringConvertible,
                                              CustomReflectable {
    public var value: Value
    public var statusCode: Int
    public var headers: HTTPHeaders
    public var rawBody: Data
    /// From `x-request-id`, `request-id`, `x-correlation-id`, or the body fields the spec names.
    public var requestID: String?

    public init(value: Value, statusCode: Int, headers: HTTPHeaders = [:], rawBody: Data = Data(),
                    requestID: String? = nil) {
        self.value = value
        self.statusCode = statusCode
        self.headers = headers
        self.rawBody = rawBody
        self.requestID = requestID
    }

    public var description: String {
        "Response(HTTP \(statusCode)" + (requestID.map { ", request ID " + Redaction.scrub($0) } ?? "")
            + ", value: \(Redaction.scrub(String(describing: value))))"
    }

    public var debugDescription: String {
        description + " headers: \(headers) body: \(Redaction.snippet(rawBody))"
    }

    public var customMirror: Mirror {
        Mirror(self, children: [
            "value": Redaction.scrub(String(describing: value)), "statusCode": statusCode, "headers": headers,
            "rawBody": Redaction.snippet(rawBody),
            "requestID": requestID.map(Redaction.scrub) as Any,
        ], displayStyle: .struct)
    }
}

extension Response {
    /// `value`, consuming the response. A generated plain method returns
    /// `try await …WithResponse(…).takeValue()`: the value is moved out here, once for every type, instead of each
    /// call site copying it and destroying the rest of the response with per-type code.
    public consuming func takeValue() -> Value {
        value
    }
}

// MARK: - Decoding helpers for generated code

/// Thrown by `HTTPResponse.unexpected()`; the runtime turns it into `.undocumentedStatus`.
public struct UnexpectedResponse: Error {}

/// Thrown by `HTTPResponse.documentedWithoutBody()` from an operation's error-body decoder for a status the spec
/// documents as an error without content; the runtime turns it into `.documentedStatus` with no body (never the
/// body of the status's range or of `default`).
public struct DocumentedWithoutBody: Error {}

/// Lets `decodeJSON` return `nil` for an empty body when the expected type is optional.
public protocol OptionalDecodingTarget {
    static var emptyValue: Self { get }
}

extension Optional: OptionalDecodingTarget {
    public static var emptyValue: Optional { nil }
}

extension HTTPResponse {
    /// Decodes the JSON body (RFC 3339 dates with or without fractional seconds). An empty body decodes as
    /// `nil` for an optional type and as `.null` for `JSONValue`.
    public func decodeJSON<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            if let optional = T.self as? any OptionalDecodingTarget.Type, let none = optional.emptyValue as? T {
                return none
            }
            if let null = JSONValue.null as? T { return null }
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "The response body is empty."))
        }
        return try JSONCoding.makeDecoder().decode(T.self, from: body)
    }

    /// The body as text (UTF-8, invalid bytes replaced).
    public func decodeText() -> String {
        String(decoding: body, as: UTF8.self)
    }

    /// The error to throw for a status the operation does not document.
    public func unexpected() -> some Error {
        UnexpectedResponse()
    }

    /// The error to throw for an error status the operation documents without content.
    public func documentedWithoutBody() -> some Error {
        DocumentedWithoutBody()
    }
}

// MARK: - Typed response headers

extension HTTPHeaders {
    /// The header `name` as `T` (OpenAPI `simple` style), or nil when it is missing or does not parse: text as is
    /// (strings, string enums, RFC 3339 dates, UUIDs), then as a number or boolean, then as a comma-separated list.
    public func value<T: Decodable>(_ name: String, as type: T.Type = T.self) -> T? {
        guard let text = self[name] else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let items = trimmed.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        var candidates: [JSONValue] = [.string(trimmed)]
        if let scalar = Self.scalar(trimmed) { candidates.append(scalar) }
        candidates.append(.array(items.map { .string($0) }))
        candidates.append(.array(items.map { Self.scalar($0) ?? .string($0) }))
        let decoder = JSONCoding.makeDecoder()
        for candidate in candidates {
            guard let data = try? JSONCoding.makeEncoder().encode(candidate),
                  let value = try? decoder.decode(T.self, from: data) else { continue }
            return value
        }
        return nil
    }

    private static func scalar(_ text: String) -> JSONValue? {
        if let value = Int(text) { return .int(value) }
        if let value = Double(text), value.isFinite { return .double(value) }
        switch text {
        case "true": return .bool(true)
        case "false": return .bool(false)
        default: return nil
        }
    }
}

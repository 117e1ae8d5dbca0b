import Foundation
import OpenAPISwiftRuntime

// Helpers to look inside generated enums (ErrorBody, unions) without depending on their case names, and to compare
// a decoded value with the JSON it came from. Module-agnostic: they work for every generated client.

enum Reflection {
    /// Unwraps any level of `Optional` hidden in an `Any`.
    static func unwrap(_ value: Any?) -> Any? {
        guard let value else { return nil }
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return unwrap(mirror.children.first?.value)
    }

    /// The case label and associated value of an enum value (e.g. `ErrorBody.errorResponse(x)` → ("errorResponse", x)).
    static func enumCase(_ value: Any?) -> (label: String, payload: Any?)? {
        guard let value = unwrap(value) else { return nil }
        let mirror = Mirror(reflecting: value)
        // A client's ErrorBody mirrors only scrubbed text; its payload is the decoded body.
        if let body = value as? any APIErrorBody { return (mirror.children.first?.label ?? "", body.payload) }
        guard mirror.displayStyle == .enum else { return nil }
        guard let child = mirror.children.first else {
            return ("\(value)", nil)  // A case without payload.
        }
        return (child.label ?? "", child.value)
    }

    /// The associated value of an enum case, when it is a `T` — looking through nested enums (a union inside
    /// `ErrorBody`), so `payload(errorBody, as: ErrorEnvelope.self)` works for `.detailOrEnvelopeError(.errorEnvelope(x))`.
    static func payload<T>(_ value: Any?, as type: T.Type = T.self) -> T? {
        var current = unwrap(value)
        for _ in 0..<8 {
            guard let value = current else { return nil }
            if let match = value as? T { return match }
            guard let (_, payload) = enumCase(value) else { return nil }
            current = unwrap(payload)
        }
        return nil
    }

    /// The innermost non-enum associated value (the decoded struct inside `ErrorBody` and any unions).
    static func innermostPayload(_ value: Any?) -> Any? {
        var current = unwrap(value)
        for _ in 0..<8 {
            guard let value = current, let (_, payload) = enumCase(value) else { return current }
            current = unwrap(payload)
        }
        return current
    }

    /// The case labels from the outside in (e.g. `["detailOrEnvelopeError", "errorEnvelope"]`).
    static func caseLabels(_ value: Any?) -> [String] {
        var labels: [String] = []
        var current = unwrap(value)
        while let value = current, let (label, payload) = enumCase(value), labels.count < 8 {
            labels.append(label)
            current = unwrap(payload)
        }
        return labels
    }
}

enum EncodingCheck {
    /// Encodes a decoded value back to JSON (plain `JSONEncoder`) and compares it with `json` structurally. A
    /// generated type that dropped, renamed or mistyped a field fails this.
    static func roundTrips(_ value: Any?, equals json: String) -> Bool {
        guard let encoded = encode(value) else { return false }
        return JSONCompare.equal(encoded, json)
    }

    static func encode(_ value: Any?) -> Data? {
        guard let value = Reflection.unwrap(value), let encodable = value as? any Encodable else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try? encoder.encode(encodable)
    }

    static func text(_ value: Any?) -> String {
        encode(value).map { String(decoding: $0, as: UTF8.self) } ?? "<not encodable: \(String(describing: value))>"
    }
}

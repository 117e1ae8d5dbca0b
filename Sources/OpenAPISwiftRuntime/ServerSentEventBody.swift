import Foundation

// MARK: - text/event-stream request bodies (OpenAPI 3.2 itemSchema)

/// One event of a `text/event-stream` request body. Generated code builds one per item: from the item's `data`,
/// `event`, `id` and `retry` properties when its schema is an event (an object with a `data` property), or with the
/// whole item as `data` otherwise (ClientModel decides which).
public struct OutgoingServerSentEvent: Sendable, Hashable {
    public var event: String?
    public var id: String?
    public var retry: Int64?
    /// The data as text, sent as one `data:` line per line; nil sends no `data:` line.
    public var data: String?

    /// Text data, sent as it is.
    public init(data: String?, event: String? = nil, id: String? = nil, retry: (any BinaryInteger)? = nil) throws {
        self.data = data
        self.event = event
        self.id = id
        self.retry = retry.map { Int64(clamping: $0) }
    }

    /// Any other data, as compact request JSON (read-only properties left out, as in a request body), encoded from
    /// the value itself so its key order and number precision are kept; nil sends no `data:` line.
    public init<Payload: Encodable>(data: Payload?, event: String? = nil, id: String? = nil,
                                    retry: (any BinaryInteger)? = nil) throws {
        let text: String? = if let data { try Self.json(data) } else { nil }
        try self.init(data: text, event: event, id: id, retry: retry)
    }

    /// A whole item as the data, as compact request JSON: a nil item is JSON `null` (`data: null`).
    public init<Payload: Encodable>(json item: Payload) throws {
        try self.init(data: Self.json(item))
    }

    /// A value whose JSON is a string (a date, a UUID, a URL, an enum of strings), sent as that string's text,
    /// unquoted (`data: 2025-01-01T00:00:00Z`), formatted as in any request body; nil sends no `data:` line.
    public init<Payload: Encodable>(text data: Payload?, event: String? = nil, id: String? = nil,
                                    retry: (any BinaryInteger)? = nil) throws {
        var text: String?
        if let data { text = try JSONDecoder().decode(String.self, from: Self.jsonData(data)) }
        try self.init(data: text, event: event, id: id, retry: retry)
    }

    /// An integer `id` property's text (`7`).
    public static func idText(_ value: (any BinaryInteger)?) -> String? {
        value.map { String($0) }
    }

    /// Compact request JSON (read-only properties left out, UUIDs in lower case), as in any request body.
    private static func jsonData<Payload: Encodable>(_ payload: Payload) throws -> Data {
        try JSONCoding.makeRequestEncoder().encodeLoweringUUIDs(payload)
    }

    private static func json<Payload: Encodable>(_ payload: Payload) throws -> String {
        String(decoding: try jsonData(payload), as: UTF8.self)
    }

    /// The event as the format writes it: `event`, `id` and `retry` lines (line breaks in them become spaces, and
    /// NUL, which makes a receiver ignore an `id`, is dropped from it; a negative `retry`, which receivers ignore,
    /// is left out), one `data:` line per line of the data (CR LF, CR and LF all end a line), then a blank line.
    public var text: String {
        var lines: [String] = []
        if let event { lines.append("event: " + Self.singleLine(event)) }
        if let id { lines.append("id: " + Self.singleLine(id).replacingOccurrences(of: "\u{0}", with: "")) }
        if let retry, retry >= 0 { lines.append("retry: " + String(retry)) }
        if let data {
            let normalized: String = data.replacingOccurrences(of: "\r\n", with: "\n")
                .replacingOccurrences(of: "\r", with: "\n")
            for line: Substring in normalized.split(separator: "\n", omittingEmptySubsequences: false) {
                lines.append("data: " + line)
            }
        }
        return lines.joined(separator: "\n") + "\n\n"
    }

    private static func singleLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
    }
}

extension RequestBuilder {
    /// A `text/event-stream` body (an OpenAPI 3.2 `itemSchema`): one event per item, made by `event`. `nil` sends
    /// no body; an item that cannot be encoded is a validation failure, and nothing is sent.
    public mutating func serverSentEventsBody<Item>(_ items: [Item]?, contentType: String,
                                                    _ event: (Item) throws -> OutgoingServerSentEvent) {
        guard let items else { return }
        var text: String = ""
        do {
            for item: Item in items { text += try event(item).text }
            setBody(Data(text.utf8), contentType: contentType)
        } catch {
            encodingFailures.append(.init(path: "body", rule: "encoding", message: Redaction.describe(error)))
        }
    }
}

/// The data is not shown (it may carry personal data), only its size; `event` and `id` are scrubbed (an
/// Aadhaar-like number in them is masked).
extension OutgoingServerSentEvent: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        let size: String = data.map { "\($0.utf8.count) bytes" } ?? "none"
        return "OutgoingServerSentEvent(event: \(event.map(Redaction.scrub) ?? "nil"), id: "
            + "\(id.map(Redaction.scrub) ?? "nil"), retry: \(retry.map { String($0) } ?? "nil"), data: \(size))"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        let size: String = data.map { "\($0.utf8.count) bytes" } ?? "none"
        let event: String? = event.map(Redaction.scrub)
        let id: String? = id.map(Redaction.scrub)
        return Mirror(self, children: ["event": event as Any, "id": id as Any, "retry": retry as Any, "data": size],
                      displayStyle: .struct)
    }
}

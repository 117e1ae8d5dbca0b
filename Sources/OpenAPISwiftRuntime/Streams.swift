import Foundation

// MARK: - Server-sent events

/// One event of a `text/event-stream` response (the WHATWG format). `data` is the event's `data` lines joined with
/// newlines, decoded as `Payload`: `String` keeps the text, any other type is decoded from it as JSON.
public struct ServerSentEvent<Payload: Sendable>: Sendable {
    /// The `event:` field; nil means the default type, `message`.
    public var event: String?
    public var data: Payload
    /// The last event ID: the latest `id:` field of the stream so far.
    public var id: String?
    /// The `retry:` field sent with this event, in milliseconds.
    public var retry: Int?

    public init(event: String? = nil, data: Payload, id: String? = nil, retry: Int? = nil) {
        self.event = event
        self.data = data
        self.id = id
        self.retry = retry
    }
}

extension ServerSentEvent: Equatable where Payload: Equatable {}
extension ServerSentEvent: Hashable where Payload: Hashable {}

extension ServerSentEvent where Payload == String {
    /// `data` decoded as JSON.
    public func decodeData<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        try JSONCoding.makeDecoder().decode(T.self, from: Data(data.utf8))
    }
}

/// Parses `text/event-stream` bytes incrementally, per the WHATWG rules: lines end in CRLF, LF or CR (also when a
/// CRLF is split between chunks); bytes are decoded as UTF-8 per line, so a character split between chunks is
/// intact; a leading byte-order mark is skipped; `:` lines are comments; an event without `data` is not dispatched,
/// nor is an unfinished event at the end of the stream; `id` with NUL is ignored; `retry` must be digits.
public struct ServerSentEventParser: Sendable {
    private var line: [UInt8] = []
    private var afterCR = false
    private var firstLine = true
    private var data: [String] = []
    private var hasData = false
    private var eventType = ""
    private var lastEventID: String?
    private var retry: Int?
    private var ready: [ServerSentEvent<String>] = []

    public init() {}

    /// Adds a chunk; complete events become available from `nextEvent()`.
    public mutating func feed(_ chunk: Data) {
        for byte in chunk {
            if byte == 0x0A {
                if afterCR { afterCR = false } else { endLine() }
            } else if byte == 0x0D {
                afterCR = true
                endLine()
            } else {
                afterCR = false
                line.append(byte)
            }
        }
    }

    /// The oldest complete event not yet returned.
    public mutating func nextEvent() -> ServerSentEvent<String>? {
        ready.isEmpty ? nil : ready.removeFirst()
    }

    private mutating func endLine() {
        var bytes: ArraySlice<UInt8> = line[...]
        line.removeAll(keepingCapacity: true)
        if firstLine {
            firstLine = false
            let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
            if bytes.starts(with: bom) { bytes = bytes.dropFirst(3) }
        }
        if bytes.isEmpty { return dispatch() }
        let colonByte: UInt8 = 0x3A, space: UInt8 = 0x20, nul: UInt8 = 0
        if bytes.first == colonByte { return }
        var name: ArraySlice<UInt8> = bytes
        var value: ArraySlice<UInt8> = []
        if let colon: Int = bytes.firstIndex(of: colonByte) {
            name = bytes[..<colon]
            value = bytes[(colon + 1)...]
            if value.first == space { value = value.dropFirst() }
        }
        let text: String = String(decoding: value, as: UTF8.self)
        let field: String = String(decoding: name, as: UTF8.self)
        if field == "data" {
            data.append(text)
            hasData = true
        } else if field == "event" {
            eventType = text
        } else if field == "id" {
            if !value.contains(nul) { lastEventID = text }
        } else if field == "retry" {
            if Self.isDigits(value) { retry = Int(text) }
        }
    }

    private static func isDigits(_ bytes: ArraySlice<UInt8>) -> Bool {
        if bytes.isEmpty { return false }
        for byte in bytes where byte < 0x30 || byte > 0x39 { return false }
        return true
    }

    private mutating func dispatch() {
        if hasData {
            let event = ServerSentEvent(event: eventType.isEmpty ? nil : eventType,
                                        data: data.joined(separator: "\n"), id: lastEventID, retry: retry)
            ready.append(event)
        }
        data = []
        hasData = false
        eventType = ""
        retry = nil
    }
}

/// The events of a `text/event-stream` response, as an `AsyncSequence` that yields each event as soon as its blank
/// line arrives (with a streaming transport; see `HTTPTransport.stream`). Each event's data is decoded as `Payload`;
/// data that does not decode throws `APIError` `.decodingFailed` from the loop.
public struct ServerSentEvents<Payload: Decodable & Sendable>: AsyncSequence, Sendable {
    public typealias Element = ServerSentEvent<Payload>
    public let body: HTTPBodyStream

    public init(_ body: HTTPBodyStream) { self.body = body }

    /// The events of a complete body.
    public init(parsing data: Data) { self.body = HTTPBodyStream(data) }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(chunks: body.makeAsyncIterator(), failures: body.failures)
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        public var chunks: HTTPBodyStream.Iterator
        public let failures: StreamFailures?
        public var parser = ServerSentEventParser()

        public mutating func next() async throws -> ServerSentEvent<Payload>? {
            while true {
                if let event = parser.nextEvent() { return try decode(event) }
                guard let chunk = try await chunks.next() else { return nil }
                parser.feed(chunk)
            }
        }

        private func decode(_ event: ServerSentEvent<String>) throws -> ServerSentEvent<Payload> {
            if let text = event as? ServerSentEvent<Payload> { return text }
            let payload: Payload = try StreamDecoding.decode(Payload.self, Data(event.data.utf8),
                                                             failures: failures)
            return ServerSentEvent(event: event.event, data: payload, id: event.id, retry: event.retry)
        }
    }
}

// MARK: - JSON streams

/// The items of a JSON Lines / NDJSON (`application/jsonl`, `application/x-ndjson`: one JSON text per line) or JSON
/// text sequence (`application/json-seq`, RFC 7464: each text after a 0x1E record separator) response, decoded as
/// `Item` one by one as they arrive. Blank lines and empty records are skipped; an item that does not decode throws
/// `APIError` `.decodingFailed` from the loop.
public struct JSONStream<Item: Decodable & Sendable>: AsyncSequence, Sendable {
    public typealias Element = Item
    public let body: HTTPBodyStream
    /// The byte that ends a record: LF (JSON Lines) or RS, 0x1E (JSON text sequences).
    public let separator: UInt8

    public init(_ body: HTTPBodyStream, separator: UInt8) {
        self.body = body
        self.separator = separator
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(chunks: body.makeAsyncIterator(), failures: body.failures, separator: separator)
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        public var chunks: HTTPBodyStream.Iterator
        public let failures: StreamFailures?
        public let separator: UInt8
        public var buffer: [UInt8] = []
        public var start = 0
        public var ended = false

        public mutating func next() async throws -> Item? {
            while true {
                if let record = nextRecord() {
                    return try StreamDecoding.decode(Item.self, Data(record), failures: failures)
                }
                if ended { return nil }
                if let chunk = try await chunks.next() {
                    buffer.removeFirst(start)
                    start = 0
                    buffer.append(contentsOf: chunk)
                } else {
                    ended = true
                }
            }
        }

        /// The next record that is not blank: up to the next separator, or the rest once the body has ended.
        private mutating func nextRecord() -> ArraySlice<UInt8>? {
            while start < buffer.count {
                let end: Int
                if let index = buffer[start...].firstIndex(of: separator) {
                    end = index
                } else if ended {
                    end = buffer.count
                } else {
                    return nil
                }
                let record: ArraySlice<UInt8> = buffer[start..<end]
                start = Swift.min(end + 1, buffer.count)
                if record.contains(where: { $0 > 0x20 }) { return record }
            }
            return nil
        }
    }
}

/// Decoding one streamed item.
public enum StreamDecoding {
    /// `data` decoded as JSON; a failure is `.decodingFailed` for the operation (when known).
    public static func decode<T: Decodable>(_ type: T.Type, _ data: Data, failures: StreamFailures?) throws -> T {
        do {
            return try JSONCoding.makeDecoder().decode(T.self, from: data)
        } catch {
            guard let failures else { throw error }
            throw failures.make(.decodingFailed, data, Redaction.describe(error))
        }
    }
}

extension HTTPResponse {
    /// The body as server-sent events whose data decodes as `Payload`.
    public func decodeServerSentEvents<Payload: Decodable & Sendable>(
        _ type: Payload.Type = Payload.self
    ) -> ServerSentEvents<Payload> {
        ServerSentEvents(chunks)
    }

    /// The body as a JSON stream of `Item`s: `lines` (JSON Lines, NDJSON) or RFC 7464 record-separated texts.
    public func decodeJSONStream<Item: Decodable & Sendable>(
        _ type: Item.Type = Item.self, recordSeparated: Bool
    ) -> JSONStream<Item> {
        JSONStream(chunks, separator: recordSeparated ? 0x1E : 0x0A)
    }
}

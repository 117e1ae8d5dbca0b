import Foundation
import OpenAPISwiftRuntime
import Testing

/// A `text/event-stream` request body, over HTTP: what the server receives, once, with its content type.
@Suite struct ServerSentEventBodyTests {
    /// One key: Foundation's encoder on Linux does not keep key order, so a test cannot rely on it.
    struct Reading: Encodable {
        var serial: Int64
    }

    @Test func eventsAreSentAsTheFormatWritesThem() async throws {
        let server = try WireServer.start([.respond(204, "")])
        defer { server.stop() }
        let runtime = makeRuntime(server.baseURL)
        var request = RequestBuilder(operationID: "push", method: "POST", path: "/feed")
        let readings = [Reading(serial: 9_007_199_254_740_993)]
        request.serverSentEventsBody(readings, contentType: "text/event-stream") { item in
            try OutgoingServerSentEvent(data: item, event: "re\nading", id: "1", retry: Int32(1500))
        }
        request.serverSentEventsBody(nil as [String]?, contentType: "text/event-stream") { try .init(data: $0) }
        _ = try await runtime.perform(request) { _ in () }
        let received = server.received
        try #require(received.count == 1)
        #expect(received[0].header("Content-Type") == "text/event-stream")
        // Encoded from the value itself, through the request encoder.
        #expect(String(decoding: received[0].body, as: UTF8.self)
            == "event: re ading\nid: 1\nretry: 1500\ndata: {\"serial\":9007199254740993}\n\n")
    }

    @Test func theDataIsNeverShown() throws {
        let event = try OutgoingServerSentEvent(data: "999999990019", event: "otp")
        #expect(!String(describing: event).contains("999999990019"))
        #expect(!String(reflecting: event).contains("999999990019"))
        var dumped = ""
        dump(event, to: &dumped)
        #expect(!dumped.contains("999999990019"), "\(dumped)")
        #expect(event.text == "event: otp\ndata: 999999990019\n\n")
    }

    /// An `id` or `event` that holds an Aadhaar number is masked in descriptions and mirrors, and sent as it is.
    @Test func anIDIsScrubbedWhenShown() throws {
        let event = try OutgoingServerSentEvent(data: "x", event: "9999 9999 0019", id: "9999 9999 0019")
        var dumped = ""
        dump(event, to: &dumped)
        for shown in [String(describing: event), String(reflecting: event), dumped] {
            #expect(!shown.contains("9999 9999 0019") && shown.contains("0019"), "\(shown)")
        }
        #expect(event.text == "event: 9999 9999 0019\nid: 9999 9999 0019\ndata: x\n\n")
    }

    /// Over HTTP: a negative `retry` and NUL in an `id` (which receivers ignore) are not sent; a value whose JSON is a
    /// string is its text; a whole nil item is `data: null`; an integer id is its decimal text.
    @Test func fieldsReceiversWouldIgnoreAreNotSent() async throws {
        let server = try WireServer.start([.respond(204, "")])
        defer { server.stop() }
        let runtime = makeRuntime(server.baseURL)
        var request = RequestBuilder(operationID: "push", method: "POST", path: "/feed")
        let uuid = try #require(UUID(uuidString: "5F3A9C2E-0B1D-4E6F-8A7B-9C0D1E2F3A4B"))
        let items: [UUID?] = [uuid, nil]
        request.serverSentEventsBody(items, contentType: "text/event-stream") { item in
            item == nil ? try OutgoingServerSentEvent(json: item)
                : try OutgoingServerSentEvent(text: item, id: "a\u{0}b" + (OutgoingServerSentEvent.idText(7) ?? ""),
                                              retry: -1)
        }
        _ = try await runtime.perform(request) { _ in () }
        let received = server.received
        try #require(received.count == 1)
        #expect(String(decoding: received[0].body, as: UTF8.self)
            == "id: ab7\ndata: 5f3a9c2e-0b1d-4e6f-8a7b-9c0d1e2f3a4b\n\ndata: null\n\n")
    }
}

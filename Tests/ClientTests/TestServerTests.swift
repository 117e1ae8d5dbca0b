import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// Smoke tests of the loopback harness itself, with a plain URLSession.
@Suite struct TestServerTests {
    let session = URLSession(configuration: .ephemeral)

    @Test func recordsRequestAndAnswersScriptedResponse() async throws {
        try await TestServer.with([.json(201, #"{"ok":true}"#, headers: ["X-Request-ID": "req-1"])]) { server in
            var request = URLRequest(url: server.baseURL.appending(path: "/v1/things").appending(queryItems: [
                URLQueryItem(name: "a", value: "1 2"), URLQueryItem(name: "b", value: "x&y"),
            ]))
            request.httpMethod = "POST"
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.setValue("secret-id", forHTTPHeaderField: "X-DF-API-ID")
            request.httpBody = Data(#"{"aadhaar_no":"999999990019"}"#.utf8)

            let (data, response) = try await session.data(for: request)
            let http = try #require(response as? HTTPURLResponse)
            #expect(http.statusCode == 201)
            #expect(http.value(forHTTPHeaderField: "x-request-id") == "req-1")
            #expect(http.value(forHTTPHeaderField: "Content-Type") == "application/json")
            #expect(JSONCompare.equal(data, #"{"ok": true}"#))

            let recorded = try await server.onlyRequest()
            #expect(recorded.method == "POST")
            #expect(recorded.path == "/v1/things")
            #expect(recorded.query("a") == "1 2")
            #expect(recorded.query("b") == "x&y")
            #expect(recorded.queryNames == ["a", "b"])
            #expect(recorded.header("x-df-api-id") == "secret-id")
            #expect(recorded.mediaType == "application/json")
            #expect(recorded.jsonObject?["aadhaar_no"] as? String == "999999990019")
            #expect(await server.pendingResponses == 0)
        }
    }

    @Test func answersInOrderThenFromResponderThenUnscripted() async throws {
        let server = try await TestServer.start([.text(200, "first"), .text(404, "second")])
        defer { Task { await server.stop() } }
        func get(_ path: String) async throws -> (Int, String) {
            let (data, response) = try await session.data(from: server.baseURL.appending(path: path))
            return ((response as! HTTPURLResponse).statusCode, String(decoding: data, as: UTF8.self))
        }
        #expect(try await get("/1") == (200, "first"))
        #expect(try await get("/2") == (404, "second"))
        let (status, _) = try await get("/3")
        #expect(status == TestServer.unscriptedStatus)
        #expect(await server.unscriptedRequests.map(\.path) == ["/3"])

        await server.setResponder { request in .text(512, "echo \(request.path)") }
        #expect(try await get("/4") == (512, "echo /4"))
        #expect(await server.requests.map(\.path) == ["/1", "/2", "/3", "/4"])
        await server.stop()
    }

    @Test func delayedResponseTriggersClientTimeout() async throws {
        // Note: swift-corelibs-foundation truncates sub-second timeoutIntervals (0.3 s times out at once),
        // so use whole seconds here.
        try await TestServer.with([.text(200, "late", delay: .seconds(3))]) { server in
            var request = URLRequest(url: server.baseURL.appending(path: "/slow"))
            request.timeoutInterval = 1
            let started = ContinuousClock.now
            let error = await #expect(throws: URLError.self) {
                _ = try await session.data(for: request)
            }
            #expect(error?.code == .timedOut)
            #expect(ContinuousClock.now - started >= .milliseconds(900))
        }
    }

    @Test func parsesMultipartAndFormBodies() async throws {
        try await TestServer.with([.text(200, ""), .text(200, "")]) { server in
            let boundary = "Boundary-42"
            var multipart = URLRequest(url: server.baseURL.appending(path: "/v1/authorize"))
            multipart.httpMethod = "POST"
            multipart.setValue("multipart/form-data; boundary=\(boundary)", forHTTPHeaderField: "Content-Type")
            multipart.httpBody = Data((
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"client_id\"\r\n\r\nid-1\r\n" +
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"client_secret\"\r\n\r\nsec\r\nret\r\n" +
                "--\(boundary)--\r\n").utf8)
            _ = try await session.data(for: multipart)

            var form = URLRequest(url: server.baseURL.appending(path: "/form"))
            form.httpMethod = "POST"
            form.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
            form.httpBody = Data("aadhaar_no=999999990019&note=a+b%26c".utf8)
            _ = try await session.data(for: form)

            let requests = await server.requests
            #expect(requests.count == 2)
            #expect(requests[0].mediaType == "multipart/form-data")
            #expect(try requests[0].multipartFields() == ["client_id": "id-1", "client_secret": "sec\r\nret"])
            #expect(requests[1].formFields == ["aadhaar_no": "999999990019", "note": "a b&c"])
        }
    }

    @Test func twoServersGetDifferentPorts() async throws {
        let a = try await TestServer.start()
        let b = try await TestServer.start()
        #expect(a.port != b.port)
        #expect(a.baseURL.absoluteString.hasPrefix("http://127.0.0.1:"))
        await a.stop()
        await b.stop()
    }
}

// MARK: - Bytes on the wire: UUIDs, Retry-After, optional and binary request bodies

extension FeatureFixture {
    /// What a generated client sends and reads, byte for byte (issue 12): lower-case UUIDs everywhere.
    static let wire: [FeatureFixture] = [
        // RFC 9562: UUIDs are written in lower case, in the path, query, headers, JSON and form bodies alike.
        FeatureFixture(path: "uuids.yaml", module: "UUIDsFixture", probe: Probe(steps: [
            .code(#"""
                let recorder = Recorder()
                let client = UUIDsFixtureClient(serverURL: server, transport: recorder)
                let id = UUID(uuidString: "5F3A9C2E-0B1D-4E6F-8A7B-9C0D1E2F3A4B")!
                let order = Order(id: id, lines: [id], byName: ["a": id])
                try await client.putOrder(order, orderID: id, related: [id], xTrace: id)
                say("target", recorder.last.target)
                say("header", recorder.last.headers["X-Trace"])
                say("body", try canonical(try JSONCoding.makeDecoder().decode(JSONValue.self,
                                                                               from: recorder.last.body ?? Data())))
                try await client.postOrderForm(Order(id: id), orderID: id)
                say("form", recorder.last.bodyText)
                """#, expect: [
                    "target: /orders/5f3a9c2e-0b1d-4e6f-8a7b-9c0d1e2f3a4b?related=5f3a9c2e-0b1d-4e6f-8a7b-9c0d1e2f3a4b",
                    "header: 5f3a9c2e-0b1d-4e6f-8a7b-9c0d1e2f3a4b",
                    #"body: {"byName":{"a":"5f3a9c2e-0b1d-4e6f-8a7b-9c0d1e2f3a4b"},"#
                        + #""id":"5f3a9c2e-0b1d-4e6f-8a7b-9c0d1e2f3a4b","lines":["5f3a9c2e-0b1d-4e6f-8a7b-9c0d1e2f3a4b"]}"#,
                    "form: id=5f3a9c2e-0b1d-4e6f-8a7b-9c0d1e2f3a4b",
                ]),
        ])),
    ]
}

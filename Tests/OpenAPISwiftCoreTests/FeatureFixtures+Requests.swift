import Foundation

// Feature fixtures: parameters in every location and style, request bodies in every encoding.

extension FeatureFixture {
    /// Parameters in every location and style, request bodies in every encoding.
    static let requests: [FeatureFixture] = [
        FeatureFixture(path: "param-styles.yaml", module: "ParamStylesFixture", probe: Probe(steps: [
            .code(#"""
                let recorder = Recorder()
                let client = ParamStylesFixtureClient(serverURL: server, transport: recorder)
                try await client.getItems(
                    simple: ["a", "b c"], label: ["x", "y"], matrix: "m;1", ids: [1, 2], csv: ["a", "b"],
                    spaced: ["a", "b"], piped: ["a", "b"], filter: .init(color: "red", size: 2), raw: "a/b?c",
                    xTrace: ["t1", "t2"], session: "s 1")
                say("target", recorder.last.target)
                say("X-Trace", recorder.last.headers["X-Trace"])
                say("Cookie", recorder.last.headers["Cookie"])
                try await client.getItems(simple: [], label: ["x"], matrix: "")
                say("minimal", recorder.last.target)
                """#, expect: [
                    "target: /items/a,b%20c/.x.y/;matrix=m%3B1?ids=1&ids=2&csv=a,b&spaced=a%20b&piped=a%7Cb"
                        + "&filter%5Bcolor%5D=red&filter%5Bsize%5D=2&raw=a/b?c",
                    "X-Trace: t1,t2", "Cookie: session=s%201", "minimal: /items//.x/;matrix=",
                ]),
        ])),
        FeatureFixture(path: "bodies.yaml", module: "BodiesFixture", diagnostics: [
            "warning: form property 'nested' has contentType 'application/xml'; only JSON content types are applied "
                + "in a form body; it is sent flattened (a[b]=c, repeated keys)",
            "warning: form property 'plain' has style 'matrix', which a form body cannot use; it is sent flattened",
            "warning: encoding entry 'missing' names no property of the body; it is ignored",
        ], contains: [
            ("Models.swift", "public enum SendEitherContentType: Swift.String"),
            ("Client.swift", """
                request.formBody(body, fields: [
                            "ids": .style("form", explode: false, allowReserved: false),
                """),
            ("Client.swift", """
                            "meta": .json,
                            "path": .style("form", explode: true, allowReserved: true),
                        ])
                """),
        ], probe: Probe(steps: [
            .code(#"""
                let recorder = Recorder()
                let client = BodiesFixtureClient(serverURL: server, transport: recorder)
                let note = Note(title: "Hi & bye", tags: ["a", "b"])
                func sent(_ label: String) {
                    say(label + " " + (recorder.last.headers["Content-Type"] ?? "-"), recorder.last.bodyText)
                }
                try await client.sendJSON(note); sent("json")
                try await client.sendForm(note); sent("form")
                try await client.sendEither(note); sent("either default")
                try await client.sendEither(note, contentType: .form); sent("either form")
                try await client.uploadBytes(Data([0x41, 0x42])); sent("bytes")
                try await client.sendText("plain text"); sent("text")
                try await client.sendMixed(.text("mixed")); sent("mixed text")
                try await client.sendMixed(.json(Note(title: "t"))); sent("mixed json")
                say("cases", SendEitherContentType.allCases.map(\.rawValue))
                """#, expect: [
                    #"json application/json: {"title":"Hi & bye","tags":["a","b"]}"#,
                    "form application/x-www-form-urlencoded: tags=a&tags=b&title=Hi%20%26%20bye",
                    #"either default application/json: {"title":"Hi & bye","tags":["a","b"]}"#,
                    "either form application/x-www-form-urlencoded: tags=a&tags=b&title=Hi%20%26%20bye",
                    "bytes application/octet-stream: AB", "text text/plain: plain text",
                    "mixed text text/plain: mixed", #"mixed json application/json: {"title":"t"}"#,
                    #"cases: ["application/json", "application/x-www-form-urlencoded"]"#,
                ]),
            // Per-property `encoding`: each style, explode, allowReserved, a JSON contentType; unusable entries
            // (matrix, application/xml) and properties without one are flattened.
            .code(#"""
                let recorder = Recorder()
                let client = BodiesFixtureClient(serverURL: server, transport: recorder)
                try await client.sendEncodedForm(SendEncodedFormRequest(
                    ids: [1, 2], words: ["a", "b c"], flags: ["x", "y"], filter: .init(color: "red", size: 2),
                    point: .init(x: 1, y: 2), meta: .init(note: "n&1", at: "a/b"), path: "a/b?c d", plain: ["p", "q"],
                    nested: .init(a: "z"), label: "l m"))
                for item in recorder.last.bodyText.split(separator: "&") { print("field: " + item) }
                try await client.sendEncodedForm(SendEncodedFormRequest(ids: [], meta: .init()))
                say("sparse", recorder.last.bodyText)
                """#, expect: [
                    "field: filter%5Bcolor%5D=red", "field: filter%5Bsize%5D=2", "field: flags=x%7Cy", "field: ids=1,2",
                    "field: label=l%20m", "field: meta=%7B%22at%22%3A%22a%2Fb%22%2C%22note%22%3A%22n%261%22%7D",
                    "field: nested%5Ba%5D=z", "field: path=a/b?c%20d", "field: plain=p", "field: plain=q",
                    "field: x=1", "field: y=2", "field: words=a%20b%20c", "sparse: ids=&meta=%7B%7D",
                ]),
        ])),
        FeatureFixture(path: "multipart.yaml", module: "MultipartFixture", diagnostics: [
            "warning: multipart part 'file' declares headers (X-Checksum); part headers are not generated, only "
                + "Content-Type and Content-Disposition are sent",
        ], contains: [
            ("Client.swift", #"multipartBody(body, encodings: ["file": "image/png", "meta": "application/json"])"#),
        ], probe: Probe(steps: [
            .code(#"""
                let recorder = Recorder([HTTPResponse(statusCode: 201)])
                let client = MultipartFixtureClient(serverURL: server, transport: recorder)
                try await client.uploadAvatar(.init(userID: "u1", file: Data("PNG".utf8), thumbnail: Data("TH".utf8),
                                                    meta: .init(caption: "c"), tags: ["x", "y"]))
                let type = recorder.last.headers["Content-Type"] ?? ""
                say("type", type.hasPrefix("multipart/form-data; boundary="))
                let boundary = String(type.dropFirst("multipart/form-data; boundary=".count))
                for part in recorder.last.bodyText.components(separatedBy: "--" + boundary).dropFirst() {
                    let lines = part.components(separatedBy: "\r\n").filter { !$0.isEmpty && $0 != "--" }
                    if !lines.isEmpty { print("part: " + lines.joined(separator: " | ")) }
                }
                """#, expect: [
                    "type: true",
                    #"part: Content-Disposition: form-data; name="meta" | Content-Type: application/json | {"caption":"c"}"#,
                    #"part: Content-Disposition: form-data; name="tags" | x"#,
                    #"part: Content-Disposition: form-data; name="tags" | y"#,
                    #"part: Content-Disposition: form-data; name="userID" | u1"#,
                    #"part: Content-Disposition: form-data; name="file"; filename="file" | Content-Type: image/png | PNG"#,
                    #"part: Content-Disposition: form-data; name="thumbnail"; filename="thumbnail" | Content-Type: application/octet-stream | TH"#,
                ]),
        ])),
    ]
}

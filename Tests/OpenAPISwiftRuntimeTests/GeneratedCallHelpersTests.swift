import Foundation
import OpenAPISwiftRuntime
import Testing

// Runtime API that generated operations call to keep their compiled code small (docs/PERFORMANCE.md).

/// `Response.takeValue()`, which every generated plain method returns through.
@Suite struct ResponseTakeValueTests {
    final class Box: Sendable {
        let text: String
        init(_ text: String) { self.text = text }
    }

    /// The value comes out whole, and the consumed response no longer holds it: the caller's reference is unique.
    @Test func movesTheValueOutOfTheResponse() {
        let response = Response(value: Box("synthetic"), statusCode: 200, headers: ["X-Request-ID": "r-1"],
                                rawBody: Data("{}".utf8), requestID: "r-1")
        var box = (consume response).takeValue()
        #expect(box.text == "synthetic")
        #expect(isKnownUniquelyReferenced(&box))
    }

    @Test func keepsValuesOfEveryShape() {
        let numbers: [Int] = [1, 2, 3]
        #expect(Response(value: numbers, statusCode: 201).takeValue() == numbers)
        let none: String? = nil
        #expect(Response(value: none, statusCode: 204).takeValue() == nil)
        let object = JSONValue.object(["a": .int(1)])
        #expect(Response(value: object, statusCode: 200).takeValue() == object)
    }
}

/// `RequestOptions.init()`, the zero-argument overload generated `options: RequestOptions = .init()` defaults call.
@Suite struct RequestOptionsDefaultTests {
    /// Referenced as a function (no default arguments apply), so this compiles only while the overload exists.
    @Test func zeroArgumentOverloadGivesNoSettings() {
        let make: () -> RequestOptions = RequestOptions.init
        let options = make()
        #expect(options.timeout == nil)
        #expect(options.retry == nil)
        #expect(options.headers.isEmpty)
        #expect(options.idempotencyKey == nil)
    }
}

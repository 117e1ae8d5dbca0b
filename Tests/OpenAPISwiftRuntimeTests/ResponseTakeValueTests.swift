import Foundation
import OpenAPISwiftRuntime
import Testing

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

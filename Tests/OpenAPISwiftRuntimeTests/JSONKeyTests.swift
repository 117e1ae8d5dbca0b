import Foundation
import OpenAPISwiftRuntime
import Testing

/// The `named:` coding helpers generated structs call: keys by `StaticString` literal, any JSON name (non-ASCII,
/// single-character, empty), with `OptionalValue` telling a missing key from `null`.
struct JSONKeyTests {
    struct Probe: Codable, Equatable {
        var name: String
        var note: String?
        var patch: OptionalValue<Int>
        var single: Int?

        init(name: String, note: String?, patch: OptionalValue<Int>, single: Int?) {
            (self.name, self.note, self.patch, self.single) = (name, note, patch, single)
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: JSONKey.self)
            self.name = try container.decodeValue(String.self, named: "größe name")
            self.note = try container.decodeValueIfPresent(String.self, named: "")
            self.patch = try container.decodeOptionalValue(Int.self, named: "patch")
            self.single = try container.decodeValueIfPresent(Int.self, named: "x")
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: JSONKey.self)
            try container.encodeValue(self.name, named: "größe name")
            try container.encodeValueIfPresent(self.note, named: "")
            try container.encodeOptionalValue(self.patch, named: "patch")
            try container.encodeValueIfPresent(self.single, named: "x")
        }
    }

    func json(_ value: Probe) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func encodesUnderTheJSONNames() throws {
        let full = Probe(name: "a", note: "n", patch: .value(3), single: 1)
        #expect(try json(full) == #"{"":"n","größe name":"a","patch":3,"x":1}"#)
        #expect(try json(Probe(name: "a", note: nil, patch: .null, single: nil)) == #"{"größe name":"a","patch":null}"#)
        #expect(try json(Probe(name: "a", note: nil, patch: .absent, single: nil)) == #"{"größe name":"a"}"#)
    }

    @Test func decodesMissingNullAndPresentKeys() throws {
        let decoder = JSONDecoder()
        let absent = try decoder.decode(Probe.self, from: Data(#"{"größe name":"a"}"#.utf8))
        #expect(absent == Probe(name: "a", note: nil, patch: .absent, single: nil))
        let null = try decoder.decode(Probe.self, from: Data(#"{"größe name":"a","patch":null,"":"n","x":2}"#.utf8))
        #expect(null == Probe(name: "a", note: "n", patch: .null, single: 2))
        #expect(throws: DecodingError.self) { try decoder.decode(Probe.self, from: Data(#"{"name":"a"}"#.utf8)) }
    }
}

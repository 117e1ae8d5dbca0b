import Foundation

// Decoders for request bodies the server received, so tests can check the wire encoding.

/// One part of a `multipart/form-data` body.
struct MultipartPart: Sendable, Equatable {
    /// Part headers, lower-cased names.
    var headers: [String: String]
    /// The `name` from `Content-Disposition: form-data; name="…"`.
    var name: String?
    var filename: String?
    var body: Data
    var text: String { String(decoding: body, as: UTF8.self) }
}

enum BodyParsingError: Error, CustomStringConvertible {
    case notMultipart(String?)
    case malformed(String)
    var description: String {
        switch self {
        case .notMultipart(let type): "not a multipart body (Content-Type: \(type ?? "none"))"
        case .malformed(let why): "malformed body: \(why)"
        }
    }
}

extension RecordedRequest {
    /// The `boundary` parameter of a multipart `Content-Type`.
    var multipartBoundary: String? {
        guard let type = header("Content-Type"), type.lowercased().hasPrefix("multipart/") else { return nil }
        for parameter in type.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    /// The parts of a `multipart/form-data` body, in order.
    func multipartParts() throws -> [MultipartPart] {
        guard let boundary = multipartBoundary else { throw BodyParsingError.notMultipart(header("Content-Type")) }
        return try MultipartParser.parse(body, boundary: boundary)
    }

    /// Multipart fields by name (text values).
    func multipartFields() throws -> [String: String] {
        var fields: [String: String] = [:]
        for part in try multipartParts() {
            if let name = part.name { fields[name] = part.text }
        }
        return fields
    }

    /// An `application/x-www-form-urlencoded` body, decoded (`+` is a space), in order.
    var formItems: [(name: String, value: String)] {
        FormURLEncoded.parse(bodyText)
    }

    /// Form fields by name.
    var formFields: [String: String] {
        Dictionary(formItems.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
    }
}

enum FormURLEncoded {
    static func parse(_ text: String) -> [(name: String, value: String)] {
        guard !text.isEmpty else { return [] }
        return text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                let spaced = s.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }
}

enum MultipartParser {
    static func parse(_ body: Data, boundary: String) throws -> [MultipartPart] {
        let bytes = [UInt8](body)
        let delimiter = [UInt8]("--\(boundary)".utf8)
        var positions: [Int] = []
        var i = 0
        while i + delimiter.count <= bytes.count {
            if bytes[i] == delimiter[0], Array(bytes[i..<(i + delimiter.count)]) == delimiter,
               i == 0 || (i >= 2 && bytes[i - 2] == 13 && bytes[i - 1] == 10) {
                positions.append(i)
                i += delimiter.count
            } else {
                i += 1
            }
        }
        guard positions.count >= 2 else { throw BodyParsingError.malformed("fewer than two boundary lines") }
        let closing = positions.last!
        guard Array(bytes[(closing + delimiter.count)..<min(closing + delimiter.count + 2, bytes.count)]) == [45, 45] else {
            throw BodyParsingError.malformed("missing closing boundary --\(boundary)--")
        }
        var parts: [MultipartPart] = []
        for (start, end) in zip(positions, positions.dropFirst()) {
            // Skip the delimiter line and its CRLF; the part ends before the CRLF that precedes the next delimiter.
            var cursor = start + delimiter.count
            guard cursor + 2 <= bytes.count, bytes[cursor] == 13, bytes[cursor + 1] == 10 else {
                throw BodyParsingError.malformed("boundary line not followed by CRLF")
            }
            cursor += 2
            let partEnd = end - 2
            guard partEnd >= cursor else { throw BodyParsingError.malformed("empty part") }
            let part = Array(bytes[cursor..<partEnd])
            guard let split = find([13, 10, 13, 10], in: part) else {
                throw BodyParsingError.malformed("part without a blank line after its headers")
            }
            let headerText = String(decoding: part[0..<split], as: UTF8.self)
            var headers: [String: String] = [:]
            for line in headerText.components(separatedBy: "\r\n") where !line.isEmpty {
                let pair = line.split(separator: ":", maxSplits: 1)
                guard pair.count == 2 else { throw BodyParsingError.malformed("bad part header \(line)") }
                headers[pair[0].trimmingCharacters(in: .whitespaces).lowercased()] =
                    pair[1].trimmingCharacters(in: .whitespaces)
            }
            let disposition = headers["content-disposition"] ?? ""
            parts.append(MultipartPart(
                headers: headers,
                name: parameter("name", in: disposition),
                filename: parameter("filename", in: disposition),
                body: Data(part[(split + 4)...])
            ))
        }
        return parts
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for i in 0...(haystack.count - needle.count) where Array(haystack[i..<(i + needle.count)]) == needle {
            return i
        }
        return nil
    }

    private static func parameter(_ name: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == name {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }
}

// MARK: - JSON comparison

enum JSONCompare {
    /// Parses both texts and compares them as JSON values (key order and whitespace ignored).
    static func equal(_ lhs: Data, _ rhs: String) -> Bool {
        guard let a = try? JSONSerialization.jsonObject(with: lhs, options: [.fragmentsAllowed]),
              let b = try? JSONSerialization.jsonObject(with: Data(rhs.utf8), options: [.fragmentsAllowed])
        else { return false }
        return equal(a, b)
    }

    /// Structural equality of two `JSONSerialization` values.
    static func equal(_ a: Any, _ b: Any) -> Bool {
        switch (a, b) {
        case (let x as [String: Any], let y as [String: Any]):
            return x.count == y.count && x.allSatisfy { key, value in y[key].map { equal(value, $0) } ?? false }
        case (let x as [Any], let y as [Any]):
            return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case (let x as String, let y as String):
            return x == y
        case (is NSNull, is NSNull):
            return true
        case (let x as NSNumber, let y as NSNumber):
            return x == y
        default:
            return false
        }
    }
}

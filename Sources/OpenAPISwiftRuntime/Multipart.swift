import Foundation

// MARK: - Multipart bodies

extension RequestBuilder {
    /// `multipart/form-data`, one part per property (binary parts last): `Data` → a file part
    /// (`encodings[name]` or `application/octet-stream`), objects → JSON parts, arrays → one part per item,
    /// other values → text parts.
    public mutating func multipartBody<T: Encodable>(_ value: T?, encodings: [String: String] = [:]) {
        guard let value else { return }
        let fields: [String: JSONValue]
        do {
            guard case .object(let object) = try JSONValue(encoding: value, markingData: true) else {
                return encodingFailures.append(.init(path: "body", rule: "encoding",
                                                     message: "a multipart body must be an object"))
            }
            fields = object
        } catch {
            return encodingFailures.append(.init(path: "body", rule: "encoding", message: Redaction.describe(error)))
        }
        let boundary = "openapi-swift-" + UUID().uuidString
        var data = Data()
        let ordered = fields.sorted {
            ($0.value.markedData == nil ? 0 : 1, $0.key) < ($1.value.markedData == nil ? 0 : 1, $1.key)
        }
        for (name, field) in ordered {
            let items: [JSONValue] = if case .array(let items) = field { items } else { [field] }
            for item in items where item != .null {
                let quoted = HTTPHeaders.cleanLine(name).replacingOccurrences(of: "\"", with: "%22")
                let type = encodings[name].map(HTTPHeaders.cleanLine)
                var head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(quoted)\""
                let content: Data
                if let bytes = item.markedData {
                    head += "; filename=\"\(quoted)\"\r\nContent-Type: \(type ?? "application/octet-stream")"
                    content = bytes
                } else if case .object = item {
                    head += "\r\nContent-Type: \(type ?? "application/json")"
                    content = (try? JSONCoding.makeEncoder().encode(item)) ?? Data()
                } else {
                    if let type { head += "\r\nContent-Type: \(type)" }
                    content = Data((item.scalarText ?? "").utf8)
                }
                data.append(Data((head + "\r\n\r\n").utf8))
                data.append(content)
                data.append(Data("\r\n".utf8))
            }
        }
        data.append(Data("--\(boundary)--\r\n".utf8))
        setBody(data, contentType: "multipart/form-data; boundary=\(boundary)")
    }
}

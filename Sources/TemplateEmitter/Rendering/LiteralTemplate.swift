// MARK: - Templates that are text plus a few file keys, rendered by substitution

/// A template whose only tags are its `{{%CONTENT_TYPE:TEXT}}` first line and `{{key}}`/`{{{key}}}` for the keys
/// of `FileContext`: the runtime templates (~2,200 lines of Swift with a few `{{access}}`).
///
/// Parsing those with swift-mustache on every run cost more than rendering all models of a 0.5 MB spec (its parser
/// measures string distances from the start of the template for each token), so they are split into text and keys
/// once and rendered by concatenation. Anything else (sections, partials, delimiter changes, other keys) makes
/// `init` fail and the template stays a Mustache template; an override is always a Mustache template.
/// `CompiledTemplatesTests` checks that both renderings are byte-identical for every embedded template this applies to.
struct LiteralTemplate: Sendable {
    enum Piece: Sendable {
        case text(String)
        case key(String)
    }

    /// Text and keys, in order.
    let pieces: [Piece]

    /// The keys a literal template may use: those of `FileContext`, which the runtime templates are rendered over.
    static let keys: Set<String> = ["access", "specPath", "header", "moduleName", "clientName"]

    /// The standalone first line every template starts with; Mustache drops it with its newline.
    private static let header = Array("{{%CONTENT_TYPE:TEXT}}\n".utf8)

    /// Splits `source` into text and keys, or returns nil when it is not such a template.
    init?(_ source: String) {
        let bytes = Array(source.utf8)
        guard bytes.starts(with: Self.header) else { return nil }
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        var pieces: [Piece] = []
        var textStart = Self.header.count
        var i = textStart
        while i + 1 < bytes.count {
            guard bytes[i] == open, bytes[i + 1] == open else {
                i += 1
                continue
            }
            let triple = i + 2 < bytes.count && bytes[i + 2] == open
            let nameStart = i + (triple ? 3 : 2)
            var nameEnd = nameStart
            while nameEnd < bytes.count, bytes[nameEnd] != close, bytes[nameEnd] != open { nameEnd += 1 }
            let closeCount = triple ? 3 : 2
            guard nameEnd + closeCount <= bytes.count,
                  bytes[nameEnd..<(nameEnd + closeCount)].allSatisfy({ $0 == close }) else { return nil }
            let name = String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self)
            guard Self.keys.contains(name) else { return nil }
            if textStart < i { pieces.append(.text(String(decoding: bytes[textStart..<i], as: UTF8.self))) }
            pieces.append(.key(name))
            i = nameEnd + closeCount
            textStart = i
        }
        if textStart < bytes.count {
            pieces.append(.text(String(decoding: bytes[textStart...], as: UTF8.self)))
        }
        self.pieces = pieces
    }

    /// The text with each key replaced by its value in `values` (empty when absent, as in Mustache; the TEXT
    /// content type escapes nothing).
    func render(_ values: TemplateObject) -> String {
        var out = ""
        for piece in pieces {
            switch piece {
            case .text(let text): out += text
            case .key(let key):
                switch values[key] {
                case .string(let string)?: out += string
                case let value?: out += String(describing: value.anyValue)
                case nil: break
                }
            }
        }
        return out
    }

    /// `render` over the values as swift-mustache reads them.
    func render(_ values: [String: Any]) -> String {
        var out = ""
        for piece in pieces {
            switch piece {
            case .text(let text): out += text
            case .key(let key):
                if let value = values[key] { out += value as? String ?? String(describing: value) }
            }
        }
        return out
    }
}

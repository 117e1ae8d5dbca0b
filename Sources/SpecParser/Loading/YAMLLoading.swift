import Foundation
import Yams

/// Limits that keep hostile input from exhausting time, memory or the stack.
public struct ParserLimits: Sendable, Hashable {
    /// Largest accepted file, in bytes.
    public var maxFileBytes: Int
    /// Deepest accepted nesting of nodes (libyaml itself stops at 1000).
    public var maxDepth: Int
    /// Most nodes visited while converting one file, counting each alias expansion.
    public var maxNodeVisits: Int
    /// Most files that `$ref`s may pull in.
    public var maxFiles: Int

    public init(maxFileBytes: Int = 64 << 20, maxDepth: Int = 512, maxNodeVisits: Int = 5_000_000,
                maxFiles: Int = 1_000) {
        self.maxFileBytes = maxFileBytes
        self.maxDepth = maxDepth
        self.maxNodeVisits = maxNodeVisits
        self.maxFiles = maxFiles
    }

    public static let `default` = ParserLimits()
}

/// Turns the bytes of one file into a `RawNode` tree, or a diagnostic that says why not.
///
/// A text whose first character that is not white space is `{` or `[` is read as JSON by `JSONReader`; anything
/// else, and such a text that is not JSON in a file whose name does not end in `.json` (a YAML flow mapping), is
/// composed by Yams (libyaml).
enum YAMLLoading {
    /// Appends the errors and warnings found to `diagnostics`; nil when there is an error.
    static func load(_ data: Data, file: String, limits: ParserLimits,
                     into diagnostics: inout [Diagnostic]) -> RawNode? {
        switch load(data, file: file, limits: limits) {
        case .success(let loaded):
            diagnostics += loaded.warnings
            return loaded.root
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
    }

    static func load(_ data: Data, file: String, limits: ParserLimits)
        -> Result<(root: RawNode, warnings: [Diagnostic]), Diagnostic> {
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard data.count <= limits.maxFileBytes else {
            return .failure(.error(
                "the file is \(data.count) bytes; files over \(limits.maxFileBytes) bytes are refused", at: start))
        }
        let text: String
        switch decode(data, file: file) {
        case .success(let decoded): text = decoded
        case .failure(let diagnostic): return .failure(diagnostic)
        }
        if text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return .failure(.error("the file is empty", at: start))
        }
        let isJSONName = file.lowercased().hasSuffix(".json")
        if JSONReader.looksLikeJSON(text.utf8) {
            let read = JSONReader.read(text, file: file, limits: limits)
            guard case .failure = read, !isJSONName else { return read }
            // Not JSON, and the file's name does not say it is: a YAML flow collection, composed below.
        }
        return compose(text, file: file, limits: limits, hint: isJSONName
            ? "a .json file is read as JSON when it starts with '{' or '['; this one is read as YAML" : nil)
            .map { ($0, []) }
    }

    /// Composes `text` with Yams and converts it. `hint` is added to a syntax error.
    private static func compose(_ text: String, file: String, limits: ParserLimits,
                                hint: String?) -> Result<RawNode, Diagnostic> {
        let start = SourceLocation(file: file, line: 1, column: 1)
        if let key = ComplexKeyScanner.firstComplexKey(in: text) {
            return .failure(.error(
                "a collection or alias used as a mapping key is not supported",
                at: SourceLocation(file: file, line: key.line, column: key.column),
                hint: "OpenAPI mapping keys are strings"))
        }
        var composed: Node?
        do {
            composed = try Yams.compose(yaml: text, Resolver.basic)
        } catch {
            var diagnostic = diagnostic(for: error, file: file, text: text)
            if diagnostic.hint == nil, diagnostic.message.hasPrefix("malformed YAML") { diagnostic.hint = hint }
            return .failure(diagnostic)
        }
        guard let root = composed else { return .failure(.error("the file is empty", at: start)) }
        composed = nil
        var builder = RawTreeBuilder(file: file, limits: limits)
        let tree = builder.build(root)
        // Yams' tree is not needed any more; freeing it is the caller's time otherwise.
        BackgroundRelease.drop(consume root, inputBytes: text.utf8.count)
        if let tree { return .success(tree) }
        return .failure(builder.failure ?? .error("the document could not be read", at: start))
    }

    // MARK: - Decoding

    /// UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is refused with the offending byte's line.
    static func decode(_ data: Data, file: String) -> Result<String, Diagnostic> {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            if let text = String(data: data, encoding: .utf16) { return .success(text) }
            return .failure(.error("the file is not valid UTF-16", at: SourceLocation(file: file, line: 1, column: 1)))
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        // One validating pass; the scalar-by-scalar walk below only runs to locate an error.
        if let text = String(validating: body, as: UTF8.self) { return .success(text) }
        var iterator = body.makeIterator()
        var decoder = Unicode.UTF8()
        var offset = 0, line = 1, column = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                return .success(String(decoding: body, as: UTF8.self))
            case .error:
                let byte = offset < body.count ? body[body.startIndex + offset] : 0
                let hex = String(byte, radix: 16, uppercase: true)
                return .failure(.error(
                    "the file is not valid UTF-8 (byte 0x\(hex) at offset \(offset))",
                    at: SourceLocation(file: file, line: line, column: column),
                    hint: "specs must be UTF-8 text"))
            }
        }
    }

    // MARK: - Yams errors

    /// Maps a Yams/libyaml error to `file:line:column: error: malformed YAML: …`.
    static func diagnostic(for error: any Error, file: String, text: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: max(mark.line, 1), column: max(mark.column, 1))
        }
        guard let yamlError = error as? YamlError else {
            return .error("malformed YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            if problem.contains("Maximum nesting level") {
                return .error("the document nests more than 1000 levels deep", at: at(mark))
            }
            var message = "malformed YAML: \(problem)"
            if let context, !context.text.isEmpty {
                message += " (\(context.text) started at line \(context.mark.line), column \(context.mark.column))"
            }
            return .error(message, at: at(mark))
        case .reader(let problem, let offset, _, _):
            let (line, column) = lineAndColumn(ofCharacterOffset: offset ?? 0, in: text)
            return .error("malformed YAML: \(problem)", at: SourceLocation(file: file, line: line, column: column))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .error("duplicate mapping key \(keys)", at: at(context.mark))
        default:
            return .error("malformed YAML: \(yamlError)", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    private static func lineAndColumn(ofCharacterOffset offset: Int, in text: String) -> (Int, Int) {
        var line = 1, column = 1
        for character in text.prefix(max(offset, 0)) {
            if character == "\n" || character == "\r\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }
}

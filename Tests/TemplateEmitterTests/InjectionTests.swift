import Foundation
import Testing
@testable import ClientModel
@testable import TemplateEmitter

/// Spec text full of Swift syntax reaches the output only as inert comments and literals.
@Suite(.serialized)
struct InjectionTests {
    static let payloads = [
        "*/ public func injectedA() {} /*",
        "/* public func injectedB() {}",
        "\n public func injectedC() {}\n",
        "\"\"\"\n public func injectedD() {}\n\"\"\"",
        "\\(injectedE())",
        "#\" + injectedF() + \"#",
        "back\\slash \\\" \\n",
        "nul\u{0} bell\u{7} esc\u{1B} del\u{7F}",
        "\r\n}\npublic func injectedG() {\n",
    ]

    static var hostileAPI: APIDecl {
        let text = payloads.joined(separator: " | ")
        let thing = TypeName("Thing")
        var types = [
            IR.structType(thing, doc: payloads, pointer: "#/components/schemas/Thing" + payloads[0], [
                IR.prop("value", json: text, .builtin(.string), doc: payloads, sensitive: true,
                        rules: [.pattern(text), .allowedValues(payloads), .format(text)]),
            ]),
            TypeDecl(name: TypeName("Mode"), doc: payloads, pointer: "#/components/schemas/Mode", deprecated: false,
                     kind: .enum(EnumDecl(rawType: .string, cases: payloads.enumerated().map {
                         EnumCaseDecl(identifier: IR.name("case\($0.offset)", wire: $0.element), doc: [$0.element])
                     }, unknownCaseName: "unknown")), nested: []),
            TypeDecl(name: TypeName("Either"), doc: [], pointer: "#/components/schemas/Either", deprecated: false,
                     kind: .union(UnionDecl(kind: .oneOf, discriminator: DiscriminatorDecl(
                        propertyName: text, mapping: payloads.map { (value: $0, caseName: "thing") }), cases: [
                        UnionCaseDecl(name: "thing", type: .named(thing), hint: DecodeHint(kind: .object,
                                      requiredKeys: payloads)),
                     ])), nested: []),
        ]
        types.append(TypeDecl(name: TypeName("Loose"), doc: [], pointer: "#/x", deprecated: false,
                              kind: .union(UnionDecl(kind: .anyOf, discriminator: nil, cases: [
                                UnionCaseDecl(name: "thing", type: .named(thing), hint: DecodeHint(kind: .object,
                                              requiredKeys: payloads)),
                              ])), nested: []))
        let operation = IR.operation(
            "get", "GET", [.literal("/a\"b\\(x)/"), .parameter("id"), .literal(payloads[3])],
            parameters: [
                IR.param("id", text, .path, .builtin(.string), required: true, doc: payloads, rules: [.pattern(text)]),
                IR.param("q", text, .query, .builtin(.string), style: text, doc: payloads),
                IR.param("h", text, .header, .builtin(.string)),
                IR.param("c", text, .cookie, .builtin(.string)),
            ],
            body: IR.body(.named(thing), .json, text),
            responses: [IR.response(.code(200), .named(thing), success: true)], success: .single(.named(thing)),
            security: SecurityDecl(alternatives: [[text]], optional: true), doc: payloads
        )
        var api = IR.api(module: "Hostile", types: types, operations: [operation], schemes: [
            SecuritySchemeDecl(identifier: IR.name("key", wire: text), kind: .apiKey(.header(text)), doc: payloads),
            SecuritySchemeDecl(identifier: IR.name("queryKey", wire: "Q"), kind: .apiKey(.query(text)), doc: payloads),
            SecuritySchemeDecl(identifier: IR.name("oauth", wire: "O"), kind: .oauth2ClientCredentials(tokenURL: text,
                               scopes: payloads), doc: []),
        ], servers: [ServerDecl(url: "https://x.example/\"\\(y)", description: text)], doc: payloads)
        api.specPath = "Specs/evil\n}\npublic func injectedH() {}\n.yaml"
        api.requestIDFields = payloads
        return api
    }

    @Test func noInjectedDeclarationAndItCompiles() async throws {
        let files = try Support.emit(Self.hostileAPI)
        for file in files {
            for line in file.contents.split(separator: "\n") {
                let code = Self.codeOutsideLiteralsAndComments(String(line))
                #expect(!code.contains("injected"), "\(file.path): \(line)")
            }
            #expect(!file.contents.contains("\u{0}"))
            #expect(!file.contents.contains("\u{1B}"))
        }
        let dir = try Support.write(files, name: "Hostile")
        let (status, output) = try await Support.typecheck(dir, module: "Hostile")
        #expect(status == 0, "\(dir.path):\n\(output)")
    }

    /// The line without its string literals (single-line, with escapes) and its `//` comment.
    static func codeOutsideLiteralsAndComments(_ line: String) -> String {
        var out = ""
        var inString = false
        var escaped = false
        var previous: Character = " "
        for character in line {
            if inString {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
            } else if character == "\"" {
                inString = true
            } else if character == "/", previous == "/" {
                out.removeLast()
                break
            } else {
                out.append(character)
            }
            previous = inString ? " " : character
        }
        #expect(!inString, "unterminated literal: \(line)")
        return out
    }
}

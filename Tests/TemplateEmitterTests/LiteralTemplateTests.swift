import Testing
@testable import TemplateEmitter

/// The runtime templates are rendered by substitution (`LiteralTemplate`), not by swift-mustache; the two must
/// give the same bytes, and an override must still be a full Mustache template.
struct LiteralTemplateTests {
    /// Values with characters Mustache would escape in HTML mode, to show that TEXT mode escapes nothing here too.
    static let file = FileContext(access: "package", specPath: "Specs/a&b <\"c\">.yaml",
                                  header: FileContext.header(specPath: "Specs/a&b <\"c\">.yaml",
                                                             overlays: ["o&1.yaml", "o2 <x>.yaml"]),
                                  moduleName: "Mod", clientName: "ModClient")

    @Test func everyRuntimeTemplateIsLiteral() {
        for (name, bytes) in EmbeddedTemplates.all where name == "Runtime" || name.hasPrefix("Runtime+") {
            #expect(LiteralTemplate(String(decoding: bytes, as: UTF8.self)) != nil,
                    "\(name).mustache uses more than {{access}}/{{specPath}}/{{header}}/{{moduleName}}/{{clientName}}")
        }
    }

    @Test func literalRenderingEqualsMustache() throws {
        let embedded = try CompiledTemplates(overrides: [:])
        for (name, bytes) in EmbeddedTemplates.all {
            let source = String(decoding: bytes, as: UTF8.self)
            guard let literal = LiteralTemplate(source) else { continue }
            // An override with the same text is parsed and rendered by Mustache.
            let mustache = try CompiledTemplates(overrides: [name: source])
            #expect(mustache.literals[name] == nil)
            let expected = mustache.render(name, Self.file)
            #expect(literal.render(Self.file.templateValue) == expected, "\(name)")
            #expect(embedded.render(name, Self.file) == expected, "\(name)")
        }
    }

    @Test func sectionsPartialsAndOtherKeysAreNotLiteral() {
        let header = "{{%CONTENT_TYPE:TEXT}}\n"
        #expect(LiteralTemplate(header + "{{access}} struct A {}\n{{{clientName}}}\n") != nil)
        #expect(LiteralTemplate(header + "{{#access}}x{{/access}}") == nil)
        #expect(LiteralTemplate(header + "{{> Models}}") == nil)
        #expect(LiteralTemplate(header + "{{name}}") == nil)
        #expect(LiteralTemplate(header + "{{ access }}") == nil)
        #expect(LiteralTemplate(header + "{{access") == nil)
        #expect(LiteralTemplate("{{access}}") == nil, "no TEXT content type")
    }

    @Test func runtimeOverrideCanUseSections() throws {
        let override = "{{%CONTENT_TYPE:TEXT}}\n// {{clientName}}\n{{#access}}{{.}} enum Extra {}{{/access}}\n"
        let templates = try CompiledTemplates(overrides: ["Runtime+Retry": override])
        #expect(templates.render("Runtime+Retry", Self.file) == "// ModClient\npackage enum Extra {}\n")
    }
}

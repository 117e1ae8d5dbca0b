import Mustache
import Testing
@testable import TemplateEmitter

/// Every embedded template parses with swift-mustache (they are parsed lazily, on first use, so a broken one would
/// otherwise only show when a document first needs it) and starts in the text content type.
@Suite struct EmbeddedTemplatesParseTests {
    @Test(arguments: EmbeddedTemplates.all.keys.sorted())
    func parses(name: String) throws {
        let source = String(decoding: EmbeddedTemplates.all[name] ?? [], as: UTF8.self)
        #expect(source.hasPrefix("{{%CONTENT_TYPE:TEXT}}\n"))
        _ = try MustacheTemplate(string: source)
    }

    @Test func anOverrideReplacesItsTemplateByName() throws {
        let templates = try CompiledTemplates(overrides: ["Alias": "{{%CONTENT_TYPE:TEXT}}\nalias {{name}}\n"])
        #expect(templates.render("Alias", object: ["name": .string("Pet")]) == "alias Pet\n")
        let embedded = try CompiledTemplates(overrides: [:])
        #expect(templates.render("Errors", object: ["access": .string("public")])
                == embedded.render("Errors", object: ["access": .string("public")]))
    }
}

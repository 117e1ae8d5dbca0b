import Foundation
import Testing
@testable import ClientModel
import Mustache
import SpecParser
@testable import TemplateEmitter
import TestSupport

/// The embedded Mustache templates render through `FastTemplate`, not swift-mustache's dynamic lookups; the two
/// renderings must be byte-identical. Every spec of the repository (provider specs, feature fixtures, torture
/// specs) is emitted both ways and compared file by file.
struct FastTemplateTests {
    @Test func everyEmbeddedMustacheTemplateHasAFastRendering() throws {
        let templates = try CompiledTemplates(overrides: [:])
        let fast = try #require(templates.fast)
        let mustacheNames = templates.names
        #expect(fast.keys.sorted() == mustacheNames)
        #expect(mustacheNames.contains("Struct") && mustacheNames.contains("Operation"))
    }

    /// `FastTemplate(parsing:)` reads every embedded template into exactly the nodes swift-mustache's own parser
    /// gives (read from its tokens), so compiling them needs no swift-mustache at all.
    @Test(arguments: EmbeddedTemplates.all.keys.sorted())
    func parsingGivesSwiftMustachesNodes(name: String) throws {
        let source = String(decoding: try #require(EmbeddedTemplates.all[name]), as: UTF8.self)
        let reference = try #require(FastTemplate(try MustacheTemplate(string: source)))
        let parsed = try #require(FastTemplate(parsing: source), "\(name) is outside the parser's subset")
        #expect(parsed.nodes == reference.nodes, "\(name)")
    }

    /// Standalone lines, indentation, comments and text splits, as swift-mustache reads them.
    @Test(arguments: [
        "{{%CONTENT_TYPE:TEXT}}\nplain\n",
        "{{%CONTENT_TYPE:TEXT}}\n  {{#a}}\n    x {{b}} y\n  {{/a}}\nafter\n",
        "{{%CONTENT_TYPE:TEXT}}\n{{#a}}inline{{/a}} tail {{^b}}no{{/b}}\n",
        "{{%CONTENT_TYPE:TEXT}}\n  {{! a comment }}\n  {{! inline }} text\n{{!x}}{{y}}\n",
        "{{%CONTENT_TYPE:TEXT}}\n\t{{#a}} \t\n{{.}}\n\t{{/a}}\t \n",
        "{{%CONTENT_TYPE:TEXT}}\n{ {x} }{{{raw}}} {{&amp}} {{ spaced }}\n",
        "{{%CONTENT_TYPE:TEXT}}\n{{#a}}\n{{#b}}\n{{c}}\n{{/b}}\n{{/a}}",
        "{{%CONTENT_TYPE:TEXT}}\n{{#a}}{{/a}}\n  {{#a}}  {{/a}}  \nend",
        "{{%CONTENT_TYPE:TEXT}}  \n  {{%CONTENT_TYPE:TEXT}}\nx{{y}}\n",
        "{{%CONTENT_TYPE:TEXT}}\n— “quoted” → {{name}} ✓\n",
    ])
    func parsingMatchesSwiftMustacheOnEdgeCases(source: String) throws {
        let reference = try #require(FastTemplate(try MustacheTemplate(string: source)))
        let parsed = try #require(FastTemplate(parsing: source))
        #expect(parsed.nodes == reference.nodes)
    }

    @Test func parsingDeclinesWhatItDoesNotReproduce() {
        for source in [
            "{{a}}\n",                                            // HTML content type
            "{{%CONTENT_TYPE:HTML}}\n{{a}}\n",
            "{{%CONTENT_TYPE:TEXT}}\n{{a.b}}\n",                  // dotted name
            "{{%CONTENT_TYPE:TEXT}}\n{{uppercased(a)}}\n",        // transform
            "{{%CONTENT_TYPE:TEXT}}\n{{>Alias}}\n",               // partial
            "{{%CONTENT_TYPE:TEXT}}\n{{=<% %>=}}\n",              // delimiters
            "{{%CONTENT_TYPE:TEXT}}\n{{$block}}x{{/block}}\n",    // block
            "{{%CONTENT_TYPE:TEXT}}\r\n{{a}}\r\n",                 // CRLF
            "{{%CONTENT_TYPE:TEXT}}\n{{a}}\u{2028}x\n",            // LINE SEPARATOR
            "{{%CONTENT_TYPE:TEXT}}\n{{#a}}x{{/b}}\n",            // mismatched end
            "{{%CONTENT_TYPE:TEXT}}\n{{#a}}x\n",                  // unclosed section
            "{{%CONTENT_TYPE:TEXT}}\n{{a}\n",                     // unfinished tag
            "{{%CONTENT_TYPE:TEXT}}\n{{! never closed\n",
            "{{%CONTENT_TYPE:TEXT}}\nends with {",
        ] {
            #expect(FastTemplate(parsing: source) == nil, "\(source.debugDescription)")
        }
    }

    @Test func overridesAndKeyRecordingUseSwiftMustache() throws {
        let overridden = try CompiledTemplates(overrides: ["Alias": "{{%CONTENT_TYPE:TEXT}}\n{{name}}\n"])
        #expect(overridden.fast == nil)
        let recording = try CompiledTemplates(overrides: [:], recorder: KeyRecorder())
        #expect(recording.fast == nil)
    }

    @Test func templatesOutsideTheSubsetStayWithSwiftMustache() throws {
        let parse = { (source: String) in FastTemplate(try MustacheTemplate(string: source)) }
        #expect(try parse("{{%CONTENT_TYPE:TEXT}}\n{{#a}}{{{b}}}{{/a}}{{^c}}x{{/c}}{{.}}\n") != nil)
        #expect(try parse("{{a}}\n") == nil, "HTML content type escapes")
        #expect(try parse("{{%CONTENT_TYPE:TEXT}}\n{{a.b}}\n") == nil, "dotted name")
        #expect(try parse("{{%CONTENT_TYPE:TEXT}}\n{{uppercased(a)}}\n") == nil, "transform")
        #expect(try parse("{{%CONTENT_TYPE:TEXT}}\n{{>Alias}}\n") == nil, "partial")
    }

    @Test func valueKindsRenderAsSwiftMustacheRendersThem() throws {
        let source = """
        {{%CONTENT_TYPE:TEXT}}
        [{{s}}|{{{t}}}|{{f}}|{{missing}}]
        {{#list}}
          {{name}}{{^isLast}},{{/isLast}} outer={{outer}}
          {{#lines}}
          - {{.}} in {{name}}
          {{/lines}}
        {{/list}}
        {{^empty}}no items{{/empty}}
        {{#s}}section over a string: {{.}}{{/s}}{{^s}}never{{/s}}
        {{#f}}never{{/f}}{{^f}}not f{{/f}}{{#t}}t{{/t}}{{^missing}} missing{{/missing}}{{#missing}}never{{/missing}}
        {{#none}}never{{/none}}{{^none}}no lines{{/none}}
        """
        let object: TemplateObject = [
            "s": .string("a<b>&\"c\""), "t": .bool(true), "f": .bool(false), "outer": .string("o"),
            "empty": .list([]), "none": .strings([]),
            "list": .list([
                ["name": .string("one"), "lines": .strings(["x", "y"]), "isLast": .bool(false)],
                ["name": .string("two"), "lines": .strings([]), "isLast": .bool(true), "outer": .string("shadow")],
            ]),
        ]
        let template = try MustacheTemplate(string: source)
        let fast = try #require(FastTemplate(template))
        #expect(fast.render(object) == template.render(object.anyValue))
    }

    @Test(arguments: specs())
    func emitsTheSameFilesAsSwiftMustache(spec: String) throws {
        let url = Repository.root.appendingPathComponent(spec)
        let input = SpecInput(path: url.path, data: try Data(contentsOf: url))
        let parsed = SpecParser.parse(input, loader: FileSystemSpecLoader(root: Repository.root.path))
        let document = try #require(parsed.document, "\(parsed.diagnostics)")
        let api = ModelBuilder.build(document, options: ModelOptions(moduleName: "Fast"), specPath: spec)
        let fast = try TemplateEmitter().emit(api)
        let mustache = try TemplateEmitter(recorder: KeyRecorder()).emit(api)
        #expect(fast.map(\.path) == mustache.map(\.path))
        for (a, b) in zip(fast, mustache) where a.contents != b.contents {
            Issue.record("\(spec): \(a.path) differs between FastTemplate and swift-mustache")
        }
    }

    static func specs() -> [String] {
        let fm = FileManager.default
        var specs: [String] = []
        for folder in ["Specs", "Tests/Fixtures/features", "Tests/Fixtures/torture"] {
            let dir = Repository.root.appendingPathComponent(folder)
            for name in (try? fm.contentsOfDirectory(atPath: dir.path)) ?? []
            where name.hasSuffix(".yaml") || name.hasSuffix(".json") {
                specs.append(folder + "/" + name)
            }
        }
        return specs.sorted()
    }
}

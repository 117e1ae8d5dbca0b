import Foundation
@testable import SpecParser
import Testing
import TestSupport

/// Applies `overlays` to `spec` (YAML text); the resulting tree (nil on an error) and the diagnostics, printed.
func applyOverlays(_ spec: String, _ overlays: [String], limits: ParserLimits = .default)
    -> (root: RawNode?, diagnostics: [String]) {
    guard case .success(let loaded) = YAMLLoading.load(Data(spec.utf8), file: "spec.yaml", limits: limits) else {
        return (nil, ["the spec does not load"])
    }
    var applier = OverlayApplier(limits: limits)
    let inputs = overlays.enumerated().map {
        SpecInput(path: $0.offset == 0 ? "overlay.yaml" : "overlay\($0.offset + 1).yaml", data: Data($0.element.utf8))
    }
    let result = applier.apply(inputs, to: loaded.root)
    return (result, applier.diagnostics.map(\.description))
}

/// `applyOverlays`, with the whole tree rendered in flow style.
func overlaid(_ spec: String, _ overlays: String..., limits: ParserLimits = .default)
    -> (tree: String?, diagnostics: [String]) {
    let (root, diagnostics) = applyOverlays(spec, overlays, limits: limits)
    return (root.map(flow), diagnostics)
}

/// `{a: 1, b: [x, 'y z']}`: strings quoted only when they are not plain words.
func flow(_ node: RawNode) -> String {
    switch node.content {
    case .scalar(let scalar):
        let plain = scalar.kind != .string
            || scalar.text.allSatisfy { $0.isLetter || $0.isNumber || "-_/.".contains($0) }
        return plain && !scalar.text.isEmpty ? scalar.text : "'\(scalar.text)'"
    case .sequence(let items): return "[" + items.map(flow).joined(separator: ", ") + "]"
    case .mapping(let pairs): return "{" + pairs.map { "\($0.key): \(flow($0.value))" }.joined(separator: ", ") + "}"
    }
}

/// An overlay with the given actions (YAML, indented as list items under `actions:`).
func overlay(_ actions: String) -> String {
    "overlay: 1.0.0\ninfo: {title: Test, version: 1.0.0}\nactions:\n" + actions
}

/// `update` and `remove` semantics, action order, warnings, and positions of inserted nodes.
struct OverlayApplyTests {
    static let spec = """
        openapi: 3.1.0
        info: {title: T, version: "1"}
        tags: [{name: a}, {name: b}]
        paths:
          /pets:
            get:
              summary: List.
              parameters:
                - {name: limit, in: query}
                - {name: dummy, in: query}
        """

    static let changes: [(String, String, String)] = [
        // Merging into an object: new keys are appended, primitives replaced, objects merged recursively.
        ("- target: $.info\n  update: {description: Hi, title: New}", "$.info",
         "{title: New, version: 1, description: Hi}"),
        ("- target: $\n  update: {info: {x-a: 1}}", "$.info", "{title: T, version: 1, x-a: 1}"),
        // A nested array is concatenated; a change of kind replaces.
        ("- target: $.paths['/pets'].get\n  update: {parameters: [{name: extra, in: header}], summary: {x: 1}}",
         "$..get",
         "{summary: {x: 1}, parameters: [{name: limit, in: query}, {name: dummy, in: query}, "
            + "{name: extra, in: header}]}"),
        // Updating an array appends the value; an array value appends its items.
        ("- target: $.tags\n  update: {name: c}", "$.tags", "[{name: a}, {name: b}, {name: c}]"),
        ("- target: $.tags\n  update: [{name: c}, {name: d}]", "$.tags",
         "[{name: a}, {name: b}, {name: c}, {name: d}]"),
        // Removal from a sequence (by filter) and from a mapping.
        ("- target: $.tags[?@.name == 'a']\n  remove: true", "$.tags", "[{name: b}]"),
        ("- target: $..parameters[?@.name == 'dummy']\n  remove: true", "$..parameters", "[{name: limit, in: query}]"),
        ("- target: $.info.version\n  remove: true", "$.info", "{title: T}"),
        // Actions apply in order: remove, then re-create.
        ("- target: $.tags\n  remove: true\n- target: $\n  update: {tags: [{name: z}]}", "$.tags", "[{name: z}]"),
        // A node selected twice by one target is changed once.
        ("- target: $.tags[0,0,-2]\n  update: {x: 1}", "$.tags", "[{name: a, x: 1}, {name: b}]"),
        ("- target: $.tags[*,0]\n  remove: true", "$.tags", "[]"),
        // `remove: false` with `update` is an update.
        ("- target: $.tags[1]\n  update: {x: 1}\n  remove: false", "$.tags", "[{name: a}, {name: b, x: 1}]"),
    ]

    @Test(arguments: changes)
    func updateAndRemove(actions: String, inspect: String, expected: String) throws {
        let (root, diagnostics) = applyOverlays(Self.spec, [overlay(actions)])
        #expect(diagnostics == [])
        let tree = try #require(root)
        let selected = JSONPathEvaluator.select(try JSONPathParser.parse(inspect).get(), in: tree)
        #expect(selected.map { flow($0.node) } == [expected])
    }

    @Test func descendantAndAncestorTargetsBothApply() throws {
        let spec = "a: {b: {c: {}}}\n"
        let (tree, diagnostics) = overlaid(spec, overlay("- target: $..[?@.c || @ == @]\n  update: {x: 1}"))
        #expect(diagnostics == [])
        // `$..[?…]` selects a's value, b's value and c's value; each gets `x` once.
        #expect(tree == "{a: {b: {c: {x: 1}, x: 1}, x: 1}}")
    }

    @Test func removingAnAncestorAndItsDescendantRemovesTheAncestor() {
        let (tree, diagnostics) = overlaid(Self.spec, overlay("- target: $..parameters[*]..name\n  remove: true\n"
            + "- target: $..parameters\n  remove: true"))
        #expect(diagnostics == [])
        #expect(tree?.contains("parameters") == false)
        #expect(tree?.contains("summary: List.") == true)
    }

    @Test func overlaysApplyInTheOrderGiven() {
        let first = overlay("- target: $.info\n  update: {title: First}")
        let second = overlay("- target: $.info\n  update: {title: Second}")
        #expect(overlaid(Self.spec, first, second).tree?.contains("title: Second") == true)
        #expect(overlaid(Self.spec, second, first).tree?.contains("title: First") == true)
    }

    // MARK: - Warnings and errors while applying

    @Test func aTargetThatMatchesNothingIsAWarningAtTheAction() {
        let (tree, diagnostics) = overlaid(Self.spec, overlay("""
            - target: $.info
              update: {x-a: 1}
            - target: "$.paths['/cats'].get"
              update: {x-a: 1}
            """))
        #expect(tree != nil)
        #expect(diagnostics == [
            "overlay.yaml:6:11: warning: overlay action 2 changes nothing: its target $.paths['/cats'].get selects no "
                + "node; check the path against the spec (names are case-sensitive; quote path keys: $.paths['/pets']) "
                + "[#/actions/1]",
        ])
    }

    @Test func updatingAPrimitiveIsAWarning() {
        let (tree, diagnostics) = overlaid(Self.spec, overlay("- target: $..name\n  update: {x: 1}"))
        #expect(tree?.contains("x: 1") == false)
        #expect(diagnostics == [
            "overlay.yaml:4:11: warning: overlay action 1 cannot update a string (at #/tags/0/name and 3 more); it is "
                + "left unchanged; target the object that contains the value and update the property [#/actions/0]",
        ])
    }

    @Test func aNonObjectUpdateOfAnObjectIsAnError() {
        let (tree, diagnostics) = overlaid(Self.spec, overlay("- target: $.info\n  update: New title"))
        #expect(tree == nil)
        #expect(diagnostics == [
            "overlay.yaml:5:11: error: `update` must be a mapping to merge into the object at #/info, found a string; "
                + "to replace a property, target its parent object and update the property [#/actions/0/update]",
        ])
    }

    @Test func removingTheRootIsAnError() {
        let (tree, diagnostics) = overlaid(Self.spec, overlay("- target: $\n  remove: true"))
        #expect(tree == nil)
        #expect(diagnostics == ["overlay.yaml:4:11: error: `remove` cannot remove the whole document (target $) "
            + "[#/actions/0]"])
    }

    @Test func copiesAreBoundedByTheNodeLimit() {
        var limits = ParserLimits.default
        limits.maxNodeVisits = 200
        let spec = "a: [" + Array(repeating: "{}", count: 50).joined(separator: ", ") + "]\n"
        let (tree, diagnostics) = overlaid(spec, overlay("- target: $.a[*]\n  update: {b: [1, 2, 3, 4, 5]}"),
                                           limits: limits)
        #expect(tree == nil)
        #expect(diagnostics.first?.contains("error: the overlays add more than 200 nodes to the document") == true,
                "\(diagnostics)")
    }

    @Test func updatesCannotNestBeyondTheDepthLimit() {
        var limits = ParserLimits.default
        limits.maxDepth = 7
        let spec = "a: {b: {c: {d: {e: {}}}}}\n"
        #expect(overlaid(spec, overlay("- target: $.a.b.c.d\n  update: {x: {y: 1}}"), limits: limits).tree != nil)
        let (tree, diagnostics) = overlaid(spec, overlay("- target: $.a.b.c.d.e\n  update: {x: {y: 1}}"),
                                           limits: limits)
        #expect(tree == nil)
        #expect(diagnostics == ["overlay.yaml:5:11: error: this update would nest the document more than 7 levels "
            + "deep [#/actions/0/update]"])
    }

    // MARK: - Through the parser

    @Test func unchangedNodesKeepTheirPositionsAndInsertedOnesNameTheOverlay() throws {
        let spec = """
            openapi: 3.1.0
            info: {title: T, version: "1"}
            paths:
              /pets:
                get:
                  responses:
                    '200': {description: ok}
            components:
              schemas:
                Pet:
                  type: object
            """
        let overlayText = overlay("""
            - target: $.components.schemas.Pet
              update:
                properties:
                  kind: {type: widget}
            """)
        let result = DocumentParser.parse(SpecInput(path: "spec.yaml", data: Data(spec.utf8)),
                                      overlays: [SpecInput(path: "fix.overlay.yaml", data: Data(overlayText.utf8))],
                                      loader: InMemorySpecLoader())
        // A problem in what the overlay inserted is reported in the overlay, where it is written.
        let warning = try #require(result.diagnostics.first)
        #expect(result.diagnostics.count == 1)
        #expect(warning.message.hasPrefix("unknown schema type 'widget'"))
        #expect(warning.location == SourceLocation(file: "fix.overlay.yaml", line: 7, column: 20))
        #expect(warning.pointer?.description == "#/components/schemas/Pet/properties/kind/type")
        let document = try #require(result.document)
        let operation = try #require(document.paths.first?.operations.first)
        #expect(operation.origin.location == SourceLocation(file: "spec.yaml", line: 6, column: 7))
        let pet = try #require(result.componentSchema("Pet"))
        #expect(pet.origin.location == SourceLocation(file: "spec.yaml", line: 11, column: 7))
        let kind = try #require(pet.properties.first { $0.name == "kind" })
        #expect(kind.schema.origin.location == SourceLocation(file: "fix.overlay.yaml", line: 7, column: 13))
    }

    @Test func refsInsertedByAnOverlayResolveAgainstTheSpec() throws {
        let spec = """
            openapi: 3.1.0
            info: {title: T, version: "1"}
            paths: {}
            components:
              schemas:
                Pet: {type: object}
            """
        let overlayText = overlay("""
            - target: $.components.schemas
              update:
                Owner:
                  type: object
                  properties: {pet: {$ref: '#/components/schemas/Pet'}, tag: {$ref: 'common.yaml#/Tag'}}
            """)
        let result = DocumentParser.parse(
            SpecInput(path: "specs/spec.yaml", data: Data(spec.utf8)),
            overlays: [SpecInput(path: "overlays/o.yaml", data: Data(overlayText.utf8))],
            loader: InMemorySpecLoader(texts: ["specs/common.yaml": "Tag: {type: string}\n"]))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let owner = try #require(result.componentSchema("Owner"))
        #expect(owner.properties.map { $0.schema.ref?.key } == ["specs/spec.yaml#/components/schemas/Pet",
                                                                "specs/common.yaml#/Tag"])
    }

    @Test func anOverlayErrorStopsBeforeTheSpecIsRead() {
        let result = DocumentParser.parse(SpecInput(path: "spec.yaml", data: Data("openapi: 9\n".utf8)),
                                      overlays: [SpecInput(path: "o.yaml", data: Data("overlay: 1.0.0\n".utf8))],
                                      loader: InMemorySpecLoader())
        #expect(result.document == nil)
        #expect(result.diagnostics.map(\.description) == [
            "o.yaml:1:1: error: the overlay is missing `info:` (with `title` and `version`) [#]",
            "o.yaml:1:1: error: the overlay is missing `actions:` (a list of {target, update} or "
                + "{target, remove: true}) [#]",
        ])
    }

    /// The shipped API Sathi overlay: Retry-After on the 429, `x-sensitive` on aadhaar and otp; the vendor file is
    /// not changed.
    @Test func apiSathiOverlay() throws {
        let specPath = "Specs/apisathi.json", overlayPath = "Specs/overlays/apisathi.overlay.yaml"
        let spec = try Data(contentsOf: Repository.root.appendingPathComponent(specPath))
        let overlayData = try Data(contentsOf: Repository.root.appendingPathComponent(overlayPath))
        let plain = DocumentParser.parse(SpecInput(path: specPath, data: spec), loader: InMemorySpecLoader())
        let result = DocumentParser.parse(SpecInput(path: specPath, data: spec),
                                      overlays: [SpecInput(path: overlayPath, data: overlayData)],
                                      loader: InMemorySpecLoader())
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let operation = try #require(result.document?.paths.first?.operations.first)
        let tooMany = try #require(operation.responses.first { $0.status.description == "429" })
        #expect(tooMany.headers.map(\.name) == ["Retry-After"])
        #expect(tooMany.headers.first?.schema?.types == [.integer])
        #expect(tooMany.headers.first?.origin.location.file == overlayPath)
        let body = try #require(operation.requestBody?.content.first?.schema)
        let flags = body.properties.map { ($0.name, $0.schema.extensions["x-sensitive"]?.boolValue) }
        #expect(flags.map(\.0) == ["otp", "aadhaar", "otp_reference"])
        #expect(flags.map(\.1) == [true, true, nil])
        // Everything the overlay did not touch is where the vendor file has it.
        let plainOperation = try #require(plain.document?.paths.first?.operations.first)
        #expect(operation.origin == plainOperation.origin)
        #expect(body.origin == plainOperation.requestBody?.content.first?.schema?.origin)
    }
}

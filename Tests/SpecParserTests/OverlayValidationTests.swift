import Foundation
@testable import SpecParser
import Testing

/// Malformed overlay documents: each problem is reported at the overlay's file:line:column, with its pointer.
struct OverlayValidationTests {
    static let spec = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\n"

    func problems(_ overlayText: String, path: String = "fix.yaml") -> [String] {
        let result = DocumentParser.parse(SpecInput(path: "spec.yaml", data: Data(Self.spec.utf8)),
                                      overlays: [SpecInput(path: path, data: Data(overlayText.utf8))],
                                      loader: InMemorySpecLoader())
        return result.diagnostics.map(\.description)
    }

    static let header = "overlay: 1.0.0\ninfo: {title: T, version: 1.0.0}\n"

    static let malformed: [(String, String)] = [
        // The document
        ("- a\n- b\n",
         "fix.yaml:1:1: error: an overlay must be a mapping with `overlay`, `info` and `actions`, found a sequence "
            + "[#]"),
        ("info: {title: T, version: 1}\nactions: [{target: $, update: {}}]\n",
         "fix.yaml:1:1: error: the overlay is missing `overlay:` (the Overlay Specification version, e.g. 1.0.0) [#]"),
        ("openapi: 3.1.0\ninfo: {title: T, version: 1}\npaths: {}\n",
         "fix.yaml:1:1: error: the overlay is missing `overlay:` (the Overlay Specification version, e.g. 1.0.0); "
            + "this looks like an OpenAPI document; pass it as the spec, not as an overlay [#]"),
        ("overlay: 2.0.0\ninfo: {title: T, version: 1}\nactions: [{target: $, update: {}}]\n",
         "fix.yaml:1:10: error: unsupported Overlay version '2.0.0'; supported versions are 1.0.x and 1.1.x "
            + "[#/overlay]"),
        ("overlay: [1]\ninfo: {title: T, version: 1}\nactions: [{target: $, update: {}}]\n",
         "fix.yaml:1:10: error: `overlay:` must be a version string such as 1.0.0, found a sequence [#/overlay]"),
        ("overlay: 1.0.0\nactions: [{target: $, update: {}}]\n",
         "fix.yaml:1:1: error: the overlay is missing `info:` (with `title` and `version`) [#]"),
        ("overlay: 1.0.0\ninfo: {title: T}\nactions: [{target: $, update: {}}]\n",
         "fix.yaml:2:7: error: `info:` is missing `version:` [#/info]"),
        ("overlay: 1.0.0\ninfo: {title: [T], version: 1}\nactions: [{target: $, update: {}}]\n",
         "fix.yaml:2:15: error: `info.title:` must be a string, found a sequence [#/info/title]"),
        ("overlay: 1.0.0\ninfo: {title: T, version: 1}\n",
         "fix.yaml:1:1: error: the overlay is missing `actions:` (a list of {target, update} or "
            + "{target, remove: true}) [#]"),
        (header + "actions: {target: $}\n",
         "fix.yaml:3:10: error: `actions:` must be a list, found a mapping [#/actions]"),
        (header + "actions: []\n",
         "fix.yaml:3:10: error: `actions:` is empty; an overlay needs at least one action [#/actions]"),
        (header + "extends: 42\nactions: [{target: $, update: {}}]\n",
         "fix.yaml:3:10: error: `extends:` must be a string, found a number [#/extends]"),
        // Actions
        (header + "actions:\n  - just a string\n",
         "fix.yaml:4:5: error: an action must be a mapping with `target` and `update` or `remove`, found a string "
            + "[#/actions/0]"),
        (header + "actions:\n  - update: {x-a: 1}\n",
         "fix.yaml:4:5: error: an action is missing `target:` (a JSONPath query such as $.paths['/pets'].get) "
            + "[#/actions/0]"),
        (header + "actions:\n  - target: {paths: x}\n    update: {}\n",
         "fix.yaml:4:13: error: `target:` must be a string (a JSONPath query), found a mapping [#/actions/0/target]"),
        (header + "actions:\n  - target: 42\n    update: {}\n",
         "fix.yaml:4:13: error: `target:` must be a string (a JSONPath query), found a number [#/actions/0/target]"),
        (header + "actions:\n  - target: $.info\n    update: {x-a: 1}\n    remove: true\n",
         "fix.yaml:4:5: error: an action has both `update` and `remove: true`; split it into two actions "
            + "[#/actions/0]"),
        (header + "actions:\n  - target: $.info\n    description: Nothing to do.\n",
         "fix.yaml:4:5: error: an action needs `update:` (to merge or append) or `remove: true` [#/actions/0]"),
        (header + "actions:\n  - target: $.info\n    remove: false\n",
         "fix.yaml:4:5: error: an action needs `update:` (to merge or append) or `remove: true` [#/actions/0]"),
        (header + "actions:\n  - target: $.info\n    remove: 'yes'\n",
         "fix.yaml:5:13: error: `remove:` must be true or false, found a string [#/actions/0/remove]"),
        (header + "actions:\n  - target: $.info\n    copy: $.paths\n",
         "fix.yaml:5:11: error: the Overlay 1.1 `copy` action is not supported; write the copied content out under "
            + "`update:` [#/actions/0/copy]"),
    ]

    @Test(arguments: malformed)
    func rejects(overlayText: String, expected: String) {
        #expect(problems(overlayText) == [expected])
    }

    /// The column of a JSONPath error is the offending character's, through YAML/JSON quoting and escapes.
    static let badTargets: [(String, String)] = [
        ("  - target: $.paths[/pets]\n", "fix.yaml:4:21: error: invalid JSONPath in `target:`: unexpected '/' in "
            + "brackets; the query is $.paths[/pets] [#/actions/0/target]"),
        ("  - target: \"$.paths['/pets'].get[\"\n", "fix.yaml:4:35: error: invalid JSONPath in `target:`: expected a "
            + "selector: a name in quotes, an index, '*' or '?'; the query is $.paths['/pets'].get[ "
            + "[#/actions/0/target]"),
        ("  - target: '$.paths[''/pets''].get.'\n", "fix.yaml:4:37: error: invalid JSONPath in `target:`: expected a "
            + "name or '*' after '.'; the query is $.paths['/pets'].get. [#/actions/0/target]"),
        ("  - target: \"\\u0024.a[?@.b = 1]\"\n", "fix.yaml:4:28: error: invalid JSONPath in `target:`: '=' is not a "
            + "comparison; use '=='; the query is $.a[?@.b = 1] [#/actions/0/target]"),
        ("  - target: paths.x\n", "fix.yaml:4:13: error: invalid JSONPath in `target:`: a JSONPath query starts with "
            + "'$' (the document root); the query is paths.x [#/actions/0/target]"),
        ("  - target: >-\n      $.a[\n", "fix.yaml:4:13: error: invalid JSONPath in `target:`: expected a selector: a "
            + "name in quotes, an index, '*' or '?'; the query is $.a[ [#/actions/0/target]"),
    ]

    @Test(arguments: badTargets)
    func jsonPathErrorsPointAtTheCharacter(action: String, expected: String) {
        #expect(problems(Self.header + "actions:\n" + action + "    update: {x-a: 1}\n") == [expected])
    }

    @Test func jsonOverlaysReportPositionsToo() {
        let json = """
            {
              "overlay": "1.0.0",
              "info": {"title": "T", "version": "1"},
              "actions": [
                {"target": "$.info", "update": {"x-a": 1}},
                {"target": "$.paths[?@.x = 1]", "update": {"x-a": 1}}
              ]
            }
            """
        #expect(problems(json, path: "fix.json") == [
            "fix.json:6:30: error: invalid JSONPath in `target:`: '=' is not a comparison; use '=='; the query is "
                + "$.paths[?@.x = 1] [#/actions/1/target]",
        ])
    }

    @Test func everyProblemOfEveryOverlayIsReported() {
        let result = DocumentParser.parse(
            SpecInput(path: "spec.yaml", data: Data(Self.spec.utf8)),
            overlays: [
                SpecInput(path: "a.yaml", data: Data((Self.header + "actions:\n  - target: $.[\n    update: {}\n")
                    .utf8)),
                SpecInput(path: "b.yaml", data: Data("overlay: 1.0.0\ninfo: {title: T, version: 1}\nactions: [\n"
                    .utf8)),
                SpecInput(path: "c.yaml", data: Data((Self.header + "actions:\n  - target: $\n").utf8)),
            ],
            loader: InMemorySpecLoader())
        #expect(result.document == nil)
        #expect(result.diagnostics.map { $0.location?.file } == ["a.yaml", "b.yaml", "c.yaml"])
    }

    @Test func unknownFieldsAreWarnings() {
        #expect(problems(Self.header + "x-note: fine\nactoins: []\nactions:\n  - target: $.info\n    updates: {x: 1}\n"
            + "    update: {x-a: 1}\n") == [
            "fix.yaml:4:1: warning: unknown field 'actoins' in the overlay is ignored [#/actoins]",
            "fix.yaml:7:5: warning: unknown field 'updates' in an action is ignored [#/actions/0/updates]",
        ])
    }

    @Test func overlay11WithoutCopyIsAccepted() {
        let text = "overlay: 1.1.0\ninfo: {title: T, version: 1}\nactions: [{target: $.info, update: {x-a: 1}}]\n"
        #expect(problems(text) == [])
    }
}

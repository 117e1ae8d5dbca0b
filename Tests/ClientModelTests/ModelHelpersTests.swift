import Testing
@testable import ClientModel

/// The module-level helpers of `Models.swift` and the deprecation annotations are decided in the model.
@Suite struct ModelHelpersTests {
    @Test func noHelpersForPlainStructs() {
        let api = buildIR(schemasSpec("""
            Pet: {type: object, properties: {name: {type: string}}}
        """))
        #expect(api.modelHelpers == [])
    }

    @Test func eachHelperFollowsTheConstructThatNeedsIt() {
        let api = buildIR(schemasSpec("""
            Bag: {type: object, properties: {id: {type: string}}, additionalProperties: {type: integer}}
            Node:
              type: object
              required: [next]
              properties: {next: {$ref: "#/components/schemas/Node"}}
            Either:
              oneOf: [{type: string}, {type: integer}]
        """))
        #expect(api.modelHelpers == [.dynamicCodingKey, .indirectBox, .unionBranch])
    }

    @Test func aDeprecatedTypeUsedOnlyByDeprecatedTypesIsAnnotated() throws {
        let api = buildIR(schemasSpec("""
            Old: {type: object, deprecated: true, properties: {part: {$ref: "#/components/schemas/OldPart"}}}
            OldPart: {type: object, deprecated: true, properties: {x: {type: string}}}
            Used: {type: object, deprecated: true, properties: {x: {type: string}}}
            Current: {type: object, properties: {used: {$ref: "#/components/schemas/Used"}}}
        """))
        let names = Set(api.annotatableDeprecatedTypes.map(\.swift))
        #expect(names == ["Old", "OldPart"])
    }
}

import Testing
@testable import TemplateEmitter

/// The one escaping function per context.
struct SwiftEscapingTests {
    @Test func stringLiteralEscapesEverythingThatCouldEndOrInterpolate() {
        #expect(SwiftEscaping.stringLiteral(#"a"b"#) == #""a\"b""#)
        #expect(SwiftEscaping.stringLiteral(#"back\slash"#) == #""back\\slash""#)
        #expect(SwiftEscaping.stringLiteral(#"\(evil())"#) == #""\\(evil())""#)
        #expect(SwiftEscaping.stringLiteral("line\nbreak\r\ttab") == #""line\nbreak\r\ttab""#)
        #expect(SwiftEscaping.stringLiteral("nul\u{0}bell\u{7}del\u{7F}") == #""nul\u{0}bell\u{7}del\u{7F}""#)
        #expect(SwiftEscaping.stringLiteral("\u{2028}\u{202E}") == #""\u{2028}\u{202E}""#)
        #expect(SwiftEscaping.stringLiteral(#"""" #" "#) == #""\"\"\" #\" ""#)
        #expect(SwiftEscaping.stringLiteral("ünïcødé ✓ आधार") == "\"ünïcødé ✓ आधार\"")
    }

    @Test func docCommentLinesCannotOpenOrCloseBlockComments() {
        let lines = SwiftEscaping.docComment(["Ends */ here", "opens /* there", "/*/ and **/*"])
        #expect(lines == ["/// Ends * / here", "/// opens / * there", "/// / * / and ** / *"])
        #expect(lines.allSatisfy { !$0.contains("/*") && !$0.contains("*/") })
    }

    @Test func docCommentSplitsLinesAndDropsControlCharacters() {
        let lines = SwiftEscaping.docComment(["first\nsecond\r\nthird\rfourth", "nul\u{0}here\u{1B}[31m", "", "", "", "last  "])
        #expect(lines == ["/// first", "/// second", "/// third", "/// fourth", "/// nulhere[31m", "///", "/// last"])
    }

    @Test func docCommentKeepsUnicodeAndTrimsBlankEdges() {
        #expect(SwiftEscaping.docComment(["", "Aadhaar — आधार ✓", ""]) == ["/// Aadhaar — आधार ✓"])
        #expect(SwiftEscaping.docComment([]) == [])
    }

    @Test func lineCommentIsOneLine() {
        #expect(SwiftEscaping.lineComment("specs/a\nimport Evil\u{0}.yaml") == "specs/a import Evil.yaml")
        #expect(SwiftEscaping.lineComment("a */ b /* c") == "a * / b / * c")
    }
}

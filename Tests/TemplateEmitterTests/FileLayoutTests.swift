import Foundation
import Testing
@testable import ClientModel
@testable import TemplateEmitter

/// The files of a module are sized so that a two- or four-job debug build (contiguous runs of files in path order,
/// equal by count) finishes its jobs together. Compile time itself is measured by `scripts/bench`, not here.
struct FileLayoutTests {
    /// The share of the module's lines the busiest of `jobs` batch jobs compiles, as the swift-driver batches files.
    static func busiestShare(_ files: [EmittedFile], jobs: Int) -> Double {
        let sizes = files
            .sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
            .map { SourceFormatting.lineCount($0.contents) }
        let total = sizes.reduce(0, +)
        return Double(FileLayout.batches(sizes.count, jobs: jobs).map { sizes[$0].reduce(0, +) }.max() ?? 0)
            / Double(total)
    }

    /// A module like train-travel: 30 types of about 60 lines, six operations.
    static func modelHeavyModule(types typeCount: Int = 30, operations operationCount: Int = 6,
                                 runtimeModule: String? = "OpenAPISwiftRuntime") -> APIDecl {
        let types = (0..<typeCount).map { i in
            IR.structType(TypeName("Thing\(i)"), doc: ["Thing number \(i)."], (0..<8).map {
                IR.prop("field\($0)", json: "field_\($0)", .builtin(.string), required: $0 < 3, doc: ["Field \($0)."])
            })
        }
        let operations = (0..<operationCount).map { i in
            IR.operation("op\(i)", "GET", [.literal("/things/\(i)")],
                         responses: [IR.response(.code(200), .named(TypeName("Thing\(i)")), success: true)],
                         success: .single(.named(TypeName("Thing\(i)"))))
        }
        var api = IR.api(module: "Layout", types: types, operations: operations)
        api.runtimeModule = runtimeModule
        return api
    }

    @Test func aSmallModelHeavyModuleKeepsBothCoresBusy() throws {
        let files = try SwiftEmitter().emit(Self.modelHeavyModule())
        // Before: `Auth`, `Client`, `Errors` | `Models`, `Operations`: one job had 94 % of train-travel's lines.
        let share = Self.busiestShare(files, jobs: 2)
        #expect(share < 0.56, "\(files.map { "\($0.path): \(SourceFormatting.lineCount($0.contents))" })")
        #expect(files.contains { $0.path == "Client.swift" } && files.contains { $0.path == "Models.swift" })
    }

    @Test func aLargeModuleIsSplitEvenlyWithinTheLimit() throws {
        var emitter = try SwiftEmitter()
        emitter.linesPerFile = 1500
        let api = Self.modelHeavyModule(types: 300, operations: 80)
        let files = try emitter.emit(api)
        for file in files {
            #expect(SourceFormatting.lineCount(file.contents) <= 1500 + 20, "\(file.path)")
        }
        #expect(Self.busiestShare(files, jobs: 2) < 0.53)
        let models = files.filter { $0.path.hasPrefix("Models") }.map(\.contents).joined()
        #expect(models.components(separatedBy: "public struct Thing").count == 301)
        let client = files.filter { $0.path.hasPrefix("Client") }.map(\.contents).joined()
        #expect(client.components(separatedBy: "WithResponse(options: RequestOptions").count == 81)
        #expect(client.components(separatedBy: "public struct LayoutClient").count == 2)
        #expect(try emitter.emit(api) == files)
    }

    @Test func theClientFileComesFirstWithTheReExport() throws {
        let files = try SwiftEmitter().emit(Self.modelHeavyModule(types: 300, operations: 80))
        let client = try #require(files.first { $0.path == "Client.swift" }?.contents)
        #expect(client.contains("\n@_exported import OpenAPISwiftRuntime\n"))
        #expect(client.contains("private let requiredRuntimeVersion"))
        #expect(client.contains("public struct LayoutClient: Sendable"))
        for file in files where file.path != "Client.swift" {
            #expect(!file.contents.contains("@_exported"), "\(file.path)")
            #expect(!file.contents.contains("requiredRuntimeVersion"), "\(file.path)")
        }
    }

    /// A self-contained module's `Runtime.swift` (about 3,500 lines, one block) is a job's work too: the rest goes
    /// in files that fill the other job, not in files that share Runtime.swift's.
    @Test func aSelfContainedModuleCountsItsRuntimeFile() throws {
        let files = try SwiftEmitter().emit(Self.modelHeavyModule(runtimeModule: nil))
        let runtime = try #require(files.first { $0.path == "Runtime.swift" })
        let runtimeShare = Double(SourceFormatting.lineCount(runtime.contents))
            / Double(files.map { SourceFormatting.lineCount($0.contents) }.reduce(0, +))
        #expect(Self.busiestShare(files, jobs: 2) <= max(0.56, runtimeShare + 0.01), "\(files.map(\.path))")
    }

    @Test func aModuleWithoutOperationsOrTypesStillHasBothFiles() throws {
        let files = try SwiftEmitter().emit(IR.api(module: "Empty", types: [], operations: []))
        #expect(files.map(\.path) == ["Client.swift", "Models.swift", "Runtime.swift"])
        #expect(!files[0].contents.contains("extension EmptyClient {\n}"))
    }

    @Test func partitionsAreContiguousNonEmptyAndEven() {
        let lines = [10, 500, 20, 20, 480, 30, 700, 5]
        for parts in 1...lines.count {
            let ranges = FileLayout.partition(lines, weights: Array(repeating: 1, count: parts))
            #expect(ranges.count == parts)
            #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == lines.count)
            #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
            #expect(ranges.allSatisfy { !$0.isEmpty })
        }
        #expect(FileLayout.partition(lines, weights: [1, 1]).map { lines[$0].reduce(0, +) } == [1030, 735])
        #expect(FileLayout.partition([3000], weights: [1]) == [0..<1])
        #expect(FileLayout.partition([], weights: []).isEmpty)
    }

    /// What `swiftc -### -enable-batch-mode -j N` plans (checked with swift-driver 6.3 for 5, 7, 26 and 60 files).
    @Test func batchesFollowTheDriver() {
        #expect(FileLayout.batches(5, jobs: 2) == [0..<3, 3..<5])
        #expect(FileLayout.batches(7, jobs: 2) == [0..<4, 4..<7])
        #expect(FileLayout.batches(26, jobs: 2) == [0..<13, 13..<26])
        #expect(FileLayout.batches(60, jobs: 2) == [0..<20, 20..<40, 40..<60])
        #expect(FileLayout.batches(1, jobs: 4) == [0..<1])
    }

    /// Blocks of 1,100 lines: two never share a 2,000-line file, so every block gets its own (the first candidate
    /// counts, 7–11, cannot fit twelve of them).
    @Test func theLimitHoldsForUnevenAndLargeBlocks() {
        for blocks in [Array(repeating: 1100, count: 12), Array(repeating: 700, count: 40),
                       [1900, 150, 1900, 150, 30, 1990, 20, 1000, 1000, 1001]] {
            let layout = FileLayout.plan(client: [50], models: blocks, maximumLines: 2000)
            let sizes = layout.models.map { blocks[$0].reduce(0, +) }
            #expect(sizes.allSatisfy { $0 <= 2000 }, "\(sizes)")
            #expect(layout.models.first?.lowerBound == 0 && layout.models.last?.upperBound == blocks.count)
        }
        // A limit of 0 or less is taken as 1 line: every block alone, no division by zero.
        #expect(FileLayout.plan(client: [5, 5], models: [5, 5, 5], maximumLines: 0).models.count == 3)
    }

    @Test func oneLongBlockStaysWhole() {
        let layout = FileLayout.plan(client: [40], models: [9000], maximumLines: 3000)
        #expect(layout.client == [0..<1] && layout.models == [0..<1])
    }
}

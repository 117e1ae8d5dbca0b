import Foundation
import OpenAPISwiftCore
import TemplateEmitter
import Testing

@Suite struct OutputPlanTests {
    private let desired = [EmittedFile(path: "A.swift", contents: "a\n"), EmittedFile(path: "B.swift", contents: "b\n")]
    private var manifest: Data { Data(Manifest.render(["A.swift", "B.swift"]).utf8) }

    @Test func emptyFolderWritesEverythingAndTheManifest() {
        let plan = OutputPlan.make(desired: desired, existing: ExistingOutput(manifest: nil, files: [:], allFiles: []))
        #expect(plan.writes == [Manifest.fileName, "A.swift", "B.swift"])
        #expect(!plan.folderNotOwned)
    }

    @Test func unchangedFilesAreNotRewritten() {
        let existing = ExistingOutput(
            manifest: ["A.swift", "B.swift"],
            files: ["A.swift": Data("a\n".utf8), "B.swift": Data("old\n".utf8), Manifest.fileName: manifest],
            allFiles: [Manifest.fileName, "A.swift", "B.swift"])
        let plan = OutputPlan.make(desired: desired, existing: existing)
        #expect(plan.writes == ["B.swift"])
        #expect(plan.unchangedCount == 2)
    }

    @Test func staleOwnedFilesAreRemovedForeignFilesKept() {
        let existing = ExistingOutput(
            manifest: ["A.swift", "B.swift", "Old.swift"],
            files: ["A.swift": Data("a\n".utf8), "B.swift": Data("b\n".utf8), "Old.swift": Data(),
                    Manifest.fileName: Data()],
            allFiles: [Manifest.fileName, "A.swift", "B.swift", "Old.swift", "Mine.swift"])
        let plan = OutputPlan.make(desired: desired, existing: existing)
        #expect(plan.removals == ["Old.swift"])
        #expect(!plan.removals.contains("Mine.swift"))
        #expect(plan.writes == [Manifest.fileName])
    }

    @Test func aFolderWithoutManifestIsNotOwned() {
        let existing = ExistingOutput(manifest: nil, files: ["A.swift": Data("x".utf8)], allFiles: ["A.swift", "notes.txt"])
        let plan = OutputPlan.make(desired: desired, existing: existing)
        #expect(plan.folderNotOwned)
        #expect(plan.foreignFilesOverwritten == ["A.swift"])
    }

    @Test func manifestIgnoresUnsafeEntries() {
        #expect(Manifest.parse("# c\nA.swift\n../../etc/passwd\n/abs\n\nB.swift\n") == ["A.swift", "B.swift"])
    }
}

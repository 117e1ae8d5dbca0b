import Foundation
import Testing
import TestSupport

/// A package that depends on this one by URL and version, as a user's would, builds and runs: SwiftPM refuses a
/// dependency whose targets use unsafe flags, so this proves every library product is consumable. The working tree
/// (uncommitted changes included, ignored files left out) is committed into a temporary repository tagged `9.9.9`;
/// a throwaway consumer depends on it by a `file://` URL and that exact version, imports every library product of
/// Package.swift and creates the three provider clients. One full, fresh build (a few minutes), so it runs once.
@Suite struct ConsumerPackageTests {
    static let tag = "9.9.9"

    @Test(.timeLimit(.minutes(30))) func packageBuildsAsADependencyByURLAndVersion() async throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("openapi-swift-consumer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let repository = folder.appendingPathComponent("openapi-swift.git")
        try await Self.commitWorkingTree(into: repository)

        let products = try Self.libraryProducts()
        #expect(Set(["AccuAuth", "Deepvue", "APISathi"]).isSubset(of: products), "library products: \(products)")
        let consumer = folder.appendingPathComponent("Consumer")
        try Self.writeConsumer(at: consumer, dependingOn: repository, products: products)

        // At the lowest priority: the build must not starve the suite's timing-sensitive tests running beside it.
        let started = Date()
        let build = try await Self.run("nice", ["-n", "19", "swift", "build"], in: consumer)
        let seconds = Int(Date().timeIntervalSince(started))
        try #require(build.status == 0, "the consumer did not build (\(seconds) s):\n\(build.output.suffix(6000))")
        let program = consumer.appendingPathComponent(".build/debug/Consumer")
        let output = try await Self.run(program.path, [], in: consumer)
        #expect(output.status == 0)
        #expect(output.output == "AccuAuthClient DeepvueClient APISathiClient\n")
    }

    // MARK: - The package under test, as a tagged repository

    /// Commits the working tree as git sees it (tracked and untracked files, `.gitignore` respected) into a new
    /// repository at `repository` and tags it. The tree is read in place: nothing is copied by hand.
    static func commitWorkingTree(into repository: URL) async throws {
        let git = ["-c", "user.name=openapi-swift tests", "-c", "user.email=tests@example.invalid",
                   "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false",
                   "--git-dir", repository.path, "--work-tree", Repository.root.path]
        for arguments in [["init", "--quiet", "--bare", repository.path], git + ["add", "--all", "."],
                          git + ["commit", "--quiet", "--no-verify", "-m", "working tree"],
                          git + ["tag", tag]] {
            let result = try await run("git", arguments, in: Repository.root)
            try #require(result.status == 0, "git \(arguments.joined(separator: " ")):\n\(result.output)")
        }
    }

    /// The names of the `.library` products in Package.swift.
    static func libraryProducts() throws -> [String] {
        let manifest = try String(contentsOf: Repository.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: #"\.library\(\s*name:\s*"([^"]+)""#)
        let range = NSRange(manifest.startIndex..., in: manifest)
        return pattern.matches(in: manifest, range: range).compactMap { match in
            Range(match.range(at: 1), in: manifest).map { String(manifest[$0]) }
        }
    }

    /// A package that depends on `repository` at exactly `tag` and uses every product.
    static func writeConsumer(at folder: URL, dependingOn repository: URL, products: [String]) throws {
        let sources = folder.appendingPathComponent("Sources/Consumer")
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        let dependencies = products.map { "                .product(name: \"\($0)\", package: \"openapi-swift\")," }
        let manifest = """
            // swift-tools-version:6.0
            import PackageDescription

            let package = Package(
                name: "Consumer",
                platforms: [.macOS(.v13)],
                dependencies: [.package(url: "\(repository.absoluteURL.absoluteString)", exact: "\(tag)")],
                targets: [
                    .executableTarget(name: "Consumer", dependencies: [
            \(dependencies.joined(separator: "\n"))
                    ]),
                ]
            )

            """
        let main = products.map { "import \($0)" }.joined(separator: "\n") + """


            let accuauth = AccuAuth.AccuAuthClient(credentials: .init(apiID: "id", apiSecret: "secret"))
            let deepvue = Deepvue.DeepvueClient(clientID: "id", clientSecret: "secret")
            let sathi = APISathi.APISathiClient(apiKey: "key")
            print(type(of: accuauth), type(of: deepvue), type(of: sathi))

            """
        try Data(manifest.utf8).write(to: folder.appendingPathComponent("Package.swift"))
        try Data(main.utf8).write(to: sources.appendingPathComponent("main.swift"))
    }

    /// Runs `command` (found on PATH) in `directory`; returns its status and its combined output.
    static func run(_ command: String, _ arguments: [String], in directory: URL) async throws
        -> (status: Int32, output: String) {
        let result = try await ChildProcess.run(command, arguments, in: directory, mergingStandardError: true)
        return (result.status, result.output)
    }
}

// MARK: - How a module's code is spread over files

/// Splits the client's code (the client, then its operations) and the models' code into files of about equal
/// size, so that a debug build keeps every core busy until the end.
///
/// A debug build (SwiftPM, Xcode, `swiftc -enable-batch-mode -j N`) gives each of its N frontend jobs a contiguous
/// run of the target's files in path order, equal *by count* (at most 25 files a job). A job's time follows the code
/// in its files, so one long file, or three short files first in path order, leaves a core idle for most of the
/// build: train-travel's five files compiled on two cores in 2.64 s; the same code in two halves took 1.91 s, with
/// the same CPU time (docs/PERFORMANCE.md). Line counts stand in for compile time.
///
/// The plan is the split, among a few with at most `maximumLines` lines a file, whose busiest job is the shortest
/// in a two-job build (a two-core CI machine), preferring fewer files when the difference is small: every file costs
/// each job that does not compile it some work, and each is a job of its own without batch mode (`swiftc
/// -typecheck`). The model files are sized to even out the jobs around the client's files.
struct FileLayout: Equatable, Sendable {
    /// The ranges of client blocks each client file holds, in order (`Client.swift`, `Client+2.swift`, …).
    var client: [Range<Int>]
    /// The ranges of model blocks each model file holds, in order (`Models.swift`, `Models+2.swift`, …).
    var models: [Range<Int>]

    /// A file is split past this many lines, unless one block is longer.
    static let maximumLines = 2000
    /// Files are not made shorter than this to fill more jobs: below it, a job's fixed cost (loading Foundation and
    /// the runtime module) outweighs the code it would take off the others.
    static let minimumLines = 400
    /// The build a layout is sized for: two batch jobs, as on a two-core CI machine. More jobs get files of at most
    /// `maximumLines` lines to share.
    static let jobs = 2
    /// A layout with more files is taken only when its busiest job is this much shorter (a fraction of the ideal).
    static let gainPerExtraFile = 0.03

    /// One file of the module, in path order: a client file, a model file, or a file the layout does not split
    /// (its lines).
    enum Slot: Equatable {
        case client(Int), models(Int), whole(lines: Int)
    }

    /// The layout for blocks of these line counts. Each list may be empty; a non-empty list gets at least one file.
    /// `whole` names the module's other files (a self-contained module's `Runtime.swift`) with their lines: they
    /// share the jobs too.
    static func plan(client clientLines: [Int], models modelLines: [Int], whole: [String: Int] = [:],
                     maximumLines: Int = maximumLines, minimumLines: Int = minimumLines) -> FileLayout {
        let total = clientLines.reduce(0, +) + modelLines.reduce(0, +) + whole.values.reduce(0, +)
        let maximumLines = max(1, maximumLines), minimumLines = max(1, minimumLines)
        func counts(_ lines: [Int]) -> ClosedRange<Int> {
            guard !lines.isEmpty else { return 0...0 }
            let sum = lines.reduce(0, +)
            let least = min(lines.count, max(1, (sum + maximumLines - 1) / maximumLines))
            let most = max(least, min(lines.count, sum / minimumLines))
            // Filling files in order up to the limit always fits; its count keeps one fitting candidate in range.
            var filled = 1, inFile = 0
            for count in lines {
                if inFile > 0, inFile + count > maximumLines {
                    filled += 1
                    inFile = 0
                }
                inFile += count
            }
            return least...max(min(most, least + 4), filled)
        }
        var candidates: [(client: Int, models: Int)] = []
        for clientCount in counts(clientLines) {
            for modelCount in counts(modelLines) { candidates.append((clientCount, modelCount)) }
        }
        candidates.sort { ($0.client + $0.models, $0.client) < ($1.client + $1.models, $1.client) }
        var best: (layout: FileLayout, files: Int, cost: Double)?
        for candidate in candidates {
            let order = pathOrder(clientCount: candidate.client, modelCount: candidate.models, whole: whole)
            let client = partition(clientLines, weights: Array(repeating: 1, count: candidate.client))
            let clientSizes = client.map { clientLines[$0].reduce(0, +) }
            let weights = modelWeights(order, clientSizes: clientSizes, modelCount: candidate.models, total: total)
            let layout = FileLayout(client: client, models: partition(modelLines, weights: weights))
            let modelSizes = layout.models.map { modelLines[$0].reduce(0, +) }
            let fits = zip(layout.client + layout.models, clientSizes + modelSizes)
                .allSatisfy { range, lines in range.count <= 1 || lines <= maximumLines }
            let cost = busiestJob(fileLines(order, client: clientSizes, models: modelSizes)) + (fits ? 0 : 1_000)
            let files = candidate.client + candidate.models
            // Fewer files come first; more files must be faster by `gainPerExtraFile` for each extra file. A layout
            // with a file over the limit (weights can stretch one) is taken only when every other one has one too.
            if best.map({ cost < $0.cost - Double(files - $0.files) * gainPerExtraFile }) ?? true {
                best = (layout, files, cost)
            }
        }
        return best?.layout ?? FileLayout(client: [], models: [])
    }

    /// How the model lines are shared among the model files so that every batch job gets the same lines: a job's
    /// model files share equally what its other files leave of its even share.
    static func modelWeights(_ order: [Slot], clientSizes: [Int], modelCount: Int, total: Int) -> [Double] {
        // The other files' lines, model files counted as empty.
        let others = fileLines(order, client: clientSizes, models: Array(repeating: 0, count: modelCount))
        let batches = batches(order.count, jobs: jobs)
        var weights = [Double](repeating: 1, count: modelCount)
        for batch in batches {
            let modelFiles = order[batch].compactMap { slot -> Int? in
                if case .models(let index) = slot { index } else { nil }
            }
            let left = max(1, Double(total) / Double(batches.count) - Double(others[batch].reduce(0, +)))
            for index in modelFiles { weights[index] = left / Double(modelFiles.count) }
        }
        return weights
    }

    /// The lines of each file in `order`, from the client and model files' lines.
    static func fileLines(_ order: [Slot], client: [Int], models: [Int]) -> [Int] {
        order.map { slot in
            switch slot {
            case .client(let index): client[index]
            case .models(let index): models[index]
            case .whole(let lines): lines
            }
        }
    }

    /// The busiest batch job's lines, relative to an even split (1 is ideal), for files of these sizes in path
    /// order.
    static func busiestJob(_ sizes: [Int]) -> Double {
        let total = sizes.reduce(0, +)
        guard total > 0 else { return 1 }
        let batches = batches(sizes.count, jobs: jobs)
        let busiest = batches.map { sizes[$0].reduce(0, +) }.max() ?? 0
        return Double(busiest) * Double(batches.count) / Double(total)
    }

    /// The files in the order a build sees their paths (`Client+2.swift` sorts before `Client.swift`).
    static func pathOrder(clientCount: Int, modelCount: Int, whole: [String: Int] = [:]) -> [Slot] {
        let named = (0..<clientCount).map { (SwiftEmitter.path("Client", $0), Slot.client($0)) }
            + (0..<modelCount).map { (SwiftEmitter.path("Models", $0), Slot.models($0)) }
            + whole.map { ($0.key, Slot.whole(lines: $0.value)) }
        return named.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }.map(\.1)
    }

    /// The swift-driver's batches: `max(jobs, ⌈files / 25⌉)` contiguous runs of files, equal by count, the first
    /// ones one longer when the count does not divide.
    static func batches(_ files: Int, jobs: Int) -> [Range<Int>] {
        let count = min(files, max(jobs, (files + 24) / 25))
        guard count > 0 else { return [] }
        var ranges: [Range<Int>] = []
        var start = 0
        for index in 0..<count {
            let size = files / count + (index < files % count ? 1 : 0)
            ranges.append(start..<start + size)
            start += size
        }
        return ranges
    }

    /// Splits `lines` into one contiguous, non-empty run per weight (at most `lines.count` weights), each run's sum
    /// about its weight's share of the total.
    static func partition(_ lines: [Int], weights: [Double]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var remaining = Double(lines.reduce(0, +))
        for (part, weight) in weights.enumerated() {
            let partsLeft = weights.count - part
            guard partsLeft > 1 else {
                ranges.append(start..<lines.count)
                break
            }
            let target = remaining * weight / weights[part...].reduce(0, +)
            var end = start + 1
            var sum = Double(lines[start])
            // Take the next block while it brings the sum closer to the target, leaving one block per part left.
            while end < lines.count - (partsLeft - 1), sum + Double(lines[end]) / 2 <= target {
                sum += Double(lines[end])
                end += 1
            }
            ranges.append(start..<end)
            remaining -= sum
            start = end
        }
        return ranges
    }
}

// parse-floor FILE [REPEAT]
// Reads FILE, runs Yams.compose(yaml:) on it REPEAT times (default 1) and prints the best wall time in seconds.
// The read is outside the timed region; the time printed is compose alone, the parse floor.
import Foundation
import Yams

let args = CommandLine.arguments
guard args.count >= 2 else {
    FileHandle.standardError.write(Data("usage: parse-floor FILE [REPEAT]\n".utf8))
    exit(2)
}
let repeatCount = args.count >= 3 ? max(1, Int(args[2]) ?? 1) : 1
let text: String
do {
    text = try String(contentsOfFile: args[1], encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("parse-floor: cannot read \(args[1]): \(error)\n".utf8))
    exit(1)
}

var best = Double.infinity
var nodeKind = ""
for _ in 0..<repeatCount {
    let start = DispatchTime.now().uptimeNanoseconds
    let node: Node?
    do {
        node = try Yams.compose(yaml: text)
    } catch {
        FileHandle.standardError.write(Data("parse-floor: compose failed: \(error)\n".utf8))
        exit(1)
    }
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    best = min(best, elapsed)
    if nodeKind.isEmpty { nodeKind = node.map { "\($0.tag)" } ?? "empty" }
    _ = node
}
print(String(format: "%.6f", best))

/// "Did you mean …?" for names the user typed: a configuration key, a filter entry.
public enum Spelling {
    /// The candidate closest to `name` when it is close enough to be a likely typo: equal ignoring case, or within
    /// an edit distance of a third of the longer name (at least 1, at most 3). Ties go to the earlier candidate, so
    /// the answer follows the candidates' (document) order.
    public static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
        let lowered = name.lowercased()
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != name {
            let limit = min(3, max(1, max(name.count, candidate.count) / 3))
            guard abs(name.count - candidate.count) <= limit else { continue }
            let distance = candidate.lowercased() == lowered ? 0 : editDistance(lowered, candidate.lowercased())
            guard distance <= limit, best.map({ distance < $0.distance }) ?? true else { continue }
            best = (candidate, distance)
        }
        return best?.candidate
    }

    /// The Levenshtein distance between `a` and `b`, by Characters (two rows, O(|a|·|b|) time).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

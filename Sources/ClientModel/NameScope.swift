/// A set of names that must stay distinct (the properties of one struct, the cases of one enum, the parameters of
/// one operation). Names are claimed in document order; a later name that is taken gets `2`, `3`… (or `_2`, `_3`…
/// when it ends in a digit, so `v1` becomes `v1_2`, never `v12`). Two spec names never silently merge.
struct NameScope {
    private(set) var taken: Set<String>

    init(reserved: Set<String> = []) { self.taken = reserved }

    func contains(_ name: String) -> Bool { taken.contains(name) }

    /// Marks `name` as used without renaming it.
    mutating func reserve(_ name: String) { taken.insert(name) }

    /// Returns `base` or the first free suffixed form of it, and marks it used. `base` is unescaped.
    /// `isFree` adds a condition of the caller's (e.g. that `<name>WithResponse` is free too).
    mutating func claim(_ base: String, isFree: (String) -> Bool = { _ in true }) -> String {
        if !taken.contains(base), isFree(base) {
            taken.insert(base)
            return base
        }
        let separator = base.last?.isNumber == true ? "_" : ""
        var counter = 2
        while counter < Int.max {
            let candidate = "\(base)\(separator)\(counter)"
            if !taken.contains(candidate), isFree(candidate) {
                taken.insert(candidate)
                return candidate
            }
            counter += 1
        }
        return base  // Unreachable: a scope never holds Int.max names.
    }
}

/// Suggestions for typos: "did you mean ...?"

/// The Levenshtein distance: how many single-character insertions, deletions or substitutions
/// turn `a` into `b`.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    var previous = Array(0...b.count)
    for (i, characterOfA) in a.enumerated() {
        var current = [i + 1]
        for (j, characterOfB) in b.enumerated() {
            let substitution = previous[j] + (characterOfA == characterOfB ? 0 : 1)
            current.append(min(previous[j + 1] + 1, current[j] + 1, substitution))
        }
        previous = current
    }
    return previous[b.count]
}

/// The candidate nearest to `word`, if it is near enough to be what was meant.
///
/// A third of the word may be wrong, so that `anwsers` finds `answers` but `x` finds nothing;
/// ties go to the earlier candidate, which keeps suggestions deterministic.
func closest(to word: String, among candidates: [String]) -> String? {
    let length = word.count
    let allowed = max(1, length / 3)
    var best: (candidate: String, distance: Int)?
    // The distance is at least the difference in length, so candidates too short or too long are
    // skipped unmeasured: a 10 MB key in a hand-edited file must not cost minutes of comparisons.
    for candidate in candidates where abs(candidate.count - length) <= allowed {
        let distance = editDistance(word, candidate)
        if distance < (best?.distance ?? Int.max) {
            best = (candidate, distance)
        }
    }
    guard let best, best.distance <= allowed else {
        return nil
    }
    return best.candidate
}

/// `"a", "b" or "c"`, for listing what was expected.
func quotedList(_ items: [String], conjunction: String = "or") -> String {
    let quoted = items.map { "\"\($0)\"" }
    guard quoted.count > 1 else { return quoted.first ?? "" }
    return quoted.dropLast().joined(separator: ", ") + " \(conjunction) " + quoted.last!
}

/// A mistake in the command line, worded for the person who typed it.
///
/// The executable prints `description` and then `usage`, and exits with 64 (`EX_USAGE`).
public struct UsageError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The command whose arguments were wrong, such as `["dpia", "assess"]`.
    public var commandPath: [String]
    /// What was wrong, without the command name in front.
    public var message: String
    /// The synopsis of the command at `commandPath`, such as `dpia assess [options]`.
    public var usage: String

    public init(commandPath: [String], message: String, usage: String) {
        self.commandPath = commandPath
        self.message = message
        self.usage = usage
    }

    /// The message after the command's name: `dpia assess: unknown option '--anwsers'; ...`.
    public var description: String {
        commandPath.joined(separator: " ") + ": " + message
    }
}

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
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
        let distance = editDistance(word, candidate)
        if distance < (best?.distance ?? Int.max) {
            best = (candidate, distance)
        }
    }
    guard let best, best.distance <= max(1, word.count / 3) else {
        return nil
    }
    return best.candidate
}

/// Arithmetic on points and steps that cannot trap.
///
/// `dpia validate` (and every load) keeps each score in a definition within ±`maximumScore`, so sums of
/// them stay far from overflow; the scorer still adds with these so that no definition, however it was
/// built, can crash it.
enum ScoreArithmetic {
    /// The largest magnitude a definition may give points, steps or reductions.
    static let maximumScore = 1_000_000

    /// `a + b`, held at `Int.max` or `Int.min` rather than overflowing.
    static func add(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? (b > 0 ? .max : .min) : sum
    }

    /// `a - b`, held at `Int.max` or `Int.min` rather than overflowing.
    static func subtract(_ a: Int, _ b: Int) -> Int {
        let (difference, overflow) = a.subtractingReportingOverflow(b)
        return overflow ? (b < 0 ? .max : .min) : difference
    }

    /// `a * b`, held at `Int.max` or `Int.min` rather than overflowing.
    static func multiply(_ a: Int, _ b: Int) -> Int {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? ((a < 0) == (b < 0) ? .max : .min) : product
    }
}

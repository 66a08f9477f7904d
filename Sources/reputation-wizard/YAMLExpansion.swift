import Yams

/// How large a YAML document becomes once its aliases are expanded, counted without expanding
/// it: a few lines of anchors and aliases (a "billion laughs" file) expand to billions of
/// values, which decoding would build in memory. Composing keeps each alias as a shared node
/// (cheap); only the walk below counts what decoding would make, and it stops at the limit.
enum YAMLExpansion {
    /// Values an answers file may expand to: far more than any real one holds (a numbers list
    /// of 10,000 is 10,000 values).
    static let valueLimit = 200_000

    /// Whether `text` expands to more than `limit` values; false for text that does not parse
    /// (the decoder then says what is wrong with it).
    static func exceeds(_ text: String, limit: Int = valueLimit) -> Bool {
        guard let root = try? Yams.compose(yaml: text) else { return false }
        var budget = limit
        return !walk(root, budget: &budget)
    }

    /// Counts `node`'s values against `budget`; false as soon as it runs out.
    private static func walk(_ node: Node, budget: inout Int) -> Bool {
        budget -= 1
        guard budget >= 0 else { return false }
        switch node {
        case .scalar, .alias: return true
        case .sequence(let sequence):
            for child in sequence where !walk(child, budget: &budget) { return false }
            return true
        case .mapping(let mapping):
            for (key, value) in mapping where !walk(key, budget: &budget) || !walk(value, budget: &budget) { return false }
            return true
        }
    }
}

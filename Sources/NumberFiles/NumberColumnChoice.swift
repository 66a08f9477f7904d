import Onboarding

/// Which column of a many-column file holds the numbers.
enum NumberColumnChoice {
    /// 0-based. Among the columns a known heading names (every column when none does), the one
    /// where most rows read as a valid number; else the one where most cells have digits; ties
    /// go to the leftmost.
    static func index(rows: [[String]], width: Int, heading: [String]?) -> Int {
        guard width > 1 else { return 0 }
        let named = (heading ?? []).indices.filter { NumberHeading.names(heading![$0]) }
        let candidates = named.isEmpty ? Array(0..<width) : named
        func count(_ column: Int, _ test: (String) -> Bool) -> Int {
            rows.reduce(0) { $0 + (column < $1.count && test($1[column]) ? 1 : 0) }
        }
        let valid = candidates.map { column in
            count(column) { if case .number = NumberListParser.reading(ofCell: $0) { true } else { false } }
        }
        if let most = valid.max(), most > 0 { return candidates[valid.firstIndex(of: most)!] }
        let digits = candidates.map { column in count(column) { $0.contains(where: \.isNumber) } }
        return candidates[digits.firstIndex(of: digits.max() ?? 0) ?? 0]
    }
}

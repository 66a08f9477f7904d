import Onboarding

/// Which column of a many-column file holds the numbers.
enum NumberColumnChoice {
    /// How many rows read as a valid number, column by column (`width` columns).
    static func validCounts(rows: [[String]], width: Int) -> [Int] {
        var counts = Array(repeating: 0, count: width)
        for row in rows {
            for (column, cell) in row.enumerated() where column < width {
                if case .number = NumberListParser.reading(ofCell: cell) { counts[column] += 1 }
            }
        }
        return counts
    }

    /// 0-based. Among the columns a known heading names (every column when none does), the one
    /// where most rows read as a valid number (`valid`, from `validCounts`); else the one where
    /// most cells have digits; ties go to the leftmost.
    static func index(rows: [[String]], width: Int, heading: [String]?, valid: [Int]) -> Int {
        guard width > 1 else { return 0 }
        let named = (heading ?? []).indices.filter { NumberHeading.names(heading![$0]) }
        let candidates = named.isEmpty ? Array(0..<width) : named
        let counts = candidates.map { valid[$0] }
        if let most = counts.max(), most > 0 { return candidates[counts.firstIndex(of: most)!] }
        let digits = candidates.map { column in
            rows.reduce(0) { $0 + (column < $1.count && $1[column].contains(where: \.isNumber) ? 1 : 0) }
        }
        return candidates[digits.firstIndex(of: digits.max() ?? 0) ?? 0]
    }

    /// 0-based: the columns other than `chosen` where at least half the rows (and one) read as
    /// a valid number.
    static func othersWithNumbers(rowCount: Int, chosen: Int, valid: [Int]) -> [Int] {
        valid.indices.filter { $0 != chosen && valid[$0] > 0 && valid[$0] * 2 >= rowCount }
    }
}

import CSV
import Foundation

/// The cell delimiters spreadsheets export with: `,` (CSV), `;` (CSV where the comma is the
/// decimal mark) and tab (Excel's "Unicode Text", TSV).
public enum CSVDelimiter: Character, Sendable, CaseIterable {
    case comma = ","
    case tab = "\t"
    case semicolon = ";"

    var scalar: Unicode.Scalar { rawValue.unicodeScalars.first! }

    /// The delimiter that splits the first rows (up to 50, blank lines and `#` comments left
    /// out) into the same number of cells, more than one, most consistently; ties go to the
    /// order of `allCases`. `nil` when no delimiter splits most rows: a one-column list.
    static func detected(in text: String) -> CSVDelimiter? {
        var sample: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let trimmed = line.drop(while: { $0 == " " })
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            // A `tel:` URI's parameters (`;ext=12`) are part of its cell, not delimiters.
            sample.append(
                line.contains("tel:")
                    ? Substring(
                        line.replacingOccurrences(
                            of: #";[A-Za-z][A-Za-z0-9-]*=[^;,\t]*"#, with: "", options: .regularExpression)) : line)
            if sample.count == 50 { break }
        }
        guard !sample.isEmpty else { return nil }
        let sampleText = sample.joined(separator: "\n")
        var best: (delimiter: CSVDelimiter, share: Double)?
        for delimiter in allCases {
            let counts = CSVRecord.all(in: sampleText, delimiter: delimiter, splitting: true).map(\.cells.count)
            let frequencies = Dictionary(counts.map { ($0, 1) }, uniquingKeysWith: +)
            guard let (modal, times) = frequencies.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }), modal > 1 else { continue }
            let share = Double(times) / Double(counts.count)
            if share >= 0.5, share > (best?.share ?? 0) { best = (delimiter, share) }
        }
        return best?.delimiter
    }
}

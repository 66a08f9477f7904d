import CSV
import Foundation
import Onboarding

/// One record of a CSV file, with the lines it was written on.
struct CSVRecord: Equatable {
    /// 1-based: the line the record starts on.
    var lineNumber: Int
    var cells: [String]

    /// The last line the record runs to (a quoted cell may hold line breaks).
    var lastLineNumber: Int { lineNumber + cells.reduce(0) { $0 + $1.count(of: "\n") } }

    var isBlank: Bool { cells.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
    var isComment: Bool { cells.first?.trimmingCharacters(in: .whitespaces).hasPrefix("#") ?? false }

    /// A heading: it names a numbers column, or it has letters and no digits at all.
    var isHeading: Bool {
        cells.contains { NumberHeading.names($0) }
            || (!cells.contains { $0.contains(where: \.isNumber) } && cells.contains { $0.contains(where: \.isLetter) })
    }

    /// Every record of `text` (`\n` line ends), read by CSV.swift; with `splitting` false every
    /// line is one cell (a one-column list, where a comma is part of the line).
    static func all(in text: String, delimiter: CSVDelimiter, splitting: Bool) -> [CSVRecord] {
        guard splitting else {
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.last == "" { lines.removeLast() }
            return lines.enumerated().map { CSVRecord(lineNumber: $0.offset + 1, cells: [unquoted($0.element)]) }
        }
        // The file's last line end ends its last record; inside an unclosed quote it is no line.
        let text = text.hasSuffix("\n") ? String(text.dropLast()) : text
        guard let reader = try? CSVReader(string: text, trimFields: true, delimiter: delimiter.scalar) else { return [] }
        var records: [CSVRecord] = []
        var line = 1
        while let cells = reader.next() {
            let record = CSVRecord(lineNumber: line, cells: cells)
            records.append(record)
            line = record.lastLineNumber + 1
        }
        return records
    }
}

/// A one-column line as exporters quote every cell: `"9049610048"` → `9049610048` (`""` → `"`).
private func unquoted(_ line: String) -> String {
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    guard trimmed.count >= 2, trimmed.hasPrefix("\""), trimmed.hasSuffix("\"") else { return line }
    return String(trimmed.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
}

extension String {
    func count(of character: Character) -> Int { reduce(0) { $0 + ($1 == character ? 1 : 0) } }
}

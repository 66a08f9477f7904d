import CSV
import Foundation
import Onboarding

/// A numbers file read as a CSV library reads it (yaslab/CSV.swift: quoted cells with commas
/// and line breaks, CRLF, LF and bare CR line ends), its delimiter detected, its heading
/// recognised and the column that holds the numbers chosen: the column a known heading names
/// (`NumberHeading`), else the column where most rows are numbers. A file of one column is a
/// plain list, one number a line. Lines are counted as the file's editor counts them.
public struct NumberFile: Equatable, Sendable {
    /// `nil` when every row is one cell.
    public var delimiter: CSVDelimiter?
    /// The first row, when it is a heading: its line and cells.
    public struct Heading: Equatable, Sendable {
        public var line: Int
        public var cells: [String]
    }

    /// The heading row, when the first row is one.
    public var heading: Heading?
    /// The numbers column, when the file has more than one column.
    public var column: NumberColumn?

    /// `column 3 (Work) also holds numbers; only column 2 (Phone) is read`, when another column does.
    public var otherColumnsNote: String? {
        guard let column, !otherNumberColumns.isEmpty else { return nil }
        let others = otherNumberColumns.map(\.description).joined(separator: ", ")
        return
            "\(others) also hold\(otherNumberColumns.count == 1 ? "s" : "") numbers; only \(column) is read (put every number in one column to add them all)"
    }
    /// `3, 10, 12, 14, 20 and 4 more`: the first five line numbers, the rest counted.
    public static func lineList(_ lines: [NumberListParser.Line]) -> String {
        lines.prefix(5).map { String($0.lineNumber) }.joined(separator: ", ") + (lines.count > 5 ? " and \(lines.count - 5) more" : "")
    }

    /// Every number, duplicate and refusal, with its line (and column).
    public var lines: [NumberListParser.Line]
    /// Other columns where most rows are numbers too (`Phone,Phone`, `Mobile,Work`): only
    /// `column` is read, so the person is told.
    public var otherNumberColumns: [NumberColumn] = []

    /// The largest numbers file read: a list of 100,000 numbers with a few columns is a few MB;
    /// far more is not a list of numbers, and is refused before it is read.
    public static let maximumBytes = 64 * 1_048_576

    /// Reads the bytes of a file: `NumberFileText.decode`, then `read(text)`.
    public static func read(_ data: Data) -> Result<NumberFile, NumberFileText.Problem> {
        NumberFileText.decode(data).map(read)
    }

    /// Reads text with `\n` line ends (as `NumberFileText.decode` gives it).
    public static func read(_ text: String) -> NumberFile {
        let delimiter = CSVDelimiter.detected(in: text)
        let records = CSVRecord.all(in: text, delimiter: delimiter ?? .comma, splitting: delimiter != nil)
        let data = records.filter { !$0.isBlank && !$0.isComment }
        let first = data.first
        let headingRow = first.flatMap { $0.isHeading ? $0 : nil }
        let rows = headingRow == nil ? data : Array(data.dropFirst())
        let width = data.map(\.cells.count).max() ?? 1
        let valid = NumberColumnChoice.validCounts(rows: rows.map(\.cells), width: width)
        let chosen = NumberColumnChoice.index(rows: rows.map(\.cells), width: width, heading: headingRow?.cells, valid: valid)
        let column = width > 1 ? NumberColumn(index: chosen + 1, heading: headingRow?.cells[safe: chosen]) : nil
        // A quote never closed (an odd count of `"` in the file) swallows the rest of the file
        // into the cell it opens, in whichever column: the last record, with a line break.
        let quotes = delimiter == nil ? 0 : text.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\"") ? 1 : 0) }
        let unclosed = quotes % 2 == 1 ? rows.last.flatMap { $0.cells.contains { $0.contains("\n") } ? $0.lineNumber : nil } : nil
        let entries = rows.map { record -> NumberListParser.Entry in
            var cell = record.cells[safe: chosen] ?? ""
            var cellColumn = chosen
            let reading: NumberListParser.Reading
            if record.lineNumber == unclosed {
                // Named where the quote opens, whichever column that is.
                reading = .invalid(.unclosedQuote(lastLine: record.lastLineNumber))
                if let opened = record.cells.firstIndex(where: { $0.contains("\n") }) {
                    (cell, cellColumn) = (record.cells[opened], opened)
                }
            } else if cell.contains("\n") {
                // A closed quoted cell holding line breaks where the number should be.
                reading = .invalid(.unexpectedCharacter("U+000A"))
            } else if cell.trimmingCharacters(in: .whitespaces).isEmpty {
                // Something else is on the row, but not a number where the numbers are.
                reading = .invalid(.empty)
            } else {
                reading = NumberListParser.reading(ofCell: cell)
            }
            let shown = cell.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? cell
            // The line the number's cell starts on: after the line breaks of the cells before it.
            let line = record.lineNumber + record.cells.prefix(cellColumn).reduce(0) { $0 + $1.count(of: "\n") }
            let named = cellColumn == chosen ? column : NumberColumn(index: cellColumn + 1, heading: headingRow?.cells[safe: cellColumn])
            return .init(lineNumber: line, column: named, text: shown.trimmingCharacters(in: .whitespaces), reading: reading)
        }
        let others = NumberColumnChoice.othersWithNumbers(rowCount: rows.count, chosen: chosen, valid: width > 1 ? valid : []).map {
            NumberColumn(index: $0 + 1, heading: headingRow?.cells[safe: $0])
        }
        return NumberFile(
            delimiter: delimiter, heading: headingRow.map { Heading(line: $0.lineNumber, cells: $0.cells) }, column: column,
            lines: NumberListParser.mark(entries), otherNumberColumns: others)
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

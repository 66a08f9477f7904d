import Foundation

/// Reads a pasted list or a CSV/text file of numbers, one verdict per line, so a person sees
/// exactly which line is wrong and why while the rest stays usable.
public enum NumberListParser {
    public struct Line: Equatable, Sendable {
        public enum Verdict: Equatable, Sendable {
            case number(USPhoneNumber)
            case duplicate(of: USPhoneNumber, firstLine: Int)
            case invalid(USPhoneNumber.Problem)
        }

        /// 1-based, as editors count (a CSV record that spans lines: its first line).
        public var lineNumber: Int
        /// The CSV column the number was read from, when the file has more than one column.
        public var column: NumberColumn?
        /// The text the number was read from (the line, or the cell of `column`), trimmed.
        public var text: String
        public var verdict: Verdict

        public init(lineNumber: Int, column: NumberColumn? = nil, text: String, verdict: Verdict) {
            self.lineNumber = lineNumber
            self.column = column
            self.text = text
            self.verdict = verdict
        }

        /// Where the number was written: `line 4` or `line 4, column 2 (Phone)`.
        public var place: String {
            column.map { "line \(lineNumber), \($0)" } ?? "line \(lineNumber)"
        }
    }

    /// What one line (or cell) holds, before duplicates are looked for.
    public enum Reading: Equatable, Sendable {
        /// Blank, a comment, or a heading.
        case skipped
        case number(USPhoneNumber)
        case invalid(USPhoneNumber.Problem)
    }

    /// One entry to mark for duplicates: where it was written and what it reads as.
    public struct Entry: Equatable, Sendable {
        public var lineNumber: Int
        public var column: NumberColumn?
        public var text: String
        public var reading: Reading

        public init(lineNumber: Int, column: NumberColumn? = nil, text: String, reading: Reading) {
            self.lineNumber = lineNumber
            self.column = column
            self.text = text
            self.reading = reading
        }
    }

    /// One pasted or typed line (untrimmed) read alone: the same line always reads the same, so a
    /// caller may keep readings between parses (`NumberLineMemo` does, for a growing paste).
    /// A line of several cells (a row pasted from a spreadsheet) is read from its one cell that
    /// is a number, else its first cell with digits; a line with several numbers is refused
    /// (`severalNumbers`), none taken silently; a heading line (`Phone`, `Name<TAB>Caller ID`)
    /// is skipped.
    public static func reading(of rawLine: String) -> Reading {
        let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !line.isEmpty, !line.hasPrefix("#") else { return .skipped }
        // A `tel:` URI is read whole: its `;ext=` is an extension, not another cell.
        if line.lowercased().hasPrefix("tel:") { return reading(ofCell: line) }
        let cells = line.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\t" })
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \"")) }
        if cells.contains(where: { NumberHeading.names($0) }) { return .skipped }
        guard cells.count > 1 else {
            return line.contains(where: \.isNumber) || line.contains(where: \.isLetter) ? reading(ofCell: line) : .skipped
        }
        let withDigits = cells.filter { $0.contains(where: \.isNumber) }
        guard let first = withDigits.first else { return .skipped }
        let numbers = withDigits.map(reading(ofCell:)).filter { if case .number = $0 { true } else { false } }
        // Two numbers on one line (`904.961.0048, 716 733 6520`): neither is taken silently.
        if numbers.count > 1 { return .invalid(.severalNumbers(numbers.count)) }
        return numbers.first ?? reading(ofCell: first)
    }

    /// One CSV cell read as a number, as it is (no splitting on delimiters); blank is skipped.
    public static func reading(ofCell cell: String) -> Reading {
        let trimmed = cell.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return .skipped }
        do { return .number(try USPhoneNumber(trimmed)) } catch { return .invalid(error) }
    }

    public static func parse(_ text: String) -> [Line] {
        parse(lines: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    }

    /// `lines` read one by one with `reading` (by default afresh), then duplicates marked.
    public static func parse(lines: [String], reading: (String) -> Reading = reading(of:)) -> [Line] {
        mark(
            lines.enumerated().map { index, rawLine in
                Entry(lineNumber: index + 1, text: rawLine.trimmingCharacters(in: .whitespacesAndNewlines), reading: reading(rawLine))
            })
    }

    /// Entries with their verdicts: skipped ones dropped, a number written again marked as a
    /// duplicate of the line that first wrote it.
    public static func mark(_ entries: [Entry]) -> [Line] {
        var firstSeen: [USPhoneNumber: Int] = [:]
        var parsed: [Line] = []
        for entry in entries {
            let verdict: Line.Verdict
            switch entry.reading {
            case .skipped: continue
            case .invalid(let problem): verdict = .invalid(problem)
            case .number(let number):
                if let first = firstSeen[number] {
                    verdict = .duplicate(of: number, firstLine: first)
                } else {
                    firstSeen[number] = entry.lineNumber
                    verdict = .number(number)
                }
            }
            parsed.append(Line(lineNumber: entry.lineNumber, column: entry.column, text: entry.text, verdict: verdict))
        }
        return parsed
    }

    /// The distinct valid numbers, in the order first written.
    public static func numbers(in lines: [Line]) -> [USPhoneNumber] {
        lines.compactMap { if case .number(let number) = $0.verdict { number } else { nil } }
    }
}

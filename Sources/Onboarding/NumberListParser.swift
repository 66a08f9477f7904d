/// Reads a pasted list or a CSV/text file of numbers, one verdict per line, so a person sees
/// exactly which line is wrong and why while the rest stays usable.
public enum NumberListParser {
    public struct Line: Equatable, Sendable {
        public enum Verdict: Equatable, Sendable {
            case number(USPhoneNumber)
            case duplicate(of: USPhoneNumber, firstLine: Int)
            case invalid(USPhoneNumber.Problem)
        }

        /// 1-based, as editors count.
        public var lineNumber: Int
        public var text: String
        public var verdict: Verdict
    }

    /// What one line holds, before duplicates are looked for.
    public enum Reading: Equatable, Sendable {
        /// Blank, a comment, or a heading without digits.
        case skipped
        case number(USPhoneNumber)
        case invalid(USPhoneNumber.Problem)
    }

    /// One line (untrimmed) read alone: the same line always reads the same, so a caller may
    /// keep readings between parses (`NumberLineMemo` does, for a growing paste).
    public static func reading(of rawLine: String) -> Reading {
        let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let field = candidate(in: line) else { return .skipped }
        do { return .number(try USPhoneNumber(field)) } catch { return .invalid(error) }
    }

    public static func parse(_ text: String) -> [Line] {
        parse(lines: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    }

    /// `lines` read one by one with `reading` (by default afresh), then duplicates marked.
    public static func parse(lines: [String], reading: (String) -> Reading = reading(of:)) -> [Line] {
        var firstSeen: [USPhoneNumber: Int] = [:]
        var parsed: [Line] = []
        for (index, rawLine) in lines.enumerated() {
            let verdict: Line.Verdict
            switch reading(rawLine) {
            case .skipped: continue
            case .invalid(let problem): verdict = .invalid(problem)
            case .number(let number):
                if let first = firstSeen[number] {
                    verdict = .duplicate(of: number, firstLine: first)
                } else {
                    firstSeen[number] = index + 1
                    verdict = .number(number)
                }
            }
            parsed.append(Line(lineNumber: index + 1, text: rawLine.trimmingCharacters(in: .whitespacesAndNewlines), verdict: verdict))
        }
        return parsed
    }

    /// The distinct valid numbers, in the order first written.
    public static func numbers(in lines: [Line]) -> [USPhoneNumber] {
        lines.compactMap { if case .number(let number) = $0.verdict { number } else { nil } }
    }

    /// The field of a line that holds the number: the whole line, or in a CSV row the first
    /// column with digits. Blank lines, comments and header rows without digits are skipped.
    static func candidate(in line: String) -> String? {
        guard !line.isEmpty, !line.hasPrefix("#") else { return nil }
        let columns = line.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\t" })
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \"'")) }
        if columns.count > 1 {
            return columns.first { $0.contains(where: \.isNumber) }
        }
        return line.contains(where: \.isNumber) || line.contains(where: \.isLetter) ? line : nil
    }
}

import Foundation

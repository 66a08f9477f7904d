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

    public static func parse(_ text: String) -> [Line] {
        var firstSeen: [USPhoneNumber: Int] = [:]
        var lines: [Line] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let field = candidate(in: line) else { continue }
            let verdict: Line.Verdict
            do {
                let number = try USPhoneNumber(field)
                if let first = firstSeen[number] {
                    verdict = .duplicate(of: number, firstLine: first)
                } else {
                    firstSeen[number] = index + 1
                    verdict = .number(number)
                }
            } catch {
                verdict = .invalid(error)
            }
            lines.append(Line(lineNumber: index + 1, text: line, verdict: verdict))
        }
        return lines
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

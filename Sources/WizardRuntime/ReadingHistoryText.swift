import Foundation
import Onboarding

/// A number's readings for the wizard's history box (H at step 9), about 60 columns wide: how
/// many and what they cost, each score as a sparkline with its first and latest value, the risk
/// and category changes with their dates, then each reading, newest first.
public enum ReadingHistoryText {
    static let sparklineWidth = 28

    public static func lines(_ history: NumberHistory) -> [String] {
        guard let first = history.entries.first, let last = history.entries.last else {
            return ["Readings: none kept yet (the first read, or `watch` after Telnyx's first check, keeps one)."]
        }
        let count = history.entries.count
        let span = count == 1 ? ReportTime.stamp(first.at) : "\(ReportTime.stamp(first.at)) to \(ReportTime.stamp(last.at))"
        var lines = ["Readings: \(count) kept, \(span), \(history.totalCost) (one live check each)"]
        if let note = history.uncountedChecksNote { lines.append("(\(note))") }
        for (name, values) in history.scores {
            let label = name.replacingOccurrences(of: "_score", with: "").padding(toLength: 11, withPad: " ", startingAt: 0)
            let line = Sparkline.line(values, width: sparklineWidth).padding(toLength: sparklineWidth, withPad: " ", startingAt: 0)
            let ends = "\(values.first.flatMap { $0 }.map(String.init) ?? "—") → \(values.last.flatMap { $0 }.map(String.init) ?? "—")"
            lines.append("  \(label) \(line)  \(ends)")
        }
        let changes = history.entries.filter { $0.riskChange != nil || $0.categoryChange != nil }
        if !changes.isEmpty {
            lines.append("Changes:")
            for entry in changes.reversed() {
                let what = [entry.riskChange.map { "risk \($0)" }, entry.categoryChange.map { "category \(RemoteText.sanitized($0))" }]
                lines.append("  \(ReportTime.stamp(entry.at))  \(what.compactMap { $0 }.joined(separator: ", "))")
            }
        }
        lines.append("Each reading, newest first:           Mat Con Eng Sen  Cost")
        for entry in history.entries.reversed() {
            let reading = entry.reading
            let when = String(ReportTime.stamp(entry.at).dropLast(4))  // the UTC is said above
            let risk = (reading.hasData ? reading.spamRisk ?? "—" : "no data").padding(toLength: 8, withPad: " ", startingAt: 0)
            let category = RemoteText.sanitized(String((reading.category ?? "—").prefix(9))).padding(
                toLength: 9, withPad: " ", startingAt: 0)
            let scores = [reading.maturity, reading.connection, reading.engagement, reading.sentiment].map { value in
                let text = value.map(String.init) ?? "—"
                return String(repeating: " ", count: max(0, 3 - text.count)) + text
            }
            lines.append("  \(when)  \(risk)\(category)\(scores.joined(separator: " "))  \(entry.cost)")
        }
        return lines
    }
}

import Foundation

/// Times as support staff read them: the moment in UTC and how long ago ("2026-11-29 22:02 UTC,
/// 3 days ago"), and spans ("3 days", "5 h 10 min").
public enum ReportTime {
    /// `date` as `yyyy-MM-dd HH:mm UTC`, then how long before `now` it was, or, for a date to
    /// come (a deadline), how long until it: `in 3 days`.
    public static func said(_ date: Date, now: Date) -> String {
        let seconds = now.timeIntervalSince(date)
        let relative =
            seconds <= -60 ? "in \(span(from: now, to: date))" : seconds < 60 ? "just now" : "\(span(from: date, to: now)) ago"
        return "\(stamp(date)), \(relative)"
    }

    /// `yyyy-MM-dd HH:mm UTC`.
    public static func stamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: date)
    }

    /// How long from `start` to `end`, in the largest two units that matter (never negative).
    public static func span(from start: Date, to end: Date) -> String {
        let total = max(0, Int(end.timeIntervalSince(start)))
        let days = total / 86_400
        let hours = total % 86_400 / 3_600
        let minutes = total % 3_600 / 60
        if days > 0 { return "\(days) day\(days == 1 ? "" : "s")\(hours > 0 ? " \(hours) h" : "")" }
        if hours > 0 { return "\(hours) h\(minutes > 0 ? " \(minutes) min" : "")" }
        if minutes > 0 { return "\(minutes) min" }
        return "\(total) s"
    }
}

import Foundation

/// When Telnyx's scheduled checks run for a `check_frequency`: at 06:00 UTC on the days the
/// frequency names. Telnyx does not publish the hour or the weekday (inferred, README): the
/// simulator picks 06:00 UTC, Monday for `weekly`, every other Monday (even weeks since 1970)
/// for `biweekly` and the first of the month for `monthly`; `business_daily` is Monday to Friday.
enum CheckSchedule {
    static let hourUTC = 6

    /// The check times after `start` and at or before `end`, oldest first; none for `never` or a
    /// frequency the simulator does not know.
    static func times(frequency: String, after start: Date, through end: Date) -> [Date] {
        guard end > start, frequency != "never" else { return [] }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var day = calendar.startOfDay(for: start)
        var times: [Date] = []
        while day <= end {
            let at = day.addingTimeInterval(TimeInterval(hourUTC * 3600))
            if at > start, at <= end, runs(frequency: frequency, on: day, calendar: calendar) { times.append(at) }
            day = day.addingTimeInterval(24 * 3600)
        }
        return times
    }

    private static func runs(frequency: String, on day: Date, calendar: Calendar) -> Bool {
        let weekday = calendar.component(.weekday, from: day)  // 1 is Sunday
        switch frequency {
        case "daily": return true
        case "business_daily": return (2...6).contains(weekday)
        case "weekly": return weekday == 2
        case "biweekly": return weekday == 2 && Int(day.timeIntervalSince1970 / (7 * 24 * 3600)) % 2 == 0
        case "monthly": return calendar.component(.day, from: day) == 1
        default: return false
        }
    }
}

extension WorldState {
    /// Runs every scheduled check due since the last settle: each number of an approved
    /// enterprise that was monitored before a check time is looked up then and billed one
    /// refresh marked `scheduled` (api-notes: each scheduled refresh is billed per number).
    mutating func runScheduledChecks(now: Date, seed: UInt64, pricePerNumber: Double) {
        for enterpriseId in enterpriseOrder {
            guard let record = settings[enterpriseId] else { continue }
            let from = additions.scheduledChecksThrough?[enterpriseId] ?? record.reputation.createdAt ?? now
            guard from < now else { continue }
            if additions.scheduledChecksThrough == nil { additions.scheduledChecksThrough = [:] }
            additions.scheduledChecksThrough?[enterpriseId] = now
            guard record.reputation.status?.is(.approved) == true, let frequency = record.reputation.checkFrequency?.rawValue,
                let monitored = numbersByEnterprise[enterpriseId], !monitored.isEmpty
            else { continue }
            for at in CheckSchedule.times(frequency: frequency, after: from, through: now) {
                for phoneNumber in monitored where (numbers[phoneNumber]?.record.createdAt ?? at) < at {
                    lookUp(phoneNumber, seed: seed, now: at)
                    bill(.refresh, enterpriseId: enterpriseId, phoneNumber: phoneNumber, amount: pricePerNumber, at: at, scheduled: true)
                }
            }
        }
    }
}

import Foundation

/// What changed between two looks at an onboarding's numbers (pure: `watch` reads, this
/// compares).
public enum WatchComparison {
    /// The default `--score-drop`: a fall of this many points or more in one score is reported.
    public static let defaultScoreDrop = 15

    /// The changes from `previous` (each number's reading at the last watch; absent: never
    /// read) to `current` (every number listed now), ordered by number, then kind.
    /// - Parameters:
    ///   - previousOwnership: each number's `ownership_status` at the last watch, where it was not
    ///     `verified` (a flag is a change once, then standing).
    ///   - removalReasons: Telnyx's `removal_reason` of numbers no longer listed, when known.
    ///   - scoreDrop: the fall (1 to 100 points) in one score that is reported.
    ///   - dateText: how a deadline is written (ISO 8601 for scripts, or for people).
    ///   - now: the time of the look, to say a deadline already passed; nil does not say it.
    public static func changes(
        previous: [String: NumberReading], current: [WatchedNumber], previousOwnership: [String: String] = [:],
        removalReasons: [String: String] = [:],
        scoreDrop: Int = defaultScoreDrop, dateText: (Date) -> String, now: Date? = nil
    ) -> [ReadingChange] {
        var changes: [ReadingChange] = []
        var listed = Set<String>()
        for number in current {
            let phoneNumber = number.reading.phoneNumber
            listed.insert(phoneNumber)
            changes += readingChanges(phoneNumber, from: previous[phoneNumber], to: number.reading, scoreDrop: scoreDrop)
            changes += ownershipChanges(number, was: previousOwnership[phoneNumber], dateText: dateText, now: now)
        }
        for (phoneNumber, _) in previous where !listed.contains(phoneNumber) {
            let reason = removalReasons[phoneNumber]
            // The customer's own removal is a change; Telnyx's (ported away, unconfirmed) needs a look.
            let severity: ReadingChange.Severity = reason == nil || reason == "customer_removed" ? .change : .attention
            changes.append(ReadingChange(phoneNumber: phoneNumber, kind: .removed, detail: reason, severity: severity))
        }
        let order = Dictionary(uniqueKeysWithValues: ReadingChange.Kind.allCases.enumerated().map { ($1, $0) })
        return changes.sorted { ($0.phoneNumber, order[$0.kind]!) < ($1.phoneNumber, order[$1.kind]!) }
    }

    static let riskLevels = ["low", "medium", "high"]

    static func readingChanges(_ phoneNumber: String, from old: NumberReading?, to new: NumberReading, scoreDrop: Int) -> [ReadingChange] {
        guard new.hasData else {
            return [ReadingChange(phoneNumber: phoneNumber, kind: .stillWithoutData, severity: .info)]
        }
        guard let old, old.hasData else {
            let severity: ReadingChange.Severity = new.spamRisk == "high" ? .attention : .change
            return [
                ReadingChange(
                    phoneNumber: phoneNumber, kind: .dataArrived, to: new.spamRisk ?? "unknown", detail: new.category, severity: severity)
            ]
        }
        var changes: [ReadingChange] = []
        if old.spamRisk != new.spamRisk, let newRisk = new.spamRisk {
            let before = old.spamRisk.flatMap(riskLevels.firstIndex(of:)) ?? -1
            let after = riskLevels.firstIndex(of: newRisk) ?? -1
            // A risk Telnyx may add later is read as a worsening: it needs a look either way.
            let worse = after > before || after < 0
            let severity: ReadingChange.Severity = newRisk == "high" || after < 0 ? .attention : .change
            changes.append(
                ReadingChange(
                    phoneNumber: phoneNumber, kind: worse ? .riskWorse : .riskBetter, from: old.spamRisk ?? "unknown", to: newRisk,
                    detail: new.category, severity: worse ? severity : .change))
        }
        switch (old.category, new.category) {
        case (nil, let appeared?):
            changes.append(ReadingChange(phoneNumber: phoneNumber, kind: .categoryAppeared, to: appeared, severity: .change))
        case (let was?, nil):
            changes.append(ReadingChange(phoneNumber: phoneNumber, kind: .categoryCleared, from: was, severity: .change))
        case (let was?, let now?) where was != now:
            changes.append(ReadingChange(phoneNumber: phoneNumber, kind: .categoryChanged, from: was, to: now, severity: .change))
        default: break
        }
        let scores: [(String, Int?, Int?)] = [
            ("maturity_score", old.maturity, new.maturity), ("connection_score", old.connection, new.connection),
            ("engagement_score", old.engagement, new.engagement), ("sentiment_score", old.sentiment, new.sentiment),
        ]
        for (name, before, after) in scores {
            guard let before, let after, before - after >= scoreDrop else { continue }
            changes.append(
                ReadingChange(
                    phoneNumber: phoneNumber, kind: .scoreDropped, from: "\(before)", to: "\(after)", detail: name, severity: .change))
        }
        return changes
    }

    static func ownershipChanges(_ number: WatchedNumber, was: String?, dateText: (Date) -> String, now: Date?) -> [ReadingChange] {
        switch number.ownershipStatus {
        case "pending_confirmation":
            return [
                ReadingChange(
                    phoneNumber: number.reading.phoneNumber, kind: .ownershipDeadline, to: number.confirmBy.map(dateText) ?? "unknown",
                    detail: number.flagReason, severity: .attention,
                    deadlinePassed: number.confirmBy.flatMap { deadline in now.map { deadline <= $0 } } ?? false)
            ]
        case "flagged":
            return [
                ReadingChange(
                    phoneNumber: number.reading.phoneNumber, kind: .ownershipFlagged, detail: number.flagReason,
                    severity: was == "flagged" ? .info : .change)
            ]
        default:
            return []
        }
    }
}

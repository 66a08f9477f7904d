import Foundation

/// Every reading of one number kept by the wizard and `watch`, oldest first, with what changed
/// at each and what it cost.
public struct NumberHistory: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        /// When Telnyx read it (`last_refreshed_at`), or, for a reading without data, when it
        /// was kept.
        public var at: Date
        public var reading: NumberReading
        /// One live check: every reading with data is a first read, a fresh read, a refresh or a
        /// scheduled check, billed alike (api-notes: $0.10 each at list price).
        public var cost: Money
        /// `low → high` when the risk moved at this reading.
        public var riskChange: String?
        /// `survey → robocall`, `— → survey` or `survey → —` when the category moved.
        public var categoryChange: String?
    }

    public var phoneNumber: String
    public var entries: [Entry]

    /// - Parameters:
    ///   - readings: each kept reading with when it was kept, in the order kept.
    ///   - liveCheck: the price of one live check (the onboarding's price table).
    public init(phoneNumber: String, readings: [(reading: NumberReading, keptAt: Date)], liveCheck: Money) {
        self.phoneNumber = phoneNumber
        var entries: [Entry] = []
        var last: NumberReading?
        for (reading, keptAt) in readings {
            var entry = Entry(at: reading.lastRefreshedAt ?? keptAt, reading: reading, cost: liveCheck)
            if let last, !last.hasData, reading.hasData {
                entry.riskChange = "no data → \(reading.spamRisk ?? "—")"
            } else if let last, last.hasData, reading.hasData {
                if last.spamRisk != reading.spamRisk { entry.riskChange = "\(last.spamRisk ?? "—") → \(reading.spamRisk ?? "—")" }
                if last.category != reading.category {
                    entry.categoryChange = "\(last.category ?? "—") → \(reading.category ?? "—")"
                }
            }
            entries.append(entry)
            last = reading
        }
        self.entries = entries
    }

    /// What the readings cost together.
    public var totalCost: Money { entries.reduce(.zero) { $0 + $1.cost } }

    /// Said beside the total when some reading found no data: Telnyx bills every check of such
    /// a number, and checks that change nothing leave no new reading here to count.
    public var uncountedChecksNote: String? {
        guard entries.contains(where: { !$0.reading.hasData }) else { return nil }
        return "checks that found no data are billed too and leave no reading here, so Telnyx may have billed more"
    }

    /// Each score over time (0 to 100; nil where a reading lacks it), oldest first, named as
    /// Telnyx names them.
    public var scores: [(name: String, values: [Int?])] {
        [
            ("maturity_score", entries.map(\.reading.maturity)), ("connection_score", entries.map(\.reading.connection)),
            ("engagement_score", entries.map(\.reading.engagement)), ("sentiment_score", entries.map(\.reading.sentiment)),
        ]
    }
}

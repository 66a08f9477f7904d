import Foundation

extension OnboardingStore {
    /// What became of each number given to add: `monitored`, or `set_aside` with its reason.
    /// One row a number, in its own table: a list of a million numbers set aside never rides in
    /// the onboarding's state, which is rewritten on every save.
    public func recordNumberOutcomes(
        _ onboardingId: String, monitored: [String] = [], setAside: [String: String] = [:], at now: Date = Date()
    ) throws(StoreError) {
        guard !monitored.isEmpty || !setAside.isEmpty else { return }
        try write { db in
            let upsert = """
                INSERT INTO numberOutcome (onboardingId, phoneNumber, outcome, reason, at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (onboardingId, phoneNumber) DO UPDATE SET outcome = excluded.outcome, reason = excluded.reason, at = excluded.at
                """
            for number in monitored { try db.execute(sql: upsert, arguments: [onboardingId, number, "monitored", String?.none, now]) }
            for (number, reason) in setAside { try db.execute(sql: upsert, arguments: [onboardingId, number, "set_aside", reason, now]) }
        }
    }

    /// The numbers set aside when last given, with why, in number order.
    public func setAsideNumbers(_ onboardingId: String) throws(StoreError) -> [(phoneNumber: String, reason: String)] {
        try read { db in
            try db.rows(
                sql: "SELECT phoneNumber, reason FROM numberOutcome WHERE onboardingId = ? AND outcome = 'set_aside' ORDER BY phoneNumber",
                arguments: [onboardingId]
            ).map { (try $0.text("phoneNumber"), $0.optionalText("reason") ?? "") }
        }
    }

    /// The numbers set aside for `reason` (as recorded), in number order.
    public func setAsideNumbers(_ onboardingId: String, reason: String) throws(StoreError) -> [String] {
        try read { db in
            try db.rows(
                sql:
                    "SELECT phoneNumber FROM numberOutcome WHERE onboardingId = ? AND outcome = 'set_aside' AND reason = ? ORDER BY phoneNumber",
                arguments: [onboardingId, reason]
            ).map { try $0.text("phoneNumber") }
        }
    }

    /// How many numbers each onboarding has set aside (those with none left out), in one query.
    public func setAsideCounts() throws(StoreError) -> [String: Int] {
        try read { db in
            var counts: [String: Int] = [:]
            for row in try db.rows(
                sql: "SELECT onboardingId, COUNT(*) AS count FROM numberOutcome WHERE outcome = 'set_aside' GROUP BY onboardingId",
                arguments: [])
            {
                counts[try row.text("onboardingId")] = Int(row.optionalInteger("count") ?? 0)
            }
            return counts
        }
    }

    /// How many numbers are set aside.
    public func setAsideCount(_ onboardingId: String) throws(StoreError) -> Int {
        try read { db in
            Int(
                try db.row(
                    sql: "SELECT COUNT(*) AS count FROM numberOutcome WHERE onboardingId = ? AND outcome = 'set_aside'",
                    arguments: [onboardingId])?.optionalInteger("count") ?? 0)
        }
    }
}

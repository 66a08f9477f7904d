import Foundation
import GRDB

extension OnboardingStore {
    /// What became of each number given to add: `monitored`, or `set_aside` with its reason.
    /// One row a number, in its own table: a list of a million numbers set aside never rides in
    /// the onboarding's state, which is rewritten on every save.
    public func recordNumberOutcomes(
        _ onboardingId: String, monitored: [String] = [], setAside: [String: String] = [:], at now: Date = Date()
    ) throws(StoreError) {
        guard !monitored.isEmpty || !setAside.isEmpty else { return }
        try write { db in
            let statement = try db.makeStatement(
                sql: "INSERT OR REPLACE INTO numberOutcome (onboardingId, phoneNumber, outcome, reason, at) VALUES (?, ?, ?, ?, ?)")
            for number in monitored { try statement.execute(arguments: [onboardingId, number, "monitored", nil, now]) }
            for (number, reason) in setAside { try statement.execute(arguments: [onboardingId, number, "set_aside", reason, now]) }
        }
    }

    /// The numbers set aside when last given, with why, in number order.
    public func setAsideNumbers(_ onboardingId: String) throws(StoreError) -> [(phoneNumber: String, reason: String)] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT phoneNumber, reason FROM numberOutcome WHERE onboardingId = ? AND outcome = 'set_aside' ORDER BY phoneNumber",
                arguments: [onboardingId]
            ).map { ($0["phoneNumber"], $0["reason"] ?? "") }
        }
    }

    /// The numbers set aside for `reason` (as recorded), in number order.
    public func setAsideNumbers(_ onboardingId: String, reason: String) throws(StoreError) -> [String] {
        try read { db in
            try String.fetchAll(
                db,
                sql:
                    "SELECT phoneNumber FROM numberOutcome WHERE onboardingId = ? AND outcome = 'set_aside' AND reason = ? ORDER BY phoneNumber",
                arguments: [onboardingId, reason])
        }
    }

    /// How many numbers are set aside.
    public func setAsideCount(_ onboardingId: String) throws(StoreError) -> Int {
        try read { db in
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM numberOutcome WHERE onboardingId = ? AND outcome = 'set_aside'", arguments: [onboardingId])
                ?? 0
        }
    }
}

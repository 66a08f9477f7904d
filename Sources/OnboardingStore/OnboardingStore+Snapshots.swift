import Foundation
import GRDB

/// One reading of a number's reputation, kept for its history.
public struct ReputationSnapshot: Sendable, Equatable {
    public var phoneNumber: String
    /// The `reputation_data` object as Telnyx sent it (JSON).
    public var data: String
    public var at: Date

    public init(phoneNumber: String, data: String, at: Date) {
        self.phoneNumber = phoneNumber
        self.data = data
        self.at = at
    }
}

extension OnboardingStore {
    public func recordSnapshots(_ onboardingId: String, _ snapshots: [ReputationSnapshot]) throws(StoreError) {
        try write { db in try Self.insert(snapshots, of: onboardingId, in: db) }
    }

    /// Every reading of a number, oldest first.
    public func history(_ onboardingId: String, phoneNumber: String) throws(StoreError) -> [ReputationSnapshot] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT phoneNumber, data, at FROM reputationSnapshot WHERE onboardingId = ? AND phoneNumber = ? ORDER BY at, id",
                arguments: [onboardingId, phoneNumber]
            ).map { ReputationSnapshot(phoneNumber: $0["phoneNumber"], data: $0["data"], at: $0["at"]) }
        }
    }

    /// Inserts readings and keeps each number's latest in `latestReading` (one statement each,
    /// prepared once).
    static func insert(_ snapshots: [ReputationSnapshot], of onboardingId: String, in db: Database) throws {
        let insert = try db.cachedStatement(sql: "INSERT INTO reputationSnapshot (onboardingId, phoneNumber, data, at) VALUES (?, ?, ?, ?)")
        let latest = try db.cachedStatement(
            sql: "INSERT OR REPLACE INTO latestReading (onboardingId, phoneNumber, snapshotId) VALUES (?, ?, ?)")
        for snapshot in snapshots {
            try insert.execute(arguments: [onboardingId, snapshot.phoneNumber, snapshot.data, snapshot.at])
            try latest.execute(arguments: [onboardingId, snapshot.phoneNumber, db.lastInsertedRowID])
        }
    }

    /// The latest reading of every number read so far, in one query (for tables of thousands).
    public func latestReadings(_ onboardingId: String) throws(StoreError) -> [String: ReputationSnapshot] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT s.phoneNumber, s.data, s.at FROM latestReading l JOIN reputationSnapshot s ON s.id = l.snapshotId
                    WHERE l.onboardingId = ?
                    """,
                arguments: [onboardingId])
            return Self.byNumber(rows)
        }
    }

    /// Rows of `phoneNumber, data, at`, one a number, keyed by number.
    static func byNumber(_ rows: [Row]) -> [String: ReputationSnapshot] {
        var readings: [String: ReputationSnapshot] = [:]
        for row in rows {
            let snapshot = ReputationSnapshot(phoneNumber: row["phoneNumber"], data: row["data"], at: row["at"])
            readings[snapshot.phoneNumber] = snapshot
        }
        return readings
    }
}

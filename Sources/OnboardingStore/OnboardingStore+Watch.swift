import Foundation
import GRDB

/// Where the last `watch` of an onboarding left off.
public struct WatchMark: Sendable, Equatable {
    public var at: Date
    /// The readings it compared against are those kept up to this row of `reputationSnapshot`.
    public var throughSnapshotId: Int64
    /// Each number's `ownership_status` then, for numbers not `verified`.
    public var ownership: [String: String]
}

extension OnboardingStore {
    /// Keeps those of `snapshots` that differ from their number's latest kept reading (the free
    /// list shows the same reading until Telnyx refreshes it; an hourly watch must not keep a
    /// copy each hour). Answers how many were kept.
    @discardableResult
    public func recordNewReadings(_ onboardingId: String, _ snapshots: [ReputationSnapshot]) throws(StoreError) -> Int {
        let latest = try latestReadings(onboardingId)
        let new = snapshots.filter { latest[$0.phoneNumber]?.data != $0.data }
        try recordSnapshots(onboardingId, new)
        return new.count
    }

    /// Who keeps a mark: `watch`, or the wizard's table (what a person last looked at).
    public enum Viewer: String, Sendable {
        case watch
        case table
    }

    /// The last watch (or look, for `.table`) of the onboarding, or nil before the first.
    public func lastWatch(_ onboardingId: String, by viewer: Viewer = .watch) throws(StoreError) -> WatchMark? {
        try read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql:
                        "SELECT at, throughSnapshotId, ownership FROM watchRun WHERE onboardingId = ? AND viewer = ? ORDER BY id DESC LIMIT 1",
                    arguments: [onboardingId, viewer.rawValue])
            else { return nil }
            let ownership = (try? JSONDecoder().decode([String: String].self, from: Data((row["ownership"] as String).utf8))) ?? [:]
            return WatchMark(at: row["at"], throughSnapshotId: row["throughSnapshotId"], ownership: ownership)
        }
    }

    /// Marks a watch (or look) done at `at`: the next one compares against every reading kept so far.
    public func recordWatch(
        _ onboardingId: String, at: Date, ownership: [String: String], by viewer: Viewer = .watch
    ) throws(StoreError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = String(decoding: (try? encoder.encode(ownership)) ?? Data("{}".utf8), as: UTF8.self)
        try write { db in
            // The wizard marks each time the table shows readings; only its last mark is read.
            if viewer == .table {
                try db.execute(
                    sql: "DELETE FROM watchRun WHERE onboardingId = ? AND viewer = ?", arguments: [onboardingId, viewer.rawValue])
            }
            let through = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM reputationSnapshot") ?? 0
            try db.execute(
                sql: "INSERT INTO watchRun (onboardingId, at, throughSnapshotId, ownership, viewer) VALUES (?, ?, ?, ?, ?)",
                arguments: [onboardingId, at, through, text, viewer.rawValue])
        }
    }

    /// The latest reading of every number as of row `throughSnapshotId` (what a watch saw).
    public func readings(_ onboardingId: String, throughSnapshotId: Int64) throws(StoreError) -> [String: ReputationSnapshot] {
        try read { db in
            // One index seek a number (by number and row), not a pass over every reading kept.
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT s.phoneNumber, s.data, s.at FROM latestReading l
                    JOIN reputationSnapshot s ON s.id = (
                        SELECT MAX(id) FROM reputationSnapshot
                        WHERE onboardingId = l.onboardingId AND phoneNumber = l.phoneNumber AND id <= ?)
                    WHERE l.onboardingId = ?
                    """,
                arguments: [throughSnapshotId, onboardingId])
            return Self.byNumber(rows)
        }
    }
}

extension OnboardingStore {
    /// Forgets readings kept before `cutoff`, except each number's latest and the latest the
    /// last watch and the last look at the table compared against (so the next still sees what
    /// changed). Answers how many
    /// were forgotten.
    @discardableResult
    public func forgetReadings(_ onboardingId: String, before cutoff: Date) throws(StoreError) -> Int {
        let through = try lastWatch(onboardingId)?.throughSnapshotId ?? 0
        let looked = try lastWatch(onboardingId, by: .table)?.throughSnapshotId ?? 0
        return try write { db in
            try db.execute(
                sql: """
                    DELETE FROM reputationSnapshot WHERE onboardingId = ? AND at < ?
                      AND id NOT IN (SELECT snapshotId FROM latestReading WHERE onboardingId = ?)
                      AND id NOT IN (SELECT MAX(id) FROM reputationSnapshot WHERE onboardingId = ? AND id <= ? GROUP BY phoneNumber)
                      AND id NOT IN (SELECT MAX(id) FROM reputationSnapshot WHERE onboardingId = ? AND id <= ? GROUP BY phoneNumber)
                    """,
                arguments: [onboardingId, cutoff, onboardingId, onboardingId, through, onboardingId, looked])
            return db.changesCount
        }
    }
}

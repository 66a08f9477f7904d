import Foundation

/// Where the last `watch` of an onboarding left off.
public struct WatchMark: Sendable, Equatable {
    public var at: Date
    /// The readings it compared against are those kept up to this row of `reading`.
    public var throughSnapshotId: Int64
    /// Each number's `ownership_status` then, for numbers not `verified`.
    public var ownership: [String: String]
}

extension OnboardingStore {
    /// Keeps those of `snapshots` that differ from their number's latest kept reading (the free
    /// list shows the same reading until Telnyx refreshes it; an hourly watch must not keep a
    /// copy each hour). Answers how many were kept.
    /// - Parameter latest: each number's latest kept reading, when the caller has just read it
    ///   (a watch whose baseline is the latest); read here otherwise.
    @discardableResult
    public func recordNewReadings(
        _ onboardingId: String, _ snapshots: [ReputationSnapshot], latest: [String: ReputationSnapshot]? = nil
    ) throws(StoreError) -> Int {
        let kept: [String: ReputationSnapshot]
        if let latest { kept = latest } else { kept = try latestReadings(onboardingId) }
        let new = snapshots.filter { snapshot in kept[snapshot.phoneNumber].map { !$0.saysTheSame(as: snapshot) } ?? true }
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
                let row = try db.row(
                    sql:
                        "SELECT at, throughSnapshotId, ownership FROM watchRun WHERE onboardingId = ? AND viewer = ? ORDER BY id DESC LIMIT 1",
                    arguments: [onboardingId, viewer.rawValue])
            else { return nil }
            return try Self.watchMark(row)
        }
    }

    /// Each onboarding's last watch (or look, for `.table`), in one query (for `list`).
    public func lastWatches(by viewer: Viewer = .watch) throws(StoreError) -> [String: WatchMark] {
        try read { db in
            var marks: [String: WatchMark] = [:]
            for row in try db.rows(
                sql: """
                    SELECT w.onboardingId, w.at, w.throughSnapshotId, w.ownership FROM watchRun w
                    WHERE w.viewer = ? AND w.id = (SELECT MAX(id) FROM watchRun WHERE onboardingId = w.onboardingId AND viewer = ?)
                    """,
                arguments: [viewer.rawValue, viewer.rawValue])
            {
                marks[try row.text("onboardingId")] = try Self.watchMark(row)
            }
            return marks
        }
    }

    static func watchMark(_ row: any StoreRow) throws -> WatchMark {
        let ownership = (try? JSONDecoder().decode([String: String].self, from: Data(try row.text("ownership").utf8))) ?? [:]
        return WatchMark(at: try row.date("at"), throughSnapshotId: try row.integer("throughSnapshotId"), ownership: ownership)
    }

    /// Marks a watch (or look) done at `at`: the next one compares against every reading kept
    /// so far, or (`through`, a reading row from `latestReadingRow`) kept up to that row.
    public func recordWatch(
        _ onboardingId: String, at: Date, ownership: [String: String], by viewer: Viewer = .watch, through: Int64? = nil
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
            let through =
                try through ?? db.row(sql: "SELECT COALESCE(MAX(id), 0) AS top FROM reading", arguments: [])?.optionalInteger("top") ?? 0
            try db.execute(
                sql: "INSERT INTO watchRun (onboardingId, at, throughSnapshotId, ownership, viewer) VALUES (?, ?, ?, ?, ?)",
                arguments: [onboardingId, at, through, text, viewer.rawValue])
        }
    }

    /// The row of the latest reading kept for the onboarding (0 before any): a watch mark
    /// through it has seen every reading.
    public func latestReadingRow(_ onboardingId: String) throws(StoreError) -> Int64 {
        try read { db in
            try db.row(
                sql: "SELECT COALESCE(MAX(latestReadingId), 0) AS top FROM readingNumber WHERE onboardingId = ?", arguments: [onboardingId]
            )?.optionalInteger("top") ?? 0
        }
    }

    /// The rows of an onboarding's readings, in order.
    func readingRows(_ onboardingId: String) throws(StoreError) -> [Int64] {
        try read { db in try Self.readingRows(onboardingId, in: db) }
    }

    static func readingRows(_ onboardingId: String, in db: any StoreSQL) throws -> [Int64] {
        try db.rows(
            sql: "SELECT r.id FROM reading r JOIN readingNumber n ON n.key = r.numberKey WHERE n.onboardingId = ? ORDER BY r.id",
            arguments: [onboardingId]
        ).map { try $0.integer("id") }
    }

    /// The latest reading of every number as of row `throughSnapshotId` (what a watch saw).
    public func readings(_ onboardingId: String, throughSnapshotId: Int64) throws(StoreError) -> [String: ReputationSnapshot] {
        try read { db in
            // One index seek a number (by number and row), not a pass over every reading kept.
            let rows = try db.rows(
                sql: """
                    SELECT \(Self.readingColumns) FROM readingNumber n
                    JOIN reading r ON r.id = (SELECT MAX(id) FROM reading WHERE numberKey = n.key AND id <= ?)
                    WHERE n.onboardingId = ?
                    """,
                arguments: [throughSnapshotId, onboardingId])
            return try Self.byNumber(rows)
        }
    }
}

extension OnboardingStore {
    /// Each number's latest reading as of a row (arguments: the onboarding id, the row).
    static let latestThrough = """
        SELECT MAX(r.id) FROM reading r JOIN readingNumber n ON n.key = r.numberKey
        WHERE n.onboardingId = ? AND r.id <= ? GROUP BY r.numberKey
        """

    /// Forgets readings kept before `cutoff`, except each number's latest and the latest the
    /// last watch and the last look at the table compared against (so the next still sees what
    /// changed). Answers how many were forgotten.
    @discardableResult
    public func forgetReadings(_ onboardingId: String, before cutoff: Date) throws(StoreError) -> Int {
        let through = try lastWatch(onboardingId)?.throughSnapshotId ?? 0
        let looked = try lastWatch(onboardingId, by: .table)?.throughSnapshotId ?? 0
        return try write { db in
            try db.execute(
                sql: """
                    DELETE FROM reading WHERE numberKey IN (SELECT key FROM readingNumber WHERE onboardingId = ?) AND at < ?
                      AND id NOT IN (SELECT latestReadingId FROM readingNumber WHERE onboardingId = ?)
                      AND id NOT IN (\(Self.latestThrough))
                      AND id NOT IN (\(Self.latestThrough))
                    """,
                arguments: [onboardingId, Self.milliseconds(cutoff), onboardingId, onboardingId, through, onboardingId, looked])
        }
    }
}

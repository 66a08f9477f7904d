import Foundation
import Onboarding

/// One reading of a number's reputation, kept for its history.
public struct ReputationSnapshot: Sendable, Equatable {
    public var phoneNumber: String
    /// When it was read; kept to the millisecond.
    public var at: Date
    /// The reading as JSON text, or as the store's columns (its JSON is made only when asked).
    private var form: Form

    private enum Form: Sendable {
        case text(String)
        case columns(CompactReading)
    }

    public init(phoneNumber: String, data: String, at: Date) {
        self.phoneNumber = phoneNumber
        self.form = .text(data)
        self.at = at
    }

    /// A reading of Telnyx's `reputation_data` fields kept as columns, without JSON; nil when
    /// they do not fit the columns (a risk level other than `low`/`medium`/`high`, a category
    /// JSON would escape): keep its JSON then, with `init(phoneNumber:data:at:)`.
    /// - Parameter lastRefreshedAt: `last_refreshed_at`.
    public init?(
        phoneNumber: String, at: Date, spamRisk: String?, spamCategory: String?, maturityScore: Int?, connectionScore: Int?,
        engagementScore: Int?, sentimentScore: Int?, lastRefreshedAt: Date?
    ) {
        var risk: Int?
        if let spamRisk {
            guard let index = CompactReading.riskNames.firstIndex(of: spamRisk) else { return nil }
            risk = index + 1
        }
        if let spamCategory, !CompactReading.isPlain(spamCategory) { return nil }
        self.phoneNumber = phoneNumber
        self.at = at
        self.form = .columns(
            CompactReading(
                spamRisk: risk, spamCategory: spamCategory, maturityScore: maturityScore, connectionScore: connectionScore,
                engagementScore: engagementScore, sentimentScore: sentimentScore,
                lastRefreshedAt: lastRefreshedAt?.timeIntervalSinceReferenceDate))
    }

    init(phoneNumber: String, columns: CompactReading, at: Date) {
        self.phoneNumber = phoneNumber
        self.form = .columns(columns)
        self.at = at
    }

    /// The `reputation_data` object as Telnyx sent it (JSON; `null` when Telnyx had no data):
    /// sorted keys, absent ones left out, `last_refreshed_at` in seconds since 2001.
    public var data: String {
        get {
            switch form {
            case .text(let text): text
            case .columns(let columns): columns.json
            }
        }
        set { form = .text(newValue) }
    }

    /// `data` as columns: held so, or text that fits them exactly; nil otherwise.
    var columns: CompactReading? {
        switch form {
        case .text(let text): CompactReading(json: text)
        case .columns(let columns): columns
        }
    }

    /// The reading as the store's columns hold it, without decoding `data`; nil for a reading
    /// kept as JSON text (decode `data` then).
    public var columnReading: NumberReading? {
        guard case .columns(let columns) = form else { return nil }
        return NumberReading(
            phoneNumber: phoneNumber, spamRisk: columns.spamRisk.flatMap(CompactReading.riskName), category: columns.spamCategory,
            maturity: columns.maturityScore, connection: columns.connectionScore, engagement: columns.engagementScore,
            sentiment: columns.sentimentScore,
            lastRefreshedAt: columns.lastRefreshedAt.map { Date(timeIntervalSinceReferenceDate: $0) })
    }

    /// Whether two readings say the same (the time they were read aside).
    public func saysTheSame(as other: ReputationSnapshot) -> Bool {
        if case .columns(let mine) = form, case .columns(let theirs) = other.form { return mine == theirs }
        return data == other.data
    }

    public static func == (left: Self, right: Self) -> Bool {
        left.phoneNumber == right.phoneNumber && left.at == right.at && left.saysTheSame(as: right)
    }
}

extension OnboardingStore {
    public func recordSnapshots(_ onboardingId: String, _ snapshots: [ReputationSnapshot]) throws(StoreError) {
        try write { db in try Self.insert(snapshots, of: onboardingId, in: db) }
    }

    /// Every reading of a number, oldest first.
    public func history(_ onboardingId: String, phoneNumber: String) throws(StoreError) -> [ReputationSnapshot] {
        try read { db in
            try db.rows(
                sql: """
                    SELECT \(Self.readingColumns) FROM readingNumber n JOIN reading r ON r.numberKey = n.key
                    WHERE n.onboardingId = ? AND n.phoneNumber = ? ORDER BY r.at, r.id
                    """,
                arguments: [onboardingId, phoneNumber]
            ).map(Self.snapshot)
        }
    }

    /// Inserts readings, each under its number's key, and keeps each number's latest.
    static func insert(_ snapshots: [ReputationSnapshot], of onboardingId: String, in db: any StoreSQL) throws {
        for snapshot in snapshots {
            let key = try numberKey(onboardingId, snapshot.phoneNumber, in: db)
            try insertReading(snapshot, key: key, in: db)
        }
    }

    /// The key of a number of an onboarding in `readingNumber`, made on first use.
    static func numberKey(_ onboardingId: String, _ phoneNumber: String, in db: any StoreSQL) throws -> Int64 {
        let found = try db.row(
            sql: "SELECT key FROM readingNumber WHERE onboardingId = ? AND phoneNumber = ?", arguments: [onboardingId, phoneNumber])
        if let key = found?.optionalInteger("key") { return key }
        return try db.insert(
            sql: "INSERT INTO readingNumber (onboardingId, phoneNumber) VALUES (?, ?)", arguments: [onboardingId, phoneNumber],
            returning: "key")
    }

    /// One reading as columns (`CompactReading`) or, when they would not give it back, as its
    /// JSON; `id` given only when copying readings that had one.
    static func insertReading(_ snapshot: ReputationSnapshot, key: Int64, in db: any StoreSQL) throws {
        let columns = snapshot.columns
        let id = try db.insert(
            sql: """
                INSERT INTO reading (numberKey, at, spamRisk, spamCategory, maturityScore, connectionScore, engagementScore,
                  sentimentScore, lastRefreshedAt, data)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                key, milliseconds(snapshot.at), columns?.spamRisk, columns?.spamCategory, columns?.maturityScore,
                columns?.connectionScore, columns?.engagementScore, columns?.sentimentScore, columns?.lastRefreshedAt,
                columns == nil ? snapshot.data : nil,
            ], returning: "id")
        try db.execute(sql: "UPDATE readingNumber SET latestReadingId = ? WHERE key = ?", arguments: [id, key])
    }

    /// The latest reading of every number read so far, in one query (for tables of thousands).
    public func latestReadings(_ onboardingId: String) throws(StoreError) -> [String: ReputationSnapshot] {
        try read { db in
            let rows = try db.rows(
                sql: """
                    SELECT \(Self.readingColumns) FROM readingNumber n JOIN reading r ON r.id = n.latestReadingId
                    WHERE n.onboardingId = ?
                    """,
                arguments: [onboardingId])
            return try Self.byNumber(rows)
        }
    }

    /// What a query of readings selects (`n` the number, `r` the reading), for `snapshot(_:)`.
    static let readingColumns = """
        n.phoneNumber, r.at, r.spamRisk, r.spamCategory, r.maturityScore, r.connectionScore, r.engagementScore,
        r.sentimentScore, r.lastRefreshedAt, r.data
        """

    /// A row of `readingColumns` as the reading it keeps.
    static func snapshot(_ row: any StoreRow) throws -> ReputationSnapshot {
        let raw = row.optionalText("data")
        let at = try row.integer("at")
        let phoneNumber = try row.text("phoneNumber")
        guard raw == nil else { return ReputationSnapshot(phoneNumber: phoneNumber, data: raw ?? "", at: date(milliseconds: at)) }
        func score(_ column: String) -> Int? { row.optionalInteger(column).map { Int($0) } }
        let columns = CompactReading(
            spamRisk: score("spamRisk"), spamCategory: row.optionalText("spamCategory"), maturityScore: score("maturityScore"),
            connectionScore: score("connectionScore"), engagementScore: score("engagementScore"), sentimentScore: score("sentimentScore"),
            lastRefreshedAt: row.optionalReal("lastRefreshedAt"))
        return ReputationSnapshot(phoneNumber: phoneNumber, columns: columns, at: date(milliseconds: at))
    }

    /// Rows of `readingColumns`, one a number, keyed by number.
    static func byNumber(_ rows: [any StoreRow]) throws -> [String: ReputationSnapshot] {
        var readings: [String: ReputationSnapshot] = [:]
        readings.reserveCapacity(rows.count)
        for row in rows {
            let snapshot = try snapshot(row)
            readings[snapshot.phoneNumber] = snapshot
        }
        return readings
    }

    /// A reading's time as kept: milliseconds since 1970 (what GRDB's text dates kept too),
    /// clamped to what a column holds (a date out of range, such as a cutoff millions of years
    /// back, must not trap).
    static func milliseconds(_ date: Date) -> Int64 {
        let value = (date.timeIntervalSince1970 * 1000).rounded()
        guard value.isFinite else { return value > 0 ? .max : .min }
        return Int64(exactly: value) ?? (value > 0 ? .max : .min)
    }

    static func date(milliseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }
}

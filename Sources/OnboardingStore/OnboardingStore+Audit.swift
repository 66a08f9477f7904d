import Foundation
import Onboarding

/// One line of the append-only audit log: who did what, when, and what it cost.
public struct AuditEntry: Sendable, Equatable, Codable {
    public var onboardingId: String
    public var at: Date
    public var osUser: String
    public var action: String
    public var billable: Bool
    public var cost: Money?
    public var result: String

    public init(onboardingId: String, at: Date, osUser: String, action: String, billable: Bool, cost: Money?, result: String) {
        self.onboardingId = onboardingId
        self.at = at
        self.osUser = osUser
        self.action = action
        self.billable = billable
        self.cost = cost
        self.result = result
    }

    /// snake_case, as Telnyx's fields and the other `--json` outputs.
    enum CodingKeys: String, CodingKey {
        case at, action, billable, cost, result
        case onboardingId = "onboarding_id"
        case osUser = "os_user"
    }
}

extension OnboardingStore {
    /// The login name of whoever runs this process, for the audit trail.
    public static var osUser: String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "unknown"
    }

    public func appendAudit(
        onboardingId: String, action: String, billable: Bool, cost: Money?, result: String, at now: Date = Date()
    ) throws(StoreError) {
        try write { db in
            try Self.appendAudit(
                onboardingId: onboardingId, action: action, billable: billable, cost: cost, result: result, at: now, in: db)
        }
    }

    /// `appendAudit` inside a transaction that writes something else with it.
    static func appendAudit(
        onboardingId: String, action: String, billable: Bool, cost: Money?, result: String, at now: Date, in db: any StoreSQL
    ) throws {
        try db.execute(
            sql: "INSERT INTO auditLog (onboardingId, at, osUser, action, billable, costCents, result) VALUES (?, ?, ?, ?, ?, ?, ?)",
            arguments: [onboardingId, now, Self.osUser, action, billable, cost?.cents, result])
    }

    /// The audit log of one onboarding, or of all, oldest first.
    public func auditLog(_ onboardingId: String? = nil) throws(StoreError) -> [AuditEntry] {
        try read { db in
            let rows =
                try onboardingId.map {
                    try db.rows(sql: "SELECT * FROM auditLog WHERE onboardingId = ? ORDER BY id", arguments: [$0])
                } ?? db.rows(sql: "SELECT * FROM auditLog ORDER BY id")
            return try rows.map(Self.auditEntry)
        }
    }

    /// Every onboarding's audit log, oldest first, in one query (for `list`).
    public func auditLogsByOnboarding() throws(StoreError) -> [String: [AuditEntry]] {
        Dictionary(grouping: try auditLog(), by: \.onboardingId)
    }

    static func auditEntry(_ row: any StoreRow) throws -> AuditEntry {
        AuditEntry(
            onboardingId: try row.text("onboardingId"), at: try row.date("at"), osUser: try row.text("osUser"),
            action: try row.text("action"), billable: try row.bool("billable"),
            cost: row.optionalInteger("costCents").map { Money(cents: Int($0)) }, result: try row.text("result"))
    }
}

extension OnboardingStore {
    /// What the audit log records billed through onboarding `onboardingId` from `start` up to
    /// (not including) `end`.
    public func billed(_ onboardingId: String, from start: Date, to end: Date) throws(StoreError) -> Money {
        try read { db in
            // A sum of BIGINT is NUMERIC in PostgreSQL: cast back to a whole number.
            let cents =
                try db.row(
                    sql:
                        "SELECT CAST(COALESCE(SUM(costCents), 0) AS BIGINT) AS cents FROM auditLog WHERE onboardingId = ? AND at >= ? AND at < ?",
                    arguments: [onboardingId, start, end])?.optionalInteger("cents") ?? 0
            return Money(cents: Int(cents))
        }
    }
}

import GRDB

/// The database schema, as migrations from the first version on. Never edit a released
/// migration: add a new one.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "onboarding") { table in
                table.primaryKey("id", .text)
                table.column("state", .text).notNull()
                table.column("stateVersion", .integer).notNull()
                table.column("step", .integer).notNull()
                table.column("createdAt", .datetime).notNull()
                table.column("updatedAt", .datetime).notNull()
            }
            try db.create(table: "effectJournal") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("onboardingId", .text).notNull().references("onboarding", onDelete: .cascade)
                table.column("effect", .text).notNull()
                table.column("billable", .boolean).notNull()
                table.column("intentAt", .datetime).notNull()
                table.column("outcome", .text)
                table.column("outcomeAt", .datetime)
            }
            try db.create(index: "effectJournalUnfinished", on: "effectJournal", columns: ["onboardingId", "outcomeAt"])
            try db.create(table: "auditLog") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("onboardingId", .text).notNull().indexed()
                table.column("at", .datetime).notNull()
                table.column("osUser", .text).notNull()
                table.column("action", .text).notNull()
                table.column("billable", .boolean).notNull()
                table.column("costCents", .integer)
                table.column("result", .text).notNull()
            }
            // Append-only: the audit log is evidence.
            try db.execute(
                sql: """
                    CREATE TRIGGER auditLogNoUpdate BEFORE UPDATE ON auditLog BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                    CREATE TRIGGER auditLogNoDelete BEFORE DELETE ON auditLog BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                    """)
            try db.create(table: "formDraft") { table in
                table.column("onboardingId", .text).notNull().references("onboarding", onDelete: .cascade)
                table.column("form", .text).notNull()
                table.column("fields", .text).notNull()
                table.column("updatedAt", .datetime).notNull()
                table.primaryKey(["onboardingId", "form"])
            }
            try db.create(table: "reputationSnapshot") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("onboardingId", .text).notNull().references("onboarding", onDelete: .cascade)
                table.column("phoneNumber", .text).notNull()
                table.column("data", .text).notNull()
                table.column("at", .datetime).notNull()
            }
            try db.create(index: "reputationSnapshotByNumber", on: "reputationSnapshot", columns: ["onboardingId", "phoneNumber", "at"])
            try db.create(table: "onboardingLock") { table in
                table.primaryKey("onboardingId", .text)
                table.column("pid", .integer).notNull()
                table.column("host", .text).notNull()
                table.column("since", .datetime).notNull()
            }
        }
        // An onboarding can be archived: kept, with its audit log, but hidden from `list`.
        migrator.registerMigration("v2-archive") { db in
            try db.alter(table: "onboarding") { table in table.add(column: "archivedAt", .datetime) }
        }
        // A lock names its process by start as well as pid: a pid reused after a reboot (or by
        // another program) is not taken for the holder.
        migrator.registerMigration("v3-lock-process-start") { db in
            try db.alter(table: "onboardingLock") { table in table.add(column: "processStart", .text) }
        }
        // What became of each number given to add, one row a number (never in the state JSON).
        migrator.registerMigration("v4-number-outcome") { db in
            try db.create(table: "numberOutcome") { table in
                table.column("onboardingId", .text).notNull().references("onboarding", onDelete: .cascade)
                table.column("phoneNumber", .text).notNull()
                table.column("outcome", .text).notNull()
                table.column("reason", .text)
                table.column("at", .datetime).notNull()
                table.primaryKey(["onboardingId", "phoneNumber"])
            }
        }
        // `watch` keeps when it last looked, up to which reading, and which numbers were not
        // verified then; a reading is kept only when it differs from the number's last one.
        migrator.registerMigration("v5-watch-run") { db in
            try db.create(table: "watchRun") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("onboardingId", .text).notNull().references("onboarding", onDelete: .cascade)
                table.column("at", .datetime).notNull()
                table.column("throughSnapshotId", .integer).notNull()
                table.column("ownership", .text).notNull()
            }
            try db.create(index: "watchRunByOnboarding", on: "watchRun", columns: ["onboardingId", "id"])
        }
        // The wizard keeps its own mark beside `watch`'s: what changed since a person last
        // looked at the table is not what changed since the last cron run.
        migrator.registerMigration("v6-look-mark") { db in
            try db.alter(table: "watchRun") { table in table.add(column: "viewer", .text).notNull().defaults(to: "watch") }
        }
        // Each number's latest reading, kept on every insert: the table and each `watch` read
        // it without grouping every reading ever kept (4 s at a year of 10,000 numbers); and an
        // index by number and row, so a watch's baseline is one seek a number.
        migrator.registerMigration("v7-latest-reading") { db in
            try db.create(table: "latestReading") { table in
                table.column("onboardingId", .text).notNull().references("onboarding", onDelete: .cascade)
                table.column("phoneNumber", .text).notNull()
                table.column("snapshotId", .integer).notNull()
                table.primaryKey(["onboardingId", "phoneNumber"])
            }
            try db.execute(
                sql: """
                    INSERT INTO latestReading (onboardingId, phoneNumber, snapshotId)
                    SELECT onboardingId, phoneNumber, MAX(id) FROM reputationSnapshot GROUP BY onboardingId, phoneNumber
                    """)
            try db.create(
                index: "reputationSnapshotByNumberAndRow", on: "reputationSnapshot", columns: ["onboardingId", "phoneNumber", "id"])
            try db.drop(index: "reputationSnapshotByNumber")
        }
        // Readings as columns (`CompactReading`) under a small key per number instead of JSON
        // text with the onboarding id and a text date on every row: ~250 bytes a reading
        // became ~50 (a year of business-daily readings of 10,000 numbers: 618 MB → ~130 MB).
        // Row ids are kept, so the watch marks still point at the same readings.
        migrator.registerMigration("v8-compact-readings") { db in
            try db.create(table: "readingNumber") { table in
                table.primaryKey("key", .integer)
                table.column("onboardingId", .text).notNull().references("onboarding", onDelete: .cascade)
                table.column("phoneNumber", .text).notNull()
                table.column("latestReadingId", .integer)
                table.uniqueKey(["onboardingId", "phoneNumber"])
            }
            try db.create(table: "reading") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("numberKey", .integer).notNull().references("readingNumber", onDelete: .cascade)
                table.column("at", .integer).notNull()
                table.column("spamRisk", .integer)
                table.column("spamCategory", .text)
                table.column("maturityScore", .integer)
                table.column("connectionScore", .integer)
                table.column("engagementScore", .integer)
                table.column("sentimentScore", .integer)
                table.column("lastRefreshedAt", .double)
                table.column("data", .text)
            }
            try db.create(index: "readingByNumber", on: "reading", columns: ["numberKey", "id"])
            let rows = try Row.fetchCursor(
                db, sql: "SELECT id, onboardingId, phoneNumber, data, at FROM reputationSnapshot ORDER BY id")
            var keys: [String: [String: Int64]] = [:]
            while let row = try rows.next() {
                let onboardingId: String = row["onboardingId"]
                let phoneNumber: String = row["phoneNumber"]
                let key =
                    try keys[onboardingId]?[phoneNumber] ?? OnboardingStore.numberKey(onboardingId, phoneNumber, in: SQLiteSQL(db: db))
                keys[onboardingId, default: [:]][phoneNumber] = key
                let snapshot = ReputationSnapshot(phoneNumber: phoneNumber, data: row["data"], at: row["at"])
                let columns = snapshot.columns
                let id: Int64 = row["id"]
                try db.execute(
                    sql: """
                        INSERT INTO reading (id, numberKey, at, spamRisk, spamCategory, maturityScore, connectionScore, engagementScore,
                          sentimentScore, lastRefreshedAt, data)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        id, key, OnboardingStore.milliseconds(snapshot.at), columns?.spamRisk, columns?.spamCategory,
                        columns?.maturityScore, columns?.connectionScore, columns?.engagementScore, columns?.sentimentScore,
                        columns?.lastRefreshedAt, columns == nil ? snapshot.data : nil,
                    ])
                try db.execute(sql: "UPDATE readingNumber SET latestReadingId = ? WHERE key = ?", arguments: [id, key])
            }
            // Ids are never reused (a watch mark counts on it), past those deleted too.
            try db.execute(
                sql: """
                    UPDATE sqlite_sequence SET seq = MAX(seq, (SELECT seq FROM sqlite_sequence WHERE name = 'reputationSnapshot'))
                    WHERE name = 'reading'
                    """)
            try db.execute(
                sql: """
                    INSERT INTO sqlite_sequence (name, seq) SELECT 'reading', seq FROM sqlite_sequence
                    WHERE name = 'reputationSnapshot' AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'reading')
                    """)
            try db.drop(table: "latestReading")
            try db.drop(table: "reputationSnapshot")
        }
        // A support desk: a lock names the holder's login (another desk cannot check a pid),
        // and each onboarding can carry who handles it, a hand-off note and a follow-up day
        // (`yyyy-MM-dd`, the desk's calendar day, not a moment).
        migrator.registerMigration("v9-desk") { db in
            try db.alter(table: "onboardingLock") { table in table.add(column: "osUser", .text) }
            try db.alter(table: "onboarding") { table in
                table.add(column: "assignee", .text)
                table.add(column: "handOffNote", .text)
                table.add(column: "followUpOn", .text)
            }
            // A shared store keeps the LOA files too: another desk continues from them.
            try db.create(table: "onboardingFile") { table in
                table.column("onboardingId", .text).notNull().references("onboarding", onDelete: .cascade)
                table.column("role", .text).notNull()
                table.column("name", .text).notNull()
                table.column("contents", .blob).notNull()
                table.column("savedAt", .datetime).notNull()
                table.primaryKey(["onboardingId", "role"])
            }
        }
        return migrator
    }
}

extension OnboardingStore {
    /// The schema's migrations, in order: the shared store (PostgreSQL) applies the same ones
    /// under the same identifiers.
    public static var migrationIdentifiers: [String] { Schema.migrator.migrations }
}

import Foundation
import OnboardingStore
import PostgresNIO
import Testing

@testable import SharedStore

/// The URL of a throwaway PostgreSQL server for these tests (`.ci/run` starts one with
/// `.ci/postgres` and exports it); the tests that need a server are skipped without it.
let testDatabaseURL = ProcessInfo.processInfo.environment["REPUTATION_WIZARD_TEST_DATABASE_URL"]

/// A fresh database of its own on the test server for `body`, dropped after.
func withFreshDatabase(_ body: (SharedDatabase) async throws -> Void) async throws {
    let server = try SharedDatabaseLocation(url: try #require(testDatabaseURL), environment: [:])
    let admin = SharedDatabase(server)
    defer { admin.close() }
    let name = "rw_test_\(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: ""))"
    try await admin.execute(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"))
    var location = server
    location.database = name
    let database = SharedDatabase(location)
    do {
        try await body(database)
    } catch {
        database.close()
        try? await admin.execute(PostgresQuery(unsafeSQL: "DROP DATABASE \(name) WITH (FORCE)"))
        throw error
    }
    database.close()
    try await admin.execute(PostgresQuery(unsafeSQL: "DROP DATABASE \(name) WITH (FORCE)"))
}

@Suite struct SharedDatabaseLocationTests {
    @Test func aURLNamesTheServerAndThePGVariablesFillTheRest() throws {
        let full = try SharedDatabaseLocation(url: "postgres://desk:s3cret@db.example.com:6543/reputation", environment: [:])
        #expect(
            full == SharedDatabaseLocation(host: "db.example.com", port: 6543, user: "desk", password: "s3cret", database: "reputation"))
        #expect(full.usesTLS, "a server off this machine is read over TLS only")
        #expect(full.description == "postgres://desk@db.example.com:6543/reputation", "never the password")
        let filled = try SharedDatabaseLocation(
            url: "postgresql:///",
            environment: ["PGHOST": "127.0.0.1", "PGPORT": "5433", "PGUSER": "ops", "PGDATABASE": "rw", "PGPASSWORD": "pw"])
        #expect(filled == SharedDatabaseLocation(host: "127.0.0.1", port: 5433, user: "ops", password: "pw", database: "rw"))
        #expect(!filled.usesTLS, "loopback needs no TLS")
    }

    @Test(arguments: [
        ("mysql://db/rw", "--database must be a postgres:// URL (it is mysql://); SQLite needs no URL"),
        ("postgres://db.example.com:70000/rw", "--database port 70000 is not a port (1 to 65535)"),
        ("postgres://db.example.com", "--database names no database; end the URL with it, as in postgres://desk@db.example.com/reputation"),
        (
            "postgres://db.example.com/rw?sslmode=disable",
            "--database sslmode=disable would send the desk's data in clear text to db.example.com; leave sslmode out"
        ),
    ])
    func aURLThatCannotNameTheStoreIsRefusedByName(_ url: String, _ refusal: String) {
        #expect(throws: SharedDatabaseLocation.Problem(description: refusal)) { try SharedDatabaseLocation(url: url, environment: [:]) }
    }
}

@Suite struct SharedSchemaTests {
    /// The same migrations, under the same names, as the SQLite store's.
    @Test func theSharedSchemaHasTheSQLiteStoresMigrations() {
        #expect(SharedSchema.migrations.map(\.identifier) == OnboardingStore.migrationIdentifiers)
    }

    @Test(.enabled(if: testDatabaseURL != nil, "needs REPUTATION_WIZARD_TEST_DATABASE_URL (.ci/postgres)"))
    func aNewDatabaseIsMigratedOnceAndANewerOneIsRefusedByName() async throws {
        try await withFreshDatabase { database in
            #expect(try await database.migrate() == OnboardingStore.migrationIdentifiers)
            #expect(try await database.migrate() == [], "a second open changes nothing")
            #expect(try await database.appliedMigrations() == OnboardingStore.migrationIdentifiers)
            try await database.execute("INSERT INTO schema_migrations (identifier) VALUES ('v99-from-the-future')")
            await #expect(
                throws: SharedStoreError.newerVersion(database.location.description, unknownMigrations: ["v99-from-the-future"])
            ) { try await database.migrate() }
        }
    }

    @Test(.enabled(if: testDatabaseURL != nil, "needs REPUTATION_WIZARD_TEST_DATABASE_URL (.ci/postgres)"))
    func theAuditLogIsAppendOnly() async throws {
        try await withFreshDatabase { database in
            try await database.migrate()
            try await database.execute(
                """
                INSERT INTO auditLog (onboardingId, at, osUser, action, billable, costCents, result)
                VALUES ('onb-1', now(), 'desk', 'enable reputation', true, 10000, 'ok')
                """)
            let refusal = SharedStoreError.refused(database.location.description, message: "the audit log is append-only")
            await #expect(throws: refusal) { try await database.execute("UPDATE auditLog SET costCents = 0") }
            await #expect(throws: refusal) { try await database.execute("DELETE FROM auditLog") }
            await #expect(throws: refusal) { try await database.execute("TRUNCATE auditLog") }
        }
    }
}

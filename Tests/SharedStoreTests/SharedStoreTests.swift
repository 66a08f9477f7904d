import Foundation
import Onboarding
import OnboardingStore
import StoreTestSupport
import Synchronization
import Testing

@testable import SharedStore

let testDatabaseURL = StoreBackend.testDatabaseURL

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
        let asked = try SharedDatabaseLocation(
            url: "postgres://desk@[::1]:5433/rw?sslmode=require&sslrootcert=/etc/desk-ca.pem", environment: [:])
        var expected = SharedDatabaseLocation(host: "::1", port: 5433, user: "desk", database: "rw")
        expected.tlsRequested = true
        expected.rootCertificatePath = "/etc/desk-ca.pem"
        #expect(asked == expected)
        #expect(asked.usesTLS, "TLS asked for is used on loopback too")
        #expect(asked.description == "postgres://desk@[::1]:5433/rw")
        let encoded = try SharedDatabaseLocation(url: "postgres://we%2541ird:S3cr%40t%3A%2Fpw%25x@db.example.com/rw", environment: [:])
        #expect(encoded.user == "we%41ird" && encoded.password == "S3cr@t:/pw%x", "percent-decoded once")
        let fromEnvironment = try SharedDatabaseLocation(
            url: "postgres://db.example.com/rw", environment: ["PGSSLROOTCERT": "/etc/desk-ca.pem", "PGSSLMODE": "verify-full"])
        #expect(fromEnvironment.rootCertificatePath == "/etc/desk-ca.pem" && fromEnvironment.tlsRequested)
        #expect(fromEnvironment.user == OnboardingStore.osUser, "as psql: the login name when nothing says")
    }

    @Test(arguments: [
        ("mysql://db/rw", "--database must be a postgres:// URL (it is mysql://); SQLite needs no URL"),
        ("postgres://db.example.com:70000/rw", "--database port 70000 is not a port (1 to 65535)"),
        ("postgres://db.example.com", "--database names no database; end the URL with it, as in postgres://desk@db.example.com/reputation"),
        (
            "postgres://db.example.com/rw?sslmode=disable",
            "--database sslmode=disable would send the desk's data in clear text to db.example.com; leave sslmode out"
        ),
        (
            "postgres://db.example.com/rw?application_name=x",
            "--database parameter application_name is not one reputation-wizard reads (it reads sslmode and sslrootcert); leave it out"
        ),
        (
            "postgres://db.example.com/rw?sslmode=bogus",
            "--database sslmode=bogus is not an sslmode (disable, allow, prefer, require, verify-ca, verify-full)"
        ),
        ("postgres://db.example.com/rw?sslmode=disable&sslmode=verify-full", "--database gives sslmode twice; give it once"),
        (
            "postgres://u%0Aforged@db.example.com/rw",
            "--database user holds a control character (a line break, %0A, %00…); give it as the server knows it"
        ),
        (
            "postgres://db.example.com/rw%00x",
            "--database database holds a control character (a line break, %0A, %00…); give it as the server knows it"
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
    func aNewDatabaseIsMigratedOnceAndANewerOneIsRefusedByName() throws {
        let scratch = try ScratchDatabase()
        defer { scratch.drop() }
        let database = try PostgresStoreDatabase.connect(scratch.location)
        defer { database.close() }
        #expect(try database.migrate() == OnboardingStore.migrationIdentifiers)
        #expect(try database.migrate() == [], "a second open changes nothing")
        #expect(try database.appliedMigrations() == OnboardingStore.migrationIdentifiers)
        try database.execute("INSERT INTO schema_migrations (identifier) VALUES ('v99-from-the-future')")
        #expect(throws: StoreError.newerVersion(path: database.location, unknownMigrations: ["v99-from-the-future"])) {
            try PostgresStoreDatabase.open(scratch.location)
        }
    }

    @Test(.enabled(if: testDatabaseURL != nil, "needs REPUTATION_WIZARD_TEST_DATABASE_URL (.ci/postgres)"))
    func theAuditLogIsAppendOnly() throws {
        let scratch = try ScratchDatabase()
        defer { scratch.drop() }
        let database = try scratch.open()
        defer { database.close() }
        try database.execute(
            """
            INSERT INTO auditLog (onboardingId, at, osUser, action, billable, costCents, result)
            VALUES ('onb-1', now(), 'desk', 'enable reputation', true, 10000, 'ok')
            """)
        let refusal = StoreError.database("\(database.location): the audit log is append-only")
        #expect(throws: refusal) { try database.execute("UPDATE auditLog SET costCents = 0") }
        #expect(throws: refusal) { try database.execute("DELETE FROM auditLog") }
        #expect(throws: refusal) { try database.execute("TRUNCATE auditLog") }
        // Its owner can still drop or disable a trigger: such a database is refused by name.
        try database.execute("ALTER TABLE auditLog DISABLE TRIGGER auditLogNoChange")
        let altered = StoreError.corrupt(
            path: database.location,
            detail:
                "the audit log's append-only triggers (auditlognochange, auditlognotruncate) are missing, disabled or changed: someone altered the database, and its audit log can no longer be trusted as evidence"
        )
        #expect(throws: altered) { try PostgresStoreDatabase.open(scratch.location) }
        try database.execute("ALTER TABLE auditLog ENABLE REPLICA TRIGGER auditLogNoChange")
        #expect(throws: altered) { try PostgresStoreDatabase.open(scratch.location) }
        try database.execute("ALTER TABLE auditLog ENABLE TRIGGER auditLogNoChange")
        try PostgresStoreDatabase.open(scratch.location).close()
        try database.execute(
            "CREATE OR REPLACE FUNCTION auditLogAppendOnly() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$")
        #expect(throws: altered) { try PostgresStoreDatabase.open(scratch.location) }
        try database.execute("DROP TRIGGER auditLogNoTruncate ON auditLog")
        #expect(throws: altered) { try PostgresStoreDatabase.open(scratch.location) }
    }

    /// A desk's role that may only read and write rows opens a database its owner migrated.
    @Test(.enabled(if: testDatabaseURL != nil, "needs REPUTATION_WIZARD_TEST_DATABASE_URL (.ci/postgres)"))
    func aRoleWithoutCreateRightsOpensAMigratedDatabase() throws {
        let scratch = try ScratchDatabase()
        defer { scratch.drop() }
        let owner = try scratch.open()
        defer { owner.close() }
        let role = "rw_clerk_\(UUID().uuidString.prefix(8).lowercased())"
        try owner.execute("CREATE ROLE \(role) LOGIN PASSWORD 'clerk-pw'")
        defer {
            try? owner.execute("DROP OWNED BY \(role)")
            try? owner.execute("DROP ROLE \(role)")
        }
        try owner.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
        try owner.execute("GRANT USAGE ON SCHEMA public TO \(role)")
        try owner.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO \(role)")
        try owner.execute("REVOKE UPDATE, DELETE ON auditLog FROM \(role)")
        try owner.execute("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO \(role)")
        var clerk = scratch.location
        clerk.user = role
        clerk.password = "clerk-pw"
        let desk = try OnboardingStore(
            directory: FileManager.default.temporaryDirectory.appendingPathComponent("clerk-\(UUID())"),
            database: try PostgresStoreDatabase.open(clerk))
        defer { try? FileManager.default.removeItem(at: desk.directory) }
        try desk.create(OnboardingState(id: "onb-1"), at: t0)
        try desk.appendAudit(onboardingId: "onb-1", action: "check terms", billable: false, cost: nil, result: "ok", at: t0)
        #expect(try desk.auditLog("onb-1").map(\.action) == ["check terms"])
        #expect(throws: StoreError.self) {
            try desk.database.write { try $0.execute(sql: "ALTER TABLE auditLog DISABLE TRIGGER auditLogNoChange", arguments: []) }
        }
    }

    @Test func aServerThatIsNotThereIsSaidByNameWithoutThePassword() throws {
        let nowhere = try SharedDatabaseLocation(url: "postgres://desk:s3cret@127.0.0.1:1/reputation", environment: [:])
        let refusal = #expect(throws: StoreError.self) { try PostgresStoreDatabase.open(nowhere, connectTimeout: 2) }
        #expect(
            refusal
                == .unreachable(
                    location: "postgres://desk@127.0.0.1:1/reputation",
                    reason: "nothing answers at 127.0.0.1:1 (connection refused: no server on that port)"))
        #expect(refusal?.description.contains("s3cret") == false)
    }
}

/// Two desks (two connections, two state directories) on one shared database.
@Suite(.enabled(if: testDatabaseURL != nil, "needs REPUTATION_WIZARD_TEST_DATABASE_URL (.ci/postgres)"))
struct TwoDeskTests {
    @Test func aSecondDeskIsRefusedWithTheHolderNamedUntilTheFirstDesksSessionEnds() throws {
        let scratch = try ScratchDatabase()
        defer { scratch.drop() }
        let firstDatabase = try scratch.open()
        let first = try OnboardingStore(
            directory: FileManager.default.temporaryDirectory.appendingPathComponent("desk-a-\(UUID())"), database: firstDatabase)
        let second = try OnboardingStore(
            directory: FileManager.default.temporaryDirectory.appendingPathComponent("desk-b-\(UUID())"), database: try scratch.open())
        defer {
            try? FileManager.default.removeItem(at: first.directory)
            try? FileManager.default.removeItem(at: second.directory)
        }
        try first.create(OnboardingState(id: "onb-1"), at: t0)
        let held = try first.lock("onb-1", pid: 4242, host: "desk-a", at: t0)
        let refusal = #expect(throws: StoreError.self) { try second.lock("onb-1", pid: 77, host: "desk-b", at: t0) }
        #expect(refusal == .locked(LockHolder(onboardingId: "onb-1", pid: 4242, host: "desk-a", since: t0, user: OnboardingStore.osUser)))
        // The second desk sees the first's change at once, without reopening.
        var state = try first.load("onb-1")
        state.step = .enterprise
        try first.save(state, at: t0.addingTimeInterval(1))
        #expect(try second.load("onb-1").step == .enterprise)
        // A released lease is free; so is a dead desk's (its session ended).
        held.release()
        let taken = try second.lock("onb-1", pid: 77, host: "desk-b", at: t0)
        #expect(taken.holder.host == "desk-b")
        #expect(throws: StoreError.self) { try first.lock("onb-1", pid: 4242, host: "desk-a", at: t0) }
        (second.database as? PostgresStoreDatabase)?.close()
        // The server lets go of a closed session's locks as it ends it, a moment after the
        // close: tried until then (10 s at most, a guard against hanging).
        var retaken: OnboardingLock?
        for _ in 0..<200 where retaken == nil {
            retaken = try? first.lock("onb-1", pid: 4242, host: "desk-a", at: t0.addingTimeInterval(2))
            if retaken == nil { Thread.sleep(forTimeInterval: 0.05) }
        }
        #expect(retaken?.holder.host == "desk-a", "the lease of a desk whose session ended lapses")
        firstDatabase.close()
    }

    @Test func oneWatchOfAnOnboardingAtATimeAcrossDesks() throws {
        let scratch = try ScratchDatabase()
        defer { scratch.drop() }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("watch-\(UUID())")
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try OnboardingStore(directory: root.appendingPathComponent("a"), database: try scratch.open())
        let second = try OnboardingStore(directory: root.appendingPathComponent("b"), database: try scratch.open())
        let watching = try first.watchLock("onb-1", wait: 0)
        var waited = false
        #expect(throws: StoreError.busy(path: second.database.location)) {
            try second.watchLock("onb-1", wait: 0.2) { waited = true }
        }
        #expect(waited, "the second desk said it was waiting")
        let other = try second.watchLock("onb-2", wait: 0)
        watching.release()
        let mine = try second.watchLock("onb-1", wait: 0)
        mine.release()
        other.release()
    }
}

let t0 = Date(timeIntervalSince1970: 1_800_000_000)

/// A desk sees another desk's change without asking: at once on PostgreSQL's notice (its poll
/// set to an hour here, so only the notice can bring it), within a poll on SQLite.
@Suite struct LiveChangeTests {
    @Test(arguments: StoreBackend.available)
    func aDeskSeesAnotherDesksChange(_ backend: StoreBackend) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("live-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let scratch = backend == .postgres ? try ScratchDatabase() : nil
        defer { scratch?.drop() }
        func desk(_ name: String) throws -> OnboardingStore {
            guard let scratch else { return try OnboardingStore(directory: folder) }
            return try OnboardingStore(directory: folder.appendingPathComponent(name), database: try scratch.open())
        }
        let watching = try desk("a")
        let working = try desk("b")
        try working.create(OnboardingState(id: "onb-1"), at: t0)
        let changes = watching.changes(poll: backend == .postgres ? .seconds(3600) : .milliseconds(20))
        let seen = try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                for await _ in changes { return true }
                return false
            }
            group.addTask {
                // The other desk keeps working until the change is seen (the listener may
                // start after the first); 20 s is only a guard against hanging.
                for turn in 0..<200 {
                    try working.setDeskCase("onb-1", .handOffNote, to: "turn \(turn)")
                    try await Task.sleep(for: .milliseconds(100))
                }
                return false
            }
            let first = try await group.next() ?? false
            group.cancelAll()
            return first
        }
        #expect(seen, "the watching desk saw the change")
        #expect(try watching.summary("onb-1").deskCase.handOffNote?.hasPrefix("turn ") == true)
    }
}

/// The LOA files travel through the shared store: a desk that never rendered the LOA finds it
/// in its own state directory when it opens the onboarding.
@Suite(.enabled(if: testDatabaseURL != nil, "needs REPUTATION_WIZARD_TEST_DATABASE_URL (.ci/postgres)"))
struct SharedFileTests {
    @Test func aFileKeptAtOneDeskIsWrittenAtTheOtherWhenItOpensTheOnboarding() throws {
        let scratch = try ScratchDatabase()
        defer { scratch.drop() }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("files-\(UUID())")
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try OnboardingStore(directory: root.appendingPathComponent("a"), database: try scratch.open())
        let second = try OnboardingStore(directory: root.appendingPathComponent("b"), database: try scratch.open())
        let pdf = Data("%PDF-1.4 the rendered LOA".utf8)
        let renderedAtFirst = first.directory.appendingPathComponent("Acme-LOA.pdf")
        #expect(FileManager.default.createFile(atPath: renderedAtFirst.path, contents: pdf))
        var state = OnboardingState(id: "onb-1")
        state.renderedLOAPath = renderedAtFirst.path
        try first.create(state, at: t0)
        try first.keepFile("onb-1", .renderedLOA, name: "Acme-LOA.pdf", contents: pdf, at: t0)

        #expect(try first.load("onb-1").renderedLOAPath == renderedAtFirst.path, "the desk that has it keeps its own")
        // The second desk is another machine: the first desk's file is not there.
        try FileManager.default.removeItem(at: renderedAtFirst)
        let opened = try second.load("onb-1")
        let here = second.directory.appendingPathComponent("onb-1/Acme-LOA.pdf").path
        #expect(opened.renderedLOAPath == here)
        #expect(FileManager.default.contents(atPath: here) == pdf)
        #expect(try (FileManager.default.attributesOfItem(atPath: here)[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(
            try second.exportBundle("onb-1").files == [OnboardingBundle.File(role: "rendered_loa", name: "Acme-LOA.pdf", contents: pdf)])
    }
}

/// The connection to the server lost (a restart, an idle timeout, a failover): a desk that held
/// an onboarding's lease writes nothing more (another desk may hold it now) and says so; a desk
/// that only reads connects again by itself.
@Suite(.enabled(if: testDatabaseURL != nil, "needs REPUTATION_WIZARD_TEST_DATABASE_URL (.ci/postgres)"))
struct LostConnectionTests {
    /// Ends `store`'s session from outside, as the server's restart would.
    func endSession(of store: OnboardingStore, _ scratch: ScratchDatabase) throws {
        let pid = try store.database.read { db in
            try db.rows(sql: "SELECT pg_backend_pid() AS pid", arguments: []).first?.optionalInteger("pid") ?? 0
        }
        let admin = try PostgresStoreDatabase.connect(scratch.location)
        defer { admin.close() }
        try admin.execute("SELECT pg_terminate_backend(\(pid))")
    }

    @Test func aDeskWhoseLeaseEndedWithItsSessionWritesNothingMoreAndAReaderConnectsAgain() throws {
        let scratch = try ScratchDatabase()
        defer { scratch.drop() }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lost-\(UUID())")
        defer { try? FileManager.default.removeItem(at: root) }
        let holder = try OnboardingStore(directory: root.appendingPathComponent("a"), database: try scratch.open())
        let other = try OnboardingStore(directory: root.appendingPathComponent("b"), database: try scratch.open())
        let reader = try OnboardingStore(directory: root.appendingPathComponent("c"), database: try scratch.open())
        try holder.create(OnboardingState(id: "onb-1"), at: t0)
        _ = try holder.lock("onb-1", pid: 4242, host: "desk-a", at: t0)
        try endSession(of: holder, scratch)
        try endSession(of: reader, scratch)

        let lost = StoreError.lost(
            location: holder.database.location,
            reason:
                "the connection was lost, and with it this desk's hold on onboarding onb-1 (another desk may have it now); nothing more is written from here: quit and open it again"
        )
        var first: StoreError?
        for _ in 0..<100 where first == nil {
            // The client hears of the ended session a moment after the server ends it.
            do { try holder.appendAudit(onboardingId: "onb-1", action: "x", billable: false, cost: nil, result: "ok") } catch {
                first = error
            }
            if first == nil { Thread.sleep(forTimeInterval: 0.05) }
        }
        #expect(first != nil, "a write after the session ended fails")
        #expect(throws: lost) { try holder.appendAudit(onboardingId: "onb-1", action: "x", billable: false, cost: nil, result: "ok") }
        #expect(throws: lost) { try holder.list() }
        #expect(try other.lock("onb-1", pid: 77, host: "desk-b", at: t0).holder.host == "desk-b", "the other desk may take it")
        var listed: [OnboardingSummary]?
        for _ in 0..<100 where listed == nil {
            listed = try? reader.list()
            if listed == nil { Thread.sleep(forTimeInterval: 0.05) }
        }
        #expect(listed?.map(\.state.id) == ["onb-1"], "a desk that only reads connects again")
        #expect(try other.auditLog("onb-1").map(\.action).contains("x") == false, "nothing was written after the lease ended")
    }
}

/// Two desks taking in the same enterprise at the same moment (adopt, import, migrate): one
/// gets it, the other is refused by name; two onboardings of one enterprise would bill its
/// numbers twice.
@Suite(.enabled(if: testDatabaseURL != nil, "needs REPUTATION_WIZARD_TEST_DATABASE_URL (.ci/postgres)"))
struct EnterpriseRaceTests {
    @Test func twoDesksCreatingTrackersOfOneEnterpriseAtOnceGetOne() throws {
        let scratch = try ScratchDatabase()
        defer { scratch.drop() }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("race-\(UUID())")
        defer { try? FileManager.default.removeItem(at: root) }
        let desks = try (0..<4).map { try OnboardingStore(directory: root.appendingPathComponent("\($0)"), database: try scratch.open()) }
        for round in 0..<5 {
            let outcomes = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: desks.count) { index in
                var state = OnboardingState(id: "onb-\(round)-\(index)")
                state.enterprise = .init(id: "ent-\(round)", legalName: "Race \(round) LLC")
                do {
                    try desks[index].create(state, at: t0)
                    outcomes.withLock { $0.append("created") }
                } catch StoreError.alreadyTracked(let enterpriseId, _) {
                    outcomes.withLock { $0.append("refused \(enterpriseId)") }
                } catch {
                    outcomes.withLock { $0.append("\(error)") }
                }
            }
            #expect(
                outcomes.withLock { $0.sorted() } == ["created", "refused ent-\(round)", "refused ent-\(round)", "refused ent-\(round)"],
                "round \(round)")
        }
        #expect(try desks[0].list().count == 5)
    }
}

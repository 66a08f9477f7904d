import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL
import OnboardingStore
import PostgresNIO

/// The store on a desk's shared PostgreSQL database, through postgres-nio: one connection per
/// process (its session holds this process's onboarding leases, `StoreSessionLocks`), used by
/// one transaction at a time. The store's API is synchronous (as SQLite's): each statement waits
/// on NIO's event loop, never on Swift's cooperative pool, so a caller in a task cannot starve it.
///
/// Writers take turns through one transaction-level advisory lock, as SQLite's writers do
/// through its file lock: a read-then-write (a lock's holder, a journal entry's close) sees
/// every write committed before it, on any desk. Readers are never held up.
public final class PostgresStoreDatabase: StoreDatabase, StoreSessionLocks {
    public let sharedLocation: SharedDatabaseLocation
    let logger: Logger
    let connectTimeout: Int64
    /// One transaction at a time on the connection; the connection itself (made again when it
    /// was lost and this process held no lease on it); the session locks held; why the store
    /// is lost for good; and the SQL texts already numbered for PostgreSQL.
    private let guarded: NIOLockedValueBox<Guarded>

    private struct Guarded {
        var connection: PostgresConnection
        var held: Set<String> = []
        var lost: String?
        var numbered: [String: String] = [:]
    }

    /// The lock writers take in turn (`pg_advisory_xact_lock(classid, objid)`: its own key
    /// space, apart from the onboardings' leases, which use one 64-bit key).
    static let writerLock: (Int32, Int32) = (0x5245_5055, 0x5752_4954)  // "REPU", "WRIT"

    /// A lock number of this program's own: two desks opening a new database take turns migrating it.
    static let migrationLock: Int64 = 0x5245_5055_5441_5449  // "REPUTATI"

    /// Seconds one statement may take before the session is given up (a server that stopped
    /// answering must not hang the wizard: its keys, `q` included, wait on the store).
    static let statementTimeout: Int64 = 30

    init(location: SharedDatabaseLocation, connection: PostgresConnection, connectTimeout: Int64, logger: Logger) {
        sharedLocation = location
        self.connectTimeout = connectTimeout
        self.logger = logger
        guarded = NIOLockedValueBox(Guarded(connection: connection))
    }

    /// Connects to the shared store and brings it to this version's schema (`migrate`).
    /// - Parameter connectTimeout: seconds to wait for the server before saying it cannot be reached.
    /// - Throws: `StoreError.unreachable` (no server, refused login, TLS), `.newerVersion`
    ///   (written by a newer reputation-wizard: nothing is changed), `.database`.
    public static func open(
        _ location: SharedDatabaseLocation, connectTimeout: Int64 = 10,
        logger: Logger = Logger(label: "reputation-wizard.shared-store")
    ) throws(StoreError) -> PostgresStoreDatabase {
        let database = try connect(location, connectTimeout: connectTimeout, logger: logger)
        do {
            try database.migrate()
        } catch {
            database.close()
            throw error
        }
        return database
    }

    /// Connects without migrating (for tools and tests that make or drop databases).
    /// - Throws: `StoreError.unreachable`.
    public static func connect(
        _ location: SharedDatabaseLocation, connectTimeout: Int64 = 10,
        logger: Logger = Logger(label: "reputation-wizard.shared-store")
    ) throws(StoreError) -> PostgresStoreDatabase {
        PostgresStoreDatabase(
            location: location, connection: try newConnection(location, connectTimeout: connectTimeout, logger: logger),
            connectTimeout: connectTimeout, logger: logger)
    }

    static func newConnection(
        _ location: SharedDatabaseLocation, connectTimeout: Int64, logger: Logger
    ) throws(StoreError)
        -> PostgresConnection
    {
        do {
            return try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.any(), configuration: try configuration(location, connectTimeout: connectTimeout),
                id: 1, logger: logger
            ).wait()
        } catch {
            throw .unreachable(location: location.description, reason: ConnectionTrouble.reason(error, location))
        }
    }

    /// How postgres-nio reaches `location`: TLS unless it is on this machine and not asked for,
    /// the server's certificate checked against the system's roots or `rootCertificatePath`.
    static func configuration(_ location: SharedDatabaseLocation, connectTimeout: Int64) throws -> PostgresConnection.Configuration {
        var tls: PostgresConnection.Configuration.TLS = .disable
        if location.usesTLS {
            var settings = TLSConfiguration.makeClientConfiguration()
            if let path = location.rootCertificatePath {
                // Read here: BoringSSL's own words for a bad file name its source files.
                guard let pem = FileManager.default.contents(atPath: path),
                    let certificates = try? NIOSSLCertificate.fromPEMBytes(Array(pem)), !certificates.isEmpty
                else { throw ConnectionTrouble.unreadableCertificate(path: path) }
                settings.trustRoots = .certificates(certificates)
            }
            tls = .require(try NIOSSLContext(configuration: settings))
        }
        var configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.user, password: location.password,
            database: location.database, tls: tls)
        configuration.options.connectTimeout = .seconds(connectTimeout)
        // An administrator finds each desk's session by it (pg_stat_activity), without the password.
        configuration.options.additionalStartupParameters = [
            ("application_name", "reputation-wizard \(OnboardingStore.osUser)@\(OnboardingStore.hostName) pid \(getpid())")
        ]
        return configuration
    }

    /// The channel the schema's triggers notify at each commit that changes the store.
    static let changeChannel = "reputation_wizard_changes"

    /// Listens on a connection of its own (a `LISTEN` on the store's would be undone with any
    /// transaction rolled back there), connecting again after the server went (the store's
    /// polling covers the gap); ends when the listener stops.
    public func changeSignals() -> AsyncStream<Void>? {
        let location = sharedLocation
        let logger = logger
        return AsyncStream { continuation in
            let task = Task {
                while !Task.isCancelled {
                    do {
                        let connection = try await PostgresConnection.connect(
                            on: MultiThreadedEventLoopGroup.singleton.any(),
                            configuration: try Self.configuration(location, connectTimeout: 10), id: 2, logger: logger)
                        // Whatever was missed while not listening is looked for at once.
                        continuation.yield()
                        await withTaskCancellationHandler {
                            do {
                                try await connection.listen(on: Self.changeChannel) { notices in
                                    for try await _ in notices { continuation.yield() }
                                }
                            } catch {}
                        } onCancel: {
                            _ = connection.close() as EventLoopFuture<Void>
                        }
                        try? await connection.close()
                    } catch {}
                    try? await Task.sleep(for: .seconds(2))
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// Ends the session (its leases end with it).
    public func close() {
        let connection = guarded.withLockedValue { $0.connection }
        try? (connection.close() as EventLoopFuture<Void>).wait()
    }

    /// A connection must be closed before it goes (postgres-nio asserts it): waited for, unless
    /// this is its own event loop's thread, which must never wait on itself.
    deinit {
        let connection = guarded.withLockedValue { $0.connection }
        let closing: EventLoopFuture<Void> = connection.close()
        if !connection.eventLoop.inEventLoop { try? closing.wait() }
    }

    public var location: String { sharedLocation.description }
    public var sessionLocks: (any StoreSessionLocks)? { self }
    public var lostReason: String? { guarded.withLockedValue { $0.lost.map { "The shared store \(location): \($0)." } } }

    public func write<T>(_ body: (any StoreSQL) throws -> T) throws(StoreError) -> T {
        try transaction("BEGIN", body) { sql in
            _ = try sql.query(
                "SELECT pg_advisory_xact_lock(\(Self.writerLock.0), \(Self.writerLock.1))", [])
        }
    }

    public func read<T>(_ body: (any StoreSQL) throws -> T) throws(StoreError) -> T {
        try transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body) { _ in }
    }

    /// Runs `body` with the connection, one caller at a time. A connection found closed is made
    /// again when this process holds no lease (nothing it promised other desks is lost); with a
    /// lease held, the store is lost for good: the lease ended with the session, another desk
    /// may hold the onboarding now, and nothing more is written from here.
    private func withConnection<T>(_ body: (inout Guarded, PostgresSQL) throws -> T) throws(StoreError) -> T {
        do {
            return try guarded.withLockedValue { guarded in
                if let lost = guarded.lost { throw StoreError.lost(location: location, reason: lost) }
                if guarded.connection.isClosed {
                    guard guarded.held.isEmpty else {
                        let names = guarded.held.sorted().map { $0.replacingOccurrences(of: "onboarding:", with: "onboarding ") }
                        guarded.lost =
                            "the connection was lost, and with it this desk's hold on \(names.joined(separator: ", ")) (another desk may have it now); nothing more is written from here: quit and open it again"
                        guarded.held = []
                        throw StoreError.lost(location: location, reason: guarded.lost ?? "")
                    }
                    guarded.connection = try Self.newConnection(sharedLocation, connectTimeout: connectTimeout, logger: logger)
                }
                let sql = PostgresSQL(database: self, connection: guarded.connection, numbered: guarded.numbered)
                defer { guarded.numbered = sql.numbered }
                return try body(&guarded, sql)
            }
        } catch {
            throw described(error)
        }
    }

    private func transaction<T>(
        _ begin: String, _ body: (any StoreSQL) throws -> T, first: (PostgresSQL) throws -> Void
    ) throws(StoreError) -> T {
        try withConnection { _, sql in
            _ = try sql.query(begin, [])
            do {
                try first(sql)
                let result = try body(sql)
                _ = try sql.query("COMMIT", [])
                return result
            } catch {
                _ = try? sql.query("ROLLBACK", [])
                throw error
            }
        }
    }

    /// `error` as a `StoreError` about this database.
    func described(_ error: any Error) -> StoreError {
        switch error {
        case let error as StoreError: return error
        case let error as PSQLError:
            // PSQLError's description hides the server's words; they name the problem.
            if let message = error.serverInfo?[.message] {
                switch error.serverInfo?[.sqlState] {
                case "53100": return .diskFull(path: location)
                case "42501":
                    return .database(
                        "\(location): \(message). The role \(sharedLocation.user) lacks a right reputation-wizard needs; README (A support desk's shared store) lists the grants, and the first open of a new or older database needs the database's owner"
                    )
                case "42P01", "42703", "42P07", "42701":
                    // A table or column missing or already there: the schema was changed by hand.
                    return .corrupt(path: location, detail: "\(message): its tables are not as reputation-wizard made them")
                default: return .database("\(location): \(message)")
                }
            }
            return .unreachable(location: location, reason: ConnectionTrouble.reason(error, sharedLocation))
        default: return .unreachable(location: location, reason: ConnectionTrouble.reason(error, sharedLocation))
        }
    }

    // MARK: Session locks

    public func tryLock(_ name: String) throws(StoreError) -> SessionLockOutcome {
        try withConnection { guarded, sql in
            // Session locks count their takers: taken once, let go once.
            if guarded.held.contains(name) { return .alreadyHeld }
            let rows = try sql.rows(sql: "SELECT pg_try_advisory_lock(hashtextextended(?, 0)) AS held", arguments: [name])
            guard rows.first?.optionalBool("held") == true else { return .heldElsewhere }
            guarded.held.insert(name)
            return .taken
        }
    }

    public func unlock(_ name: String) {
        _ = try? withConnection { guarded, sql in
            guard guarded.held.remove(name) != nil else { return }
            _ = try sql.query("SELECT pg_advisory_unlock(hashtextextended($1, 0))", [.text(name)])
        }
    }

    // MARK: Schema

    /// Brings the database to the schema of this version: what it has is read first (no DDL, so
    /// a desk's role without the right to alter tables opens an up-to-date database); what is
    /// missing is applied in one transaction under an advisory lock, in order, each recorded in
    /// `schema_migrations`. Then the audit log's append-only triggers must be in place.
    /// - Returns: the identifiers applied now (empty when it was current).
    /// - Throws: `StoreError.newerVersion` when the database has migrations this version does
    ///   not know (nothing is changed), `.corrupt` when the audit triggers are missing or
    ///   disabled, `.database`, `.unreachable`.
    @discardableResult
    public func migrate() throws(StoreError) -> [String] {
        let location = location
        let known = SharedSchema.migrations.map(\.identifier)
        let applied = try transaction(
            "BEGIN",
            { sql in
                let sql = sql as! PostgresSQL
                // Read first, without any DDL: a desk's role that may only read and write rows
                // (README) opens a database its owner brought up to date.
                let present = try sql.rows(sql: "SELECT to_regclass('schema_migrations') IS NOT NULL AS present", arguments: [])
                guard present.first?.optionalBool("present") == true else { return Set<String>() }
                return Set(
                    try sql.rows(sql: "SELECT identifier FROM schema_migrations", arguments: []).map { $0.optionalText("identifier") ?? "" }
                )
            }, first: { _ in })
        let unknown = applied.subtracting(known)
        if !unknown.isEmpty { throw StoreError.newerVersion(path: location, unknownMigrations: unknown.sorted()) }
        var now: [String] = []
        if applied != Set(known) {
            now = try transaction(
                "BEGIN",
                { sql in
                    let sql = sql as! PostgresSQL
                    _ = try sql.query("SELECT pg_advisory_xact_lock(\(Self.migrationLock))", [])
                    _ = try sql.query(
                        "CREATE TABLE IF NOT EXISTS schema_migrations (identifier TEXT PRIMARY KEY, appliedAt TIMESTAMPTZ NOT NULL DEFAULT now())",
                        [])
                    // Read again under the lock: another desk may have migrated meanwhile.
                    let applied = Set(
                        try sql.rows(sql: "SELECT identifier FROM schema_migrations", arguments: []).map {
                            $0.optionalText("identifier") ?? ""
                        })
                    let unknown = applied.subtracting(known)
                    if !unknown.isEmpty { throw StoreError.newerVersion(path: location, unknownMigrations: unknown.sorted()) }
                    var now: [String] = []
                    for migration in SharedSchema.migrations where !applied.contains(migration.identifier) {
                        for statement in migration.statements { _ = try sql.query(statement, []) }
                        _ = try sql.query("INSERT INTO schema_migrations (identifier) VALUES ($1)", [.text(migration.identifier)])
                        now.append(migration.identifier)
                    }
                    return now
                }, first: { _ in })
        }
        // The audit log is evidence: a database whose append-only triggers were dropped or
        // disabled (by its owner: a desk's role cannot) is refused by name, not used quietly.
        let guarding = try read { sql in
            try sql.rows(
                sql: """
                    SELECT (SELECT COUNT(*) FROM pg_trigger WHERE tgrelid = to_regclass('auditlog')
                        AND tgname IN ('auditlognochange', 'auditlognotruncate') AND tgenabled IN ('O', 'A')) AS count,
                      (SELECT COUNT(*) FROM pg_proc WHERE proname = 'auditlogappendonly'
                        AND prosrc LIKE '%RAISE EXCEPTION ''the audit log is append-only''%') AS raising
                    """, arguments: []
            ).first.map { ($0.optionalInteger("count") ?? 0) + ($0.optionalInteger("raising") ?? 0) } ?? 0
        }
        // Both triggers firing in ordinary sessions (not disabled, not replica-only), and their
        // function still refusing.
        guard guarding == 3 else {
            throw StoreError.corrupt(
                path: location,
                detail:
                    "the audit log's append-only triggers (auditlognochange, auditlognotruncate) are missing, disabled or changed: someone altered the database, and its audit log can no longer be trusted as evidence"
            )
        }
        return now
    }

    /// The migrations the database has, in the order they were applied.
    /// - Throws: `StoreError`.
    public func appliedMigrations() throws(StoreError) -> [String] {
        try read { sql in
            try sql.rows(sql: "SELECT identifier FROM schema_migrations ORDER BY appliedAt, identifier", arguments: []).map {
                $0.optionalText("identifier") ?? ""
            }
        }
    }

    /// Runs one statement outside any transaction (for tools and tests: `CREATE DATABASE`
    /// cannot run inside one).
    /// - Throws: `StoreError`.
    public func execute(_ statement: String) throws(StoreError) {
        try withConnection { _, sql in _ = try sql.query(statement, []) }
    }
}

/// One transaction's statements on the connection.
final class PostgresSQL: StoreSQL {
    let database: PostgresStoreDatabase
    let connection: PostgresConnection
    /// SQL texts with their `?` already numbered (`$1`…), kept across transactions.
    var numbered: [String: String]

    init(database: PostgresStoreDatabase, connection: PostgresConnection, numbered: [String: String]) {
        self.database = database
        self.connection = connection
        self.numbered = numbered
    }

    func execute(sql: String, arguments: [any StoreArgument]) throws -> Int {
        try query(numbering(sql), arguments.map(\.storeValue)).metadata.rows ?? 0
    }

    func insert(sql: String, arguments: [any StoreArgument], returning key: String) throws -> Int64 {
        let result = try query(numbering(sql) + " RETURNING \(key)", arguments.map(\.storeValue))
        guard let row = result.rows.first, let value = PostgresStoreRow(PostgresRandomAccessRow(row)).optionalInteger(key) else {
            throw StoreError.database("\(database.location): the insert gave no \(key) back")
        }
        return value
    }

    func rows(sql: String, arguments: [any StoreArgument]) throws -> [any StoreRow] {
        try query(numbering(sql), arguments.map(\.storeValue)).rows.map { PostgresStoreRow(PostgresRandomAccessRow($0)) }
    }

    func query(_ text: String, _ values: [StoreValue]) throws -> PostgresQueryResult {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .null: bindings.appendNull()
            case .integer(let integer): bindings.append(integer)
            case .real(let real): bindings.append(real)
            case .text(let text): bindings.append(text)
            case .bool(let bool): bindings.append(bool)
            case .blob(let data): bindings.append(ByteBuffer(bytes: data))
            // To the millisecond, as SQLite keeps them: a moment read back (or carried in a
            // hand-over file) is the moment written, on both engines.
            case .date(let date): bindings.append(Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000))
            }
        }
        // A statement sent on a closed connection may never be answered: said at once.
        guard !connection.isClosed else { throw ConnectionTrouble.closed }
        let answer = connection.query(PostgresQuery(unsafeSQL: text, binds: bindings), logger: database.logger)
        let promise = answer.eventLoop.makePromise(of: PostgresQueryResult.self)
        answer.cascade(to: promise)
        let timer = answer.eventLoop.scheduleTask(in: .seconds(PostgresStoreDatabase.statementTimeout)) {
            promise.fail(ConnectionTrouble.noAnswer(seconds: PostgresStoreDatabase.statementTimeout))
        }
        defer { timer.cancel() }
        do {
            return try promise.futureResult.wait()
        } catch ConnectionTrouble.noAnswer(let seconds) {
            // The session is given up: a late answer must not land in the next transaction.
            _ = connection.close() as EventLoopFuture<Void>
            throw ConnectionTrouble.noAnswer(seconds: seconds)
        }
    }

    /// `sql` with each `?` outside quotes as `$1`, `$2`… (the store writes SQLite's placeholders).
    func numbering(_ sql: String) -> String {
        if let done = numbered[sql] { return done }
        var result = ""
        result.reserveCapacity(sql.utf8.count + 16)
        var count = 0
        var quoted = false
        for character in sql {
            if character == "'" { quoted.toggle() }
            if character == "?" && !quoted {
                count += 1
                result += "$\(count)"
            } else {
                result.append(character)
            }
        }
        numbered[sql] = result
        return result
    }
}

/// A PostgreSQL row read by column name: PostgreSQL folds unquoted names to lower case.
struct PostgresStoreRow: StoreRow {
    let row: PostgresRandomAccessRow

    init(_ row: PostgresRandomAccessRow) { self.row = row }

    private func cell(_ column: String) -> PostgresCell? {
        let name = column.lowercased()
        return row.contains(name) ? row[name] : nil
    }

    func optionalText(_ column: String) -> String? { (try? cell(column)?.decode(String?.self)) ?? nil }
    func optionalInteger(_ column: String) -> Int64? { (try? cell(column)?.decode(Int64?.self)) ?? nil }
    func optionalReal(_ column: String) -> Double? { (try? cell(column)?.decode(Double?.self)) ?? nil }
    func optionalBool(_ column: String) -> Bool? { (try? cell(column)?.decode(Bool?.self)) ?? nil }
    func optionalDate(_ column: String) -> Date? { (try? cell(column)?.decode(Date?.self)) ?? nil }
    func optionalData(_ column: String) -> Data? {
        ((try? cell(column)?.decode(ByteBuffer?.self)) ?? nil).map { Data($0.readableBytesView) }
    }
}

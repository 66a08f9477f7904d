import Logging
import NIOSSL
import PostgresNIO

/// A desk's shared store in PostgreSQL, through postgres-nio's pooled `PostgresClient`: opened
/// from a `SharedDatabaseLocation`, brought to the current schema (`migrate`), closed when done.
/// TLS is required unless the server is on this machine.
public final class SharedDatabase: Sendable {
    public let location: SharedDatabaseLocation
    let client: PostgresClient
    let running: Task<Void, Never>
    let logger: Logger

    /// Starts the client's pool; nothing is sent until a query.
    public init(_ location: SharedDatabaseLocation, logger: Logger = Logger(label: "reputation-wizard.shared-store")) {
        self.location = location
        self.logger = logger
        let tls: PostgresClient.Configuration.TLS = location.usesTLS ? .require(.makeClientConfiguration()) : .disable
        let configuration = PostgresClient.Configuration(
            host: location.host, port: location.port, username: location.user, password: location.password,
            database: location.database, tls: tls)
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        running = Task { await client.run() }
    }

    /// Stops the pool; the database is not used after.
    public func close() { running.cancel() }

    /// A lock number of this program's own, for `pg_advisory_xact_lock`: two desks opening
    /// a new database at once take turns migrating it.
    static let migrationLock: Int64 = 0x5245_5055_5441_5449  // "REPUTATI"

    /// Brings the database to the schema of this version, in one transaction: the migrations
    /// not applied yet, in order, each recorded in `schema_migrations`.
    /// - Returns: the identifiers applied now (empty when it was current).
    /// - Throws: `SharedStoreError.newerVersion` when the database has migrations this version
    ///   does not know (written by a newer reputation-wizard; nothing is changed), `.unreachable`
    ///   or `.refused` when the server cannot be reached or refuses a statement.
    @discardableResult
    public func migrate() async throws(SharedStoreError) -> [String] {
        try await SharedStoreError.wrapping(location) {
            try await client.withTransaction(logger: logger) { connection in
                try await connection.query("SELECT pg_advisory_xact_lock(\(Self.migrationLock))", logger: logger)
                try await connection.query(
                    "CREATE TABLE IF NOT EXISTS schema_migrations (identifier TEXT PRIMARY KEY, appliedAt TIMESTAMPTZ NOT NULL DEFAULT now())",
                    logger: logger)
                var applied = Set<String>()
                for try await identifier in try await connection.query("SELECT identifier FROM schema_migrations", logger: logger)
                    .decode(String.self)
                {
                    applied.insert(identifier)
                }
                let known = Set(SharedSchema.migrations.map(\.identifier))
                let unknown = applied.subtracting(known)
                if !unknown.isEmpty { throw SharedStoreError.newerVersion(location.description, unknownMigrations: unknown.sorted()) }
                var now: [String] = []
                for migration in SharedSchema.migrations where !applied.contains(migration.identifier) {
                    for statement in migration.statements {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                    try await connection.query(
                        "INSERT INTO schema_migrations (identifier) VALUES (\(migration.identifier))", logger: logger)
                    now.append(migration.identifier)
                }
                return now
            }
        }
    }

    /// The migrations the database has, in the order they were applied.
    /// - Throws: `SharedStoreError`.
    public func appliedMigrations() async throws(SharedStoreError) -> [String] {
        try await SharedStoreError.wrapping(location) {
            var identifiers: [String] = []
            let rows = try await client.query("SELECT identifier FROM schema_migrations ORDER BY appliedAt, identifier", logger: logger)
            for try await identifier in rows.decode(String.self) { identifiers.append(identifier) }
            return identifiers
        }
    }

    /// Runs one statement (for tests and tools); `PostgresQuery` binds interpolated values.
    /// - Throws: `SharedStoreError`.
    public func execute(_ query: PostgresQuery) async throws(SharedStoreError) {
        _ = try await SharedStoreError.wrapping(location) { try await client.query(query, logger: logger) }
    }
}

import Foundation
import GRDB

/// The store on SQLite, through GRDB: one file in the state directory, for one machine.
/// Statements are prepared once and cached per connection (a table of 10,000 readings is
/// 10,000 inserts of the same statement).
final class SQLiteStoreDatabase: StoreDatabase {
    let queue: DatabaseQueue
    let path: String
    let isReadOnly: Bool

    init(queue: DatabaseQueue, path: String, readOnly: Bool) {
        self.queue = queue
        self.path = path
        isReadOnly = readOnly
    }

    var location: String { path }
    var sessionLocks: (any StoreSessionLocks)? { nil }
    func changeSignals() -> AsyncStream<Void>? { nil }
    var lostReason: String? { nil }

    func write<T>(_ body: (any StoreSQL) throws -> T) throws(StoreError) -> T {
        if isReadOnly { throw .readOnly(path: path) }
        do { return try queue.write { db in try body(SQLiteSQL(db: db)) } } catch { throw OnboardingStore.diagnosed(error, path: path) }
    }

    func read<T>(_ body: (any StoreSQL) throws -> T) throws(StoreError) -> T {
        do { return try queue.read { db in try body(SQLiteSQL(db: db)) } } catch { throw OnboardingStore.diagnosed(error, path: path) }
    }
}

/// One GRDB connection inside a transaction.
struct SQLiteSQL: StoreSQL {
    let db: Database

    func execute(sql: String, arguments: [any StoreArgument]) throws -> Int {
        try db.cachedStatement(sql: sql).execute(arguments: Self.arguments(arguments))
        return db.changesCount
    }

    func insert(sql: String, arguments: [any StoreArgument], returning key: String) throws -> Int64 {
        try db.cachedStatement(sql: sql).execute(arguments: Self.arguments(arguments))
        return db.lastInsertedRowID
    }

    func rows(sql: String, arguments: [any StoreArgument]) throws -> [any StoreRow] {
        try Row.fetchAll(db.cachedStatement(sql: sql), arguments: Self.arguments(arguments)).map(SQLiteRow.init)
    }

    static func arguments(_ values: [any StoreArgument]) -> StatementArguments {
        StatementArguments(
            values.map { value -> DatabaseValue in
                switch value.storeValue {
                case .null: .null
                case .integer(let integer): integer.databaseValue
                case .real(let real): real.databaseValue
                case .text(let text): text.databaseValue
                case .bool(let bool): bool.databaseValue
                case .blob(let data): data.databaseValue
                // GRDB's own text form, as every date this store has written.
                case .date(let date): date.databaseValue
                }
            })
    }
}

/// A GRDB row, read by column name.
struct SQLiteRow: StoreRow {
    let row: Row

    func optionalText(_ column: String) -> String? { row[column] }
    func optionalInteger(_ column: String) -> Int64? { row[column] }
    func optionalReal(_ column: String) -> Double? { row[column] }
    func optionalBool(_ column: String) -> Bool? { row[column] }
    func optionalDate(_ column: String) -> Date? { row[column] }
    func optionalData(_ column: String) -> Data? { row[column] }
}

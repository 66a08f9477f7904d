import Foundation

/// The SQL engine under an `OnboardingStore`: SQLite in the state directory (one person, one
/// machine), or a desk's shared PostgreSQL database (`SharedStore`). The store's SQL is written
/// once for both: `?` placeholders, unquoted identifiers (PostgreSQL folds them to lower case),
/// `ON CONFLICT … DO UPDATE`, no engine's own functions. The engine and the UI only see the store.
public protocol StoreDatabase: Sendable {
    /// Names the database in messages: a file's path, or a URL without its password.
    var location: String { get }

    /// Runs `body` in one transaction that may write; writers take turns (one at a time, as
    /// SQLite's own lock), readers are not held up. The transaction is rolled back when `body`
    /// throws.
    /// - Throws: `StoreError` (a `StoreError` thrown by `body` as it is).
    func write<T>(_ body: (any StoreSQL) throws -> T) throws(StoreError) -> T

    /// Runs `body` in one transaction that only reads, seeing the database as it was at its start.
    /// - Throws: `StoreError`.
    func read<T>(_ body: (any StoreSQL) throws -> T) throws(StoreError) -> T

    /// Locks that last as long as this process's session with the database and end with it,
    /// whatever machine holds them (PostgreSQL's advisory locks); nil when the engine has none
    /// (SQLite: the store names the holder's pid and host and checks that process instead).
    var sessionLocks: (any StoreSessionLocks)? { get }

    /// A signal at each commit, by any process, that changed an onboarding or its audit log
    /// (PostgreSQL's `LISTEN`/`NOTIFY`); nil when the engine sends none (SQLite: the store polls).
    func changeSignals() -> AsyncStream<Void>?

    /// Why nothing more can be written from this process (a shared store's session ended while
    /// it held a lease: another desk may hold the onboarding now); nil while it can.
    var lostReason: String? { get }
}

/// Locks tied to this process's database session: a process that dies, on any machine, lets go
/// of them when the server sees its connection close.
public protocol StoreSessionLocks: Sendable {
    /// Takes lock `name` for this session unless another session holds it.
    /// - Throws: `StoreError` when the database cannot be asked.
    func tryLock(_ name: String) throws(StoreError) -> SessionLockOutcome

    /// Lets go of lock `name` (nothing when this session does not hold it).
    func unlock(_ name: String)
}

/// What became of a try for a session lock.
public enum SessionLockOutcome: Sendable, Equatable {
    /// This session has it now, and did not before.
    case taken
    /// This session had it already (taken before in this process).
    case alreadyHeld
    /// Another session (another process, maybe another desk) holds it.
    case heldElsewhere
}

/// One transaction's SQL, as `StoreDatabase.write` and `read` hand it to the store.
public protocol StoreSQL {
    /// Runs one statement. - Returns: how many rows it changed.
    @discardableResult
    func execute(sql: String, arguments: [any StoreArgument]) throws -> Int

    /// Runs one `INSERT` and answers the value the database chose for column `key` (an
    /// auto-incremented id) of the row it made.
    func insert(sql: String, arguments: [any StoreArgument], returning key: String) throws -> Int64

    /// The rows a query answers, in its order.
    func rows(sql: String, arguments: [any StoreArgument]) throws -> [any StoreRow]
}

extension StoreSQL {
    @discardableResult
    func execute(sql: String) throws -> Int { try execute(sql: sql, arguments: []) }
    func rows(sql: String) throws -> [any StoreRow] { try rows(sql: sql, arguments: []) }
    func row(sql: String, arguments: [any StoreArgument]) throws -> (any StoreRow)? { try rows(sql: sql, arguments: arguments).first }
}

/// A value bound to a `?` of the store's SQL.
public enum StoreValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case bool(Bool)
    /// Bytes (SQLite `BLOB`, PostgreSQL `BYTEA`).
    case blob(Data)
    /// A moment, kept by each engine its own way (SQLite: GRDB's UTC text, to the millisecond;
    /// PostgreSQL: `TIMESTAMPTZ`, to the microsecond).
    case date(Date)
}

/// What can be bound to a `?` of the store's SQL (an optional binds `NULL` when nil).
public protocol StoreArgument {
    var storeValue: StoreValue { get }
}

extension StoreValue: StoreArgument { public var storeValue: StoreValue { self } }
extension String: StoreArgument { public var storeValue: StoreValue { .text(self) } }
extension Int: StoreArgument { public var storeValue: StoreValue { .integer(Int64(self)) } }
extension Int64: StoreArgument { public var storeValue: StoreValue { .integer(self) } }
extension Int32: StoreArgument { public var storeValue: StoreValue { .integer(Int64(self)) } }
extension Double: StoreArgument { public var storeValue: StoreValue { .real(self) } }
extension Bool: StoreArgument { public var storeValue: StoreValue { .bool(self) } }
extension Date: StoreArgument { public var storeValue: StoreValue { .date(self) } }
extension Data: StoreArgument { public var storeValue: StoreValue { .blob(self) } }
extension Optional: StoreArgument where Wrapped: StoreArgument {
    public var storeValue: StoreValue { self?.storeValue ?? .null }
}

/// One row of a query's answer, read by column name (as written in the SQL; PostgreSQL's
/// lower-case folding is the engine's business). Each getter answers nil for `NULL`.
public protocol StoreRow {
    func optionalText(_ column: String) -> String?
    func optionalInteger(_ column: String) -> Int64?
    func optionalReal(_ column: String) -> Double?
    func optionalBool(_ column: String) -> Bool?
    func optionalDate(_ column: String) -> Date?
    func optionalData(_ column: String) -> Data?
}

extension StoreRow {
    /// - Throws: `StoreError.database` when the column is `NULL` or absent.
    func text(_ column: String) throws -> String { try Self.required(optionalText(column), column) }
    func integer(_ column: String) throws -> Int64 { try Self.required(optionalInteger(column), column) }
    func int(_ column: String) throws -> Int { Int(try integer(column)) }
    func bool(_ column: String) throws -> Bool { try Self.required(optionalBool(column), column) }
    func date(_ column: String) throws -> Date { try Self.required(optionalDate(column), column) }

    private static func required<T>(_ value: T?, _ column: String) throws -> T {
        guard let value else { throw StoreError.database("the column \(column) is empty") }
        return value
    }
}

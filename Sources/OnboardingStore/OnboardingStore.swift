import Foundation
import GRDB
import Onboarding

/// Where onboardings live between runs: one database holding several onboardings, their effect
/// journal, audit log, form drafts and reputation snapshots — SQLite in the state directory, or
/// a desk's shared PostgreSQL database (`init(directory:database:)`); the engine and the UI do
/// not know which. The state directory is created 0700 and a SQLite file 0600; nothing secret
/// is ever written to either.
public final class OnboardingStore: Sendable {
    public static let databaseName = "reputation-wizard.sqlite"

    /// The state directory: this machine's files (LOA PDFs, lock files), and the SQLite database
    /// unless the store is shared.
    public let directory: URL
    /// The SQLite file in the state directory (where it would be, for a shared store).
    public var databasePath: String { directory.appendingPathComponent(Self.databaseName).path }
    /// The database that holds the onboardings.
    public let database: any StoreDatabase

    /// True when opened with `readOnly`: nothing is written, not even the directory's mode.
    public let isReadOnly: Bool

    /// Whether the onboardings are in a desk's shared database rather than this machine's file.
    public var isShared: Bool { !(database is SQLiteStoreDatabase) }

    /// Why nothing more can be written from this process (a shared store's session ended while
    /// it held an onboarding); nil while it can. A wizard shows it and stops acting.
    public var lostReason: String? { database.lostReason }

    /// Where the onboardings are, for messages: the state directory, or "the shared store URL"
    /// (never the password).
    public var whereabouts: String { isShared ? "the shared store \(database.location)" : directory.path }

    /// The store on `database` (a desk's shared PostgreSQL, migrated by its opener), with this
    /// machine's files in `directory` (created 0700 when absent).
    /// - Throws: `StoreError.cannotCreate` or `.diskFull` when the directory cannot be made.
    public init(directory: URL, database: any StoreDatabase) throws(StoreError) {
        self.directory = directory
        self.database = database
        isReadOnly = false
        try Self.makePrivateDirectory(directory)
    }

    /// Opens (creating when absent) the store in `directory`. A damaged database, or one written
    /// by a newer version, is refused and left as it is. Two processes opening a new directory
    /// at once take turns (a lock file, waited on for up to `openingWait` seconds).
    /// - Parameter readOnly: opens an existing database for reading only (`status`, `list`,
    ///   `log` on a directory this user cannot write): no directory or file is created, no mode
    ///   changed, no migration run.
    /// - Throws: `StoreError.cannotCreate`, `.busy` (another process kept the directory past the
    ///   wait), `.diskFull`, `.corrupt`, `.newerVersion`, or `.olderVersion` (read-only only).
    public init(directory: URL, readOnly: Bool = false, openingWait: Double = OnboardingStore.openingWait) throws(StoreError) {
        self.directory = directory
        isReadOnly = readOnly
        let path = directory.appendingPathComponent(Self.databaseName).path
        if readOnly {
            database = SQLiteStoreDatabase(queue: try Self.openReadOnly(path), path: path, readOnly: true)
            return
        }
        try Self.makePrivateDirectory(directory)
        let opening = try ProcessFileLock(path: directory.appendingPathComponent(ProcessFileLock.openingFileName).path, wait: openingWait)
        defer { opening.release() }
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw errno == ENOSPC ? .diskFull(path: path) : .cannotCreate(path: path, reason: "the file cannot be created")
            }
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(openingWait)
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            let migrator = Schema.migrator
            let applied = try queue.read { db in
                try db.tableExists("grdb_migrations") ? try migrator.appliedIdentifiers(db) : []
            }
            let unknown = applied.subtracting(migrator.migrations)
            if !unknown.isEmpty { throw StoreError.newerVersion(path: path, unknownMigrations: unknown.sorted()) }
            try migrator.migrate(queue)
        } catch {
            throw Self.diagnosed(error, path: path)
        }
        database = SQLiteStoreDatabase(queue: queue, path: path, readOnly: false)
        // Group and others lose access; the owner's bits are never widened (a 0400 copy stays so).
        for suffix in ["", "-wal", "-shm", "-journal"] where FileManager.default.fileExists(atPath: path + suffix) {
            let mode = (try? FileManager.default.attributesOfItem(atPath: path + suffix)[.posixPermissions] as? NSNumber)?.intValue ?? 0o600
            if mode & 0o077 != 0 {
                try? FileManager.default.setAttributes([.posixPermissions: mode & 0o700], ofItemAtPath: path + suffix)
            }
        }
    }

    /// Makes the state directory 0700 (group and others lose access; the owner's own bits are
    /// never widened).
    static func makePrivateDirectory(_ directory: URL) throws(StoreError) {
        do {
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            // Group and others lose access; the owner's own bits are never widened.
            let mode = (try FileManager.default.attributesOfItem(atPath: directory.path)[.posixPermissions] as? NSNumber)?.intValue ?? 0o700
            if mode & 0o077 != 0 {
                try FileManager.default.setAttributes([.posixPermissions: mode & 0o700], ofItemAtPath: directory.path)
            }
        } catch {
            throw Self.diagnosed(error, creating: directory.path)
        }
    }

    /// Seconds a process waits for another that is opening or writing the same directory.
    public static let openingWait: Double = 10

    static func openReadOnly(_ path: String) throws(StoreError) -> DatabaseQueue {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw .cannotCreate(path: path, reason: "the database cannot be read by this user")
        }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(openingWait)
        do {
            let database = try DatabaseQueue(path: path, configuration: configuration)
            let migrator = Schema.migrator
            let applied = try database.read { db in
                try db.tableExists("grdb_migrations") ? try migrator.appliedIdentifiers(db) : []
            }
            let unknown = applied.subtracting(migrator.migrations)
            if !unknown.isEmpty { throw StoreError.newerVersion(path: path, unknownMigrations: unknown.sorted()) }
            let missing = Set(migrator.migrations).subtracting(applied)
            if !missing.isEmpty { throw StoreError.olderVersion(path: path) }
            return database
        } catch {
            throw diagnosed(error, path: path)
        }
    }

    /// A database failure in words that say what to do: busy and full are not damage.
    static func diagnosed(_ error: any Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(path: path)
            case .SQLITE_FULL: return .diskFull(path: path)
            case .SQLITE_READONLY: return .readOnly(path: path)
            case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
                return .cannotCreate(path: path, reason: error.message ?? "it cannot be opened for writing")
            case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .corrupt(path: path, detail: error.message ?? "not a database")
            default: return .database(error.description)
            }
        }
        return .corrupt(path: path, detail: "\(error)")
    }

    /// A failure to create the directory: a full disk is said as such.
    static func diagnosed(_ error: any Error, creating path: String) -> StoreError {
        let code = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError)?.code ?? (error as NSError).code
        if code == Int(ENOSPC) || (error as NSError).code == NSFileWriteOutOfSpaceError { return .diskFull(path: path) }
        return .cannotCreate(path: path, reason: error.localizedDescription)
    }

    /// `--state-dir`, else `REPUTATION_WIZARD_STATE_DIR`, else `./state`.
    public static func directory(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let path = option ?? environment["REPUTATION_WIZARD_STATE_DIR"] ?? "state"
        return URL(fileURLWithPath: (path as NSString).expandingTildeInPath)
    }

    @discardableResult
    func write<T>(_ body: (any StoreSQL) throws -> T) throws(StoreError) -> T { try database.write(body) }

    func read<T>(_ body: (any StoreSQL) throws -> T) throws(StoreError) -> T { try database.read(body) }

    /// The SQLite queue under a store that is not shared, for tests of SQLite's own behaviour.
    var sqliteQueue: DatabaseQueue? { (database as? SQLiteStoreDatabase)?.queue }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    static func json<T: Encodable>(_ value: T) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
    static func value<T: Decodable>(_ type: T.Type, _ json: String) throws -> T { try decoder.decode(type, from: Data(json.utf8)) }
}

import Foundation
import GRDB
import Onboarding

/// Where onboardings live between runs: one SQLite database in the state directory, holding
/// several onboardings, their effect journal, audit log, form drafts and reputation snapshots.
/// The directory is created 0700 and the database 0600; nothing secret is ever written to it.
public final class OnboardingStore: Sendable {
    public static let databaseName = "reputation-wizard.sqlite"

    public let directory: URL
    public var databasePath: String { directory.appendingPathComponent(Self.databaseName).path }
    let database: DatabaseQueue

    /// Opens (creating when absent) the store in `directory`. A damaged database, or one written
    /// by a newer version, is refused and left as it is.
    public init(directory: URL) throws(StoreError) {
        self.directory = directory
        let path = directory.appendingPathComponent(Self.databaseName).path
        do {
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: directory.path)
        } catch {
            throw .cannotCreate(path: directory.path, reason: error.localizedDescription)
        }
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw .cannotCreate(path: path, reason: "the file cannot be created")
            }
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        do {
            database = try DatabaseQueue(path: path, configuration: configuration)
            let migrator = Schema.migrator
            let applied = try database.read { db in
                try db.tableExists("grdb_migrations") ? try migrator.appliedIdentifiers(db) : []
            }
            let unknown = applied.subtracting(migrator.migrations)
            if !unknown.isEmpty { throw StoreError.newerVersion(path: path, unknownMigrations: unknown.sorted()) }
            try migrator.migrate(database)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where [.SQLITE_NOTADB, .SQLITE_CORRUPT].contains(error.resultCode) {
            throw .corrupt(path: path, detail: error.message ?? "not a database")
        } catch {
            throw .corrupt(path: path, detail: "\(error)")
        }
        for suffix in ["", "-wal", "-shm", "-journal"] where FileManager.default.fileExists(atPath: path + suffix) {
            try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path + suffix)
        }
    }

    /// `--state-dir`, else `REPUTATION_WIZARD_STATE_DIR`, else `./state`.
    public static func directory(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let path = option ?? environment["REPUTATION_WIZARD_STATE_DIR"] ?? "state"
        return URL(fileURLWithPath: (path as NSString).expandingTildeInPath)
    }

    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try database.write(body) } catch let error as StoreError { throw error } catch { throw .database("\(error)") }
    }

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try database.read(body) } catch let error as StoreError { throw error } catch { throw .database("\(error)") }
    }

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

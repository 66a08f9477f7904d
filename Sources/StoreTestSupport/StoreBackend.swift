import Foundation
import OnboardingStore
import SharedStore

/// The two engines a store runs on, for tests that must hold on both: SQLite in a fresh state
/// directory, and PostgreSQL in a fresh database on the throwaway server `.ci/postgres` starts
/// (`REPUTATION_WIZARD_TEST_DATABASE_URL`); without that server only SQLite is tried.
public enum StoreBackend: String, Sendable, CaseIterable, CustomStringConvertible {
    case sqlite
    case postgres

    public var description: String { rawValue }

    /// The throwaway server's URL, when one was started for the tests.
    public static let testDatabaseURL = ProcessInfo.processInfo.environment["REPUTATION_WIZARD_TEST_DATABASE_URL"]

    /// The engines these tests can run on here: both with a server, SQLite alone without.
    public static var available: [StoreBackend] { testDatabaseURL == nil ? [.sqlite] : allCases }

    /// The engine the engine and wizard tests run on: `REPUTATION_WIZARD_TEST_STORE=postgres`
    /// (with a server) runs them on PostgreSQL; SQLite otherwise.
    public static var chosen: StoreBackend {
        ProcessInfo.processInfo.environment["REPUTATION_WIZARD_TEST_STORE"] == "postgres" && testDatabaseURL != nil ? .postgres : .sqlite
    }

    /// A fresh, empty store on this engine for `body`; its state directory (and database) are
    /// removed after.
    public func withFreshStore<T>(_ body: (OnboardingStore) throws -> T) throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        switch self {
        case .sqlite:
            return try body(try OnboardingStore(directory: directory))
        case .postgres:
            let scratch = try ScratchDatabase()
            defer { scratch.drop() }
            return try body(try OnboardingStore(directory: directory, database: try scratch.open()))
        }
    }

    /// `withFreshStore` for an async body.
    public func withFreshAsyncStore<T>(_ body: (OnboardingStore) async throws -> T) async throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        switch self {
        case .sqlite:
            return try await body(try OnboardingStore(directory: directory))
        case .postgres:
            // Hundreds of async tests run at once; the server takes 100 sessions.
            await ScratchSlots.shared.take()
            let scratch: ScratchDatabase
            do { scratch = try ScratchDatabase() } catch {
                await ScratchSlots.shared.give()
                throw error
            }
            let result: Result<T, any Error>
            do { result = .success(try await body(try OnboardingStore(directory: directory, database: try scratch.open()))) } catch {
                result = .failure(error)
            }
            scratch.drop()
            await ScratchSlots.shared.give()
            return try result.get()
        }
    }
}

/// At most `limit` scratch databases in use at once, the rest waiting their turn in order.
actor ScratchSlots {
    static let shared = ScratchSlots(limit: 12)
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { free = limit }

    func take() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func give() {
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
    }
}

/// A database of its own on the test server, made empty and dropped (with its sessions) after.
public final class ScratchDatabase: Sendable {
    public let location: SharedDatabaseLocation
    let server: SharedDatabaseLocation

    /// - Throws: when no test server was given, or it cannot make the database.
    public init() throws {
        guard let url = StoreBackend.testDatabaseURL else { throw StoreError.database("no REPUTATION_WIZARD_TEST_DATABASE_URL") }
        server = try SharedDatabaseLocation(url: url, environment: [:])
        var location = server
        location.database = "rw_test_\(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: ""))"
        self.location = location
        let admin = try PostgresStoreDatabase.connect(server)
        defer { admin.close() }
        try admin.execute("CREATE DATABASE \(location.database)")
    }

    /// The shared store on it, migrated.
    public func open() throws(StoreError) -> PostgresStoreDatabase { try PostgresStoreDatabase.open(location) }

    /// Drops it, ending any session still on it.
    public func drop() {
        guard let admin = try? PostgresStoreDatabase.connect(server) else { return }
        defer { admin.close() }
        try? admin.execute("DROP DATABASE IF EXISTS \(location.database) WITH (FORCE)")
    }
}

import PostgresNIO

/// Why the shared store could not do what was asked, worded for the person, never with the
/// password (`SharedDatabaseLocation.description` leaves it out).
public enum SharedStoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The server could not be reached or logged in to: `location`, and what went wrong.
    case unreachable(String, reason: String)
    /// The server refused a statement, with PostgreSQL's message.
    case refused(String, message: String)
    /// The database was brought past this version's schema by a newer reputation-wizard.
    case newerVersion(String, unknownMigrations: [String])

    public var description: String {
        switch self {
        case .unreachable(let location, let reason): "The shared store \(location) cannot be reached: \(reason)."
        case .refused(let location, let message): "The shared store \(location) refused it: \(message)."
        case .newerVersion(let location, let unknown):
            "The shared store \(location) was written by a newer reputation-wizard (migrations \(unknown.joined(separator: ", "))); use that version."
        }
    }

    /// Runs `body`, answering its errors as `SharedStoreError` about `location`.
    static func wrapping<T>(_ location: SharedDatabaseLocation, _ body: () async throws -> T) async throws(SharedStoreError) -> T {
        do {
            return try await body()
        } catch let error as PostgresTransactionError {
            // What went wrong inside the transaction (rolled back) is the error to say.
            guard let cause = error.closureError ?? error.beginError ?? error.commitError else { throw described(error, location) }
            throw described(cause, location)
        } catch {
            throw described(error, location)
        }
    }

    /// `error` as a `SharedStoreError` about `location`.
    static func described(_ error: any Error, _ location: SharedDatabaseLocation) -> SharedStoreError {
        switch error {
        case let error as SharedStoreError: error
        case let error as PSQLError:
            // PSQLError's description hides the server's words; they name the problem here.
            error.serverInfo?[.message].map { .refused(location.description, message: $0) }
                ?? .unreachable(location.description, reason: "\(error.code)")
        default: .unreachable(location.description, reason: "\(error)")
        }
    }
}

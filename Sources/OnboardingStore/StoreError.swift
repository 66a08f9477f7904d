import Foundation

/// Why the state directory cannot be used, in words that say what to do. The database is never
/// overwritten or "repaired" behind the person's back.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    case cannotCreate(path: String, reason: String)
    case corrupt(path: String, detail: String)
    case newerVersion(path: String, unknownMigrations: [String])
    case locked(LockHolder)
    case notFound(onboardingId: String)
    case database(String)

    public var description: String {
        switch self {
        case .cannotCreate(let path, let reason):
            "Cannot create the state directory \(path): \(reason). Choose another with --state-dir."
        case .corrupt(let path, let detail):
            "\(path) is not a readable reputation-wizard database (\(detail)). It was left untouched; move it aside to start afresh, or restore it from a backup."
        case .newerVersion(let path, let unknown):
            "\(path) was written by a newer reputation-wizard (it has \(unknown.joined(separator: ", "))). It was left untouched; use the newer version."
        case .locked(let holder):
            "Onboarding \(holder.onboardingId) is open in another process: pid \(holder.pid) on \(holder.host), since \(holder.since). Close it there first."
        case .notFound(let id):
            "There is no onboarding \(id) in this state directory; `reputation-wizard list` shows the ones there are."
        case .database(let detail):
            "The state database failed: \(detail)"
        }
    }
}

/// Who holds an onboarding open.
public struct LockHolder: Equatable, Sendable, Codable {
    public var onboardingId: String
    public var pid: Int32
    public var host: String
    public var since: Date
}

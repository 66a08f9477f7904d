import Foundation

/// Why the state directory cannot be used, in words that say what to do. The database is never
/// overwritten or "repaired" behind the person's back.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    case cannotCreate(path: String, reason: String)
    case corrupt(path: String, detail: String)
    case newerVersion(path: String, unknownMigrations: [String])
    case locked(LockHolder)
    case notFound(onboardingId: String)
    case database(String)
    /// Another process kept the database busy past the wait (opening a new directory, a long write).
    case busy(path: String)
    /// The disk (or the user's quota) is full.
    case diskFull(path: String)
    /// Opened read-only (a directory this user cannot write): nothing can be saved.
    case readOnly(path: String)
    /// Opened read-only, and written by an older version that a writable open would bring up to date.
    case olderVersion(path: String)
    /// One onboarding's row cannot be read (a newer state version, damaged JSON); the others can.
    case unreadable(onboardingId: String, reason: String)
    /// An onboarding with this id is in the store already.
    case exists(onboardingId: String)
    /// Another onboarding tracks this enterprise at Telnyx already (two would bill its numbers twice).
    case alreadyTracked(enterpriseId: String, onboardingId: String)
    /// The shared store's session ended while this process held an onboarding's lease: nothing
    /// more is written from here.
    case lost(location: String, reason: String)
    /// The shared store's server cannot be reached, logged in to, or used any more (`location` never shows the
    /// password).
    case unreachable(location: String, reason: String)

    public var errorDescription: String? { description }

    /// `text` on one line: line breaks and other control characters become spaces.
    static func oneLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
    }

    /// The onboarding an `.unreadable` error names.
    public var unreadableId: String? {
        if case .unreadable(let id, _) = self { id } else { nil }
    }

    public var description: String {
        switch self {
        case .cannotCreate(let path, let reason):
            "Cannot create the state directory \(path): \(reason). Choose another with --state-dir."
        case .corrupt(let path, let detail):
            "\(path) is not a readable reputation-wizard database (\(detail)). It was left untouched; move it aside to start afresh, or restore it from a backup."
        case .newerVersion(let path, let unknown):
            "\(path) was written by a newer reputation-wizard (it has \(unknown.joined(separator: ", "))). It was left untouched; use the newer version."
        case .locked(let holder):
            // Another desk wrote the user and host: one line, whatever they hold.
            "Onboarding \(holder.onboardingId) is open in another process: \(holder.user.map { "\(Self.oneLine($0)), " } ?? "")pid \(holder.pid) on \(Self.oneLine(holder.host)), since \(holder.since). Close it there first."
        case .notFound(let id):
            "There is no onboarding \(id) in this state directory; `reputation-wizard list` shows the ones there are."
        case .database(let detail):
            "The state database failed: \(detail)"
        case .busy(let path):
            "\(path) is busy: another reputation-wizard is opening or writing it. Try again in a moment."
        case .diskFull(let path):
            "The disk holding \(path) is full (or the quota is used up). Free some space and try again; nothing was lost."
        case .readOnly(let path):
            "\(path) is read-only for this user: it can be read (`status`, `list`, `log`), not changed. Run as its owner, or copy the state directory."
        case .olderVersion(let path):
            "\(path) was written by an older reputation-wizard and cannot be read without bringing it up to date, which needs write access. Run any command as its owner once."
        case .unreadable(let id, let reason):
            "Onboarding \(id) cannot be read here: \(reason). The other onboardings are not affected."
        case .exists(let id):
            "There is an onboarding \(id) here already; continue it with `reputation-wizard run --id \(id)`, or give another id."
        case .alreadyTracked(let enterpriseId, let id):
            "Enterprise \(enterpriseId) is already tracked by onboarding \(id) here; continue that one with `reputation-wizard run --id \(id)` (two onboardings of one enterprise would bill its numbers twice)."
        case .lost(let location, let reason):
            "The shared store \(location): \(reason)."
        case .unreachable(let location, let reason):
            "The shared store \(location) cannot be used: \(reason). Check --database (or REPUTATION_WIZARD_DATABASE_URL) and the server; nothing was changed."
        }
    }
}

/// Who holds an onboarding open.
public struct LockHolder: Equatable, Sendable, Codable {
    public var onboardingId: String
    public var pid: Int32
    public var host: String
    public var since: Date
    /// The holder's login name; nil for a lock taken by a version that did not keep it.
    public var user: String?

    public init(onboardingId: String, pid: Int32, host: String, since: Date, user: String?) {
        self.onboardingId = onboardingId
        self.pid = pid
        self.host = host
        self.since = since
        self.user = user
    }
}

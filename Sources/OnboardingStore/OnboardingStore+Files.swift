import Foundation
import Onboarding

/// A file of an onboarding that a shared store keeps for every desk.
public enum OnboardingFileRole: String, Sendable, CaseIterable {
    /// The LOA Telnyx rendered (step 3), to be signed.
    case renderedLOA = "rendered_loa"
    /// The signed LOA uploaded (step 4).
    case signedLOA = "signed_loa"
}

extension OnboardingStore {
    /// Keeps a file of the onboarding in the database, replacing the last of its role, so
    /// another desk on the shared store can continue from it. (On SQLite the state directory
    /// holds the file already; nothing is kept twice.)
    /// - Throws: `StoreError`.
    public func keepFile(
        _ onboardingId: String, _ role: OnboardingFileRole, name: String, contents: Data, at now: Date = Date()
    )
        throws(StoreError)
    {
        guard isShared else { return }
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO onboardingFile (onboardingId, role, name, contents, savedAt) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (onboardingId, role) DO UPDATE SET name = excluded.name, contents = excluded.contents,
                      savedAt = excluded.savedAt
                    """,
                arguments: [onboardingId, role.rawValue, name, contents, now])
        }
    }

    /// `state` with its LOA files on this machine: a file the shared store keeps but this desk
    /// lacks (written at another desk) is written into the onboarding's folder here (0600) and
    /// the state points at it. Unchanged on SQLite, or when the files are here.
    /// - Throws: `StoreError.cannotCreate` or `.diskFull` when a file cannot be written here.
    public func withLocalFiles(_ state: OnboardingState) throws(StoreError) -> OnboardingState {
        guard isShared else { return state }
        let missing = OnboardingFileRole.allCases.filter { role in
            let path = role == .renderedLOA ? state.renderedLOAPath : state.signedLOAPath
            return path.map { !FileManager.default.fileExists(atPath: $0) } ?? false
        }
        guard !missing.isEmpty else { return state }
        var state = state
        let kept = try read { db in
            try db.rows(sql: "SELECT role, name, contents FROM onboardingFile WHERE onboardingId = ?", arguments: [state.id])
        }
        let folder = directory.appendingPathComponent(state.id, isDirectory: true)
        for row in kept {
            guard let role = row.optionalText("role").flatMap(OnboardingFileRole.init(rawValue:)), missing.contains(role),
                let name = row.optionalText("name"), OnboardingStore.isPlainFileName(name), let contents = row.optionalData("contents")
            else { continue }
            do {
                try FileManager.default.createDirectory(
                    at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw Self.diagnosed(error, creating: folder.path)
            }
            let path = folder.appendingPathComponent(name).path
            if FileManager.default.contents(atPath: path) != contents {
                guard FileManager.default.createFile(atPath: path, contents: contents, attributes: [.posixPermissions: 0o600]) else {
                    throw .cannotCreate(path: path, reason: "the file cannot be written")
                }
            }
            switch role {
            case .renderedLOA: state.renderedLOAPath = path
            case .signedLOA: state.signedLOAPath = path
            }
        }
        return state
    }
}

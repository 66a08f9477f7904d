import Foundation

/// One process at a time: an advisory `flock` on a file, released on `release()` or when the
/// process dies. It serialises first opens of a state directory (without it, two first runs at
/// once would both create the tables and one would take the other's work for damage) and the
/// sandbox's simulated account (two processes would each overwrite the other's).
public struct ProcessFileLock: Sendable {
    /// The lock file of a state directory's opening.
    public static let openingFileName = ".opening.lock"
    let descriptor: Int32

    /// Takes the lock on `path` (created 0600), waiting up to `wait` seconds for another
    /// process to let it go; `waiting` hears once when it has to wait.
    /// - Throws: `StoreError.busy` when another process holds it past `wait`, `.diskFull` or
    ///   `.cannotCreate` when the file cannot be made.
    public init(path: String, wait: Double, waiting: () -> Void = {}) throws(StoreError) {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw errno == ENOSPC ? .diskFull(path: path) : .cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
        let deadline = Date().addingTimeInterval(wait)
        var told = false
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                close(descriptor)
                throw .busy(path: (path as NSString).deletingLastPathComponent)
            }
            if !told {
                waiting()
                told = true
            }
            usleep(20_000)
        }
        self.descriptor = descriptor
    }

    public func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

/// A lock held until `release()`: a file's on this machine, or a shared store's session lock.
public struct HeldLock: Sendable {
    let releasing: @Sendable () -> Void

    public func release() { releasing() }
}

extension OnboardingStore {
    /// One `watch` of an onboarding at a time (two at once would both report, and mark, the
    /// same changes, and two refreshes would both bill): the lock on `.watch-ID.lock` in the
    /// state directory, or on a shared store a session lock every desk sees; waiting up to
    /// `wait` seconds for another watch to finish.
    /// - Throws: `StoreError.busy` when another watch holds it past `wait`.
    public func watchLock(_ onboardingId: String, wait: Double, waiting: () -> Void = {}) throws(StoreError) -> HeldLock {
        guard let sessionLocks = database.sessionLocks else {
            let lock = try ProcessFileLock(
                path: directory.appendingPathComponent(".watch-\(onboardingId).lock").path, wait: wait, waiting: waiting)
            return HeldLock(releasing: lock.release)
        }
        let name = "watch:\(onboardingId)"
        let deadline = Date().addingTimeInterval(wait)
        var told = false
        // Held already by this process counts as held: one watch of an onboarding at a time.
        while try sessionLocks.tryLock(name) != .taken {
            guard Date() < deadline else { throw .busy(path: database.location) }
            if !told {
                waiting()
                told = true
            }
            usleep(50_000)
        }
        return HeldLock(releasing: { sessionLocks.unlock(name) })
    }
}

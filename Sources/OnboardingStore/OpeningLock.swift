import Foundation

/// Serialises processes opening one state directory (creating the database, migrating it):
/// without it, two first runs at once would both create the tables and one would take the
/// other's work for damage. An advisory `flock` on `.opening.lock`, released on close or when
/// the process dies.
struct OpeningLock {
    static let fileName = ".opening.lock"
    let descriptor: Int32

    /// - Throws: `StoreError.busy` when another process holds it past `wait` seconds,
    ///   `.diskFull` or `.cannotCreate` when the file cannot be made.
    init(directory: URL, wait: Double) throws(StoreError) {
        let path = directory.appendingPathComponent(Self.fileName).path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw errno == ENOSPC ? .diskFull(path: path) : .cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
        let deadline = Date().addingTimeInterval(wait)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                close(descriptor)
                throw .busy(path: directory.path)
            }
            usleep(20_000)
        }
        self.descriptor = descriptor
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

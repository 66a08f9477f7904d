import Foundation
import Synchronization

/// A simulated world kept in a file, so the sandbox's account (its enterprises, reviews under
/// way, numbers and ledger) outlives the process that runs it and an onboarding in it can be
/// resumed days later. Written whole and atomically after every request.
struct WorldFile: Codable {
    static let currentVersion = 1

    var version = Self.currentVersion
    /// The simulated time when saved, and the wall-clock time then: a flowing clock counts the
    /// time the sandbox was closed, as reviewers at Telnyx would.
    var simulatedNow: Date
    var savedAt: Date
    var state: WorldState

    enum Problem: Error, CustomStringConvertible {
        case unreadable(path: String, reason: String)

        var description: String {
            switch self {
            case .unreadable(let path, let reason):
                "The sandbox's saved world \(path) cannot be read (\(reason)); move it aside to start a new sandbox account."
            }
        }
    }

    static func load(_ url: URL) throws(Problem) -> WorldFile? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            let file = try JSONDecoder().decode(WorldFile.self, from: Data(contentsOf: url))
            guard file.version == currentVersion else {
                throw Problem.unreadable(path: url.path, reason: "written by another version, \(file.version)")
            }
            return file
        } catch let problem as Problem {
            throw problem
        } catch {
            throw .unreadable(path: url.path, reason: "\(error)")
        }
    }

    func write(to url: URL) throws {
        let data = try JSONEncoder().encode(self)
        try data.write(to: url, options: [.atomic])
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
    }
}

extension SimulatorWorld {
    /// The world saved in `url`, or a new one when there is none yet.
    public static func restoring(_ url: URL, options: SimulatorOptions) throws -> SimulatorWorld {
        guard let file = try WorldFile.load(url) else { return SimulatorWorld(options: options) }
        let closed = options.clockMode == .flowing ? max(0, Date().timeIntervalSince(file.savedAt)) : 0
        return SimulatorWorld(
            options: options, state: file.state,
            clock: SimulatedClock(start: file.simulatedNow.addingTimeInterval(closed), mode: options.clockMode))
    }

    /// Writes the whole world to `url`. Saves run one at a time, so the file always ends with
    /// the latest world.
    public func save(to url: URL) throws {
        try saving.withLock { _ in
            let now = clock.now
            let snapshot = state.withLock { $0 }
            try WorldFile(simulatedNow: now, savedAt: Date(), state: snapshot).write(to: url)
        }
    }
}

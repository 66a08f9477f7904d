import Foundation
import Synchronization

/// The simulator's notion of "now". Gates, document expiry and timestamps all read it, so tests
/// can move days forward without waiting. In `flowing` mode simulated time also follows the wall
/// clock (for people trying the sandbox); in `manual` mode it moves only when advanced.
public final class SimulatedClock: Sendable {
    public enum Mode: Sendable { case manual, flowing }

    private struct State {
        var start: Date
        var advanced: TimeInterval = 0
    }

    private let mode: Mode
    private let wallStart: Date
    private let state: Mutex<State>

    public init(start: Date = Date(timeIntervalSince1970: 1_798_761_600), mode: Mode = .manual) {
        self.mode = mode
        self.wallStart = Date()
        self.state = Mutex(State(start: start))
    }

    public var now: Date {
        state.withLock { state in
            let flowed = mode == .flowing ? Date().timeIntervalSince(wallStart) : 0
            return state.start.addingTimeInterval(state.advanced + flowed)
        }
    }

    public func advance(by seconds: TimeInterval) {
        state.withLock { $0.advanced += max(0, seconds) }
    }
}

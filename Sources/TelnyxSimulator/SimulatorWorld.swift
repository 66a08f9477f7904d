import Foundation
import Synchronization

/// The simulated Telnyx account and everything in it, shared by all requests. Each operation
/// runs entirely under one lock after letting time settle, so a batch is atomic even when
/// requests race.
public final class SimulatorWorld: Sendable {
    public let options: SimulatorOptions
    public let clock: SimulatedClock
    let state: Mutex<WorldState>
    /// Held while the world is written to its file.
    let saving = Mutex(())

    public convenience init(options: SimulatorOptions) {
        self.init(
            options: options, state: WorldState(options: options), clock: SimulatedClock(start: options.clockStart, mode: options.clockMode)
        )
    }

    init(options: SimulatorOptions, state: WorldState, clock: SimulatedClock) {
        self.options = options
        self.clock = clock
        self.state = Mutex(state)
    }

    /// Runs `body` on the settled world at the current simulated time.
    func transact<Result: Sendable>(_ body: (inout WorldState, Date) throws -> Result) throws -> Result {
        let now = clock.now
        return try state.withLock { (state: inout WorldState) throws -> Result in
            state.settle(now: now)
            state.runScheduledChecks(now: now, seed: options.seed, pricePerNumber: options.prices.refreshPerNumberUSD)
            return try body(&state, now)
        }
    }

    func read<Result: Sendable>(_ body: (inout WorldState, Date) -> Result) -> Result {
        let now = clock.now
        return state.withLock { (state: inout WorldState) -> Result in
            state.settle(now: now)
            state.runScheduledChecks(now: now, seed: options.seed, pricePerNumber: options.prices.refreshPerNumberUSD)
            return body(&state, now)
        }
    }

    /// Forgets everything but the options: a fresh account, as at start.
    public func reset() {
        state.withLock { $0 = WorldState(options: options) }
    }

    public var ledger: [LedgerEntry] { read { state, _ in state.ledger } }
    public var inventory: [String] { read { state, _ in state.inventory.map(\.phoneNumber) } }
}

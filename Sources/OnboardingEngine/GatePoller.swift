import Foundation
import Onboarding
import OnboardingStore

/// Watches Telnyx's review while an onboarding waits at step 6 (and the ownership proof's at any
/// step after): checks on the schedule (soon,
/// then less often up to a ceiling), at once when asked, and stops when there is nothing left
/// to wait for. Sleeping is injected, so tests move a simulated clock instead of waiting.
public actor GatePoller {
    public enum Activity: Sendable, Equatable {
        /// Sleeping until the next check.
        case waiting(nextCheckAt: Date)
        case checking
        /// Nothing more to wait for, and why (approved, rejected, the step changed…).
        case stopped(String)
    }

    let engine: OnboardingEngine
    let schedule: GatePollSchedule
    let sleep: @Sendable (Double) async throws -> Void
    let now: @Sendable () -> Date
    /// Every change of activity, for a screen to redraw (a spinner while checking).
    public nonisolated let activities: AsyncStream<Activity>
    private let publisher: AsyncStream<Activity>.Continuation
    public private(set) var activity: Activity?
    private var attempt = 0
    private var sleeper: Task<Void, Never>?

    public init(
        engine: OnboardingEngine, schedule: GatePollSchedule = GatePollSchedule(),
        sleep: @escaping @Sendable (Double) async throws -> Void = { try await Task.sleep(for: .seconds($0)) },
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.engine = engine
        self.schedule = schedule
        self.sleep = sleep
        self.now = now
        (activities, publisher) = AsyncStream.makeStream(of: Activity.self, bufferingPolicy: .bufferingNewest(16))
    }

    /// Polls until there is nothing to wait for, or the calling task is cancelled.
    public func run() async throws(StoreError) {
        defer { publisher.finish() }
        while !Task.isCancelled {
            if let reason = Self.reasonToStop(await engine.state) {
                publish(.stopped(reason))
                return
            }
            let delay = schedule.delay(attempt: attempt)
            publish(.waiting(nextCheckAt: now().addingTimeInterval(delay)))
            // A cancelled sleep is "check now"; only the sleep is cancelled, never the check.
            let sleep = self.sleep
            let sleeper = Task { _ = try? await sleep(delay) }
            self.sleeper = sleeper
            await withTaskCancellationHandler {
                await sleeper.value
            } onCancel: {
                sleeper.cancel()
            }
            self.sleeper = nil
            if Task.isCancelled { return }
            attempt += 1
            publish(.checking)
            let state = await engine.state
            let reviewing = state.step == .gates || state.gates?.ownershipProofPending == true
            if reviewing, let refusal = try await engine.send(.checkGatesNow) {
                publish(.stopped(refusal))
                return
            }
            if await engine.state.hasUnfinishedRemediation, let refusal = try await engine.send(.checkRemediationsNow) {
                publish(.stopped(refusal))
                return
            }
        }
    }

    /// Ends the current wait, so the check happens now.
    public func checkNow() { sleeper?.cancel() }

    /// Whether it is sleeping until its next check (so `checkNow` has something to end).
    public var isWaiting: Bool { sleeper != nil }

    private func publish(_ activity: Activity) {
        self.activity = activity
        publisher.yield(activity)
    }

    /// Why there is nothing to poll for, or nil while a review is pending.
    static func reasonToStop(_ state: OnboardingState) -> String? {
        if state.inFlight != nil, state.lastError?.outcomeUnknown == true {
            return "An answer from Telnyx was lost; it is reconciled before checking again."
        }
        guard let gates = state.gates else { return "Not waiting on Telnyx's review." }
        // The ownership proof is reviewed, and remediation requests worked through, at any step
        // once reputation is enabled.
        if gates.ownershipProofPending && state.reputationEnabled && state.disabledReputation == nil { return nil }
        if state.hasUnfinishedRemediation { return nil }
        if gates.bothApproved { return "Both reviews are approved." }
        if gates.vettingRejected { return "Telnyx rejected the enterprise: correct it and submit again." }
        if gates.loaRejected { return "Telnyx rejected the LOA: replace it." }
        return state.step == .gates ? nil : "Not waiting on Telnyx's review."
    }
}

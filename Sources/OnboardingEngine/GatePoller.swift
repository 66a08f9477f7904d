import Foundation
import Onboarding
import OnboardingStore

/// Watches Telnyx's review while an onboarding waits at step 6 (and the ownership proof's at any
/// step after, and unfinished remediation requests): checks on the schedule (soon, then less
/// often up to a ceiling), at once when asked, and stops when there is nothing left to wait
/// for. With `watchingOwnership` (an open wizard), it also reads every `ownershipEvery` seconds
/// what Telnyx asks about the monitored numbers at steps 8 and 9, so a number flagged during a
/// session shows without reopening. Sleeping is injected, so tests move a simulated clock
/// instead of waiting.
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
    /// Whether the ownership questions are read too, while numbers are monitored (steps 8-9).
    let watchingOwnership: Bool
    /// Seconds between two reads of the ownership questions. Telnyx checks each number's carrier
    /// once a day (api-notes, since SDK 4.189.0), so a quarter of an hour is soon enough; each
    /// read is the free list of monitored numbers.
    public static let ownershipEvery: Double = 900
    /// When the ownership questions were last read (opening the wizard reads them).
    private var ownershipReadAt: Date?
    /// Every change of activity, for a screen to redraw (a spinner while checking).
    public nonisolated let activities: AsyncStream<Activity>
    private let publisher: AsyncStream<Activity>.Continuation
    public private(set) var activity: Activity?
    private var attempt = 0
    private var sleeper: Task<Void, Never>?

    public init(
        engine: OnboardingEngine, schedule: GatePollSchedule = GatePollSchedule(),
        sleep: @escaping @Sendable (Double) async throws -> Void = { try await Task.sleep(for: .seconds($0)) },
        now: @escaping @Sendable () -> Date = Date.init, watchingOwnership: Bool = false
    ) {
        self.engine = engine
        self.watchingOwnership = watchingOwnership
        self.schedule = schedule
        self.sleep = sleep
        self.now = now
        (activities, publisher) = AsyncStream.makeStream(of: Activity.self, bufferingPolicy: .bufferingNewest(16))
    }

    /// Polls until there is nothing to wait for, or the calling task is cancelled.
    public func run() async throws(StoreError) {
        defer { publisher.finish() }
        ownershipReadAt = now()
        while !Task.isCancelled {
            let standing = await engine.state
            let reasonToStop = Self.reasonToStop(standing)
            let awaitingReview = reasonToStop == nil
            if let reasonToStop, !(watchingOwnership && standing.ownershipWatched) {
                publish(.stopped(reasonToStop))
                return
            }
            let untilOwnershipRead = Self.ownershipEvery - now().timeIntervalSince(ownershipReadAt ?? now())
            let delay = awaitingReview ? schedule.delay(attempt: attempt) : max(0, untilOwnershipRead)
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
            if watchingOwnership, await engine.state.ownershipWatched,
                now().timeIntervalSince(ownershipReadAt ?? .distantPast) >= Self.ownershipEvery
            {
                // Refused only when the onboarding left steps 8-9 meanwhile; the loop then stops.
                _ = try await engine.send(.checkOwnershipNow)
                ownershipReadAt = now()
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

import Foundation
import Onboarding
import OnboardingEngine
import OnboardingStore
import SimulatorTestSupport
import Synchronization
import TelnyxSimulator
import Testing

/// Delays the poller slept, each moving the simulator's clock by as much.
actor SimulatedSleeps {
    private(set) var delays: [Double] = []
    func record(_ delay: Double) { delays.append(delay) }
}

/// An onboarding enabled and waiting on Telnyx's review, in a simulator of `scenario`.
func withOnboardingAtReview(
    _ scenario: Scenario = .happy, _ body: @Sendable (OnboardingEngine, RunningSimulator) async throws -> Void
) async throws {
    try await withSimulator({ $0.scenario = scenario }) { simulator in
        try await withStore { store in
            let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-poll")
            try await walkToGates(engine)
            try await body(engine, simulator)
            await engine.close()
        }
    }
}

@Suite struct GatePollerTests {
    @Test func pollsOnTheBackingOffScheduleUntilBothReviewsAreApproved() async throws {
        try await withOnboardingAtReview { engine, simulator in
            let sleeps = SimulatedSleeps()
            let poller = GatePoller(
                engine: engine, schedule: GatePollSchedule(first: 30, ceiling: 200, random: { 0.5 }),
                sleep: { delay in
                    await sleeps.record(delay)
                    try await simulator.advanceClock(seconds: delay)
                })
            try await poller.run()
            // Vetting approves after 60 s and the LOA after 300 s: checked at 30, 90, 210, 410.
            #expect(await sleeps.delays == [30, 60, 120, 200])
            #expect(await engine.state.step == .associate)
            #expect(await poller.activity == .stopped("Both reviews are approved."))
        }
    }

    @Test func checkNowEndsTheWaitAtOnce() async throws {
        try await withOnboardingAtReview { engine, simulator in
            // An hour-long sleep that only "check now" can end: no test waits for it.
            let poller = GatePoller(engine: engine, schedule: GatePollSchedule(first: 3600, ceiling: 3600))
            let polling = Task { try await poller.run() }
            var seen: [GatePoller.Activity] = []
            for await activity in poller.activities {
                seen.append(activity)
                if case .waiting = activity, seen.count == 1 {
                    #expect(await poller.isWaiting)
                    try await simulator.advanceClock(seconds: 301)
                    await poller.checkNow()
                }
            }
            try await polling.value
            #expect(await !poller.isWaiting, "a stopped poller has no wait to end: the screen asks Telnyx directly")
            #expect(seen.count == 3)
            #expect(seen.dropFirst().first == .checking)
            #expect(seen.last == .stopped("Both reviews are approved."))
            #expect(await engine.state.step == .associate)
        }
    }

    @Test func aRejectionStopsThePolling() async throws {
        try await withOnboardingAtReview(.loaRejected) { engine, simulator in
            let poller = GatePoller(
                engine: engine, schedule: GatePollSchedule(first: 400, ceiling: 400, random: { 0.5 }),
                sleep: { try await simulator.advanceClock(seconds: $0) })
            try await poller.run()
            #expect(await poller.activity == .stopped("Telnyx rejected the LOA: replace it."))
            #expect(await engine.state.gates?.loaRejected == true)
        }
    }

    @Test func cancellingThePollerStopsItWithoutACheck() async throws {
        try await withOnboardingAtReview { engine, simulator in
            let poller = GatePoller(engine: engine, schedule: GatePollSchedule(first: 3600, ceiling: 3600))
            let polling = Task { try await poller.run() }
            for await activity in poller.activities {
                if case .waiting = activity { polling.cancel() }
            }
            try await polling.value
            if case .waiting = await poller.activity {} else { Issue.record("stopped while waiting, before any check") }
        }
    }

    /// An open wizard at step 9 keeps reading what Telnyx asks about the numbers, every
    /// quarter of an hour, so a number flagged during the session shows without reopening; a
    /// headless run's poller stops instead (nothing is reviewed).
    @Test func anOpenWizardReadsTheOwnershipQuestionsEveryQuarterOfAnHour() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-watch")
                try await walkToManage(engine, simulator)
                let asked = await engine.state.monitoredNumbers[1]
                let flag = try await simulator.raw(
                    .POST, "/_simulator/numbers/\(asked.replacingOccurrences(of: "+", with: "%2B"))/flag",
                    json: #"{"reason": "carrier_changed"}"#, key: nil)
                #expect(flag.status == 204)

                let headless = GatePoller(engine: engine, sleep: { _ in Issue.record("a headless poller does not wait at step 9") })
                try await headless.run()
                #expect(await headless.activity == .stopped("Both reviews are approved."))
                #expect(await engine.state.ownershipNotices == nil)

                let clock = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
                let sleeps = SimulatedSleeps()
                let poller = GatePoller(
                    engine: engine,
                    sleep: { delay in
                        await sleeps.record(delay)
                        // The second wait lasts until the test ends it.
                        if await sleeps.delays.count > 1 { try await Task.sleep(for: .seconds(3600)) }
                        clock.withLock { $0 += delay }
                    },
                    now: { clock.withLock { $0 } }, watchingOwnership: true)
                let polling = Task { try await poller.run() }
                var seen: [GatePoller.Activity] = []
                for await activity in poller.activities {
                    seen.append(activity)
                    if seen.count == 3 { polling.cancel() }
                }
                try await polling.value
                let start = Date(timeIntervalSince1970: 1_800_000_000)
                #expect(
                    seen == [
                        .waiting(nextCheckAt: start + 900), .checking, .waiting(nextCheckAt: start + 1800),
                    ])
                #expect(await sleeps.delays == [900, 900])
                let notices = await engine.state.ownershipNotices
                #expect(notices?.map(\.phoneNumber) == [asked])
                #expect(notices?.map(\.status) == [.pendingConfirmation])
                await engine.close()
            }
        }
    }
}

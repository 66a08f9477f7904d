import Foundation
import Onboarding
import OnboardingEngine
import OnboardingStore
import SimulatorTestSupport
import Synchronization
import TelnyxAPI
import TerminalUI
import Testing
import WizardRuntime

@testable import reputation_wizard

/// The full-screen wizard's loop itself (keys, decisions in the background, what is shown once
/// they end) against an in-process simulator, through a scripted terminal.
@Suite struct InteractiveWizardTests {
    /// An onboarding walked through the engine to the $100 enable's confirmation.
    func onboardingAskingToEnable(_ simulator: RunningSimulator, store: OnboardingStore) async throws -> OnboardingEngine {
        let engine = try await onboardingAtStepFive(simulator, store: store, id: "onb-wizard")
        try await engine.send(.chooseFrequency(.weekly, plannedNumbers: 3))
        return engine
    }

    /// An onboarding walked to step 7 through the engine, both reviews approved.
    func approvedOnboarding(_ simulator: RunningSimulator, store: OnboardingStore) async throws -> OnboardingEngine {
        let engine = try await onboardingAskingToEnable(simulator, store: store)
        try await engine.send(.confirm)
        try await simulator.advanceClock(seconds: 301)
        try await engine.send(.checkGatesNow)
        #expect(await engine.state.step == .associate)
        return engine
    }

    func withStore<T>(_ body: (OnboardingStore) async throws -> T) async throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wizard-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        return try await body(try OnboardingStore(directory: directory))
    }

    /// An answer lost on the $100 enable, and Telnyx not answering the first check either: the
    /// open wizard asks again by itself (every 10 s on its clock) and lands on the review,
    /// without a restart and without enabling twice.
    @Test func theWizardChecksALostAnswerAgainByItself() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let engine = try await onboardingAskingToEnable(simulator, store: store)
                // The enable lands at Telnyx, its answer is lost, and the first check (a read,
                // tried four times) gets no answer either.
                try await simulator.setFaults(
                    #"[{"method": "POST", "path": "/v2/enterprises/*/reputation", "drop": "after_commit", "times": 1}, {"method": "GET", "path": "/v2/enterprises/*/reputation", "status": 503, "times": 4}]"#
                )
                try await engine.send(.confirm)
                #expect(await engine.state.inFlight != nil)
                #expect(await engine.state.lastError?.outcomeUnknown == true)

                // The wizard's clock stands still until the script moves it past the 10 s wait.
                let clock = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
                var wizard = WizardRuntime(engine: engine, store: store, client: try simulator.client(), sandbox: nil)
                wizard.now = { clock.withLock { $0 } }
                let terminal = ScriptedTerminal([
                    .waitFor("Telnyx could not be asked yet; it is asked again in 10 s."),
                    .perform { clock.withLock { $0 += 9 } }, .waitFor("Telnyx could not be asked yet; it is asked again in 10 s."),
                    .perform { clock.withLock { $0 += 1 } }, .waitFor("Step 6 of 9"),
                ])
                try await wizard.run(on: terminal)
                #expect(terminal.failure == nil, "\(terminal.failure ?? "")")
                let state = await engine.state
                #expect(state.step == .gates)
                #expect(state.inFlight == nil)
                #expect(state.reputationEnabled)
                #expect(try await simulator.ledger().filter { $0["action"] as? String == "enable" }.count == 1, "enabled once")
                #expect(
                    try store.auditLog("onb-wizard").contains { $0.action == "reconcile enable reputation" && $0.cost?.cents == 10_000 })
                await engine.close()
            }
        }
    }

    @Test func numbersAddedShowProgressThenEachResultAndADecisionMadeMeanwhileGoesNext() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let engine = try await approvedOnboarding(simulator, store: store)
                let numbers = Array(simulator.world.inventory.prefix(3))
                // Batches answer slowly, so keys arrive while they go.
                try await simulator.setFaults(#"[{"method": "POST", "path": "/v2/enterprises/*/reputation/numbers", "latency_ms": 400}]"#)
                let terminal = ScriptedTerminal([
                    .waitFor("Step 7 of 9"), .press(numbers.flatMap { Key.typing($0 + "\n") }), .waitFor("3 to add in 1 batch"),
                    .press([.function(2)]), .waitFor("This is billed"), .press([.character("y")]),
                    .waitFor("Adding numbers ["),
                    // Added again while the first batch is under way: it waits its turn, then is refused.
                    .press([.function(2)]), .waitFor("0 added · then add 3 numbers"),
                    .waitFor("3 added · 0 not added"), .waitFor("All these numbers are already monitored."),
                    .press([.enter]), .waitFor("Step 8 of 9"),
                ])
                try await WizardRuntime(engine: engine, store: store, client: try simulator.client(), sandbox: nil)
                    .run(on: terminal)
                #expect(terminal.failure == nil, "\(terminal.failure ?? "")")
                #expect(try await simulator.ledger().filter { $0["action"] as? String == "associate" }.count == 3, "billed once each")
                #expect(await engine.state.monitoredNumbers == numbers)
                await engine.close()
            }
        }
    }

    /// F3 shows each enterprise's state at Telnyx; one already enabled lands on its review, as
    /// `adopt` does, never on a $100 enable that Telnyx would refuse.
    @Test func anEnterpriseAlreadyEnabledChosenWithF3LandsOnItsReview() async throws {
        try await withSimulator { simulator in
            try await withStore { elsewhere in
                // Enabled from another desk: the account has it, this store does not track it.
                let other = try await approvedOnboarding(simulator, store: elsewhere)
                let enterpriseId = try #require(await other.state.enterprise?.id)
                await other.close()
                try await withStore { store in
                    let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-f3")
                    try await engine.send(.begin)
                    try await engine.send(.agreeToTerms)
                    let terminal = ScriptedTerminal([
                        .waitFor("Step 2 of 9"), .press([.function(3)]),
                        .waitFor("· on: vetting approved, LOA approved"), .press([.enter]),
                        .waitFor("Step 7 of 9"),
                    ])
                    try await WizardRuntime(engine: engine, store: store, client: try simulator.client(), sandbox: nil)
                        .run(on: terminal)
                    #expect(terminal.failure == nil, "\(terminal.failure ?? "")")
                    #expect(await engine.state.enterprise?.id == enterpriseId)
                    #expect(await engine.state.reputationEnabled)
                    #expect(try await simulator.ledger().filter { $0["action"] as? String == "enable" }.count == 1, "not enabled again")
                    await engine.close()
                }
            }
        }
    }

    @Test func aPasteIsAnsweredInAFewFramesAndItsDraftWrittenOnce() async throws {
        try await withSimulator({ $0.inventorySize = 1200 }) { simulator in
            try await withStore { store in
                let engine = try await approvedOnboarding(simulator, store: store)
                let numbers = Array(simulator.world.inventory.prefix(1000))
                let pasted = numbers.flatMap { Key.typing($0 + "\n") }
                let terminal = ScriptedTerminal([.waitFor("Step 7 of 9"), .press(pasted), .waitFor("1000 to add in 10 batches")])
                try await WizardRuntime(engine: engine, store: store, client: try simulator.client(), sandbox: nil)
                    .run(on: terminal)
                #expect(terminal.failure == nil, "\(terminal.failure ?? "")")
                // 13,000 keys: a frame per key would be 13,000 frames.
                #expect(terminal.frames < 100, "\(terminal.frames) frames")
                let draft = try #require(try store.draft("onb-wizard", form: "typed"))
                #expect(draft["numbers"]?.split(separator: "\n").count == 1000)
                await engine.close()
            }
        }
    }
}

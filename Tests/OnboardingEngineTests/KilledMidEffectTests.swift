import Foundation
import Onboarding
import OnboardingStore
import SimulatorTestSupport
import TelnyxAPI
import TelnyxSimulator
import Testing

@testable import OnboardingEngine

/// One effect that changes something at Telnyx, and how to reach it.
struct KillPoint: Sendable, CustomTestStringConvertible {
    let name: String
    var scenario: Scenario = .happy
    /// Walks a new onboarding to just before the decisions that lead to the effect.
    let prepare: @Sendable (OnboardingEngine, RunningSimulator) async throws -> Void
    /// The person's last decisions; the effect is sent by the last of them (or by its chain).
    let decisions: @Sendable (OnboardingEngine, RunningSimulator) async throws -> [Event]
    let isTarget: @Sendable (Effect) -> Bool
    /// The ledger action this effect bills, and how many entries it adds when done once.
    var charges: (action: String, count: Int)? = nil
    /// Checks that the effect is done, as seen by the onboarding and by Telnyx.
    let isDone: @Sendable (OnboardingState, RunningSimulator) async throws -> Void

    var testDescription: String { name }
}

/// An onboarding at step 9 with five numbers monitored and read once.
func walkToManage(_ engine: OnboardingEngine, _ simulator: RunningSimulator) async throws {
    try await walkToManage(engine, simulator, numbers: 5)
}

func walkToManage(_ engine: OnboardingEngine, _ simulator: RunningSimulator, numbers count: Int) async throws {
    try await walkThroughReview(engine, simulator)
    let numbers = Array(simulator.world.inventory.prefix(count))
    try await engine.send(.addNumbers(numbers))
    try await engine.send(.confirm)
    try await engine.send(.query(numbers: numbers, fresh: false))
    try await engine.send(.confirm)
    #expect(await engine.state.step == .manage)
}

func walkToGates(_ engine: OnboardingEngine) async throws {
    try await walkToEnable(engine)
    try await engine.send(.chooseFrequency(.weekly, plannedNumbers: 5))
    try await engine.send(.confirm)
}

/// Enabled, then checked once both reviewers have decided (as the scenario has them decide).
func walkThroughReview(_ engine: OnboardingEngine, _ simulator: RunningSimulator) async throws {
    try await walkToGates(engine)
    try await simulator.advanceClock(seconds: 301)
    try await engine.send(.checkGatesNow)
}

func walkToApproved(_ engine: OnboardingEngine, _ simulator: RunningSimulator) async throws {
    try await walkThroughReview(engine, simulator)
    #expect(await engine.state.step == .associate)
}

func monitored(_ simulator: RunningSimulator, _ state: OnboardingState) async throws -> Set<String> {
    Set(try await simulator.client().allNumbers(enterpriseId: state.enterprise!.id).compactMap(\.phoneNumber))
}

extension KillPoint {
    static let all: [KillPoint] = [
        KillPoint(
            name: "agree to terms",
            prepare: { engine, _ in try await engine.send(.begin) },
            decisions: { _, _ in [.agreeToTerms] },
            isTarget: { $0 == .agreeToTerms },
            isDone: { state, simulator in
                #expect(state.step == .enterprise)
                #expect(simulator.world.snapshot().termsAgreed)
            }),
        KillPoint(
            name: "create enterprise",
            prepare: { engine, _ in
                try await engine.send(.begin)
                try await engine.send(.agreeToTerms)
            },
            decisions: { _, _ in [.submitEnterprise(fields: enterpriseFields)] },
            isTarget: { if case .createEnterprise = $0 { true } else { false } },
            isDone: { state, simulator in
                let enterprises = simulator.world.snapshot().enterprises
                #expect(enterprises.count == 1, "one enterprise, however the answer was lost")
                #expect(state.enterprise?.id == enterprises.first?.id)
                #expect(state.step == .loaRender)
            }),
        KillPoint(
            name: "update enterprise",
            scenario: .vettingRejected,
            prepare: { engine, simulator in
                try await walkThroughReview(engine, simulator)
                #expect(await engine.state.gates?.vettingRejected == true)
            },
            decisions: { _, _ in [.correctEnterprise(fields: ["doing_business_as": "Acme Renamed"])] },
            isTarget: { if case .updateEnterprise = $0 { true } else { false } },
            isDone: { state, simulator in
                let enterprise = try await simulator.client().enterprise(id: state.enterprise!.id)
                #expect(enterprise.doingBusinessAs == "Acme Renamed")
                #expect(state.step == .loaRender)
            }),
        KillPoint(
            name: "upload signed LOA",
            prepare: { engine, _ in
                try await engine.send(.begin)
                try await engine.send(.agreeToTerms)
                try await engine.send(.submitEnterprise(fields: enterpriseFields))
                try await engine.send(.renderLOA(agent: nil, signature: nil))
            },
            decisions: { engine, _ in [.useSignedLOA(path: await engine.state.renderedLOAPath!)] },
            isTarget: { if case .uploadSignedLOA = $0 { true } else { false } },
            isDone: { state, simulator in
                #expect(state.step == .enable)
                #expect(state.loaDocumentId != nil)
                #expect(simulator.world.snapshot().documents <= 2, "at most one orphan, which Telnyx deletes after 30 minutes")
            }),
        KillPoint(
            name: "enable reputation",
            prepare: { engine, _ in try await walkToEnable(engine) },
            decisions: { _, _ in [.chooseFrequency(.weekly, plannedNumbers: 5), .confirm] },
            isTarget: { if case .enableReputation = $0 { true } else { false } },
            charges: ("enable", 1),
            isDone: { state, _ in
                #expect(state.step == .gates)
                #expect(state.reputationEnabled)
            }),
        KillPoint(
            name: "replace LOA",
            scenario: .loaRejected,
            prepare: { engine, simulator in
                try await walkThroughReview(engine, simulator)
                #expect(await engine.state.gates?.loaStatus == "rejected")
                try await engine.send(.startLOAReplacement)
                try await engine.send(.renderLOA(agent: nil, signature: nil))
            },
            decisions: { _, _ in [.useSignedLOA(path: try signedPDF(signature: "the replacement"))] },
            isTarget: { if case .replaceLOA = $0 { true } else { false } },
            isDone: { state, simulator in
                let settings = try await simulator.client().reputationSettings(enterpriseId: state.enterprise!.id)
                #expect(settings.loaDocumentId == state.loaDocumentId)
                #expect(state.step == .gates)
            }),
        KillPoint(
            name: "add numbers",
            prepare: { engine, simulator in try await walkToApproved(engine, simulator) },
            decisions: { _, simulator in [.addNumbers(Array(simulator.world.inventory.prefix(150))), .confirm] },
            isTarget: { if case .associateNumbers = $0 { true } else { false } },
            charges: ("associate", 150),
            isDone: { state, simulator in
                #expect(state.monitoredNumbers.count == 150)
                let atTelnyx = try await monitored(simulator, state)
                #expect(atTelnyx == Set(state.monitoredNumbers))
                #expect(state.step == .query)
            }),
        KillPoint(
            name: "first query",
            prepare: { engine, simulator in
                try await walkToApproved(engine, simulator)
                try await engine.send(.addNumbers(Array(simulator.world.inventory.prefix(5))))
                try await engine.send(.confirm)
            },
            decisions: { engine, _ in
                let numbers = await engine.state.monitoredNumbers
                return [.query(numbers: numbers, fresh: false), .confirm]
            },
            isTarget: { if case .queryNumbers = $0 { true } else { false } },
            charges: ("live_read", 5),
            isDone: { state, _ in
                #expect(state.queriedNumbers == Set(state.monitoredNumbers))
                #expect(state.step == .manage)
            }),
        KillPoint(
            name: "refresh numbers",
            prepare: { engine, simulator in
                try await walkToManage(engine, simulator)
                // Some time after the last reading, as in life; Telnyx stamps the refresh then.
                try await simulator.advanceClock(seconds: 120)
            },
            decisions: { engine, _ in [.refresh(Array(await engine.state.monitoredNumbers.prefix(3))), .confirm] },
            isTarget: { if case .refreshNumbers = $0 { true } else { false } },
            charges: ("refresh", 3),
            isDone: { state, _ in
                #expect(state.lastError == nil)
                #expect(state.step == .manage)
            }),
        KillPoint(
            name: "change frequency",
            prepare: walkToManage,
            decisions: { _, _ in [.changeFrequency(.daily), .confirm] },
            isTarget: { if case .changeFrequency = $0 { true } else { false } },
            isDone: { state, simulator in
                #expect(state.checkFrequency == .daily)
                let settings = try await simulator.client().reputationSettings(enterpriseId: state.enterprise!.id)
                #expect(settings.checkFrequency == .daily)
            }),
        KillPoint(
            name: "set webhook",
            prepare: walkToManage,
            decisions: { _, _ in [.setWebhook(url: "https://hooks.example.com/telnyx")] },
            isTarget: { if case .setWebhook = $0 { true } else { false } },
            isDone: { state, simulator in
                #expect(state.webhookURL == "https://hooks.example.com/telnyx")
                let settings = try await simulator.client().reputationSettings(enterpriseId: state.enterprise!.id)
                #expect(settings.webhookUrl == "https://hooks.example.com/telnyx")
            }),
        KillPoint(
            name: "confirm ownership",
            prepare: { engine, simulator in
                try await walkToManage(engine, simulator)
                let asked = await engine.state.monitoredNumbers[0].replacingOccurrences(of: "+", with: "%2B")
                let flag = try await simulator.raw(
                    .POST, "/_simulator/numbers/\(asked)/flag", json: #"{"reason": "reverification_due"}"#, key: nil)
                precondition(flag.status == 204, flag.body)
                _ = try await engine.checkWithTelnyx()
            },
            decisions: { engine, _ in [.confirmOwnership([await engine.state.monitoredNumbers[0]])] },
            isTarget: { if case .confirmOwnership = $0 { true } else { false } },
            isDone: { state, simulator in
                #expect(state.ownershipNotices == nil)
                let number = try #require(try await simulator.client().allNumbers(enterpriseId: state.enterprise!.id).first)
                #expect(number.ownershipStatus == .verified && number.confirmBy == nil)
            }),
        KillPoint(
            name: "submit ownership proof",
            prepare: walkToManage,
            decisions: { _, _ in
                [.submitOwnershipProof(documents: [try signedPDF(signature: "carrier invoice")], numbers: ["+13125550142"])]
            },
            isTarget: { if case .submitOwnershipProof = $0 { true } else { false } },
            isDone: { state, simulator in
                #expect(state.gates?.externalVerificationStatus == .pending)
                #expect(state.submittedProofSHA256?.count == 1)
                let proof = try #require(try await simulator.client().externalVerification(enterpriseId: state.enterprise!.id))
                // One upload of the evidence, however often the answer was lost.
                let uploads = try await simulator.client().documents(customerReference: state.id).items
                let evidence = uploads.filter { $0.value2.sha256?.lowercased() == state.submittedProofSHA256?.first }
                #expect(evidence.count == 1)
                #expect(proof.documentIds == evidence.compactMap(\.value1.id))
            }),
        KillPoint(
            name: "send to remediation",
            prepare: walkToManage,
            decisions: { engine, _ in
                [
                    .remediate(
                        numbers: Array(await engine.state.monitoredNumbers.prefix(2)), callPurpose: "Appointment reminders",
                        contactEmail: nil),
                    .confirm,
                ]
            },
            isTarget: { if case .submitRemediation = $0 { true } else { false } },
            isDone: { state, simulator in
                #expect(state.remediations?.count == 1)
                #expect(state.remediations?.first?.numbers == Array(state.monitoredNumbers.prefix(2)))
                // Billed once a number, however often the answer was lost.
                let ledger = try await simulator.ledger()
                #expect(actions(ledger, "remediation").count == 2)
            }),
        KillPoint(
            name: "remove numbers",
            prepare: walkToManage,
            decisions: { engine, _ in [.removeNumbers(Array(await engine.state.monitoredNumbers.prefix(2))), .confirm] },
            isTarget: { if case .removeNumbers = $0 { true } else { false } },
            isDone: { state, simulator in
                #expect(state.monitoredNumbers.count == 3)
                let atTelnyx = try await monitored(simulator, state)
                #expect(atTelnyx == Set(state.monitoredNumbers))
            }),
        KillPoint(
            name: "disable reputation",
            prepare: walkToManage,
            decisions: { _, _ in [.disable, .confirm] },
            isTarget: { if case .disableReputation = $0 { true } else { false } },
            isDone: { state, simulator in
                #expect(!state.reputationEnabled)
                #expect(state.step == .loaRender, "enabling again needs a newly signed LOA")
                #expect(simulator.world.snapshot().enterprises.first?.reputation == nil)
            }),
    ]
}

/// The engine killed between intent and outcome at every effect that changes something at
/// Telnyx, with the call sent and not sent: a new engine reconciles by reading, and after doing
/// again only what did not happen, each effect is done once and the ledger bills it once.
@Suite struct KilledMidEffectTests {
    @Test(arguments: KillPoint.all, [true, false])
    func aKillBetweenIntentAndOutcomeIsReconciledAndNothingIsBilledTwice(point: KillPoint, callSent: Bool) async throws {
        try await withSimulator({ $0.scenario = point.scenario }) { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-kill")
                try await point.prepare(engine, simulator)
                let decisions = try await point.decisions(engine, simulator)
                let ledgerBefore = try await simulator.ledger()
                let billedBefore = point.charges.map { actions(ledgerBefore, $0.action).count } ?? 0
                await engine.stageKill(at: point.isTarget, callSent: callSent)
                for decision in decisions { try await engine.send(decision) }
                #expect(await engine.killed, "the kill point was reached")
                #expect(try store.unfinishedIntents("onb-kill").count == 1)
                await engine.close()

                let resumed = try OnboardingEngine(store: store, client: try simulator.client(), onboardingId: "onb-kill")
                try await resumed.reconcile()
                var state = await resumed.state
                #expect(state.inFlight == nil)
                #expect(try store.unfinishedIntents("onb-kill").isEmpty)
                let notApplied = state.lastError?.message.contains("shows no sign of") == true
                // Every lost answer is found by reading Telnyx (an upload by its customer_reference).
                #expect(notApplied == !callSent, "reconciled from what Telnyx shows")
                if notApplied {
                    // The person does it again, knowing nothing happened.
                    for decision in decisions { try await resumed.send(decision) }
                    state = await resumed.state
                }
                try await point.isDone(state, simulator)
                if let charges = point.charges {
                    let billed = actions(try await simulator.ledger(), charges.action)
                    #expect(billed.count - billedBefore == charges.count, "billed exactly once")
                }
                #expect(try store.unfinishedIntents("onb-kill").isEmpty)
                // What the audit log says was billed is what Telnyx billed, reconciled actions included.
                let ledgerCents = try await simulator.ledger().reduce(0) { $0 + Int((($1["amount_usd"] as? Double) ?? 0) * 100 + 0.5) }
                let auditedCents = try store.auditLog("onb-kill").reduce(0) { $0 + ($1.cost?.cents ?? 0) }
                #expect(auditedCents == ledgerCents, "the audit log's costs equal the ledger")
                await resumed.close()
            }
        }
    }
}

import Foundation
import Onboarding
import OnboardingStore
import SimulatorTestSupport
import TelnyxAPI
import TelnyxSimulator
import Testing

@testable import OnboardingEngine

/// One way a call can go wrong, as the simulator's fault rules inject it.
struct InjectedFault: Sendable, CustomTestStringConvertible {
    let name: String
    /// The rule's fields besides `method`, `path` and `times`, as JSON members.
    let rule: String

    var testDescription: String { name }

    static let all: [InjectedFault] = [
        InjectedFault(name: "500", rule: #""status": 500"#),
        InjectedFault(name: "503", rule: #""status": 503"#),
        InjectedFault(name: "429", rule: #""status": 429"#),
        InjectedFault(name: "drop before commit", rule: #""drop": "before_commit""#),
        InjectedFault(name: "drop after commit", rule: #""drop": "after_commit""#),
        InjectedFault(name: "truncated body", rule: #""malformed_body": "truncated""#),
        InjectedFault(name: "HTML body", rule: #""malformed_body": "html""#),
        // Past the test client's deadlines (first byte 3 s, attempt 6 s).
        InjectedFault(name: "silent server", rule: #""silent_ms": 7000"#),
        InjectedFault(name: "slow body", rule: #""drip_ms": 500"#),
    ]
}

/// A remote effect and the route its call takes.
struct FaultPoint: Sendable, CustomTestStringConvertible {
    let point: KillPoint
    let method: String
    let path: String
    /// Changes nothing at Telnyx: its failure must never leave it in flight.
    var readOnly = false

    var testDescription: String { point.name }

    static func route(_ name: String) -> (String, String) {
        switch name {
        case "agree to terms": ("POST", "/v2/terms_of_service/number_reputation/agree")
        case "create enterprise": ("POST", "/v2/enterprises")
        case "update enterprise": ("PUT", "/v2/enterprises/*")
        case "upload signed LOA": ("POST", "/v2/documents")
        case "enable reputation": ("POST", "/v2/enterprises/*/reputation")
        case "replace LOA": ("PATCH", "/v2/enterprises/*/reputation/loa")
        case "add numbers": ("POST", "/v2/enterprises/*/reputation/numbers")
        case "first query": ("GET", "/v2/enterprises/*/reputation/numbers/*")
        case "refresh numbers": ("POST", "/v2/enterprises/*/reputation/numbers/refresh")
        case "change frequency": ("PATCH", "/v2/enterprises/*/reputation/frequency")
        case "set webhook": ("PATCH", "/v2/enterprises/*/reputation/webhook")
        case "confirm ownership": ("POST", "/v2/enterprises/*/reputation/numbers/*/ownership_confirm")
        case "submit ownership proof": ("POST", "/v2/enterprises/*/reputation/external_verification")
        case "send to remediation": ("POST", "/v2/enterprises/*/reputation/remediation")
        case "remove numbers": ("DELETE", "/v2/enterprises/*/reputation/numbers/*")
        case "disable reputation": ("DELETE", "/v2/enterprises/*/reputation")
        default: ("", "")
        }
    }

    /// The effects that change nothing at Telnyx, besides those of `KillPoint.all`.
    static let reads: [FaultPoint] = [
        FaultPoint(
            point: KillPoint(
                name: "check terms", prepare: { _, _ in }, decisions: { _, _ in [.begin] },
                isTarget: { $0 == .checkTerms },
                isDone: { state, _ in #expect(state.terms != .unknown) }),
            method: "GET", path: "/v2/terms_of_service/status", readOnly: true),
        FaultPoint(
            point: KillPoint(
                name: "render LOA",
                prepare: { engine, _ in
                    try await engine.send(.begin)
                    try await engine.send(.agreeToTerms)
                    try await engine.send(.submitEnterprise(fields: enterpriseFields))
                },
                decisions: { _, _ in [.renderLOA(agent: nil, signature: nil)] },
                isTarget: { if case .renderLOA = $0 { true } else { false } },
                isDone: { state, _ in
                    #expect(state.step == .signAndUpload)
                    #expect(state.renderedLOAPath.map { FileManager.default.fileExists(atPath: $0) } == true)
                }),
            method: "POST", path: "/v2/enterprises/*/reputation/loa", readOnly: true),
        FaultPoint(
            point: KillPoint(
                name: "check review",
                prepare: { engine, simulator in
                    try await walkToGates(engine)
                    try await simulator.advanceClock(seconds: 301)
                },
                decisions: { _, _ in [.checkGatesNow] },
                isTarget: { if case .checkGates = $0 { true } else { false } },
                isDone: { state, _ in #expect(state.step == .associate) }),
            method: "GET", path: "/v2/enterprises/*/reputation", readOnly: true),
        FaultPoint(
            point: KillPoint(
                name: "read enterprise",
                prepare: { engine, simulator in
                    _ = try await simulator.client().createEnterprise(
                        TelnyxMapping.enterprise(enterpriseFields, customerReference: nil, as: EnterpriseCreate.self))
                    try await engine.send(.begin)
                    try await engine.send(.agreeToTerms)
                },
                decisions: { _, simulator in
                    let id = simulator.world.snapshot().enterprises[0].id
                    return [.useExistingEnterprise(id: id, legalName: id)]
                },
                isTarget: { if case .readEnterprise = $0 { true } else { false } },
                isDone: { state, simulator in
                    #expect(state.enterprise?.id == simulator.world.snapshot().enterprises[0].id)
                    #expect(state.step == .loaRender)
                }),
            method: "GET", path: "/v2/enterprises/*", readOnly: true),
    ]

    static let all: [FaultPoint] =
        reads
        + KillPoint.all.map { point in
            let (method, path) = route(point.name)
            return FaultPoint(point: point, method: method, path: path)
        }

    /// The effects a non-interactive run from complete answers reaches, in order.
    static let nonInteractive: [FaultPoint] = all.filter {
        [
            "check terms", "agree to terms", "create enterprise", "render LOA", "upload signed LOA", "enable reputation", "check review",
            "add numbers", "first query",
        ].contains($0.point.name)
    }
}

/// Every remote effect under every fault: a read or a render never ends in flight; after the
/// fault one clean run completes; each billable action is billed once; and what the audit log
/// says was billed is what Telnyx's ledger billed.
@Suite struct FaultMatrixTests {
    /// A client with short deadlines, so that a silent or dripping server costs a test little,
    /// yet long beside a clean answer of the in-process simulator on a loaded machine (1 s was
    /// passed by clean answers while the whole suite ran on two busy cores).
    static func client(_ simulator: RunningSimulator) throws -> TelnyxClient {
        try simulator.client(deadlines: Deadlines(firstByte: .seconds(3), attempt: .seconds(6), call: .seconds(20)))
    }

    /// The rule, matching the effect's route for as many requests as the client makes at most
    /// (one and three retries): the effect meets the fault however it retries.
    static func rule(_ fault: InjectedFault, _ point: FaultPoint) -> String {
        #"[{"method": "\#(point.method)", "path": "\#(point.path)", \#(fault.rule), "times": 4}]"#
    }

    /// The engine as the wizard drives it: the decisions, the fault in the way; then, the fault
    /// gone, what the wizard does by itself (reconcile a lost answer) and what the person does
    /// on seeing a failure (decide again).
    @Test(arguments: FaultPoint.all, InjectedFault.all)
    func theWizardsEngineGetsPastEveryFault(point: FaultPoint, fault: InjectedFault) async throws {
        try await withSimulator({ $0.scenario = point.point.scenario }) { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try Self.client(simulator), id: "onb-fault")
                try await point.point.prepare(engine, simulator)
                let decisions = try await point.point.decisions(engine, simulator)
                let ledgerBefore = try await simulator.ledger()
                let billedBefore = point.point.charges.map { actions(ledgerBefore, $0.action).count } ?? 0
                try await simulator.setFaults(Self.rule(fault, point))
                for decision in decisions { try await engine.send(decision) }
                let faulted = await engine.state
                if point.readOnly {
                    #expect(faulted.inFlight == nil, "a call that changes nothing never stays in flight")
                } else if faulted.inFlight != nil {
                    #expect(faulted.lastError?.outcomeUnknown == true, "in flight only while its outcome is unknown")
                }
                try await simulator.setFaults("[]")

                // The wizard checks a lost answer by itself; the person decides again on a failure.
                #expect(try await engine.reconcile())
                if await engine.state.lastError != nil {
                    for decision in decisions { try await engine.send(decision) }
                }
                let state = await engine.state
                #expect(state.inFlight == nil)
                #expect(state.lastError == nil, "clean after the fault: \(state.lastError?.message ?? "")")
                try await point.point.isDone(state, simulator)
                try await Self.billedOnce(point, simulator, store, before: billedBefore)
                await engine.close()
            }
        }
    }

    /// The non-interactive run from complete answers with the fault in the way, then one clean run.
    @Test(arguments: FaultPoint.nonInteractive, InjectedFault.all)
    func theNonInteractiveRunGetsPastEveryFault(point: FaultPoint, fault: InjectedFault) async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let numbers = Array(simulator.world.inventory.prefix(3))
                let everything = try answers(["signed_loa": try signedPDF(), "numbers": numbers])
                var run = NonInteractiveRun(answers: everything, confirmBillable: true, wait: true)
                run.schedule = GatePollSchedule(random: { 0.5 })
                run.pause = { seconds in try await simulator.advanceClock(seconds: seconds) }

                let engine = try OnboardingEngine.create(store: store, client: try Self.client(simulator), id: "onb-fault")
                try await simulator.setFaults(Self.rule(fault, point))
                let faulted = try await run.run(engine)
                #expect(faulted.exitCode == 0 || faulted.exitCode == 1, "an outage is an error to retry: \(faulted.message)")
                let after = await engine.state
                #expect(after.inFlight == nil || after.lastError?.outcomeUnknown == true)
                try await simulator.setFaults("[]")

                let clean = try await run.run(engine)
                #expect(clean == .complete, "\(clean.message)")
                let ledger = try await simulator.ledger()
                #expect(actions(ledger, "enable").count == 1)
                #expect(actions(ledger, "associate").count == 3)
                #expect(actions(ledger, "live_read").count == 3)
                #expect(Set(actions(ledger, "live_read").compactMap { $0["phone_number"] as? String }) == Set(numbers))
                #expect(try Self.auditedCents(store) == Self.ledgerCents(ledger), "the audit log's costs equal the ledger")
                await engine.close()
            }
        }
    }

    static func billedOnce(_ point: FaultPoint, _ simulator: RunningSimulator, _ store: OnboardingStore, before: Int) async throws {
        let ledger = try await simulator.ledger()
        if let charges = point.point.charges {
            #expect(actions(ledger, charges.action).count - before == charges.count, "billed exactly once")
        }
        // No number billed twice for one action, and the enable once.
        for action in ["associate", "live_read"] {
            let numbers = actions(ledger, action).compactMap { $0["phone_number"] as? String }
            #expect(numbers.count == Set(numbers).count, "\(action) billed once a number")
        }
        #expect(actions(ledger, "enable").count <= 1)
        #expect(try auditedCents(store) == ledgerCents(ledger), "the audit log's costs equal the ledger")
    }

    static func ledgerCents(_ ledger: [[String: Any]]) -> Int {
        ledger.reduce(0) { $0 + Int((($1["amount_usd"] as? Double) ?? 0) * 100 + 0.5) }
    }

    static func auditedCents(_ store: OnboardingStore) throws -> Int {
        try store.auditLog("onb-fault").reduce(0) { $0 + ($1.cost?.cents ?? 0) }
    }
}

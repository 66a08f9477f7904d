import Foundation
import Onboarding
import OnboardingStore
import Synchronization
import TelnyxAPI

/// The only place effects touch the world. It holds one onboarding for this process, applies
/// events through the pure `transition`, and runs each effect through `TelnyxClient` with the
/// intent committed before it is sent and the outcome committed with the new state after. On
/// open, an intent without outcome is reconciled by reading Telnyx, never by sending it again.
public actor OnboardingEngine {
    public let store: OnboardingStore
    let client: TelnyxClient
    let lock: OnboardingLock
    let now: @Sendable () -> Date
    public private(set) var state: OnboardingState
    /// Set by tests only: where this engine stops as if its process were killed.
    var interruption: Interruption?
    /// True once the staged kill happened; nothing more is written.
    private(set) var killed = false
    /// How the last effect run ended, when it failed (nil after a success): what `status
    /// --check` reports, without confusing it with an error kept from before.
    public internal(set) var lastEffectFailure: Failure?
    private let progress = Mutex<BatchProgress?>(nil)
    /// How far the numbers being added have come, while they go.
    public nonisolated var batchProgress: BatchProgress? { progress.withLock { $0 } }
    nonisolated func report(_ batchProgress: BatchProgress?) { progress.withLock { $0 = batchProgress } }

    /// Numbers sent per associate or refresh request (requests in flight follow the server's
    /// rate limit: `TelnyxClient.inFlightAllowance`).
    static let batchSize = TelnyxClient.maximumNumbersPerRequest

    /// Opens an onboarding of the store for this process (refused while another holds it).
    public init(
        store: OnboardingStore, client: TelnyxClient, onboardingId: String, now: @escaping @Sendable () -> Date = Date.init
    ) throws(StoreError) {
        self.store = store
        self.client = client
        self.now = now
        lock = try store.lock(onboardingId)
        do {
            state = try store.load(onboardingId)
        } catch {
            lock.release()
            throw error
        }
    }

    /// Creates a new onboarding in the store and opens it.
    public static func create(
        store: OnboardingStore, client: TelnyxClient, id: String = UUID().uuidString.lowercased(), prices: PriceTable = .listPrices,
        now: @escaping @Sendable () -> Date = Date.init
    ) throws(StoreError) -> OnboardingEngine {
        try store.create(OnboardingState(id: id, prices: prices), at: now())
        return try OnboardingEngine(store: store, client: client, onboardingId: id, now: now)
    }

    public func close() { lock.release() }

    /// Sets aside, before anything is decided or billed, the numbers that cannot be added
    /// (outside the account's inventory), recording each with why in the store's own table, and
    /// answers those that can (free reads; those already monitored are in neither). A list of a
    /// million numbers of which few can be added then never rides in the state.
    /// - Throws: `TelnyxError` when the inventory cannot be read; `StoreError`.
    public func setAsideBeforeAdding(_ numbers: [String]) async throws -> (addable: [String], setAside: [String: String]) {
        guard let enterprise = state.enterprise else { return (numbers, [:]) }
        let split = try await BulkAssociation(client: client, enterpriseId: enterprise.id).partition(
            numbers, monitoring: state.reputationEnabled)
        try store.recordNumberOutcomes(state.id, setAside: split.setAside, at: now())
        return split
    }

    /// Adds numbers as a person asks it: those outside the account's inventory set aside first
    /// (`setAsideBeforeAdding`), so the estimate, the confirmation (which names them) and the
    /// audit entry all count the numbers that are billed. `refused`: lines the caller could not
    /// read as numbers (written text → where and why), named in the confirmation beside them.
    /// - Returns: why nothing was asked (the inventory could not be read: nothing estimated,
    ///   nothing billed; or the state machine's refusal), or nil with a confirmation pending.
    /// - Throws: `StoreError`.
    public func addNumbers(_ numbers: [String], refused: [String: String] = [:]) async throws(StoreError) -> String? {
        let split: (addable: [String], setAside: [String: String])
        do {
            split = try await setAsideBeforeAdding(numbers)
        } catch let error as StoreError {
            throw error
        } catch {
            let said = (error as? TelnyxError)?.message ?? "\(error)"
            return "Could not read the account's inventory to check the numbers (\(said)); nothing was estimated or billed. Try again."
        }
        return try await send(.addNumbers(split.addable, setAside: split.setAside.merging(refused) { kept, _ in kept }))
    }

    /// The folder of this onboarding's files (the rendered LOA), created 0700.
    public var folder: URL { store.directory.appendingPathComponent(state.id, isDirectory: true) }

    /// Where rendered LOAs are saved, under a readable name (`Acme-Plumbing-LLC-LOA-2026-11-29.pdf`);
    /// nil keeps them in the onboarding's folder. The command line sets the directory the person
    /// ran it from, so they find the LOA to sign.
    public private(set) var loaDirectory: URL?

    /// Saves rendered LOAs in `directory` from now on (nil: the onboarding's folder).
    public func saveLOAs(in directory: URL?) { loaDirectory = directory }

    /// Applies a decision and runs the effects it leads to, one after another, until none is
    /// left or one fails. Answers the refusal, if the decision was refused.
    @discardableResult
    public func send(_ event: Event) async throws(StoreError) -> String? {
        guard !killed else { return "This engine was stopped." }
        if event.isDecision { try noteMonthSpend() }
        if case .query(let numbers, fresh: false) = event { try await noteScheduledReadings(before: numbers) }
        // A read confirmed after Telnyx's scheduled check (a box left open, a run resumed) is
        // priced again first: what the check read is free now, and a lower price is asked anew.
        if event == .confirm || event == .confirmOverBudget, case .query(let numbers, false, let billed)? = state.confirmation?.action {
            try await noteScheduledReadings(before: numbers)
            if numbers.filter(state.nextReadIsBilled) != billed {
                _ = try await send(.cancel)
                return try await send(.query(numbers: numbers, fresh: false))
            }
        }
        let result = transition(state, event)
        if let refusal = result.refusal { return refusal }
        state = result.state
        // With an effect, the state is saved together with its intent (or after a read).
        if result.effects.isEmpty { try store.save(state, at: now()) }
        if case .setBudget(let budget) = event {
            try store.appendAudit(
                onboardingId: state.id, action: "budget", billable: false, cost: nil,
                result: budget.map { "monthly budget set to \($0)" } ?? "monthly budget removed", at: now())
        }
        try await runAll(result.effects)
        return nil
    }

    /// Reads this month's spend from the audit log into the state (`monthSpend`).
    public func noteSpend() throws(StoreError) { try noteMonthSpend() }

    /// Supplies this calendar month's (UTC) spend from the audit log, so a confirmation says
    /// where it leaves the month and the budget.
    func noteMonthSpend() throws(StoreError) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let today = now()
        guard let start = calendar.dateInterval(of: .month, for: today) else { return }
        let month = String(format: "%04d-%02d", calendar.component(.year, from: today), calendar.component(.month, from: today))
        let spend = MonthSpend(month: month, amount: try store.billed(state.id, from: start.start, to: start.end))
        guard spend != state.monthSpend else { return }
        state = transition(state, .monthSpendRead(spend)).state
        try store.save(state, at: today)
    }

    /// Runs effects one after another, each leading to the next, until none is left.
    func runAll(_ effects: [Effect]) async throws(StoreError) {
        var effects = effects
        while !killed, let effect = effects.first { effects = try await run(effect) }
    }

    /// Runs one effect whose in-flight state is `state`, and returns the effects that follow.
    func run(_ effect: Effect) async throws(StoreError) -> [Effect] {
        let journalId = effect.changesRemoteState ? try store.recordIntent(effect, state: state, at: now()) : nil
        if journalId != nil, let interruption, interruption.at(effect) {
            if interruption.callSent { _ = await perform(effect) }
            killed = true
            return []
        }
        let outcome = await perform(effect)
        return try await settle(effect, outcome: outcome, journalId: journalId)
    }

    /// Commits what an effect ended with. An unknown outcome leaves the intent open, to be
    /// reconciled; everything else closes it together with the new state.
    func settle(_ effect: Effect, outcome: Event, journalId: Int64?) async throws(StoreError) -> [Effect] {
        if case .effectFailed(_, let failure) = outcome { lastEffectFailure = failure } else { lastEffectFailure = nil }
        let charged = cost(of: effect, outcome: outcome)
        let result = transition(state, outcome)
        state = result.state
        let unknown: Bool
        if case .effectFailed(_, let failure) = outcome { unknown = failure.outcomeUnknown } else { unknown = false }
        if let journalId, !unknown {
            try store.recordOutcome(journalId, outcome: outcome, state: state, at: now())
        } else {
            try store.save(state, at: now())
        }
        try store.appendAudit(
            onboardingId: state.id, action: effect.auditName, billable: effect.isBillable, cost: charged,
            result: Self.summary(outcome), at: now())
        return result.effects
    }

    /// Settles every intent whose answer was lost, by reading Telnyx. Stops at the first one
    /// Telnyx cannot be asked about now; it stays open for the next attempt. A read left in
    /// flight (by a version that could leave one) is ended as failed: it changed nothing.
    /// - Returns: true when nothing is left in flight without an outcome.
    @discardableResult
    public func reconcile() async throws(StoreError) -> Bool {
        for entry in try store.unfinishedIntents(state.id) {
            let outcome: Event
            do {
                outcome = try await reconciled(entry.effect, since: entry.intentAt)
            } catch {
                return false
            }
            // What Telnyx billed for it is recorded now: the attempt itself could not know.
            let charged = cost(of: entry.effect, outcome: outcome)
            let result = transition(state, outcome)
            let monitoredBefore = Set(state.monitoredNumbers)
            state = result.state
            try store.recordOutcome(entry.id, outcome: outcome, state: state, at: now())
            // Numbers found added (set aside once, waiting on the ownership proof, say) are
            // monitored now: nothing waits for them any more.
            try store.recordNumberOutcomes(state.id, monitored: state.monitoredNumbers.filter { !monitoredBefore.contains($0) }, at: now())
            try store.appendAudit(
                onboardingId: state.id, action: "reconcile \(entry.effect.auditName)", billable: entry.effect.isBillable, cost: charged,
                result: Self.summary(outcome), at: now())
            try await runAll(result.effects)
        }
        if let inFlight = state.inFlight, !inFlight.changesRemoteState, state.lastError?.outcomeUnknown == true {
            let result = transition(
                state,
                .effectFailed(
                    inFlight, Failure(message: "“\(inFlight.name)” was interrupted; it changed nothing at Telnyx. Do it again when ready."))
            )
            state = result.state
            try store.save(state, at: now())
        }
        return state.inFlight == nil || state.lastError?.outcomeUnknown != true
    }

    static func summary(_ outcome: Event) -> String {
        if case .effectFailed(_, let failure) = outcome {
            return failure.outcomeUnknown ? "outcome unknown: \(failure.message)" : "failed: \(failure.message)"
        }
        // Numbers Telnyx refused are said beside what was added: "ok" alone would hide them.
        if case .numbersAssociated(let added, let setAside) = outcome, !setAside.isEmpty {
            return "ok: \(added.count) added; \(SetAsideNumbers.summary(setAside))"
        }
        return "ok"
    }

    /// What the effect cost, at the onboarding's prices, from what actually happened (read
    /// before the outcome is applied: a query is billed for numbers never read before).
    func cost(of effect: Effect, outcome: Event) -> Money? {
        guard effect.isBillable else { return nil }
        // Whether it was billed is not known yet: reconciling it records the cost.
        if case .effectFailed(_, let failure) = outcome, failure.outcomeUnknown { return nil }
        let prices = state.prices
        // Every effect is listed: a new billable one must say what it costs.
        switch effect {
        case .enableReputation:
            if case .reputationEnabled = outcome { return prices.monitoringPerMonth }
        case .associateNumbers(_, let sent):
            if case .numbersAssociated(let added, _) = outcome { return prices.association * Set(added).intersection(sent).count }
        case .refreshNumbers:
            if case .numbersRefreshed(let succeeded, _, _) = outcome { return prices.liveCheck * succeeded.count }
        case .queryNumbers(_, _, let fresh):
            if case .numbersQueried(let numbers, _) = outcome {
                return prices.liveCheck * (fresh ? numbers.count : numbers.filter(state.nextReadIsBilled).count)
            }
        case .submitRemediation:
            // Telnyx bills the numbers it took, not those it found ineligible.
            if case .remediationsSubmitted(let requests) = outcome { return prices.remediation * requests.reduce(0) { $0 + $1.submitted } }
        case .checkTerms, .agreeToTerms, .createEnterprise, .updateEnterprise, .renderLOA, .uploadSignedLOA, .checkGates,
            .readEnterprise, .replaceLOA, .disableReputation, .changeFrequency, .removeNumbers, .setWebhook, .readOwnership,
            .confirmOwnership, .submitOwnershipProof, .readRemediations:
            break
        }
        // A billable effect that failed plainly billed nothing.
        return .zero
    }
}

import Foundation
import NumberFiles
import Onboarding
import Synchronization
import TelnyxAPI

/// What one run has billed, shared by the copies of its `NonInteractiveRun`: the costs the
/// audit log recorded since the run began (what Telnyx took, reconciled answers included), not
/// the estimates confirmed, so a batch that failed does not count against `--max-cost`.
final class RunSpend: Sendable {
    /// Audit entries of the onboarding when the run began.
    private let start = Mutex<Int?>(nil)

    func begin(_ engine: OnboardingEngine) async throws {
        let count = try engine.store.auditLog(await engine.state.id).count
        start.withLock { $0 = count }
    }

    func total(_ engine: OnboardingEngine) async throws -> Money {
        let entries = try engine.store.auditLog(await engine.state.id)
        return entries.dropFirst(start.withLock { $0 } ?? entries.count).reduce(.zero) { $0 + ($1.cost ?? .zero) }
    }
}

/// Drives an onboarding without a screen, as far as the answers allow, and says why it
/// stopped. Billable steps go ahead only with `confirmBillable` (`--yes`).
public struct NonInteractiveRun: Sendable {
    /// Why the run stopped; the command's exit code.
    public enum Stop: Equatable, Sendable {
        case complete
        case inputNeeded(String)
        case waitingOnTelnyx(String)
        case confirmationRequired(String)
        /// `--yes` was given, but the charge would pass `--max-cost` or the monthly budget.
        case overLimit(String)
        /// Telnyx's rejection stands and the answers do not address it: `what` was rejected
        /// (the enterprise, the LOA), for `reasons`, and `fix` says what the answers need.
        case rejected(what: String, reasons: [String], fix: String)
        case error(String)

        public var exitCode: Int32 {
            switch self {
            case .complete: 0
            case .inputNeeded: 10
            case .waitingOnTelnyx: 11
            case .confirmationRequired, .overLimit: 12
            case .rejected: 13
            case .error: 1
            }
        }

        public var message: String {
            switch self {
            case .complete: "Onboarding complete."
            case .inputNeeded(let what): "Input needed: \(what)"
            case .waitingOnTelnyx(let what): what
            case .confirmationRequired(let what): "Confirmation required: \(what) Run again with --yes to go ahead."
            case .overLimit(let what): "Not confirmed: \(what)"
            case .rejected(let what, let reasons, let fix):
                "Telnyx rejected the \(what)\(reasons.isEmpty ? "" : ": " + RemoteText.bounded(reasons).map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }.joined(separator: "; ")). \(fix)"
            case .error(let what): what
            }
        }
    }

    public var answers: RunAnswers
    public var confirmBillable: Bool
    public var wait: Bool
    /// `--max-cost`: the most this run may confirm, whatever `--yes` says (nil: no cap).
    public var maxCost: Money?
    /// `--over-budget`: a charge that passes the onboarding's monthly budget may be confirmed.
    public var overBudget = false
    /// What this run has billed so far, for `maxCost`.
    let spend = RunSpend()
    public var schedule = GatePollSchedule()
    /// Waits between review checks; the sandbox moves its simulated clock instead.
    public var pause: @Sendable (Double) async throws -> Void = { try await Task.sleep(for: .seconds($0)) }
    /// Progress lines, for stderr.
    public var progress: @Sendable (String) -> Void = { _ in }

    public init(answers: RunAnswers, confirmBillable: Bool, wait: Bool) {
        self.answers = answers
        self.confirmBillable = confirmBillable
        self.wait = wait
    }

    public func run(_ engine: OnboardingEngine) async throws -> Stop {
        let stop: Stop
        do {
            stop = try await drive(engine)
        } catch let error as RunInputError {
            return .inputNeeded(error.message)
        }
        // Held back by a limit: kept in the audit so `list` and `status` say why it stands still.
        if case .overLimit(let why) = stop {
            try engine.store.appendAudit(
                onboardingId: await engine.state.id, action: OnboardingReport.limitStopAction, billable: false, cost: nil, result: why)
        }
        return stop
    }

    /// Waits before each further check of a lost answer in one run: the first check is at once.
    public static let reconcileWaits: [Double] = [0, 2, 10]

    func drive(_ engine: OnboardingEngine) async throws -> Stop {
        try await engine.reconcile()
        // What an earlier run's lost answer billed (recorded by the reconcile above) was that run's.
        try await spend.begin(engine)
        // Before anything is made at Telnyx (terms, enterprise, LOA): numbers given of which none
        // is in the account and no ownership proof to send for them would stop the run at step 5.
        if await engine.state.enterprise == nil, answers.enterpriseId == nil, answers.ownershipProof == nil,
            let given = try? readNumbers().numbers, !given.isEmpty,
            let found = try? await NumberHosting.inTelnyx(given, client: engine.client), found.isEmpty
        {
            return .inputNeeded(
                "numbers: none of the \(given.count) numbers is an active number of this account's inventory; numbers hosted at other carriers are monitored once an ownership proof is approved (give ownership_proof: a carrier invoice or statement that shows them). Nothing was sent to Telnyx."
            )
        }
        // Answers read only later are checked now, before anything is billed.
        if try answers.waitsForScheduledCheck() {
            let current = await engine.state
            let frequency = answers.checkFrequency ?? (current.reputationEnabled ? current.checkFrequency : nil)
            if frequency == .never {
                throw RunInputError(
                    message:
                        "first_read: scheduled needs Telnyx's scheduled checks, and check_frequency is never: choose a frequency, or first_read: now"
                )
            }
        }
        if let budget = try answers.monthlyBudget(), await engine.state.monthlyBudget != budget {
            if let refusal = try await engine.send(.setBudget(budget)) { return .error(refusal) }
            progress("monthly budget: \(budget) (budget_usd)")
        }
        var reconcileChecks = 0
        // An upload whose answer was lost and that a listing by customer_reference did not find is
        // sent again once in the run; Telnyx deletes an unused copy after 30 minutes.
        var uploadAgain = false
        // Billable decisions taken by this run; one pending from an earlier run is decided again.
        var decided = Set<Step>()
        var lastStep: Step?
        var repeats = 0
        // A step's stored error stops the run only once this run has tried its own answers:
        // a corrected answers file must get its chance.
        var attempted = Set<Step>()
        // A step's line is said once, not again when the step is looked at again unchanged.
        var lastStepLine: String?
        // The list (and its file) is read once per run, when first needed.
        var parsedNumbers: [String]?
        // The numbers split into those that can be added and those set aside, once a run.
        var splitForAdding: (addable: [String], setAside: [String: String])?
        // Numbers added in this run once the ownership proof was approved: read next.
        var addedAfterProof: [String] = []
        // Whether this run read the ownership proof's review from Telnyx.
        var proofAsked = false
        // The answers' remediation is looked at once a run (a repeated run sends nothing twice).
        var remediationLooked = false
        func numbers() throws -> [String] {
            if let parsedNumbers { return parsedNumbers }
            let parsed = try self.readNumbers()
            for note in parsed.notes { progress(note) }
            parsedNumbers = parsed.numbers
            return parsed.numbers
        }
        // Read once a run (free), named with why before any cost is decided; the JSON lists them.
        func split(_ given: [String]) async throws -> (addable: [String], setAside: [String: String]) {
            if let splitForAdding { return splitForAdding }
            let split = try await engine.setAsideBeforeAdding(given)
            splitForAdding = split
            if !split.setAside.isEmpty {
                progress("\(SetAsideNumbers.summary(split.setAside)) (of \(given.count) given; not estimated, not billed)")
            }
            return split
        }
        while true {
            let state = await engine.state
            if state.step == lastStep { repeats += 1 } else { repeats = 0 }
            lastStep = state.step
            if let inFlight = state.inFlight {
                // A lost answer is settled in this run by reading Telnyx, then the run goes on.
                guard reconcileChecks < Self.reconcileWaits.count else {
                    return .error(
                        "“\(inFlight.name)” has no known outcome yet (\(state.lastError?.message ?? "interrupted")); Telnyx could not be asked whether it happened. Run again to check."
                    )
                }
                let wait = Self.reconcileWaits[reconcileChecks]
                reconcileChecks += 1
                progress(
                    "whether “\(inFlight.name)” happened is not known (\(state.lastError.map { Self.cause($0) } ?? "no answer")): checking with Telnyx\(wait > 0 ? " in \(Int(wait)) s" : "")"
                )
                if wait > 0 { try await pause(wait) }
                // Settled is progress: the step's own work goes on from there.
                if try await engine.reconcile() { repeats = 0 }
                if case .uploadSignedLOA = inFlight, await engine.state.inFlight == nil { uploadAgain = true }
                continue
            }
            // An outage (the client already retried within the call's deadline) ends the run at
            // once with exit 1: repeating the step would only multiply the wait.
            if repeats >= 1, let error = state.lastError, error.retryable == true, !(state.step == .signAndUpload && uploadAgain),
                !(state.step == .gates && wait)
            {
                return .error(error.message)
            }
            // A step that does not move after its answer was given is stuck on an error.
            if repeats > 3 { return .error(state.lastError?.message ?? "Step \(state.step.rawValue) does not move on.") }
            let stepLine = "step \(state.step.rawValue) \(state.step.title): \(state.nextAction)"
            if stepLine != lastStepLine { progress(stepLine) }
            lastStepLine = stepLine
            switch state.step {
            case .terms:
                if case .unknown = state.terms {
                    try await engine.send(.begin)
                } else if answers.acceptTerms == true {
                    try await engine.send(.agreeToTerms)
                } else {
                    return .inputNeeded("accept_terms: true, after reading https://telnyx.com/terms/reputation-services")
                }
            case .enterprise:
                if attempted.contains(.enterprise), let problems = state.lastError?.fieldProblems, !problems.isEmpty {
                    return .inputNeeded(
                        "enterprise fields: " + problems.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "; "))
                }
                attempted.insert(.enterprise)
                if let id = answers.enterpriseId {
                    try await engine.send(.useExistingEnterprise(id: id, legalName: id))
                } else if let fields = answers.enterpriseFields {
                    if let refusal = try await engine.send(.submitEnterprise(fields: fields)) { return .error(refusal) }
                } else {
                    return .inputNeeded("enterprise (its fields, as POST /enterprises takes them) or enterprise_id")
                }
            case .loaRender:
                if state.disabledReputation != nil {
                    // Enabling again is billed: only when the answers say so.
                    guard answers.enableAgain == true else {
                        return .inputNeeded(
                            "enable_again: true, to monitor again (reputation is disabled; a new LOA, then the enable, billed \(state.prices.monitoringPerMonth) a month)"
                        )
                    }
                    if let refusal = try await engine.send(.enableAgain) { return .error(refusal) }
                    continue
                }
                if state.pendingCorrection != nil {
                    // A correction that did not reach Telnyx is sent again from the answers first.
                    if attempted.contains(.gates) {
                        return .inputNeeded(
                            "enterprise: the correction did not go through (\(state.lastError?.message ?? "unknown")); correct the answers' enterprise block"
                        )
                    }
                    attempted.insert(.gates)
                    switch try await correction(engine, reasons: []) {
                    case .sent: continue
                    case .stop(let stop): return stop
                    }
                }
                if attempted.contains(.loaRender), let error = state.lastError {
                    // An outage is an error to retry (1); a refused answer is input to fix (10).
                    return error.retryable == true ? .error(error.message) : .inputNeeded("loa: \(error.message)")
                }
                attempted.insert(.loaRender)
                switch answers.loa?.request() ?? .success((nil, nil)) {
                case .success(let request): try await engine.send(.renderLOA(agent: request.agent, signature: request.signature))
                case .failure(let problem): return .inputNeeded(problem.description)
                }
            case .signAndUpload:
                if attempted.contains(.signAndUpload), let error = state.lastError, error.retryable == true {
                    guard uploadAgain else { return .error(error.message) }
                    uploadAgain = false
                    progress("uploading the signed LOA again: whether the first upload arrived cannot be checked")
                    attempted.remove(.signAndUpload)
                }
                let problem = state.lastError.map { " (\($0.message))" } ?? ""
                guard !attempted.contains(.signAndUpload) || state.lastError == nil else {
                    return .inputNeeded("signed_loa: sign \(state.renderedLOAPath ?? "the LOA") and give the signed PDF's path\(problem)")
                }
                switch signedLOAToUpload(state) {
                case .file(let path):
                    attempted.insert(.signAndUpload)
                    try await engine.send(.useSignedLOA(path: path))
                case .alreadyUploaded(let path):
                    let which: String =
                        switch state.loaRound {
                        case .replacement: "rejected LOA"
                        case .resubmission: "rejected submission"
                        case .first: "submission before reputation was disabled"
                        }
                    return .inputNeeded(
                        "signed_loa: \(path) is the LOA already uploaded for the \(which); "
                            + "sign the new LOA at \(state.renderedLOAPath ?? "the rendered path") and give its path")
                case .missing:
                    return .inputNeeded("signed_loa: sign \(state.renderedLOAPath ?? "the LOA") and give the signed PDF's path\(problem)")
                }
            case .enable:
                // The monthly estimate counts the numbers that can be added: sorting them (free)
                // must work before anything is billed (an outage stops the run here, exit 1).
                let given = try numbers()
                let planned: Int
                let hostedElsewhere: Int
                do {
                    let sorted = given.isEmpty ? nil : try await split(given)
                    planned = sorted?.addable.count ?? 0
                    hostedElsewhere = sorted?.setAside.values.filter { $0 == NumberHosting.awaitingProof }.count ?? 0
                } catch let error as TelnyxError {
                    return .error("Asking Telnyx where the numbers are hosted failed: \(error.message)")
                }
                // Monitoring is billed by the month: numbers given of which none can be added are a
                // mistake to fix first. (No numbers at all: enabled now, reviewed, numbers added later.)
                if !given.isEmpty && planned == 0 && !(hostedElsewhere > 0 && answers.ownershipProof != nil) {
                    let fee = state.prices.monitoringPerMonth
                    if hostedElsewhere > 0 {
                        return .inputNeeded(
                            "ownership_proof: the \(hostedElsewhere) numbers that can be monitored are hosted at other carriers, and Telnyx monitors them only once an ownership proof is approved; give ownership_proof (a carrier invoice or statement that shows them) so that reputation (\(fee) a month) is not enabled for none. Nothing was billed."
                        )
                    }
                    return .inputNeeded(
                        "numbers: none of the \(given.count) numbers can be added (none is an active number of this account's inventory); reputation (\(fee) a month) is not enabled for none. Nothing was billed."
                    )
                }
                let decision = Event.chooseFrequency(answers.checkFrequency ?? .businessDaily, plannedNumbers: planned)
                switch try await decide(decision, at: .enable, engine, decided: &decided, what: "enabling reputation", adding: planned) {
                case .none: continue
                case .stop(let stop): return stop
                case .confirm: try await confirmCharge(engine)
                }
            case .gates:
                try await engine.send(.checkGatesNow)
                let gates = await engine.state.gates
                if await engine.state.step != .gates { continue }
                if let gates, gates.vettingRejected {
                    attempted.insert(.gates)
                    switch try await correction(engine, reasons: gates.rejectionReasons) {
                    case .sent: continue
                    case .stop(let stop): return stop
                    }
                }
                if let gates, gates.loaRejected {
                    // A signed LOA other than the one Telnyx rejected replaces it (not billed).
                    if case .file = signedLOAToUpload(state, round: .replacement) {
                        progress("signed_loa is a new LOA: it replaces the rejected one")
                        if let refusal = try await engine.send(.startLOAReplacement) { return .error(refusal) }
                        continue
                    }
                    let same = answers.signedLoa.map { "signed_loa (\($0)) is the LOA Telnyx rejected, under any name. " } ?? ""
                    return .rejected(
                        what: "LOA", reasons: gates.rejectionReasons,
                        fix:
                            "\(same)Sign a new LOA\(state.renderedLOAPath.map { " (the rendered one is at \($0))" } ?? "") and run again with its path as signed_loa; it replaces the rejected one (not billed)."
                    )
                }
                // The ownership proof is reviewed beside vetting and the LOA: sent now, it is not
                // a wait of its own later.
                if answers.ownershipProof != nil, gates?.externalVerificationStatus == nil, let given = try? numbers() {
                    let waiting = try await split(given).setAside.filter { $0.value == NumberHosting.awaitingProof }.keys.sorted()
                    if !waiting.isEmpty, case .stop(let stop) = try await ownershipProof(for: waiting, engine, asked: &proofAsked) {
                        return stop
                    }
                }
                guard wait else { return .waitingOnTelnyx(await engine.state.nextAction) }
                let (pause, progress) = (self.pause, self.progress)
                try await GatePoller(engine: engine, schedule: schedule) { delay in
                    progress("waiting \(Int(delay)) s before checking the review again")
                    try await pause(delay)
                }.run()
                repeats = 0
            case .associate:
                let given = try numbers()
                guard !given.isEmpty else { return .inputNeeded("numbers (a list) or numbers_file") }
                // Numbers outside the inventory are set aside (and kept in their own table)
                // before the decision: only those that can be added are estimated and billed.
                let wanted: [String]
                let setAside: [String: String]
                do {
                    (wanted, setAside) = try await split(given)
                } catch let error as TelnyxError {
                    return .error("Asking Telnyx where the numbers are hosted failed: \(error.message)")
                }
                if wanted.isEmpty {
                    // Only numbers hosted elsewhere: the ownership proof comes first.
                    let waiting = setAside.filter { $0.value == NumberHosting.awaitingProof }.keys.sorted()
                    var unsent: String?
                    if !waiting.isEmpty, await engine.state.monitoredNumbers.isEmpty {
                        switch try await ownershipProof(for: waiting, engine, asked: &proofAsked) {
                        case .stop(let stop): return stop
                        case .waited: repeats = 0
                        case .goOn: break
                        case .notAsked(let needed): unsent = needed
                        }
                        if unsent == nil {
                            splitForAdding = nil
                            continue
                        }
                    }
                    if await engine.state.monitoredNumbers.isEmpty {
                        return .inputNeeded(
                            "numbers: none of the \(given.count) numbers can be added (none is an active number of this account's inventory)\(unsent.map { "; \($0)" } ?? "")"
                        )
                    }
                    if let refusal = try await engine.send(.addNumbers(given.filter { setAside[$0] == nil }, setAside: setAside)) {
                        return .error(refusal)
                    }
                    continue
                }
                switch try await decide(
                    .addNumbers(wanted, setAside: setAside), at: .associate, engine, decided: &decided, what: "adding numbers",
                    adding: wanted.count)
                {
                case .none: continue
                case .stop(let stop): return stop
                case .confirm: try await confirmCharge(engine)
                }
            case .query:
                // Numbers of the answers that could be added and are not monitored (a batch whose
                // request was interrupted, found not taken when it was reconciled) are sent
                // again, billed and confirmed as any addition, before the first read.
                let monitored = Set(state.monitoredNumbers)
                let refused = Set((try? engine.store.setAsideNumbers(state.id).map(\.phoneNumber)) ?? [])
                let notMonitored = ((try? numbers()) ?? []).filter { !monitored.contains($0) && !refused.contains($0) }
                if !notMonitored.isEmpty {
                    let wanted: [String]
                    do {
                        wanted = try await split(notMonitored).addable
                    } catch let error as TelnyxError {
                        return .error("Asking Telnyx where the numbers are hosted failed: \(error.message)")
                    }
                    let unsent = wanted.filter { !monitored.contains($0) && !refused.contains($0) }
                    if !unsent.isEmpty {
                        progress(
                            "\(unsent.count) of the answers' numbers \(unsent.count == 1 ? "is" : "are") not monitored yet (\(Effect.sample(unsent))): adding \(unsent.count == 1 ? "it" : "them") again"
                        )
                        switch try await decide(
                            .addNumbers(unsent, setAside: [:]), at: .associate, engine, decided: &decided,
                            what: "adding the \(unsent.count) numbers not added yet", adding: unsent.count)
                        {
                        case .none: continue
                        case .stop(let stop): return stop
                        case .confirm:
                            try await confirmCharge(engine)
                            repeats = 0
                            continue
                        }
                    }
                }
                // The first read of the numbers not read yet: one read before (a run stopped midway)
                // is not read again, which for a number without analytics data would bill again.
                let unread = state.monitoredNumbers.filter { !state.queriedNumbers.contains($0) }
                if try answers.waitsForScheduledCheck() {
                    if state.confirmation != nil { try await engine.send(.cancel) }
                    if let refusal = try await engine.send(.awaitScheduledCheck) {
                        return .inputNeeded("first_read: scheduled cannot be: \(refusal)")
                    }
                    progress(
                        "first read: left to Telnyx's first scheduled check (\(state.checkFrequency.label)); nothing billed now. `reputation-wizard watch` shows the data it brings."
                    )
                    continue
                }
                if state.confirmation == nil {
                    try await engine.send(.query(numbers: unread.isEmpty ? state.monitoredNumbers : unread, fresh: false))
                }
                if let confirmation = await engine.state.confirmation {
                    guard confirmBillable else {
                        return .confirmationRequired("the first reputation check costs \(confirmation.estimate).")
                    }
                    if let stop = try await limitStop(confirmation, what: "the first reputation check", engine) { return stop }
                    progress("confirmed by --yes: the first reputation check, \(confirmation.estimate)\(Self.month(confirmation))")
                    try await confirmCharge(engine)
                }
            case .manage:
                // A completed onboarding is managed in the wizard (step 9): answers that differ
                // from it are said, never applied unseen.
                let monitored = Set(state.monitoredNumbers)
                // Numbers of the answers hosted elsewhere wait on the ownership proof: it is sent,
                // waited on, and once approved they are added (billed) and read.
                let awaiting = Set((try? await engine.numbersAwaitingOwnershipProof()) ?? [])
                let proofNumbers = ((try? numbers()) ?? []).filter { awaiting.contains($0) && !monitored.contains($0) }
                var proofNeeded: String?
                if !proofNumbers.isEmpty && state.gates?.externalVerificationStatus != .approved {
                    switch try await ownershipProof(for: proofNumbers, engine, asked: &proofAsked) {
                    case .stop(let stop): return stop
                    case .waited:
                        repeats = 0
                        continue
                    case .goOn: continue
                    case .notAsked(let needed): proofNeeded = needed
                    }
                } else if !proofNumbers.isEmpty {
                    let (addable, setAside): ([String], [String: String])
                    do {
                        (addable, setAside) = try await engine.setAsideBeforeAdding(proofNumbers)
                    } catch let error as TelnyxError {
                        return .error("Asking Telnyx where the numbers are hosted failed: \(error.message)")
                    }
                    if !addable.isEmpty {
                        switch try await decide(
                            .addNumbers(addable, setAside: setAside), at: .manage, engine, decided: &decided,
                            what: "adding the \(addable.count) numbers the ownership proof covers", adding: addable.count)
                        {
                        case .none: break
                        case .stop(let stop): return stop
                        case .confirm: try await confirmCharge(engine)
                        }
                        addedAfterProof += addable
                        // Step 9 does several things in turn (add, then read): each is progress.
                        repeats = 0
                        continue
                    }
                }
                // Their first read, as step 8 reads the others.
                let unreadAfterProof = addedAfterProof.filter { monitored.contains($0) && !state.queriedNumbers.contains($0) }
                if !unreadAfterProof.isEmpty {
                    switch try await decide(
                        .query(numbers: unreadAfterProof, fresh: false), at: .query, engine, decided: &decided,
                        what: "the first reputation check of the numbers the ownership proof covers")
                    {
                    case .none: break
                    case .stop(let stop): return stop
                    case .confirm: try await confirmCharge(engine)
                    }
                    addedAfterProof = []
                    continue
                }
                // The answers' remediation, once every number of theirs that can be is monitored and read.
                if let wanted = answers.remediation, !remediationLooked {
                    remediationLooked = true
                    switch try await remediation(wanted, engine, decided: &decided) {
                    case .goOn: break
                    case .decided(.none): continue
                    case .decided(.stop(let stop)): return stop
                    case .decided(.confirm):
                        try await confirmCharge(engine)
                        repeats = 0
                        continue
                    }
                }
                // Numbers set aside (outside the inventory) were named when they were set aside.
                let setAside = Set((try? engine.store.setAsideNumbers(state.id).map(\.phoneNumber)) ?? [])
                let notMonitored = ((try? numbers()) ?? []).filter { !monitored.contains($0) && !setAside.contains($0) }
                if !notMonitored.isEmpty {
                    progress(
                        "note: \(notMonitored.count) \(notMonitored.count == 1 ? "number" : "numbers") of the answers \(notMonitored.count == 1 ? "is" : "are") not monitored (\(Effect.sample(notMonitored))); a completed onboarding adds numbers in the wizard's step 9 (a)"
                    )
                }
                if let frequency = answers.checkFrequency, frequency != state.checkFrequency {
                    progress(
                        "note: the answers say check_frequency \(frequency.rawValue), the onboarding checks \(state.checkFrequency.rawValue); change it in the wizard's step 9 (F)"
                    )
                }
                // The others are monitored and read; these can be too, once the answers give the proof.
                if let proofNeeded { return .inputNeeded(proofNeeded) }
                return .complete
            }
        }
    }

    enum Decision {
        /// Nothing to confirm (the decision went ahead, or was refused and the state says why).
        case none
        case stop(Stop)
        /// The pending charge is this run's own, from the current answers: confirm it.
        case confirm
    }

    /// Takes the billable decision from the current answers. A charge left pending by an
    /// earlier run is never confirmed as it stands: it is cancelled and decided again, and when
    /// the answers have changed what it costs the run stops (12) with the new cost, even with
    /// `--yes`, so a charge is only ever made on the estimate the person last saw.
    func decide(
        _ decision: Event, at step: Step, _ engine: OnboardingEngine, decided: inout Set<Step>, what: String, adding: Int? = nil
    ) async throws -> Decision {
        let earlier = decided.contains(step) ? nil : await engine.state.confirmation
        if earlier != nil { try await engine.send(.cancel) }
        if await engine.state.confirmation == nil {
            decided.insert(step)
            if let refusal = try await engine.send(decision) { return .stop(.error(refusal)) }
        }
        guard let confirmation = await engine.state.confirmation else { return .none }
        if let earlier, earlier != confirmation {
            return .stop(
                .confirmationRequired(
                    "the answers changed since the last run's estimate (\(earlier.estimate)); \(what) now costs \(confirmation.estimate). Nothing was billed."
                ))
        }
        guard confirmBillable else {
            // Over the budget, --yes alone would stop again: both are named at once.
            let budget = confirmation.budget.map { " \($0.said)." } ?? ""
            let over = confirmation.budget?.passes == true ? " \(confirmation.budget?.budgetSaid ?? "") It needs --yes --over-budget." : ""
            return .stop(
                .confirmationRequired(
                    "\(what) costs \(confirmation.estimate).\(budget)\(over)\(then(after: step, await engine.state, adding: adding))"))
        }
        if let stop = try await limitStop(confirmation, what: what, engine) { return .stop(stop) }
        progress("confirmed by --yes: \(what), \(confirmation.estimate)\(Self.month(confirmation))")
        return .confirm
    }

    /// Where a charge leaves the month, for the lines that say it was confirmed or stopped:
    /// ` (This month so far $X · with this $Y · monitoring about $Z a month)`; empty without it.
    static func month(_ confirmation: PendingConfirmation) -> String {
        confirmation.budget.map { " (\($0.said))" } ?? ""
    }

    /// Why `--yes` does not confirm this charge: it would pass `--max-cost`, or the monthly
    /// budget without `--over-budget`; nil when it may go ahead.
    func limitStop(_ confirmation: PendingConfirmation, what: String, _ engine: OnboardingEngine) async throws -> Stop? {
        let billed = try await spend.total(engine)
        if let maxCost, billed + confirmation.estimate.amount > maxCost {
            let before = billed.cents > 0 ? " after the \(billed) this run billed" : ""
            return .overLimit(
                "\(what) costs \(confirmation.estimate), which would pass --max-cost \(maxCost)\(before)\(Self.month(confirmation)); nothing more was billed. Raise --max-cost to go ahead."
            )
        }
        if let budget = confirmation.budget, budget.passes, !overBudget {
            return .overLimit(
                "\(what) costs \(confirmation.estimate). \(budget.budgetSaid ?? "") (\(budget.said).) Give --over-budget to go over it, or raise budget_usd."
            )
        }
        return nil
    }

    /// Confirms the pending charge (over the budget when it passes it: `limitStop` allowed that);
    /// what it bills counts against `--max-cost` from the audit log.
    func confirmCharge(_ engine: OnboardingEngine) async throws {
        guard let confirmation = await engine.state.confirmation else { return }
        try await engine.send(confirmation.budget?.passes == true ? .confirmOverBudget : .confirm)
    }

    /// What `--yes` would also confirm after the charge asked about at `step`, so the cost a
    /// person reads is the whole cost of going on.
    /// `adding`: the numbers that will be added (set-aside ones left out), when known.
    func then(after step: Step, _ state: OnboardingState, adding: Int? = nil) -> String {
        let adding = adding ?? (try? parseNumbers().count) ?? 0
        // Left to Telnyx's first scheduled check, the first reads are not this run's to bill.
        let readsNow = (try? answers.waitsForScheduledCheck()) != true
        switch step {
        case .enable:
            guard adding > 0 else { return "" }
            guard readsNow else {
                return
                    " Then, with --yes: adding \(adding) numbers (\(state.prices.association * adding)); their first reputation check is left to Telnyx's scheduled check (first_read: scheduled)."
            }
            return
                " Then, with --yes: adding \(adding) numbers (\(state.prices.association * adding)) and their first reputation check (\(state.prices.liveCheck * adding))."
        case .associate:
            guard adding > 0, readsNow else { return "" }
            return
                " Then, with --yes: their first reputation check (\(state.prices.liveCheck * adding), \(state.prices.liveCheck) a number)."
        case .terms, .enterprise, .loaRender, .signAndUpload, .gates, .query, .manage:
            return ""
        }
    }

    /// What a failure said, in a few words: its HTTP status, or "no answer".
    static func cause(_ failure: Failure) -> String {
        failure.status.map { "HTTP \($0)" } ?? "no answer"
    }

    enum CorrectionOutcome {
        case sent
        case stop(Stop)
    }

    /// After a rejected vetting: the answers' `enterprise` block, compared with what Telnyx
    /// holds, is sent as the correction; fields the block leaves out stay as they are.
    func correction(_ engine: OnboardingEngine, reasons: [String]) async throws -> CorrectionOutcome {
        let stands = Stop.rejected(
            what: "enterprise", reasons: reasons,
            fix: "Correct the enterprise block of the answers as the reasons say and run again; it is sent as the correction, "
                + "then a new LOA and the enable again (billed \(await engine.state.prices.monitoringPerMonth)).")
        guard let answered = answers.enterpriseFields else { return .stop(stands) }
        let record: [String: String]
        do {
            guard let read = try await engine.enterpriseRecord() else { return .stop(stands) }
            record = read
        } catch {
            return .stop(.error("Reading the enterprise from Telnyx failed: \(error.message)"))
        }
        let correction = EnterpriseCorrection(record: record, edited: record.merging(answered) { $1 })
        if !correction.problems.isEmpty {
            let named = EnterpriseField.allCases.compactMap { field in correction.problems[field].map { "enterprise.\(field.key) \($0)" } }
            return .stop(.inputNeeded(named.joined(separator: "; ")))
        }
        // A correction whose answer was lost may have landed: Telnyx then holds it already, and
        // sending it again (no change at Telnyx) lets the rest of the correction go on.
        if correction.changes.isEmpty, let pending = await engine.state.pendingCorrection, !pending.isEmpty,
            pending.allSatisfy({ record[$0.key] ?? "" == $0.value })
        {
            guard confirmBillable else {
                return .stop(
                    .confirmationRequired(
                        "the correction reached Telnyx; going on leads to enabling again, billed \(await engine.state.prices.monitoringPerMonth)."
                    ))
            }
            progress("the correction already reached Telnyx: going on with it")
            if let refusal = try await engine.send(.correctEnterprise(fields: pending)) { return .stop(.error(refusal)) }
            return .sent
        }
        guard !correction.changes.isEmpty else { return .stop(stands) }
        let state = await engine.state
        // The correction leads to a billed enable (and may disable first): nothing is changed
        // until the run may go on to pay for it.
        guard confirmBillable else {
            let steps = correction.plan(reputationEnabled: state.reputationEnabled, prices: state.prices).joined(separator: " ")
            return .stop(
                .confirmationRequired(
                    "the correction (\(correction.changes.map(\.field.key).joined(separator: ", "))) leads to enabling again, billed \(state.prices.monitoringPerMonth); nothing was changed yet. \(steps)"
                ))
        }
        if let warning = correction.warning(reasons: reasons.isEmpty ? state.lastVettingRejection ?? [] : reasons) {
            progress("warning: \(warning)")
        }
        progress(
            "correcting the enterprise: "
                + correction.changes.map { "\($0.field.key) \($0.old ?? "(none)") → \($0.new)" }.joined(separator: "; "))
        for step in correction.plan(reputationEnabled: state.reputationEnabled, prices: state.prices) { progress("  \(step)") }
        if let refusal = try await engine.send(.correctEnterprise(fields: correction.fields)) { return .stop(.error(refusal)) }
        if let error = await engine.state.lastError, await engine.state.loaRound == .resubmission, await engine.state.inFlight == nil,
            !error.fieldProblems.isEmpty
        {
            let named = error.fieldProblems.sorted { $0.key < $1.key }.map { "enterprise.\($0.key) \($0.value)" }
            return .stop(.inputNeeded(named.joined(separator: "; ")))
        }
        return .sent
    }

    enum SignedLOAChoice: Equatable {
        case file(String)
        /// The only file on offer is the one already uploaded (and rejected, or part of a rejected submission).
        case alreadyUploaded(String)
        case missing
    }

    /// The signed LOA to upload: `signed_loa`; after a rejection only a file other than the one
    /// uploaded before. When the answers sign the LOA with a signature image, the rendered LOA
    /// carries the signature and is offered when `signed_loa` is not new.
    func signedLOAToUpload(_ state: OnboardingState, round: OnboardingState.LOARound? = nil) -> SignedLOAChoice {
        func isNew(_ path: String) -> Bool {
            guard let uploaded = state.submittedLOASHA256 else { return true }
            // The bytes as they are uploaded (from the PDF header on), as the upload compares them.
            guard let bytes = try? SignedLOAFile.read(path) else { return true }
            return SignedLOADigest.hex(bytes) != uploaded
        }
        if let signed = answers.signedLoa, isNew(signed) { return .file(signed) }
        if answers.loa?.signatureImage != nil, let rendered = state.renderedLOAPath, round == nil, isNew(rendered) {
            progress("the rendered LOA carries the signature image: uploading \(rendered)")
            return .file(rendered)
        }
        if let signed = answers.signedLoa { return .alreadyUploaded(signed) }
        return .missing
    }

    /// The numbers to monitor, from the list and the file (read as CSV: `NumberFile`); every bad
    /// entry is refused by where it was written: `numbers[2]`, or `FILE line 4, column 2 (Phone)`.
    /// - Throws: `RunInputError` naming the entries (the first few; the rest counted).
    func parseNumbers() throws -> [String] { try readNumbers().numbers }

    /// Checks what the answers name that the run would read only later (the enterprise's
    /// fields, the numbers, the `numbers_file`, `signed_loa`, `loa.signature_image`, and
    /// `first_read: scheduled` beside `check_frequency: never`), so that a wrong one stops the
    /// run before an onboarding, or an enterprise at Telnyx, is made for it (or the terms
    /// agreed to). Reads local files only.
    /// - Throws: `RunInputError` naming the field, what is wrong and the fix (exit 10).
    public func checkInputs() throws {
        // Every field's problem at once (one run, one round of fixes), each named with its fix.
        var problems: [String] = []
        // The enterprise's fields, as step 2 would check them after the terms were agreed to.
        if answers.enterpriseId == nil, let fields = answers.enterpriseFields {
            let wrong = EnterpriseField.allCases.compactMap { field -> String? in
                guard case .failure(let problem) = EnterpriseValidation.check(field, fields[field.key] ?? "") else { return nil }
                return "\(field.key) \(problem.message)"
            }
            if !wrong.isEmpty { problems.append("enterprise fields: " + wrong.sorted().joined(separator: "; ")) }
        }
        do { _ = try readNumbers() } catch let error as RunInputError { problems.append(error.message) }
        if let path = answers.signedLoa {
            do { _ = try SignedLOAFile.read(path) } catch {
                problems.append("signed_loa: \(error); give the signed LOA's path, or leave signed_loa out until it is signed")
            }
        }
        if let path = answers.loa?.signatureImage {
            do { _ = try SignatureImage.read(path) } catch { problems.append("loa.signature_image: \(error)") }
        }
        if try answers.waitsForScheduledCheck(), answers.checkFrequency == .never {
            problems.append(
                "first_read: scheduled needs Telnyx's scheduled checks, and check_frequency is never: choose a frequency, or first_read: now"
            )
        }
        if !problems.isEmpty { throw RunInputError(message: problems.joined(separator: " · ")) }
    }

    /// `parseNumbers`, with what was passed over and why (rows of the file with nothing in the
    /// numbers column, as CRM exports have for contacts without a phone), said once a run.
    func readNumbers() throws -> (numbers: [String], notes: [String]) {
        let listed = NumberListParser.parse(lines: answers.numbers ?? [])
        var fileLines: [NumberListParser.Line] = []
        var notes: [String] = []
        if let file = answers.numbersFile {
            let data: Data
            do { data = try LocalFile.contents(file, limit: NumberFile.maximumBytes) } catch {
                throw RunInputError(message: "numbers_file \(error)")
            }
            switch NumberFile.read(data) {
            case .success(let read):
                fileLines = read.lines
                if let note = read.otherColumnsNote { notes.append("numbers_file \(RemoteText.sanitized(file)): \(note)") }
            case .failure(let problem): throw RunInputError(message: "numbers_file \(RemoteText.sanitized(file)) \(problem)")
            }
        }
        // Bounded: the first few entries named (cut, without control characters), the rest counted.
        func refusal(_ line: NumberListParser.Line, place: String) -> String? {
            guard case .invalid(let problem) = line.verdict else { return nil }
            let shown =
                RemoteText.sanitized(String(line.text.prefix(40))).trimmingCharacters(in: .whitespaces) + (line.text.count > 40 ? "…" : "")
            return "\(place) '\(shown)' \(problem)"
        }
        let fileName = RemoteText.sanitized(answers.numbersFile ?? "numbers_file")
        let blank = fileLines.filter { $0.verdict == .invalid(.empty) }
        let bad =
            listed.compactMap { refusal($0, place: "numbers[\($0.lineNumber - 1)]") }
            + fileLines.filter { $0.verdict != .invalid(.empty) }.compactMap { refusal($0, place: "\(fileName) \($0.place)") }
        if !bad.isEmpty { throw RunInputError(message: AnswerKeys.summary(bad, counting: "entries")) }
        // A file given but empty is said before anything is billed, not taken as no file.
        if answers.numbersFile != nil, !fileLines.contains(where: { $0.verdict != .invalid(.empty) }) {
            throw RunInputError(
                message:
                    "numbers_file \(fileName) holds no numbers (it is empty, only a heading, or nothing is in its numbers column); give the file with the numbers to monitor"
            )
        }
        if let column = blank.first?.column {
            let lines = NumberFile.lineList(blank)
            notes.append("numbers_file \(fileName): nothing in \(column) on line\(blank.count == 1 ? "" : "s") \(lines); passed over")
        }
        let repeated = (listed + fileLines).filter { if case .duplicate = $0.verdict { true } else { false } }.count
        if repeated > 0 {
            notes.append("\(repeated) \(repeated == 1 ? "number is" : "numbers are") written more than once; each is added once")
        }
        var seen = Set<String>()
        let numbers = (NumberListParser.numbers(in: listed) + NumberListParser.numbers(in: fileLines)).map(\.e164).filter {
            seen.insert($0).inserted
        }
        return (numbers, notes)
    }
}

/// An answer that is missing or wrong, named by its field; a run stops with exit code 10.
public struct RunInputError: Error, CustomStringConvertible {
    public var message: String
    /// `message` names the field and the fix (`enterprise.fein must be …`).
    public init(message: String) { self.message = message }
    public var description: String { message }
}

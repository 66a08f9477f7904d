/// The result of one event: the new state and the effect (at most one) to run next. Effects
/// chain through their outcomes, so a failure stops the chain where it happened.
public struct Transition: Equatable, Sendable {
    public var state: OnboardingState
    public var effects: [Effect]
    /// Why a decision was not taken, for the person who made it; nil when it was.
    public var refusal: String?

    public init(state: OnboardingState, effects: [Effect] = [], refusal: String? = nil) {
        self.state = state
        self.effects = effects
        self.refusal = refusal
    }
}

extension Event {
    /// Whether this outcome is the answer to `effect`. Only the answer settles the effect in
    /// flight; any other outcome is news, applied without releasing what waits behind it.
    func answers(_ effect: Effect?) -> Bool {
        guard let effect else { return false }
        switch (self, effect) {
        case (.termsChecked, .checkTerms), (.termsAgreed, .agreeToTerms), (.enterpriseReady, .createEnterprise),
            (.enterpriseReady, .updateEnterprise), (.loaRendered, .renderLOA), (.signedLOAUploaded, .uploadSignedLOA),
            (.reputationEnabled, .enableReputation), (.gatesChecked, .checkGates), (.loaReplaced, .replaceLOA),
            (.reputationDisabled, .disableReputation), (.numbersAssociated, .associateNumbers),
            (.numbersQueried, .queryNumbers), (.numbersRefreshed, .refreshNumbers), (.frequencyChanged, .changeFrequency),
            (.numbersRemoved, .removeNumbers), (.enterpriseFactsRead, .readEnterprise), (.webhookSet, .setWebhook),
            (.ownershipRead, .readOwnership),
            (.ownershipConfirmed, .confirmOwnership), (.ownershipProofSubmitted, .submitOwnershipProof),
            (.remediationsSubmitted, .submitRemediation), (.remediationsRead, .readRemediations):
            return true
        case (.effectFailed(let failed, _), _):
            return failed == effect
        default:
            return false
        }
    }

    /// A person's decision, as opposed to the outcome of an effect. Every case is listed: a new
    /// event must be placed on one side or the other.
    public var isDecision: Bool {
        switch self {
        case .begin, .agreeToTerms, .useExistingEnterprise, .submitEnterprise, .renderLOA, .useSignedLOA, .chooseFrequency,
            .confirm, .confirmOverBudget, .cancel, .setBudget, .goBack, .checkGatesNow, .startLOAReplacement, .correctEnterprise,
            .addNumbers, .query, .refresh, .awaitScheduledCheck,
            .changeFrequency, .removeNumbers, .disable, .enableAgain, .setWebhook, .checkOwnershipNow, .confirmOwnership,
            .submitOwnershipProof, .remediate, .checkRemediationsNow:
            true
        case .monthSpendRead, .termsChecked, .termsAgreed, .enterpriseReady, .enterpriseFactsRead, .loaRendered, .signedLOAUploaded,
            .reputationEnabled,
            .gatesChecked,
            .loaReplaced, .reputationDisabled, .numbersAssociated, .numbersQueried, .numbersRefreshed, .frequencyChanged,
            .numbersRemoved, .scheduledReadingsListed, .webhookSet, .ownershipRead, .ownershipConfirmed, .ownershipProofSubmitted,
            .remediationsSubmitted,
            .remediationsRead, .effectFailed:
            false
        }
    }
}

/// The onboarding state machine: pure, no I/O, no clock, no randomness. Every billable effect is
/// preceded by a `PendingConfirmation` carrying its estimate, and sent only on `.confirm`. An
/// error from an earlier step does not outlive the step: once the onboarding moves on, only an
/// error of the transition that moved it stays.
public func transition(_ state: OnboardingState, _ event: Event) -> Transition {
    var result = decide(state, event)
    if result.state.step != state.step && result.state.lastError == state.lastError && result.state.lastError?.outcomeUnknown != true {
        result.state.lastError = nil
    }
    return result
}

/// What `event` does to `state`, before stale errors are dropped: a decision is refused while
/// another is in flight or a charge waits for its answer; otherwise the event's handler (one a
/// case, grouped by step in `Transition+*.swift`) decides.
func decide(_ state: OnboardingState, _ event: Event) -> Transition {
    var decision = Decision(state: state, event: event)
    if event.isDecision {
        if event == .begin { return state.inFlight == nil ? begin(state) : Transition(state: state) }
        if let inFlight = state.inFlight { return decision.refuse("Waiting for “\(inFlight.name)” to finish.") }
        // A waiting charge takes its answer, or a budget to be checked against.
        var answersCharge = [Event.confirm, .confirmOverBudget, .cancel].contains(event)
        if case .setBudget = event { answersCharge = true }
        if state.confirmation != nil && !answersCharge {
            return decision.refuse("Confirm or cancel the pending charge first.")
        }
    }
    switch event {
    case .begin: return decision.onBegin()
    case .agreeToTerms: return decision.onAgreeToTerms()
    case .termsChecked(let agreed, let version): return decision.onTermsChecked(agreed: agreed, version: version)
    case .termsAgreed(let version): return decision.onTermsAgreed(version: version)
    case .useExistingEnterprise(let id, _): return decision.onUseExistingEnterprise(id: id)
    case .enterpriseFactsRead(let facts): return decision.onEnterpriseFactsRead(facts: facts)
    case .submitEnterprise(let fields): return decision.onSubmitEnterprise(fields: fields)
    case .enterpriseReady(let id, let legalName): return decision.onEnterpriseReady(id: id, legalName: legalName)
    case .renderLOA(let agent, let signature): return decision.onRenderLOA(agent: agent, signature: signature)
    case .loaRendered(let path): return decision.onLoaRendered(path: path)
    case .useSignedLOA(let path): return decision.onUseSignedLOA(path: path)
    case .signedLOAUploaded(let documentId, let sha256): return decision.onSignedLOAUploaded(documentId: documentId, sha256: sha256)
    case .chooseFrequency(let frequency, let plannedNumbers):
        return decision.onChooseFrequency(frequency: frequency, plannedNumbers: plannedNumbers)
    case .confirm: return decision.onConfirm()
    case .confirmOverBudget: return decision.onConfirm(overBudget: true)
    case .setBudget(let budget): return decision.onSetBudget(budget)
    case .monthSpendRead(let spend): return decision.onMonthSpendRead(spend)
    case .cancel: return decision.onCancel()
    case .reputationEnabled(let report): return decision.onReputationEnabled(report: report)
    case .checkGatesNow: return decision.onCheckGatesNow()
    case .gatesChecked(let report, let at): return decision.onGatesChecked(report: report, at: at)
    case .goBack: return decision.onGoBack()
    case .startLOAReplacement: return decision.onStartLOAReplacement()
    case .loaReplaced(let report): return decision.onLoaReplaced(report: report)
    case .correctEnterprise(let fields): return decision.onCorrectEnterprise(fields: fields)
    case .reputationDisabled: return decision.onReputationDisabled()
    case .enableAgain: return decision.onEnableAgain()
    case .addNumbers(let numbers, let setAside): return decision.onAddNumbers(numbers: numbers, setAside: setAside)
    case .numbersAssociated(let numbers, let setAside): return decision.onNumbersAssociated(numbers: numbers, setAside: setAside)
    case .query(let numbers, let fresh): return decision.onQuery(numbers: numbers, fresh: fresh)
    case .numbersQueried(let numbers, let withoutData): return decision.onNumbersQueried(numbers: numbers, withoutData: withoutData ?? [])
    case .refresh(let numbers): return decision.onRefresh(numbers: numbers)
    case .awaitScheduledCheck: return decision.onAwaitScheduledCheck()
    case .numbersRefreshed(let succeeded, let failed, let withoutData):
        return decision.onNumbersRefreshed(succeeded: succeeded, failed: failed, withoutData: withoutData ?? [])
    case .scheduledReadingsListed(let numbers): return decision.onScheduledReadingsListed(withData: numbers)
    case .changeFrequency(let frequency): return decision.onChangeFrequency(frequency: frequency)
    case .frequencyChanged(let frequency): return decision.onFrequencyChanged(frequency: frequency)
    case .removeNumbers(let numbers): return decision.onRemoveNumbers(numbers: numbers)
    case .numbersRemoved(let numbers): return decision.onNumbersRemoved(numbers: numbers)
    case .disable: return decision.onDisable()
    case .setWebhook(let url): return decision.onSetWebhook(url: url)
    case .webhookSet(let url): return decision.onWebhookSet(url: url)
    case .checkOwnershipNow: return decision.onCheckOwnershipNow()
    case .ownershipRead(let notices, let removed): return decision.onOwnershipRead(notices: notices, removed: removed)
    case .confirmOwnership(let numbers, let evidence): return decision.onConfirmOwnership(numbers: numbers, evidence: evidence)
    case .ownershipConfirmed(let numbers): return decision.onOwnershipConfirmed(numbers: numbers)
    case .submitOwnershipProof(let documents, let numbers): return decision.onSubmitOwnershipProof(documents: documents, numbers: numbers)
    case .ownershipProofSubmitted(let status, let sha256): return decision.onOwnershipProofSubmitted(status: status, sha256: sha256)
    case .remediate(let numbers, let callPurpose, let contactEmail, let setAside):
        return decision.onRemediate(numbers: numbers, callPurpose: callPurpose, contactEmail: contactEmail, setAside: setAside)
    case .checkRemediationsNow: return decision.onCheckRemediationsNow()
    case .remediationsSubmitted(let records): return decision.onRemediationsSubmitted(records: records)
    case .remediationsRead(let records): return decision.onRemediationsRead(records: records)
    case .effectFailed(let effect, let failure): return decision.onEffectFailed(effect: effect, failure: failure)
    }
}

/// What opening an onboarding asks Telnyx, depending on where it stands.
func begin(_ state: OnboardingState) -> Transition {
    var next = state
    // What is asked now replaces the news of the last attempt.
    next.lastError = nil
    switch state.step {
    case .terms:
        next.inFlight = .checkTerms
        return Transition(state: next, effects: [.checkTerms])
    case .gates:
        guard let enterprise = state.enterprise else { return Transition(state: state) }
        let check = Effect.checkGates(enterpriseId: enterprise.id)
        next.inFlight = check
        return Transition(state: next, effects: [check])
    case .associate, .query, .manage:
        // An ownership proof under review may have been decided while the wizard was closed;
        // otherwise, once numbers are monitored, what Telnyx asks about them (both free reads).
        guard let enterprise = state.enterprise, state.reputationEnabled else { return Transition(state: state) }
        let check: Effect
        if state.gates?.ownershipProofPending == true {
            check = .checkGates(enterpriseId: enterprise.id)
        } else if state.step >= .query {
            check = .readOwnership(enterpriseId: enterprise.id)
        } else {
            return Transition(state: state)
        }
        next.inFlight = check
        return Transition(state: next, effects: [check])
    default:
        return Transition(state: state)
    }
}

func afterTerms(_ state: OnboardingState) -> OnboardingState {
    var next = state
    if next.step == .terms {
        next.step = next.stepAfterTerms ?? .enterprise
        next.stepAfterTerms = nil
    }
    return next
}

/// The fields as Telnyx wants them, or every field problem at once. `partial` checks only the
/// fields given (a correction), and refuses the ones fixed at creation.
func normalizedEnterprise(_ fields: [String: String], partial: Bool) -> Result<[String: String], Failure> {
    var normalized: [String: String] = [:]
    var problems: [String: String] = [:]
    for field in EnterpriseField.allCases where !partial || fields[field.key] != nil {
        if partial && field.isImmutable {
            problems[field.key] = "cannot be changed once the enterprise exists"
            continue
        }
        switch EnterpriseValidation.check(field, fields[field.key] ?? "") {
        case .success(let value): if !value.isEmpty { normalized[field.key] = value }
        case .failure(let problem): problems[field.key] = problem.message
        }
    }
    if !problems.isEmpty {
        let count = problems.count
        return .failure(
            Failure(message: "\(count) \(count == 1 ? "field needs" : "fields need") attention before sending.", fieldProblems: problems))
    }
    return .success(normalized)
}

/// What a failed effect means for the onboarding. The API's state guards are recognised and
/// followed, not fought.
func failed(_ state: OnboardingState, _ effect: Effect, _ failure: Failure) -> Transition {
    var next = state
    next.queued = nil
    next.lastError = failure
    // The engine could not tell whether it happened: nothing more is sent until it can. An
    // effect that changes nothing at Telnyx has no outcome to reconcile: its failure is plain.
    if failure.outcomeUnknown && effect.changesRemoteState { return Transition(state: next) }
    next.lastError?.outcomeUnknown = false
    next.inFlight = nil
    switch effect {
    case .enableReputation(let enterpriseId, _, _):
        if failure.has(status: 403) {
            next.terms = .required(version: "")
            next.stepAfterTerms = .enable
            next.step = .terms
        } else if failure.has(status: 400, code: "10015") || failure.has(status: 409) {
            // Already enabled: read where the review stands.
            next.reputationEnabled = true
            next.step = .gates
            let check = Effect.checkGates(enterpriseId: enterpriseId)
            next.inFlight = check
            return Transition(state: next, effects: [check])
        } else if failure.has(status: 422) {
            // The uploaded LOA expired or was refused: upload it again right before enabling.
            next.loaDocumentId = nil
            next.step = .signAndUpload
        }
    // A 404 is shown and the enable can be tried again; the enterprise is never forgotten
    // on one answer (choosing another would meet "already exists" for ever).
    case .checkGates, .replaceLOA:
        if failure.has(status: 404) {
            // Reputation was disabled meanwhile: enabling again needs a new LOA.
            if state.reputationEnabled {
                next.disabledReputation = .init(numbersDropped: state.monitoredNumbers.count, outsideWizard: true)
            }
            next.monitoredNumbers = []
            next.queriedNumbers = []
            next.readWithoutData = nil
            next.reputationEnabled = false
            next.gates = nil
            next.loaRound = .first
            next.loaDocumentId = nil
            next.step = .loaRender
        } else if case .replaceLOA(let enterpriseId, _) = effect, failure.has(status: 400) {
            // Approved meanwhile, so it can no longer be replaced: read the review.
            next.loaRound = .first
            next.step = .gates
            let check = Effect.checkGates(enterpriseId: enterpriseId)
            next.inFlight = check
            return Transition(state: next, effects: [check])
        }
    case .uploadSignedLOA:
        next.step = .signAndUpload
    default:
        break
    }
    return Transition(state: next)
}

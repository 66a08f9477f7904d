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
            (.numbersRemoved, .removeNumbers), (.enterpriseFactsRead, .readEnterprise):
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
            .confirm, .cancel, .goBack, .checkGatesNow, .startLOAReplacement, .correctEnterprise, .addNumbers, .query, .refresh,
            .changeFrequency, .removeNumbers, .disable, .enableAgain:
            true
        case .termsChecked, .termsAgreed, .enterpriseReady, .enterpriseFactsRead, .loaRendered, .signedLOAUploaded, .reputationEnabled,
            .gatesChecked,
            .loaReplaced, .reputationDisabled, .numbersAssociated, .numbersQueried, .numbersRefreshed, .frequencyChanged,
            .numbersRemoved, .effectFailed:
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

/// What `event` does to `state`, before stale errors are dropped.
func decide(_ state: OnboardingState, _ event: Event) -> Transition {
    var next = state
    func send(_ effect: Effect) -> Transition {
        next.inFlight = effect
        next.lastError = nil
        return Transition(state: next, effects: [effect])
    }
    func stay() -> Transition { Transition(state: next) }
    func refuse(_ why: String) -> Transition { Transition(state: state, refusal: why) }
    func ask(_ action: BillableAction, setAside: SetAsideNumbers? = nil) -> Transition {
        var estimate = action.estimate(next.prices)
        if case .enable = action, next.loaRound == .resubmission {
            estimate.basis = "billed again: Telnyx reviews a corrected enterprise as a new registration; " + estimate.basis
        } else if case .enable = action, next.enablingAgain == true {
            estimate.basis = "billed again: reputation was enabled before and disabled; " + estimate.basis
        }
        next.confirmation = PendingConfirmation(action: action, estimate: estimate, setAside: setAside)
        return stay()
    }
    /// An outcome arrived. If it answers the effect in flight, that effect is done and a queued
    /// one goes next; otherwise nothing in flight or queued changes.
    func settle() -> Transition? {
        guard event.answers(state.inFlight) else { return nil }
        next.inFlight = nil
        // "No answer" is answered now: it is no longer the news.
        if next.lastError == state.lastError, state.lastError?.outcomeUnknown == true { next.lastError = nil }
        if let queued = next.queued {
            next.queued = nil
            return send(queued)
        }
        return nil
    }

    /// Settled, and when `left` (numbers sent but not done) is not empty, `message` said.
    func settled(leaving left: [String], _ message: @autoclosure () -> String) -> Transition {
        var result = settle() ?? stay()
        if !left.isEmpty { result.state.lastError = Failure(message: message()) }
        return result
    }

    if event.isDecision {
        if event == .begin { return state.inFlight == nil ? begin(state) : Transition(state: state) }
        if let inFlight = state.inFlight { return refuse("Waiting for “\(inFlight.name)” to finish.") }
        if state.confirmation != nil && event != .confirm && event != .cancel {
            return refuse("Confirm or cancel the pending charge first.")
        }
    }

    switch event {
    case .begin:
        return begin(state)

    case .agreeToTerms:
        guard state.step == .terms else { return refuse("The terms are already agreed.") }
        if case .agreed = state.terms { return Transition(state: afterTerms(state)) }
        return send(.agreeToTerms)

    case .termsChecked(let agreed, let version):
        next.terms = agreed ? .agreed(version: version) : .required(version: version)
        if agreed { next = afterTerms(next) }
        return settle() ?? stay()

    case .termsAgreed(let version):
        next.terms = .agreed(version: version)
        next = afterTerms(next)
        return settle() ?? stay()

    case .useExistingEnterprise(let id, _):
        guard state.step == .enterprise else { return refuse("The enterprise is chosen at step 2.") }
        // What Telnyx holds decides the step, as `adopt` does: an enterprise already enabled is
        // never offered a $100 enable that Telnyx would refuse.
        return send(.readEnterprise(enterpriseId: id))

    case .enterpriseFactsRead(let facts):
        guard event.answers(state.inFlight), state.step == .enterprise else { return stay() }
        var landed = OnboardingState.adopting(facts, id: state.id, prices: state.prices)
        landed.inFlight = nil
        next = landed
        return settle() ?? stay()

    case .submitEnterprise(let fields):
        guard state.step == .enterprise, state.enterprise == nil else { return refuse("The enterprise is already created.") }
        switch normalizedEnterprise(fields, partial: false) {
        case .failure(let failure):
            next.lastError = failure
            return stay()
        case .success(let normalized):
            return send(.createEnterprise(fields: normalized))
        }

    case .enterpriseReady(let id, let legalName):
        next.enterprise = .init(id: id, legalName: legalName)
        next.pendingCorrection = nil
        if next.step == .enterprise || next.loaRound == .resubmission { next.step = .loaRender }
        return settle() ?? stay()

    case .renderLOA(let agent, let signature):
        guard let enterprise = state.enterprise, [.loaRender, .signAndUpload].contains(state.step) else {
            return refuse("The LOA is rendered once the enterprise exists (step 3).")
        }
        if state.pendingCorrection != nil {
            return refuse("The correction has not reached Telnyx yet: correct the enterprise again before rendering its LOA.")
        }
        if state.disabledReputation != nil {
            return refuse("Reputation is disabled: choose to enable it again first (it is billed again once enabled).")
        }
        return send(.renderLOA(enterpriseId: enterprise.id, agent: agent, signature: signature))

    case .loaRendered(let path):
        next.renderedLOAPath = path
        if case .renderLOA(_, _, let signature)? = state.inFlight { next.renderedLOASigned = signature != nil }
        if next.step == .loaRender { next.step = .signAndUpload }
        return settle() ?? stay()

    case .useSignedLOA(let path):
        guard state.step == .signAndUpload else { return refuse("Render the LOA first (step 3).") }
        next.signedLOAPath = path
        return send(.uploadSignedLOA(path: path))

    case .signedLOAUploaded(let documentId, let sha256):
        next.loaDocumentId = documentId
        if let sha256 { next.uploadedLOASHA256 = sha256 }
        guard event.answers(state.inFlight) else { return stay() }
        next.inFlight = nil
        if next.loaRound == .replacement, let enterprise = next.enterprise {
            return send(.replaceLOA(enterpriseId: enterprise.id, documentId: documentId))
        }
        next.step = .enable
        return stay()

    case .chooseFrequency(let frequency, let plannedNumbers):
        guard state.step == .enable, state.loaDocumentId != nil else { return refuse("Upload the signed LOA first (step 4).") }
        next.checkFrequency = frequency
        return ask(.enable(frequency: frequency, plannedNumbers: max(0, plannedNumbers)))

    case .confirm:
        guard let confirmation = state.confirmation else { return refuse("There is nothing to confirm.") }
        next.confirmation = nil
        guard let enterprise = state.enterprise else { return refuse("There is no enterprise yet.") }
        switch confirmation.action {
        case .enable(let frequency, _):
            guard let documentId = state.loaDocumentId else { return refuse("Upload the signed LOA first (step 4).") }
            let enable = Effect.enableReputation(enterpriseId: enterprise.id, documentId: documentId, frequency: frequency)
            if state.loaRound == .resubmission && state.reputationEnabled {
                // The rejected registration must go before a new one can be made.
                next.queued = enable
                return send(.disableReputation(enterpriseId: enterprise.id))
            }
            return send(enable)
        case .associate(let numbers):
            return send(.associateNumbers(enterpriseId: enterprise.id, numbers: numbers))
        case .query(let numbers, let fresh, _):
            return send(.queryNumbers(enterpriseId: enterprise.id, numbers: numbers, fresh: fresh))
        case .refresh(let numbers):
            return send(.refreshNumbers(enterpriseId: enterprise.id, numbers: numbers))
        case .remove(let numbers):
            return send(.removeNumbers(enterpriseId: enterprise.id, numbers: numbers))
        case .changeFrequency(_, let frequency, _):
            return send(.changeFrequency(enterpriseId: enterprise.id, frequency: frequency))
        case .disable:
            return send(.disableReputation(enterpriseId: enterprise.id))
        }

    case .cancel:
        next.confirmation = nil
        return stay()

    case .reputationEnabled(let report):
        next.reputationEnabled = true
        next.enablingAgain = nil
        next.submittedLOASHA256 = state.uploadedLOASHA256
        next.gates = report
        next.loaRound = .first
        next.step = .gates
        return settle() ?? stay()

    case .checkGatesNow:
        guard let enterprise = state.enterprise, state.reputationEnabled else {
            return refuse("Telnyx reviews an enterprise once reputation is enabled (step 5).")
        }
        return send(.checkGates(enterpriseId: enterprise.id))

    case .gatesChecked(let report, let at):
        next.gates = report
        if report.vettingRejected { next.lastVettingRejection = report.rejectionReasons }
        if report.status == "approved" { next.lastVettingRejection = nil }
        next.gatesCheckedAt = at
        if next.step == .gates && report.bothApproved { next.step = .associate }
        return settle() ?? stay()

    case .goBack:
        guard state.inFlight == nil else { return refuse("Wait until what is under way is done, then go back.") }
        switch state.step {
        case .signAndUpload:
            // Rendering again is free and changes nothing at Telnyx.
            next.step = .loaRender
        case .enable:
            // The uploaded document goes unused (Telnyx deletes it after 30 minutes); another is uploaded.
            next.step = .signAndUpload
            next.loaDocumentId = nil
        case .terms: return refuse("This is the first step.")
        case .enterprise: return refuse("The terms are agreed for the account; there is nothing to go back to.")
        case .loaRender where state.loaRound == .replacement:
            // Nothing was sent yet: the LOA under review stays as it was.
            next.step = .gates
            next.loaRound = .first
        case .loaRender:
            return refuse("The enterprise exists at Telnyx and stays this onboarding's; a rejected vetting is corrected at step 6.")
        case .gates: return refuse("Reputation is enabled, so the steps before are done; a rejected or pending LOA is replaced with l.")
        case .associate, .query, .manage: return refuse("Reputation is enabled, so the steps before are done.")
        }
        next.lastError = nil
        return stay()

    case .startLOAReplacement:
        guard state.reputationEnabled, state.step == .gates, let gates = state.gates, gates.loaStatus != "approved" else {
            return refuse("Only a rejected or pending LOA can be replaced, once reputation is enabled; an approved one cannot.")
        }
        guard !gates.vettingRejected else {
            return refuse("Telnyx rejected the enterprise: correct it (c); the corrected submission carries a new LOA.")
        }
        next.loaRound = .replacement
        next.step = .loaRender
        return stay()

    case .loaReplaced(let report):
        next.gates = report
        next.submittedLOASHA256 = state.uploadedLOASHA256
        next.loaRound = .first
        next.step = .gates
        return settle() ?? stay()

    case .correctEnterprise(let fields):
        guard let enterprise = state.enterprise, state.canCorrectEnterprise else {
            return refuse("The enterprise is corrected after Telnyx rejects its vetting.")
        }
        guard !fields.isEmpty else { return refuse("Nothing was changed: the enterprise is as Telnyx holds it.") }
        switch normalizedEnterprise(fields, partial: true) {
        case .failure(let failure):
            next.lastError = failure
            return stay()
        case .success(let normalized):
            next.loaRound = .resubmission
            next.pendingCorrection = normalized
            let update = Effect.updateEnterprise(enterpriseId: enterprise.id, fields: normalized)
            if EnterpriseCorrection.path(changing: normalized.keys, reputationEnabled: state.reputationEnabled) == .disableThenUpdate {
                // Telnyx refuses new identity fields while reputation is enabled (api-notes, step 2).
                next.loaDocumentId = nil
                next.queued = update
                return send(.disableReputation(enterpriseId: enterprise.id))
            }
            return send(update)
        }

    case .reputationDisabled:
        next.reputationEnabled = false
        next.gates = nil
        next.monitoredNumbers = []
        next.queriedNumbers = []
        if case .updateEnterprise? = state.queued, state.loaRound == .resubmission {
            // Disabled so that a correction of identity fields can go through: the update next,
            // then a new LOA for the corrected enterprise.
            next.step = .loaRender
        }
        if let resumed = settle(), !resumed.effects.isEmpty { return resumed }
        // Disabled for good, not on the way to a correction: a state of its own until enabled again.
        if case .disableReputation? = state.inFlight, state.loaRound != .resubmission {
            next.disabledReputation = .init(numbersDropped: state.monitoredNumbers.count, outsideWizard: false)
        }
        // Enabling again needs a newly signed LOA.
        next.loaRound = .first
        next.loaDocumentId = nil
        next.step = .loaRender
        return stay()

    case .enableAgain:
        guard state.disabledReputation != nil else { return refuse("Reputation is not disabled.") }
        next.disabledReputation = nil
        next.enablingAgain = true
        next.loaRound = .first
        next.step = .loaRender
        return stay()

    case .addNumbers(let numbers, let setAside):
        guard state.step >= .associate, state.gates?.bothApproved == true else {
            return refuse("Numbers can be added once Telnyx approves both the enterprise and the LOA.")
        }
        var seen = Set(state.monitoredNumbers)
        let new = numbers.filter { seen.insert($0).inserted }
        guard !new.isEmpty else {
            guard setAside.isEmpty else { return refuse("No number can be added: \(SetAsideNumbers.summary(setAside)).") }
            return refuse("All these numbers are already monitored.")
        }
        return ask(.associate(numbers: new), setAside: SetAsideNumbers(setAside))

    case .numbersAssociated(let numbers, let setAside):
        var seen = Set(next.monitoredNumbers)
        next.monitoredNumbers += numbers.filter { seen.insert($0).inserted }
        if !setAside.isEmpty {
            next.lastError = Failure(message: "\(SetAsideNumbers.summary(setAside)).", fieldProblems: SetAsideNumbers(setAside).named)
        }
        if next.step == .associate && !next.monitoredNumbers.isEmpty { next.step = .query }
        return settle() ?? stay()

    case .query(let numbers, let fresh):
        guard state.step >= .query, let enterprise = state.enterprise else { return refuse("Add numbers first (step 7).") }
        // A number never read has no cached data, so its first read is live and billed (api-notes, step 8).
        let billed = fresh ? numbers : numbers.filter { !state.queriedNumbers.contains($0) }
        if billed.isEmpty { return send(.queryNumbers(enterpriseId: enterprise.id, numbers: numbers, fresh: false)) }
        return ask(.query(numbers: numbers, fresh: fresh, billed: billed))

    case .numbersQueried(let numbers):
        next.queriedNumbers.formUnion(numbers)
        // Numbers sent and not read (their answers failed): said, and read again on request.
        var unread: [String] = []
        if case .queryNumbers(_, let sent, _)? = state.inFlight { unread = sent.filter { !Set(numbers).contains($0) } }
        if next.step == .query && !numbers.isEmpty && unread.isEmpty { next.step = .manage }
        return settled(
            leaving: unread,
            "\(unread.count) of \(unread.count + numbers.count) numbers were not read (their answers failed): \(Effect.sample(unread)); read them again."
        )

    case .refresh(let numbers):
        guard state.step >= .query, !numbers.isEmpty else { return refuse("Choose monitored numbers to refresh.") }
        return ask(.refresh(numbers: numbers))

    case .numbersRefreshed(let succeeded, let failed):
        next.queriedNumbers.formUnion(succeeded)
        if !failed.isEmpty {
            next.lastError = Failure(
                message:
                    "\(failed.count) of \(failed.count + succeeded.count) numbers could not be refreshed: \(failed.prefix(5).joined(separator: ", "))\(failed.count > 5 ? ", …" : "")."
            )
        }
        return settle() ?? stay()

    case .changeFrequency(let frequency):
        guard state.enterprise != nil, state.reputationEnabled else { return refuse("Reputation is not enabled.") }
        guard state.gates?.status == "approved" else {
            return refuse(
                "The check frequency can be changed once Telnyx approves the enterprise; it is \(state.gates?.status ?? "not reviewed") now."
            )
        }
        guard frequency != state.checkFrequency else { return refuse("Numbers are already checked \(frequency.label).") }
        return ask(.changeFrequency(from: state.checkFrequency, to: frequency, monitored: state.monitoredNumbers.count))

    case .frequencyChanged(let frequency):
        next.checkFrequency = frequency
        return settle() ?? stay()

    case .removeNumbers(let numbers):
        guard state.enterprise != nil else { return refuse("There is no enterprise yet.") }
        let monitored = Set(state.monitoredNumbers)
        let removable = numbers.filter(monitored.contains)
        guard !removable.isEmpty else { return refuse("None of these numbers is monitored.") }
        return ask(.remove(numbers: removable))

    case .numbersRemoved(let numbers):
        let removed = Set(numbers)
        next.monitoredNumbers.removeAll(where: removed.contains)
        next.queriedNumbers.subtract(removed)
        var kept: [String] = []
        if case .removeNumbers(_, let sent)? = state.inFlight { kept = sent.filter { !removed.contains($0) } }
        return settled(
            leaving: kept,
            "\(kept.count) of \(kept.count + numbers.count) numbers are still monitored (their removal failed): \(Effect.sample(kept)); remove them again."
        )

    case .disable:
        guard state.enterprise != nil, state.reputationEnabled else { return refuse("Reputation is not enabled.") }
        return ask(.disable(monitored: state.monitoredNumbers.count))

    case .effectFailed(let effect, let failure):
        // A failure of something no longer in flight is old news: keep it for the record only.
        guard event.answers(state.inFlight) else {
            next.lastError = failure
            return stay()
        }
        return failed(next, effect, failure)
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

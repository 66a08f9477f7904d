import Foundation

/// One event being decided: the state before it (`state`), the state being made (`next`), and
/// the ways a handler ends (send an effect, stay, refuse, ask for a confirmation, settle an
/// outcome). Pure, like `transition`.
struct Decision {
    let state: OnboardingState
    let event: Event
    var next: OnboardingState

    init(state: OnboardingState, event: Event) {
        self.state = state
        self.event = event
        next = state
    }

    /// `effect` goes out; it is in flight until its outcome comes back.
    mutating func send(_ effect: Effect) -> Transition {
        next.inFlight = effect
        next.lastError = nil
        return Transition(state: next, effects: [effect])
    }

    /// The state as changed, with nothing sent.
    func stay() -> Transition { Transition(state: next) }

    /// Nothing changes, and why is said.
    func refuse(_ why: String) -> Transition { Transition(state: state, refusal: why) }

    /// `action` waits for the person's confirmation, with its estimate (and what was set aside).
    mutating func ask(_ action: BillableAction, setAside: SetAsideNumbers? = nil) -> Transition {
        var estimate = action.estimate(next.prices)
        if case .enable = action, next.loaRound == .resubmission {
            estimate.basis = "billed again: Telnyx reviews a corrected enterprise as a new registration; " + estimate.basis
        } else if case .enable = action, next.enablingAgain == true {
            estimate.basis = "billed again: reputation was enabled before and disabled; " + estimate.basis
        }
        next.confirmation = PendingConfirmation(
            action: action, estimate: estimate, setAside: setAside, budget: next.budgetCheck(action, costing: estimate.amount))
        return stay()
    }

    /// An outcome arrived. If it answers the effect in flight, that effect is done and a queued
    /// one goes next; otherwise nothing in flight or queued changes.
    mutating func settle() -> Transition? {
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
    mutating func settled(leaving left: [String], _ message: @autoclosure () -> String) -> Transition {
        var result = settle() ?? stay()
        if !left.isEmpty { result.state.lastError = Failure(message: message()) }
        return result
    }
}

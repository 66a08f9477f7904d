import Foundation

/// Step 1: opening an onboarding and the account's terms.
extension Decision {
    mutating func onBegin() -> Transition {
        return begin(state)
    }

    mutating func onAgreeToTerms() -> Transition {
        guard state.step == .terms else { return refuse("The terms are already agreed.") }
        if case .agreed = state.terms { return Transition(state: afterTerms(state)) }
        return send(.agreeToTerms)
    }

    mutating func onTermsChecked(agreed: Bool, version: String) -> Transition {
        next.terms = agreed ? .agreed(version: version) : .required(version: version)
        if agreed { next = afterTerms(next) }
        return settle() ?? stay()
    }

    mutating func onTermsAgreed(version: String) -> Transition {
        next.terms = .agreed(version: version)
        next = afterTerms(next)
        return settle() ?? stay()
    }
}

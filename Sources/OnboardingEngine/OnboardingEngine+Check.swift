import Onboarding

extension OnboardingEngine {
    /// Asks Telnyx now where the onboarding stands and updates it: a lost answer is reconciled,
    /// the terms are read at step 1, and both reviews (or their absence: reputation disabled
    /// behind this wizard's back) once reputation is enabled. Reads only; nothing is billed.
    /// - Returns: the refusal, when the state machine would not check now (something in flight).
    @discardableResult
    public func checkWithTelnyx() async throws -> String? {
        try await reconcile()
        if state.step == .terms { return try await send(.begin) }
        if state.reputationEnabled { return try await send(.checkGatesNow) }
        return nil
    }
}

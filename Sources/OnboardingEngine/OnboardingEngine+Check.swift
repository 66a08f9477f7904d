import Onboarding

extension OnboardingEngine {
    /// Asks Telnyx now where the onboarding stands and updates it: a lost answer is reconciled,
    /// the terms are read at step 1, and both reviews (or their absence: reputation disabled
    /// behind this wizard's back) once reputation is enabled. Reads only; nothing is billed.
    /// - Returns: why it did not check: the refusal (something in flight), or the read's failure.
    @discardableResult
    public func checkWithTelnyx() async throws -> String? {
        lastEffectFailure = nil
        try await reconcile()
        var refusal: String?
        if state.step == .terms {
            refusal = try await send(.begin)
        } else if state.reputationEnabled {
            refusal = try await send(.checkGatesNow)
        }
        if let refusal { return refusal }
        // Numbers monitored: which Telnyx asks about, and which it removed (free list reads).
        if state.reputationEnabled && state.step >= .query && lastEffectFailure == nil {
            if let refused = try await send(.checkOwnershipNow) { return refused }
        }
        // Remediation requests under way: where Telnyx stands with them (free reads).
        if state.hasUnfinishedRemediation && lastEffectFailure == nil {
            if let refused = try await send(.checkRemediationsNow) { return refused }
        }
        // The read itself failed (an outage, a deadline): said, never taken for a check.
        if let failure = lastEffectFailure { return failure.message.hasSuffix(".") ? String(failure.message.dropLast()) : failure.message }
        return nil
    }
}

import Onboarding

/// A process killed between an effect's intent and its outcome, staged in-process for tests:
/// the engine commits the intent, sends the call or not, then writes nothing more, exactly as
/// the store would look after a SIGKILL at that moment.
struct Interruption: Sendable {
    /// The effect at which the process dies.
    let at: @Sendable (Effect) -> Bool
    /// Whether the call reached Telnyx before the process died.
    let callSent: Bool
}

extension OnboardingEngine {
    /// Stages a kill at the first effect `at` matches, for tests.
    func stageKill(at: @escaping @Sendable (Effect) -> Bool, callSent: Bool) {
        interruption = Interruption(at: at, callSent: callSent)
    }
}

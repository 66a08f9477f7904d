import Foundation
import Onboarding
import OnboardingEngine
import OnboardingStore
import SimulatorTestSupport
import Testing

/// An onboarding walked through the engine to step 5 (the LOA uploaded, the frequency not yet
/// chosen), with the state machine's representative enterprise.
func onboardingAtStepFive(_ simulator: RunningSimulator, store: OnboardingStore, id: String) async throws -> OnboardingEngine {
    let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: id)
    var fields: [String: String] = [:]
    for case .submitEnterprise(let representative) in StateMachineDiagram.representativeEvents { fields = representative }
    try await engine.send(.begin)
    try await engine.send(.agreeToTerms)
    try await engine.send(.submitEnterprise(fields: fields))
    try await engine.send(.renderLOA(agent: nil, signature: nil))
    try await engine.send(.useSignedLOA(path: try #require(await engine.state.renderedLOAPath)))
    return engine
}

/// What Telnyx already holds about an enterprise, read for `adopt` and for choosing an existing
/// enterprise at step 2.
public struct RemoteFacts: Codable, Sendable, Equatable {
    public var termsAgreed: Bool
    public var termsVersion: String
    public var enterpriseId: String
    public var legalName: String
    /// Nil when reputation was never enabled, or was disabled.
    public var gates: GateReport?
    public var checkFrequency: CheckFrequency?
    public var loaDocumentId: String?
    public var monitoredNumbers: [String]
    /// Monitored numbers that already have reputation data.
    public var numbersWithData: [String]

    public init(
        termsAgreed: Bool, termsVersion: String, enterpriseId: String, legalName: String, gates: GateReport?,
        checkFrequency: CheckFrequency?, loaDocumentId: String?, monitoredNumbers: [String], numbersWithData: [String]
    ) {
        self.termsAgreed = termsAgreed
        self.termsVersion = termsVersion
        self.enterpriseId = enterpriseId
        self.legalName = legalName
        self.gates = gates
        self.checkFrequency = checkFrequency
        self.loaDocumentId = loaDocumentId
        self.monitoredNumbers = monitoredNumbers
        self.numbersWithData = numbersWithData
    }
}

extension OnboardingState {
    /// A local onboarding for an enterprise Telnyx already has, on the step its facts imply.
    public static func adopting(_ facts: RemoteFacts, id: String, prices: PriceTable = .listPrices) -> OnboardingState {
        var state = OnboardingState(id: id, prices: prices)
        state.terms = facts.termsAgreed ? .agreed(version: facts.termsVersion) : .required(version: facts.termsVersion)
        state.enterprise = .init(id: facts.enterpriseId, legalName: facts.legalName)
        state.monitoredNumbers = facts.monitoredNumbers
        state.queriedNumbers = Set(facts.numbersWithData)
        if let frequency = facts.checkFrequency { state.checkFrequency = frequency }
        let step: Step
        if let gates = facts.gates {
            state.reputationEnabled = true
            state.gates = gates
            state.loaDocumentId = facts.loaDocumentId
            if !gates.bothApproved {
                step = .gates
            } else if facts.monitoredNumbers.isEmpty {
                step = .associate
            } else {
                step = facts.numbersWithData.isEmpty ? .query : .manage
            }
        } else {
            step = .loaRender
        }
        if facts.termsAgreed {
            state.step = step
        } else {
            state.step = .terms
            state.stepAfterTerms = step
        }
        return state
    }
}

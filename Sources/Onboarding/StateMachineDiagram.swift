import Foundation

/// The state machine drawn from the code: every step change that `transition` makes when the
/// representative events are played as the engine can produce them. `state/README.md` holds
/// the result, and a test keeps the two identical.
public enum StateMachineDiagram {
    /// One example of each kind of event, with ids that agree with each other so outcomes can
    /// answer the effects they belong to.
    public static let representativeEvents: [Event] = {
        let number = "+13125550134"
        let enable = Effect.enableReputation(enterpriseId: "ent-1", documentId: "doc", frequency: .daily)
        let fields: [String: String] = [
            "legal_name": "Acme Plumbing LLC", "doing_business_as": "Acme", "organization_type": "commercial",
            "organization_legal_type": "llc", "industry": "technology", "number_of_employees": "1-10", "fein": "12-3456789",
            "jurisdiction_of_incorporation": "Delaware", "website": "https://acme.example.com", "country_code": "US",
            "organization_contact.first_name": "Sam", "organization_contact.last_name": "Owner",
            "organization_contact.job_title": "Lead", "organization_contact.email": "sam@acme.example.com",
            "organization_contact.phone_number": "+13125550000", "billing_contact.first_name": "Alex",
            "billing_contact.last_name": "Bill", "billing_contact.email": "bill@acme.example.com",
            "billing_contact.phone_number": "+13125550001", "organization_physical_address.street_address": "1 Main St",
            "organization_physical_address.city": "Chicago", "organization_physical_address.administrative_area": "IL",
            "organization_physical_address.postal_code": "60601", "organization_physical_address.country": "US",
            "billing_address.street_address": "1 Main St", "billing_address.city": "Chicago",
            "billing_address.administrative_area": "IL", "billing_address.postal_code": "60601", "billing_address.country": "US",
        ]
        let at = Date(timeIntervalSince1970: 0)
        return [
            .begin, .agreeToTerms, .termsChecked(agreed: true, version: "v1"), .termsChecked(agreed: false, version: "v1"),
            .termsAgreed(version: "v1"), .submitEnterprise(fields: fields), .useExistingEnterprise(id: "ent-1", legalName: "Acme"),
            .enterpriseFactsRead(
                RemoteFacts(
                    termsAgreed: true, termsVersion: "v1", enterpriseId: "ent-1", legalName: "Acme", gates: nil, checkFrequency: nil,
                    loaDocumentId: nil, monitoredNumbers: [], numbersWithData: [])),
            .enterpriseReady(id: "ent-1", legalName: "Acme"), .renderLOA(agent: nil, signature: nil), .loaRendered(path: "/loa.pdf"),
            .useSignedLOA(path: "/signed.pdf"), .signedLOAUploaded(documentId: "doc"), .chooseFrequency(.daily, plannedNumbers: 10),
            .confirm, .cancel, .goBack, .reputationEnabled(GateReport(status: "pending", loaStatus: "pending")),
            .checkGatesNow, .gatesChecked(GateReport(status: "approved", loaStatus: "approved"), at: at),
            .gatesChecked(GateReport(status: "rejected", loaStatus: "approved", rejectionReasons: ["x"]), at: at),
            .gatesChecked(GateReport(status: "approved", loaStatus: "rejected"), at: at), .startLOAReplacement,
            .correctEnterprise(fields: ["fein": "98-7654321"]), .reputationDisabled,
            .loaReplaced(GateReport(status: "approved", loaStatus: "pending")), .addNumbers([number]), .numbersAssociated([number]),
            .query(numbers: [number], fresh: false), .numbersQueried([number]), .refresh([number]),
            .numbersRefreshed(succeeded: [number], failed: []), .changeFrequency(.weekly), .frequencyChanged(.weekly),
            .removeNumbers([number]), .numbersRemoved([number]), .disable, .enableAgain,
            .numbersQueried([number], withoutData: [number]), .setWebhook(url: "https://hooks.example.com/telnyx"), .setWebhook(url: nil),
            .webhookSet(url: "https://hooks.example.com/telnyx"), .checkOwnershipNow,
            .ownershipRead(
                notices: [OwnershipNotice(phoneNumber: number, status: .pendingConfirmation, flagReason: "carrier_changed", confirmBy: at)],
                removed: [:]),
            .ownershipRead(notices: [], removed: [number: "unconfirmed_ownership"]), .confirmOwnership([number]),
            .ownershipConfirmed([number]), .submitOwnershipProof(documents: ["/invoice.pdf"], numbers: [number]),
            .ownershipProofSubmitted(status: "pending", sha256: ["ab"]),
            .remediate(numbers: [number], callPurpose: "Appointment reminders", contactEmail: nil),
            .remediationsSubmitted([
                RemediationRecord(id: "rem-1", numbers: [number], status: "pending", submitted: 1, ineligible: 0, callPurpose: "Reminders")
            ]),
            .checkRemediationsNow,
            .remediationsRead([
                RemediationRecord(
                    id: "rem-1", numbers: [number], status: "completed", submitted: 1, ineligible: 0, callPurpose: "Reminders",
                    results: [number: "remediated"])
            ]),
            .gatesChecked(GateReport(status: "approved", loaStatus: "approved", externalVerificationStatus: "rejected"), at: at),
            .effectFailed(enable, Failure(status: 403, message: "terms not agreed")),
            .effectFailed(enable, Failure(status: 400, codes: ["10015"], message: "already enabled")),
            .effectFailed(enable, Failure(status: 422, message: "document expired")),
            .effectFailed(.checkGates(enterpriseId: "ent-1"), Failure(status: 404, message: "not enabled")),
            .effectFailed(.replaceLOA(enterpriseId: "ent-1", documentId: "doc"), Failure(status: 400, message: "approved")),
            .effectFailed(.replaceLOA(enterpriseId: "ent-1", documentId: "doc"), Failure(status: 404, message: "not enabled")),
        ]
    }()

    /// Every state reachable from a new onboarding within `depth` events, as the engine can
    /// produce them: any decision, and an outcome only as the answer to the effect in flight.
    public static func explore(depth: Int = 24, visit: (OnboardingState, Event, Transition) -> Void = { _, _, _ in }) -> Int {
        var frontier = [OnboardingState(id: "onb")]
        var seen = Set<Data>()
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for _ in 0..<depth where !frontier.isEmpty {
            var next: [OnboardingState] = []
            for state in frontier {
                for event in representativeEvents where event.isDecision || event.answers(state.inFlight) {
                    let result = transition(state, event)
                    visit(state, event, result)
                    if let data = try? encoder.encode(result.state), seen.insert(data).inserted { next.append(result.state) }
                }
            }
            frontier = next
        }
        return seen.count
    }

    /// The step changes as a Mermaid state diagram, one line per (from, to, event kind).
    public static func mermaid() -> String {
        var edges = Set<String>()
        _ = explore { before, event, result in
            guard result.state.step != before.step else { return }
            edges.insert("    \(name(before.step)) --> \(name(result.state.step)): \(label(event))")
        }
        let start = "    [*] --> \(name(.terms))"
        return (["stateDiagram-v2", start] + edges.sorted()).joined(separator: "\n")
    }

    static func name(_ step: Step) -> String { "s\(step.rawValue)_\(String(describing: step))" }

    static func label(_ event: Event) -> String {
        if case .effectFailed(let effect, let failure) = event {
            let effectName = String(String(describing: effect).prefix { $0 != "(" })
            return "\(effectName) failed \(failure.status.map(String.init) ?? "")\(failure.codes.first.map { "/\($0)" } ?? "")"
        }
        let described = String(describing: event)
        return String(described.prefix { $0 != "(" })
    }
}

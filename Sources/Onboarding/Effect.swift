/// A call to Telnyx the engine must make. The state machine only describes it; the engine runs
/// it, journals it, and feeds its outcome back as an `Event`.
public enum Effect: Codable, Equatable, Sendable {
    case checkTerms
    case agreeToTerms
    /// `customer_reference` is the onboarding's id, so a lost answer can be reconciled.
    case createEnterprise(fields: [String: String])
    case updateEnterprise(enterpriseId: String, fields: [String: String])
    case renderLOA(enterpriseId: String, agent: [String: String]?, signature: SignatureImage?)
    case uploadSignedLOA(path: String)
    case enableReputation(enterpriseId: String, documentId: String, frequency: CheckFrequency)
    case checkGates(enterpriseId: String)
    /// Reads what Telnyx holds about an existing enterprise (terms, settings, reviews, numbers).
    case readEnterprise(enterpriseId: String)
    case replaceLOA(enterpriseId: String, documentId: String)
    case disableReputation(enterpriseId: String)
    case associateNumbers(enterpriseId: String, numbers: [String])
    case queryNumbers(enterpriseId: String, numbers: [String], fresh: Bool)
    case refreshNumbers(enterpriseId: String, numbers: [String])
    case changeFrequency(enterpriseId: String, frequency: CheckFrequency)
    case removeNumbers(enterpriseId: String, numbers: [String])
    /// The enterprise's ownership webhook: a public HTTPS URL, or nil to clear it (JSON `null`).
    case setWebhook(enterpriseId: String, url: String?)
    /// Reads the monitored numbers' ownership tracking and the removed ones (free list reads).
    case readOwnership(enterpriseId: String)
    /// Answers Telnyx's ownership question: the enterprise still owns these numbers (free).
    case confirmOwnership(enterpriseId: String, numbers: [String], evidence: String? = nil)
    /// Uploads each evidence document (local paths) and submits them as the enterprise's
    /// ownership proof, naming `numbers` for the reviewer (free; no price is stated).
    case submitOwnershipProof(enterpriseId: String, documents: [String], numbers: [String])
    /// Sends `numbers` to remediation, 2,000 a request (billed $1.00 a number Telnyx takes).
    case submitRemediation(enterpriseId: String, numbers: [String], callPurpose: String, contactEmail: String?)
    /// Reads remediation requests by id (free).
    case readRemediations(enterpriseId: String, ids: [String])

    /// Costs money: sent only after a confirmation, never twice for one intent. Every case is
    /// listed, so a new effect cannot be billable by omission.
    public var isBillable: Bool {
        switch self {
        case .enableReputation, .associateNumbers, .refreshNumbers, .submitRemediation: true
        case .queryNumbers: true  // the first read of a number, and every fresh one, are billed
        case .checkTerms, .agreeToTerms, .createEnterprise, .updateEnterprise, .renderLOA, .uploadSignedLOA, .checkGates,
            .readEnterprise, .replaceLOA, .disableReputation, .changeFrequency, .removeNumbers, .setWebhook, .readOwnership,
            .confirmOwnership, .submitOwnershipProof, .readRemediations:
            false
        }
    }

    /// Changes something at Telnyx: journaled as an intent before it is sent, and reconciled by
    /// reading remote state if its outcome is lost. Every case is listed.
    public var changesRemoteState: Bool {
        switch self {
        case .checkTerms, .checkGates, .renderLOA, .readEnterprise, .readOwnership, .readRemediations: false
        case .queryNumbers: true  // a live read bills
        case .agreeToTerms, .createEnterprise, .updateEnterprise, .uploadSignedLOA, .enableReputation, .replaceLOA,
            .disableReputation, .associateNumbers, .refreshNumbers, .changeFrequency, .removeNumbers, .setWebhook, .confirmOwnership,
            .submitOwnershipProof, .submitRemediation:
            true
        }
    }

    /// The name for the audit log: bulk actions name every number they were sent with, so the
    /// record says which numbers were added, read, refreshed or removed.
    public var auditName: String {
        switch self {
        case .associateNumbers(_, let numbers), .queryNumbers(_, let numbers, _), .refreshNumbers(_, let numbers),
            .removeNumbers(_, let numbers), .confirmOwnership(_, let numbers, _), .submitRemediation(_, let numbers, _, _):
            "\(name): \(numbers.joined(separator: ", "))"
        case .checkTerms, .agreeToTerms, .createEnterprise, .updateEnterprise, .renderLOA, .uploadSignedLOA, .enableReputation,
            .checkGates, .readEnterprise, .replaceLOA, .disableReputation, .changeFrequency, .setWebhook, .readOwnership,
            .submitOwnershipProof, .readRemediations:
            name
        }
    }

    /// A short name for logs and the audit trail.
    public var name: String {
        switch self {
        case .checkTerms: "check terms"
        case .agreeToTerms: "agree to terms"
        case .createEnterprise: "create enterprise"
        case .updateEnterprise: "update enterprise"
        case .renderLOA: "render LOA"
        case .uploadSignedLOA: "upload signed LOA"
        case .enableReputation: "enable reputation"
        case .checkGates: "check review status"
        case .readEnterprise: "read the enterprise"
        case .replaceLOA: "replace LOA"
        case .disableReputation: "disable reputation"
        case .associateNumbers(_, let numbers): "add \(Self.count(numbers))"
        case .queryNumbers(_, let numbers, let fresh): "\(fresh ? "fresh " : "")query of \(Self.count(numbers))"
        case .refreshNumbers(_, let numbers): "refresh \(Self.count(numbers))"
        case .changeFrequency(_, let frequency): "change check frequency to \(frequency.rawValue)"
        case .removeNumbers(_, let numbers): "remove \(Self.count(numbers))"
        case .setWebhook(_, let url?): "set the ownership webhook to \(url)"
        case .setWebhook(_, nil): "clear the ownership webhook"
        case .readOwnership: "read numbers' ownership"
        case .confirmOwnership(_, let numbers, nil): "confirm ownership of \(Self.count(numbers))"
        case .confirmOwnership(_, let numbers, _?): "confirm ownership of \(Self.count(numbers)), with evidence"
        case .submitRemediation(_, let numbers, _, _): "send \(Self.count(numbers)) to remediation"
        case .readRemediations: "read remediation requests"
        case .submitOwnershipProof(_, let documents, _):
            "send the ownership proof (\(documents.count) \(documents.count == 1 ? "document" : "documents"))"
        }
    }

    /// The first five numbers, and an ellipsis when there are more: for messages.
    public static func sample(_ numbers: [String]) -> String {
        numbers.prefix(5).joined(separator: ", ") + (numbers.count > 5 ? ", …" : "")
    }

    static func count(_ numbers: [String]) -> String { "\(numbers.count) \(numbers.count == 1 ? "number" : "numbers")" }
}

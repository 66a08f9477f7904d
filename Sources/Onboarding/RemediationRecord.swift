import Foundation

/// One remediation request as this onboarding knows it: flagged numbers sent to the carriers
/// for review, billed $1.00 a number sent (api-notes, since SDK 4.189.0). Telnyx works through
/// two tiers; `results` say what became of each number once known.
public struct RemediationRecord: Codable, Equatable, Sendable {
    /// Telnyx's id of the request.
    public var id: String
    /// The numbers sent (E.164), at most 2,000.
    public var numbers: [String]
    /// `pending`, `in_progress`, then `completed`, `failed` or `cancelled`; a value Telnyx adds
    /// is kept as it came and waited on like `in_progress`.
    public var status: String
    /// Numbers Telnyx took (billed), and those it found ineligible now (not billed).
    public var submitted: Int
    public var ineligible: Int
    /// The call purpose sent (1 to 2,000 characters), for a person reading it back.
    public var callPurpose: String
    /// When Telnyx created it (Telnyx's clock).
    public var createdAt: Date?
    /// Number → outcome (`remediated`, `not_flagged`, `requires_review`, `ineligible`,
    /// `refused`), once Telnyx knows them; nil before.
    public var results: [String: String]?

    public init(
        id: String, numbers: [String], status: String, submitted: Int, ineligible: Int, callPurpose: String, createdAt: Date? = nil,
        results: [String: String]? = nil
    ) {
        self.id = id
        self.numbers = numbers
        self.status = status
        self.submitted = submitted
        self.ineligible = ineligible
        self.callPurpose = callPurpose
        self.createdAt = createdAt
        self.results = results
    }

    /// Telnyx has finished with it: nothing more will change.
    public var isFinished: Bool { ["completed", "failed", "cancelled"].contains(status) }

    /// Its outcome in a few words: `in progress (2 numbers)`, `completed: 1 remediated, 1 not flagged`.
    public var summary: String {
        let count = "\(numbers.count) \(numbers.count == 1 ? "number" : "numbers")"
        guard let results, isFinished else { return "\(status.replacingOccurrences(of: "_", with: " ")) (\(count))" }
        var counts: [String: Int] = [:]
        for outcome in results.values { counts[outcome, default: 0] += 1 }
        let order = ["remediated", "not_flagged", "requires_review", "ineligible", "refused"]
        let said = (order + counts.keys.filter { !order.contains($0) }.sorted()).compactMap { outcome in
            counts[outcome].map { "\($0) \(outcome.replacingOccurrences(of: "_", with: " "))" }
        }
        return "\(status) (\(count))\(said.isEmpty ? "" : ": " + said.joined(separator: ", "))"
    }
}

extension OnboardingState {
    /// A remediation request Telnyx has not finished with: its progress is read on a schedule.
    public var hasUnfinishedRemediation: Bool { (remediations ?? []).contains { !$0.isFinished } }
    /// Numbers (E.164) in a remediation request Telnyx has not finished with: Telnyx refuses a
    /// whole request that names one of them (409), so they are set aside.
    public var numbersUnderRemediation: Set<String> { Set((remediations ?? []).filter { !$0.isFinished }.flatMap(\.numbers)) }
}

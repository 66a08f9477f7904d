import Foundation

/// What Telnyx's API gained since the July spec (SDK 4.189.0), kept in one value that a world
/// saved before it decodes without (`WorldState.additions`).
struct WorldAdditions: Codable, Sendable {
    /// Each enterprise's ownership proof for numbers hosted elsewhere.
    var externalVerifications: [String: ExternalVerificationRecord] = [:]
    /// Ownership tracking of each monitored number.
    var ownership: [String: OwnershipRecord] = [:]
    /// Removed numbers of each enterprise, newest last (`filter[ownership_status]=removed`).
    var tombstones: [String: [Schemas.ReputationPhoneNumber]] = [:]
    /// Remediation requests by id, and their order of submission.
    var remediations: [String: RemediationRecord] = [:]
    var remediationOrder: [String] = []
    /// Numbers whose carrier changed (an admin route ports them away), and when.
    var carrierChanges: [String: Date] = [:]
    /// Events after `added` of monitored Telnyx-hosted numbers (flags, confirmations), oldest
    /// first; those numbers are not tracked against a carrier. Optional: worlds saved before
    /// it decode without.
    var hostedHistory: [String: [Schemas.ReputationOwnershipEvent]]?
    /// Up to when each enterprise's scheduled checks have run. Optional: worlds saved before it
    /// decode without.
    var scheduledChecksThrough: [String: Date]?
    /// A risk set by `POST /_simulator/numbers/{n}/reputation`, which every lookup from then on
    /// finds. Optional, as above.
    var steeredRisks: [String: String]?
}

/// An enterprise's ownership proof and the reviewer's pending decision.
struct ExternalVerificationRecord: Codable, Sendable {
    var verification: Schemas.ExternalVerification
    var decision: ReviewDecision?
    /// Why the reviewer rejects it, when the decision is a rejection.
    var rejectionReason: String?
}

/// Telnyx's ownership tracking of one monitored number.
struct OwnershipRecord: Codable, Sendable {
    /// The carrier (SPID) the number was on when it was added or last confirmed.
    var baselineCarrier: String
    var baselineRecordedAt: Date
    var lastCheckedAt: Date?
    /// Oldest first; served newest first.
    var history: [Schemas.ReputationOwnershipEvent]
    /// When the periodic re-verification next asks for a confirmation.
    var reverificationDueAt: Date
}

/// One remediation request, with when it moves on and what each number's outcome will be.
struct RemediationRecord: Codable, Sendable {
    var request: Schemas.RemediationRequest
    var enterpriseId: String
    /// The numbers sent to carriers (eligible ones), billed at submission.
    var submitted: [String]
    /// The numbers found ineligible (in cooldown) at submission: counted, not sent or billed.
    var ineligible: [String] = []
    /// Decided at submission from the number's reputation then; said once completed.
    var outcomes: [String: RemediationOutcome]
    var startsAt: Date
    var tier1At: Date
    var tier2At: Date
}

enum RemediationOutcome: String, Codable, Sendable {
    case remediated
    case notFlagged = "not_flagged"
    case requiresReview = "requires_review"
    case refused
}

extension WorldState {
    /// The additions, empty in a world saved before them.
    var additions: WorldAdditions {
        get { storedAdditions ?? WorldAdditions() }
        set { storedAdditions = newValue }
    }
}

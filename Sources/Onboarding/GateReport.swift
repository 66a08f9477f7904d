import Foundation

/// Telnyx's independent reviews of an enabled enterprise, as last read: vetting and the LOA
/// (both needed before any number is added), and the ownership proof for numbers hosted at
/// other carriers (needed only for those; api-notes, since SDK 4.189.0).
public struct GateReport: Codable, Equatable, Sendable {
    /// Vetting of the enterprise: `pending`, `approved`, `rejected` or `deleted`.
    public var status: ReviewStatus
    /// Review of the signed LOA: `pending`, `approved` or `rejected`.
    public var loaStatus: ReviewStatus
    public var rejectionReasons: [String]
    /// Review of the enterprise's ownership proof (`external_verification_status`: `pending`,
    /// `approved`, `rejected`); nil while none was submitted. Optional so that a report saved
    /// before it still loads.
    public var externalVerificationStatus: ReviewStatus?
    /// Why Telnyx rejected the ownership proof (`rejection_reason`), when it did and it was read.
    public var externalVerificationRejection: String?

    public init(
        status: ReviewStatus, loaStatus: ReviewStatus, rejectionReasons: [String] = [], externalVerificationStatus: ReviewStatus? = nil,
        externalVerificationRejection: String? = nil
    ) {
        self.status = status
        self.loaStatus = loaStatus
        self.rejectionReasons = rejectionReasons
        self.externalVerificationStatus = externalVerificationStatus
        self.externalVerificationRejection = externalVerificationRejection
    }

    public var bothApproved: Bool { status == .approved && loaStatus == .approved }
    public var vettingRejected: Bool { status == .rejected || status == .deleted }
    public var loaRejected: Bool { loaStatus == .rejected }
    /// The ownership proof was submitted and Telnyx has not decided yet (an unknown value is
    /// waited on like `pending`).
    public var ownershipProofPending: Bool {
        switch externalVerificationStatus {
        case .pending?, .other?: true
        case .approved?, .rejected?, .deleted?, nil: false
        }
    }
}

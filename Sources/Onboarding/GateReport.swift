import Foundation

/// Telnyx's two independent reviews of an enabled enterprise, as last read.
public struct GateReport: Codable, Equatable, Sendable {
    /// Vetting of the enterprise: `pending`, `approved`, `rejected` or `deleted`.
    public var status: ReviewStatus
    /// Review of the signed LOA: `pending`, `approved` or `rejected`.
    public var loaStatus: ReviewStatus
    public var rejectionReasons: [String]

    public init(status: ReviewStatus, loaStatus: ReviewStatus, rejectionReasons: [String] = []) {
        self.status = status
        self.loaStatus = loaStatus
        self.rejectionReasons = rejectionReasons
    }

    public var bothApproved: Bool { status == .approved && loaStatus == .approved }
    public var vettingRejected: Bool { status == .rejected || status == .deleted }
    public var loaRejected: Bool { loaStatus == .rejected }
}

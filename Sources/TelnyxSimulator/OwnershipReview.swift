/// How the reviewer of an enterprise's ownership proof (numbers hosted elsewhere) decides.
public enum OwnershipReview: String, Sendable, CaseIterable, Codable {
    /// Approved about two hours after submission.
    case approved
    /// The first proof is rejected with a reason after about two hours; a later one is approved.
    case rejected
    /// Approved after five days.
    case slow

    /// The reviewer's reason for a rejection (`rejection_reason`).
    static let rejectionReason =
        "The documents do not show the enterprise as the holder of the listed numbers; send a recent carrier invoice or statement naming them."

    func delay() -> Double { self == .slow ? 5 * 24 * 3600 : 2 * 3600 }
}

/// The rules of ownership tracking the simulator chose where Telnyx states none (README lists them).
enum OwnershipRules {
    /// Telnyx's own carrier id (SPID) for its numbers, as a baseline.
    static let telnyxCarrier = "073H"
    /// Carriers numbers hosted elsewhere are drawn from (SPIDs).
    static let otherCarriers = ["6529", "6006", "6214", "7229", "0853"]
    /// The carrier a number moves to when an admin route ports it away.
    static let portedCarrier = "8888"
    /// The daily check runs every 24 hours from the number's baseline.
    static let checkInterval: Double = 24 * 3600
    /// A carrier change asks for a confirmation by then (3 days in Telnyx's docs example).
    static let confirmAfterCarrierChange: Double = 3 * 24 * 3600
    /// Periodic re-verification (interval not stated: 90 days), answered within 14 days.
    static let reverificationInterval: Double = 90 * 24 * 3600
    static let confirmAfterReverification: Double = 14 * 24 * 3600
}

/// Telnyx's public list prices (api-notes), used for the billing ledger. Configurable so a
/// sandbox can mirror a customer's negotiated prices.
public struct PriceList: Sendable, Codable, Equatable {
    /// Enabling monitoring for an enterprise: one month of the monthly fee.
    public var enableUSD: Double = 100
    /// Associating a number: its registration check, priced as one live check.
    public var associatePerNumberUSD: Double = 0.10
    /// A live read: `fresh=true`, or the first read of a number without cached data.
    public var liveReadUSD: Double = 0.10
    /// A forced refresh, per number.
    public var refreshPerNumberUSD: Double = 0.10
    /// Remediation, per number sent to the carriers (not for one found ineligible).
    public var remediationPerNumberUSD: Double = 1.00

    public init() {}
}

/// What Telnyx charges, for estimates shown before every billable action. Defaults are the
/// public list prices (api-notes); a customer with negotiated prices overrides them.
public struct PriceTable: Hashable, Sendable, Codable {
    /// Monitoring, per enterprise per month; enabling starts the first month.
    public var monitoringPerMonth = Money.dollars(100)
    /// One live check: a fresh query, a number's first query, a forced or scheduled refresh.
    public var liveCheck = Money(cents: 10)
    /// Registering a number, charged as its first check.
    public var association = Money(cents: 10)
    /// A number sent to remediation.
    public var remediation = Money.dollars(1)

    public init() {}

    public static let listPrices = PriceTable()
}

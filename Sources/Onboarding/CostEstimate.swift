/// What an action will cost, said before it is taken.
public struct CostEstimate: Hashable, Sendable, Codable, CustomStringConvertible {
    public var amount: Money
    /// How the amount was reached, e.g. "250 numbers × $0.10".
    public var basis: String

    public var description: String { "\(amount) (\(basis))" }

    public static func enabling(_ prices: PriceTable = .listPrices) -> CostEstimate {
        CostEstimate(amount: prices.monitoringPerMonth, basis: "first month of monitoring at \(prices.monitoringPerMonth) a month")
    }

    public static func associating(_ count: Int, _ prices: PriceTable = .listPrices) -> CostEstimate {
        CostEstimate(amount: prices.association * count, basis: "\(count) \(count == 1 ? "number" : "numbers") × \(prices.association)")
    }

    /// Live lookups: fresh queries, first queries of numbers without data, or forced refreshes.
    public static func liveChecks(_ count: Int, _ prices: PriceTable = .listPrices) -> CostEstimate {
        CostEstimate(amount: prices.liveCheck * count, basis: "\(count) live \(count == 1 ? "check" : "checks") × \(prices.liveCheck)")
    }

    /// A month of monitoring `count` numbers at `frequency`: the monitoring fee plus every
    /// scheduled check. Daily on 5,000 numbers: $100 + 5,000 × 30 × $0.10 = $15,100.
    public static func monthly(_ frequency: CheckFrequency, numbers count: Int, _ prices: PriceTable = .listPrices) -> CostEstimate {
        let checkCents = (prices.liveCheck.cents * count * frequency.checksPerMonthHundredths + 50) / 100
        let checks = Money(cents: checkCents)
        return CostEstimate(
            amount: prices.monitoringPerMonth + checks,
            basis:
                "\(prices.monitoringPerMonth) monitoring + \(count) \(count == 1 ? "number" : "numbers") checked \(frequency.label) at \(prices.liveCheck) = \(checks) a month"
        )
    }
}

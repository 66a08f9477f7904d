/// An action that costs the customer money, waiting for a yes.
public enum BillableAction: Codable, Equatable, Sendable {
    case enable(frequency: CheckFrequency, plannedNumbers: Int)
    case associate(numbers: [String])
    /// A query of `numbers`; `billed` are those looked up live (all when fresh, else the ones
    /// without data yet).
    case query(numbers: [String], fresh: Bool, billed: [String])
    case refresh(numbers: [String])

    public func estimate(_ prices: PriceTable) -> CostEstimate {
        switch self {
        case .enable(let frequency, let planned):
            let first = CostEstimate.enabling(prices)
            let monthly = CostEstimate.monthly(frequency, numbers: planned, prices)
            return CostEstimate(amount: first.amount, basis: "\(first.basis); then about \(monthly.amount) a month: \(monthly.basis)")
        case .associate(let numbers): return .associating(numbers.count, prices)
        case .query(_, _, let billed): return .liveChecks(billed.count, prices)
        case .refresh(let numbers): return .liveChecks(numbers.count, prices)
        }
    }
}

/// A billable action and what it will cost, shown before the person confirms.
public struct PendingConfirmation: Codable, Equatable, Sendable {
    public var action: BillableAction
    public var estimate: CostEstimate

    public init(action: BillableAction, estimate: CostEstimate) {
        self.action = action
        self.estimate = estimate
    }
}

/// An action that changes the bill or deletes, waiting for a yes: every one goes through the
/// state machine's confirmation with an estimate, so none can be taken by accident.
public enum BillableAction: Codable, Equatable, Sendable {
    case enable(frequency: CheckFrequency, plannedNumbers: Int)
    case associate(numbers: [String])
    /// A query of `numbers`; `billed` are those looked up live (all when fresh, else the ones
    /// without data yet).
    case query(numbers: [String], fresh: Bool, billed: [String])
    case refresh(numbers: [String])
    /// Monitoring stops for `numbers`; adding them back is billed again.
    case remove(numbers: [String])
    /// Telnyx checks the `monitored` numbers at `to` instead of `from` (scheduled checks are billed).
    case changeFrequency(from: CheckFrequency, to: CheckFrequency, monitored: Int)
    /// Reputation is disabled: every one of the `monitored` numbers is dropped.
    case disable(monitored: Int)
    /// Flagged `numbers` sent to the carriers for review, with what their calls are for
    /// (`callPurpose`, 1 to 2,000 characters) and an optional contact email.
    case remediate(numbers: [String], callPurpose: String, contactEmail: String?)

    /// Numbers in one remediation request at most (Telnyx's API).
    public static let remediationBatch = 2000

    public func estimate(_ prices: PriceTable) -> CostEstimate {
        switch self {
        case .enable(let frequency, let planned):
            let first = CostEstimate.enabling(prices)
            let monthly = CostEstimate.monthly(frequency, numbers: planned, prices)
            return CostEstimate(amount: first.amount, basis: "\(first.basis); then about \(monthly.amount) a month: \(monthly.basis)")
        case .associate(let numbers): return .associating(numbers.count, prices)
        case .query(_, _, let billed): return .liveChecks(billed.count, prices)
        case .refresh(let numbers): return .liveChecks(numbers.count, prices)
        case .remove(let numbers):
            return CostEstimate(
                amount: .zero,
                basis: "not billed; adding \(numbers.count == 1 ? "it" : "them") back is billed again at \(prices.association) a number")
        case .changeFrequency(let from, let to, let monitored):
            let before = CostEstimate.monthly(from, numbers: monitored, prices)
            let after = CostEstimate.monthly(to, numbers: monitored, prices)
            return CostEstimate(
                amount: .zero, basis: "nothing now; then about \(after.amount) a month instead of \(before.amount): \(after.basis)")
        case .remediate(let numbers, _, _):
            let requests = (numbers.count + Self.remediationBatch - 1) / Self.remediationBatch
            return CostEstimate(
                amount: prices.remediation * numbers.count,
                basis:
                    "\(numbers.count) \(numbers.count == 1 ? "number" : "numbers") × \(prices.remediation), in \(requests) \(requests == 1 ? "request" : "requests") of up to 2,000; a number Telnyx finds ineligible now is not billed"
            )
        case .disable(let monitored):
            return CostEstimate(
                amount: .zero,
                basis:
                    "not billed; monitoring stops for \(monitored) \(monitored == 1 ? "number" : "numbers"), and enabling again needs a newly signed LOA and is billed \(prices.monitoringPerMonth)"
            )
        }
    }
}

/// A billable action and what it will cost, shown before the person confirms.
public struct PendingConfirmation: Codable, Equatable, Sendable {
    public var action: BillableAction
    public var estimate: CostEstimate
    /// Numbers given but set aside before the estimate, named in the confirmation so nobody
    /// pays for a list believing all of it is added; nil when none.
    public var setAside: SetAsideNumbers?
    /// Where it leaves the month and the budget; nil while the month's spend is not known.
    public var budget: BudgetCheck?

    public init(action: BillableAction, estimate: CostEstimate, setAside: SetAsideNumbers? = nil, budget: BudgetCheck? = nil) {
        self.action = action
        self.estimate = estimate
        self.setAside = setAside?.count == 0 ? nil : setAside
        self.budget = budget
    }
}

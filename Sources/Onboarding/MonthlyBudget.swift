/// What has been billed through this onboarding in one calendar month (UTC), as its audit log
/// records it; the engine reads it, the state machine only uses it.
public struct MonthSpend: Codable, Equatable, Sendable {
    /// `yyyy-MM`, UTC.
    public var month: String
    public var amount: Money

    public init(month: String, amount: Money) {
        self.month = month
        self.amount = amount
    }
}

/// Where a billable action leaves the month, shown in its confirmation: what was spent so far,
/// what this costs, what monitoring runs a month after it, and the budget, if one is set.
public struct BudgetCheck: Codable, Equatable, Sendable {
    public var month: String
    public var spentThisMonth: Money
    public var thisAction: Money
    /// The monitoring fee plus every scheduled check of the monitored numbers at the check
    /// frequency, before and after the action (api-notes' prices; $0 when not enabled).
    public var monthlyBefore: Money
    public var monthlyAfter: Money
    /// The onboarding's monthly budget; nil when none is set.
    public var budget: Money?

    public init(
        month: String, spentThisMonth: Money, thisAction: Money, monthlyBefore: Money, monthlyAfter: Money, budget: Money?
    ) {
        self.month = month
        self.spentThisMonth = spentThisMonth
        self.thisAction = thisAction
        self.monthlyBefore = monthlyBefore
        self.monthlyAfter = monthlyAfter
        self.budget = budget
    }

    /// Whether going ahead passes the budget: this month's spend with this action over it, or a
    /// monthly run that this action raises above it.
    public var passes: Bool {
        guard let budget else { return false }
        return spentThisMonth + thisAction > budget || (monthlyAfter > budget && monthlyAfter > monthlyBefore)
    }

    /// For the confirmation, one line: "This month so far $12.40 · with this $37.40 · monitoring
    /// about $140.00 a month".
    public var said: String {
        "This month so far \(spentThisMonth) · with this \(spentThisMonth + thisAction) · monitoring about \(monthlyAfter) a month"
    }

    /// The budget's line, or nil without a budget.
    public var budgetSaid: String? {
        guard let budget else { return nil }
        guard passes else { return "Within the monthly budget of \(budget)." }
        return spentThisMonth + thisAction > budget
            ? "This passes the monthly budget of \(budget) by \(Money(cents: (spentThisMonth + thisAction).cents - budget.cents))."
            : "Monitoring would then run over the monthly budget of \(budget) a month, by \(Money(cents: monthlyAfter.cents - budget.cents))."
    }
}

extension OnboardingState {
    /// The budget check of `action` estimated at `amount`, or nil while this month's spend is
    /// not known (the engine supplies it before each decision).
    func budgetCheck(_ action: BillableAction, costing amount: Money) -> BudgetCheck? {
        guard let spend = monthSpend else { return nil }
        let monitored = monitoredNumbers.count
        let running = reputationEnabled ? CostEstimate.monthly(checkFrequency, numbers: monitored, prices).amount : .zero
        let after: Money
        switch action {
        case .enable(let frequency, let planned): after = CostEstimate.monthly(frequency, numbers: planned, prices).amount
        case .associate(let numbers): after = CostEstimate.monthly(checkFrequency, numbers: monitored + numbers.count, prices).amount
        case .changeFrequency(_, let to, _): after = CostEstimate.monthly(to, numbers: monitored, prices).amount
        case .remove(let numbers):
            after = CostEstimate.monthly(checkFrequency, numbers: max(0, monitored - numbers.count), prices).amount
        case .disable: after = .zero
        case .query, .refresh, .remediate: after = running
        }
        return BudgetCheck(
            month: spend.month, spentThisMonth: spend.amount, thisAction: amount, monthlyBefore: running, monthlyAfter: after,
            budget: monthlyBudget)
    }
}

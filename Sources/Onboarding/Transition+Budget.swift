extension Decision {
    /// A budget of $0 or more, or none; a charge waiting for its answer is checked against it.
    mutating func onSetBudget(_ budget: Money?) -> Transition {
        if let budget, budget.cents < 0 { return refuse("A monthly budget is $0 or more.") }
        next.monthlyBudget = budget
        if var confirmation = next.confirmation {
            confirmation.budget = next.budgetCheck(confirmation.action, costing: confirmation.estimate.amount)
            next.confirmation = confirmation
        }
        return stay()
    }

    /// The month's spend changed (a charge was recorded, or a new month began): a pending
    /// confirmation says where it now leaves the month.
    mutating func onMonthSpendRead(_ spend: MonthSpend) -> Transition {
        next.monthSpend = spend
        if var confirmation = next.confirmation {
            confirmation.budget = next.budgetCheck(confirmation.action, costing: confirmation.estimate.amount)
            next.confirmation = confirmation
        }
        return stay()
    }
}

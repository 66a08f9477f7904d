import Foundation
import Testing

@testable import Onboarding

/// A monthly budget: every charge says where it leaves the month; one that passes the budget is
/// confirmed only explicitly.
@Suite struct BudgetTests {
    @Test func aChargeSaysWhereItLeavesTheMonthAndOneOverTheBudgetNeedsTheOverride() {
        var walk = walkToAssociate()  // weekly, enabled, no numbers yet
        walk.on(.monthSpendRead(MonthSpend(month: "2027-01", amount: .dollars(100))), .setBudget(Money(cents: 10_100)))
        walk.on(.addNumbers(["+13125550134", "+13125550135"]))
        let within = BudgetCheck(
            month: "2027-01", spentThisMonth: .dollars(100), thisAction: Money(cents: 20), monthlyBefore: .dollars(100),
            monthlyAfter: Money(cents: 10_087), budget: Money(cents: 10_100))
        #expect(walk.state.confirmation?.budget == within)
        #expect(within.passes == false)
        #expect(within.said == "This month so far $100.00 · with this $100.20 · monitoring about $100.87 a month")
        #expect(within.budgetSaid == "Within the monthly budget of $101.00.")
        walk.on(.cancel)

        // 20 numbers: $2.00 now passes $101.00 this month.
        let twenty = (10..<30).map { "+131255501\($0)" }
        walk.on(.addNumbers(twenty))
        let over = walk.state.confirmation?.budget
        #expect(over?.passes == true)
        #expect(over?.budgetSaid == "This passes the monthly budget of $101.00 by $1.00.")
        #expect(walk.on(.confirm).isEmpty)
        #expect(walk.refusals.last == "This passes the monthly budget of $101.00 by $1.00. Go over it explicitly, or cancel.")
        #expect(walk.state.confirmation != nil, "the charge still waits for its answer")

        // Raising the budget while it waits checks it again; then a plain yes goes.
        walk.on(.setBudget(.dollars(200)))
        #expect(walk.state.confirmation?.budget?.passes == false)
        #expect(walk.on(.confirm) == [.associateNumbers(enterpriseId: "ent-1", numbers: twenty)])
    }

    @Test func theOverrideConfirmsAndAMonthlyRunOverTheBudgetCounts() {
        var walk = walkToAssociate()
        walk.on(.monthSpendRead(MonthSpend(month: "2027-01", amount: .zero)), .setBudget(.dollars(150)))
        // Daily checks of 100 numbers would run $100 + 100 × 30 × $0.10 = $400 a month.
        walk.on(.addNumbers((100..<200).map { "+1312555\(String(format: "%04d", $0))" }))
        walk.on(.confirm, .numbersAssociated((100..<200).map { "+1312555\(String(format: "%04d", $0))" }))
        walk.on(.changeFrequency(.daily))
        let check = walk.state.confirmation?.budget
        #expect(check?.thisAction == .zero)
        #expect(check?.monthlyAfter == .dollars(400))
        #expect(check?.passes == true)
        #expect(check?.budgetSaid == "Monitoring would then run over the monthly budget of $150.00 a month, by $250.00.")
        #expect(walk.on(.confirmOverBudget) == [.changeFrequency(enterpriseId: "ent-1", frequency: .daily)])
        // Lowering it needs no override: it does not raise the monthly run.
        walk.on(.frequencyChanged(.daily), .changeFrequency(.weekly))
        #expect(walk.state.confirmation?.budget?.passes == false)
    }

    @Test func withoutTheMonthsSpendNoBudgetIsCheckedAndNoneIsSaid() {
        var walk = walkToAssociate()
        walk.on(.setBudget(.zero), .addNumbers(["+13125550134"]))
        #expect(walk.state.confirmation?.budget == nil)
        #expect(walk.on(.confirm).count == 1)
        var other = walkToAssociate()
        other.on(.setBudget(Money(cents: -1)))
        #expect(other.refusals == ["A monthly budget is $0 or more."])
    }

    @Test func dollarsAreReadAsPeopleWriteThem() {
        #expect(Money(dollarsText: "250") == .dollars(250))
        #expect(Money(dollarsText: " $1,200.5 ") == Money(cents: 120_050))
        #expect(Money(dollarsText: "0.07") == Money(cents: 7))
        #expect(Money(dollarsText: "12,345,678") == .dollars(12_345_678))
        for bad in ["", "-5", "1.234", "abc", "1e3", "12.", ".5", "٣", "50,5", "5,0", "1,0,0", ",5", "1,2345", "1,200,5"] {
            #expect(Money(dollarsText: bad) == nil, "\(bad)")
        }
    }
}

@Suite struct FirstReadAgainTests {
    /// After some first reads failed, reading again at step 8 reads those not read yet: one
    /// already read (without data, each read bills) is not billed twice.
    @Test func readingAgainAtStepEightReadsOnlyTheNumbersNotReadYet() {
        var walk = walkToAssociate()
        let numbers = ["+13125550101", "+13125550102", "+13125550103"]
        walk.on(.addNumbers(numbers), .confirm, .numbersAssociated(numbers))
        walk.on(.query(numbers: numbers, fresh: false), .confirm)
        walk.on(.numbersQueried(["+13125550101"], withoutData: ["+13125550101"]))
        #expect(walk.state.step == .query)
        walk.on(.query(numbers: numbers, fresh: false))
        #expect(
            walk.state.confirmation?.action == .query(numbers: Array(numbers.dropFirst()), fresh: false, billed: Array(numbers.dropFirst()))
        )
        walk.on(.cancel)
        // A fresh read is asked of every number, as said.
        walk.on(.query(numbers: numbers, fresh: true))
        #expect(walk.state.confirmation?.action == .query(numbers: numbers, fresh: true, billed: numbers))
    }
}

/// Amounts add and multiply exactly, and saturate instead of trapping at the ends of `Int`.
@Suite struct MoneyArithmeticTests {
    @Test func amountsSaturateAtTheEnds() {
        #expect(Money(cents: 10) + Money(cents: 5) == Money(cents: 15))
        #expect(Money(cents: Int.max) + Money(cents: 1) == Money(cents: Int.max))
        #expect(Money(cents: Int.min) + Money(cents: -1) == Money(cents: Int.min))
        #expect(Money(cents: 10) * 3 == Money(cents: 30))
        #expect(Money(cents: Int.max / 2) * 3 == Money(cents: Int.max))
        #expect(Money(cents: -(Int.max / 2)) * 3 == Money(cents: Int.min))
        #expect(Money(cents: Int.min).description == "-$92,233,720,368,547,758.08")
    }
}

import Foundation
import Testing

@testable import Onboarding

/// A number the analytics networks have no data for keeps `reputation_data` null, so each of
/// its reads is live and billed: the state machine counts it in every estimate until data comes.
@Suite struct NumbersWithoutDataTests {
    static func manage(_ numbers: [String]) -> OnboardingState {
        var state = OnboardingState(id: "onb-no-data")
        state.step = .manage
        state.terms = .agreed(version: "v1")
        state.enterprise = .init(id: "ent-1", legalName: "Acme Plumbing LLC")
        state.reputationEnabled = true
        state.gates = GateReport(status: "approved", loaStatus: "approved")
        state.monitoredNumbers = numbers
        state.queriedNumbers = Set(numbers)
        return state
    }

    @Test func aReadOfANumberWithoutDataIsBilledAgainUntilDataComes() {
        let numbers = ["+13125550100", "+13125550101"]
        var state = Self.manage(numbers)
        state = transition(state, .numbersQueried(numbers, withoutData: ["+13125550101"])).state
        #expect(state.numbersWithoutData == ["+13125550101"])
        let asked = transition(state, .query(numbers: numbers, fresh: false))
        #expect(asked.state.confirmation?.action == .query(numbers: numbers, fresh: false, billed: ["+13125550101"]))
        #expect(asked.state.confirmation?.estimate.amount == Money(cents: 10))
        // Data came: the next read is free again.
        state = transition(state, .numbersQueried(["+13125550101"], withoutData: nil)).state
        #expect(state.numbersWithoutData.isEmpty && state.readWithoutData == nil)
        #expect(transition(state, .query(numbers: numbers, fresh: false)).state.confirmation == nil)
    }

    @Test func numbersTelnyxsScheduledCheckReadAreNoLongerBilledReads() {
        let numbers = ["+13125550100", "+13125550101", "+13125550102", "+13125550103"]
        var state = Self.manage(numbers)
        state.queriedNumbers = ["+13125550100", "+13125550101"]
        state.readWithoutData = ["+13125550101"]
        state.awaitingFirstCheck = ["+13125550102", "+13125550103"]
        // The free list shows data for 101 (read before without), 102 (never read) and a
        // number not monitored here.
        let after = transition(state, .scheduledReadingsListed(withData: ["+13125550101", "+13125550102", "+19995550199"]))
        var expected = state
        expected.queriedNumbers = ["+13125550100", "+13125550101", "+13125550102"]
        expected.readWithoutData = nil
        expected.awaitingFirstCheck = ["+13125550103"]
        #expect(after == Transition(state: expected))
        // Reading every number now bills only the one still never read.
        let asked = transition(after.state, .query(numbers: numbers, fresh: false))
        #expect(asked.state.confirmation?.action == .query(numbers: numbers, fresh: false, billed: ["+13125550103"]))
    }

    @Test func aJournalWrittenBeforeStillReads() throws {
        // `numbersQueried` and `numbersRefreshed` as journals held them before `withoutData`.
        let queried = try JSONDecoder().decode(Event.self, from: Data(#"{"numbersQueried":{"_0":["+13125550100"]}}"#.utf8))
        #expect(queried == .numbersQueried(["+13125550100"], withoutData: nil))
        let refreshed = try JSONDecoder().decode(
            Event.self, from: Data(#"{"numbersRefreshed":{"succeeded":["+13125550100"],"failed":[]}}"#.utf8))
        #expect(refreshed == .numbersRefreshed(succeeded: ["+13125550100"], failed: [], withoutData: nil))
    }
}

import Foundation
import SimulatorTestSupport
import TelnyxAPI
import TelnyxSimulator
import Testing

/// Remediation: billed $1.00 a number sent, 202, through its tiers on the clock to per-number
/// results; a number in flight refuses a second request; a remediated number cools down.
@Suite struct RemediationTests {
    @Test func aRequestIsBilledPerNumberSentAndWorksThroughItsTiers() async throws {
        try await withSimulator { simulator in
            let client = try simulator.client()
            let enterprise = try await Fixtures.approvedEnterprise(simulator, client)
            let id = enterprise.id!
            let numbers = Array(simulator.world.inventory.prefix(40))
            _ = try await client.associateNumbers(enterpriseId: id, numbers)
            for number in numbers { _ = try await client.numberReputation(enterpriseId: id, phoneNumber: number, mayBill: true) }
            let submitted = try await client.submitRemediation(
                enterpriseId: id, phoneNumbers: numbers, callPurpose: "Appointment reminders for our dental clinic.",
                contactEmail: "ops@acme.example.com")
            #expect(submitted.status == .pending && submitted.results == nil)
            #expect(submitted.phoneNumbersCount == 40 && submitted.phoneNumbersSubmitted == 40 && submitted.phoneNumbersIneligible == 0)
            let billed = try await simulator.ledger().filter { $0["action"] as? String == "remediation" }
            #expect(billed.count == 40 && billed.allSatisfy { $0["amount_usd"] as? Double == 1.0 })
            // A number in flight refuses a second request as a whole; nothing more is billed.
            let busy = await #expect(throws: TelnyxError.self) {
                try await client.submitRemediation(enterpriseId: id, phoneNumbers: [numbers[0]], callPurpose: "Again")
            }
            #expect(busy?.status == 409)
            try await simulator.advanceClock(seconds: 3600)
            let tier1 = try await client.remediation(enterpriseId: id, id: submitted.id)
            #expect(tier1.status == .inProgress && tier1.tier1CompletedAt != nil && tier1.tier2CompletedAt == nil && tier1.results == nil)
            try await simulator.advanceClock(seconds: 24 * 3600)
            let done = try await client.remediation(enterpriseId: id, id: submitted.id)
            #expect(done.status == .completed && done.tier2CompletedAt != nil)
            let results = try #require(done.results)
            let said = (results.remediated ?? []) + (results.notFlagged ?? []) + (results.requiresReview ?? []) + (results.refused ?? [])
            #expect(Set(said) == Set(numbers) && said.count == 40, "each number once")
            #expect(results.ineligible == [])
            #expect(!(results.remediated ?? []).isEmpty && !(results.notFlagged ?? []).isEmpty)
            // Remediated numbers cool down: counted and listed as ineligible, not billed.
            let again = try await client.submitRemediation(enterpriseId: id, phoneNumbers: numbers, callPurpose: "Again")
            #expect(again.phoneNumbersIneligible == results.remediated?.count)
            #expect(again.phoneNumbersSubmitted == 40 - (results.remediated?.count ?? 0))
            #expect(
                try await simulator.ledger().filter { $0["action"] as? String == "remediation" }.count == 40 + (again.phoneNumbersSubmitted)
            )
            let listed = try await client.allRemediations(enterpriseId: id)
            #expect(listed.map(\.id) == [again.id, submitted.id], "newest first")
            let completed = try await client.remediations(enterpriseId: id, status: .completed)
            #expect(completed.items.map(\.id) == [submitted.id])
        }
    }

    @Test func aBadRequestNamesEachProblemAndBillsNothing() async throws {
        try await withSimulator { simulator in
            let client = try simulator.client()
            let enterprise = try await Fixtures.approvedEnterprise(simulator, client)
            let id = enterprise.id!
            let monitored = simulator.world.inventory[0]
            _ = try await client.associateNumbers(enterpriseId: id, [monitored])
            let error = await #expect(throws: TelnyxError.self) {
                try await client.submitRemediation(
                    enterpriseId: id, phoneNumbers: [monitored, "+13125550142", monitored], callPurpose: " ", contactEmail: "not-an-email")
            }
            #expect(error?.status == 422)
            #expect(
                error?.entries.compactMap(\.pointer) == [
                    "/body/call_purpose", "/body/contact_email", "/body/phone_numbers/1", "/body/phone_numbers/2",
                ])
            let tooMany = await #expect(throws: TelnyxError.self) {
                try await client.submitRemediation(
                    enterpriseId: id, phoneNumbers: Array(repeating: monitored, count: 2001), callPurpose: "x")
            }
            #expect(tooMany?.kind == .invalidRequest(reason: "a remediation request takes 1 to 2000 numbers, not 2001"))
            #expect(try await simulator.ledger().filter { $0["action"] as? String == "remediation" }.isEmpty)
        }
    }
}

import Foundation
import SimulatorTestSupport
import TelnyxAPI
import TelnyxSimulator
import Testing

/// Telnyx refreshes every monitored number at the enterprise's `check_frequency` and bills each
/// refresh; the simulator does the same on its clock (06:00 UTC, inferred).
@Suite struct ScheduledCheckTests {
    /// The ledger's scheduled refreshes as (number, ISO time), in order.
    static func scheduled(_ simulator: RunningSimulator) async throws -> [String] {
        try await simulator.ledger().filter { $0["scheduled"] as? Bool == true }.map {
            "\($0["action"]!) \($0["phone_number"]!) \($0["at"]!)"
        }
    }

    @Test func businessDailyChecksRunOnWeekdaysAndAreBilledAsScheduledRefreshes() async throws {
        try await withSimulator({ $0.inventorySize = 10 }) { simulator in
            let client = try simulator.client(retries: 0)
            // The clock starts on Friday 2027-01-01 at midnight UTC.
            let enterprise = try await Fixtures.approvedEnterprise(simulator, client)
            let numbers = Fixtures.usableNumbers(simulator, count: 2)
            _ = try await client.associateNumbers(enterpriseId: enterprise.id!, numbers)
            #expect(try await client.listNumbers(enterpriseId: enterprise.id!).items.map(\.reputationData) == [nil, nil])
            try await simulator.advanceClock(seconds: 4 * 86400)  // to Tuesday 00:05
            #expect(
                try await Self.scheduled(simulator) == [
                    "refresh \(numbers[0]) 2027-01-01T06:00:00.000000Z", "refresh \(numbers[1]) 2027-01-01T06:00:00.000000Z",
                    "refresh \(numbers[0]) 2027-01-04T06:00:00.000000Z", "refresh \(numbers[1]) 2027-01-04T06:00:00.000000Z",
                ])
            let listed = try await client.listNumbers(enterpriseId: enterprise.id!).items
            let refreshedAt = try TelnyxDateTranscoder().decode("2027-01-04T06:00:00.000000Z")
            // Each number with data was read at Monday's check (a number may still have none).
            let withData = listed.filter { $0.reputationData != nil }
            #expect(!withData.isEmpty, "the checks found data for at least one number")
            #expect(withData.map { $0.reputationData?.lastRefreshedAt } == withData.map { _ in refreshedAt })
            let charges = try await simulator.ledger().filter { $0["scheduled"] as? Bool == true }.map { $0["amount_usd"] as! Double }
            #expect(charges == [0.1, 0.1, 0.1, 0.1])
        }
    }

    @Test func weeklyRunsOnMondaysNeverRunsNotAtAllAndANumberAddedAfterACheckWaitsForTheNext() async throws {
        try await withSimulator({ $0.inventorySize = 10 }) { simulator in
            let client = try simulator.client(retries: 0)
            let weekly = try await Fixtures.approvedEnterprise(simulator, client)
            _ = try await client.changeFrequency(enterpriseId: weekly.id!, to: .init(.weekly))
            let numbers = Fixtures.usableNumbers(simulator, count: 3)
            _ = try await client.associateNumbers(enterpriseId: weekly.id!, [numbers[0]])
            try await simulator.advanceClock(seconds: 3 * 86400)  // Monday 00:05: none yet
            #expect(try await Self.scheduled(simulator).isEmpty)
            try await simulator.advanceClock(seconds: 7 * 3600)  // Monday 07:05
            _ = try await client.associateNumbers(enterpriseId: weekly.id!, [numbers[1]])
            try await simulator.advanceClock(seconds: 7 * 86400)  // the next Monday 07:05
            #expect(
                try await Self.scheduled(simulator) == [
                    "refresh \(numbers[0]) 2027-01-04T06:00:00.000000Z",
                    "refresh \(numbers[0]) 2027-01-11T06:00:00.000000Z", "refresh \(numbers[1]) 2027-01-11T06:00:00.000000Z",
                ])
            _ = try await client.changeFrequency(enterpriseId: weekly.id!, to: .init(.never))
            try await simulator.advanceClock(seconds: 30 * 86400)
            #expect(try await Self.scheduled(simulator).count == 3)
        }
    }

    @Test func aSteeredRiskIsWhatTheNextLookupFinds() async throws {
        try await withSimulator({ $0.inventorySize = 10 }) { simulator in
            let client = try simulator.client(retries: 0)
            let enterprise = try await Fixtures.approvedEnterprise(simulator, client)
            let number = Fixtures.usableNumbers(simulator, count: 1)[0]
            _ = try await client.associateNumbers(enterpriseId: enterprise.id!, [number])
            let path = "/_simulator/numbers/\(number.replacingOccurrences(of: "+", with: "%2B"))/reputation"
            #expect(try await simulator.raw(.POST, path, json: #"{"spam_risk": "high"}"#, key: nil).status == 204)
            #expect(try await simulator.raw(.POST, path, json: #"{"spam_risk": "awful"}"#, key: nil).status == 422)
            #expect(
                try await simulator.raw(.POST, "/_simulator/numbers/%2B13125550199/reputation", json: #"{"spam_risk": "low"}"#, key: nil)
                    .status == 404)
            #expect(try await simulator.ledger().count == 2, "steering bills nothing")
            let read = try await client.numberReputation(enterpriseId: enterprise.id!, phoneNumber: number, mayBill: true)
            #expect(read.reputationData?.spamRisk?.rawValue == "high")
            #expect(read.reputationData?.spamCategory != nil)
        }
    }
}

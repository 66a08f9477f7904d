import Foundation
import SimulatorTestSupport
import TelnyxAPI
import TelnyxSimulator
import Testing

@Suite struct AdminRouteTests {
    @Test func ledgerTotalsInventoryResetAndFaults() async throws {
        try await withSimulator({ $0.inventorySize = 20 }) { simulator in
            let client = try simulator.client(retries: 0)
            let enterprise = try await Fixtures.approvedEnterprise(simulator, client)
            _ = try await client.associateNumbers(enterpriseId: enterprise.id!, Fixtures.usableNumbers(simulator, count: 3))
            let ledger = try await simulator.raw(.GET, "/_simulator/ledger", key: nil)
            #expect(ledger.body.contains(#""total_usd":100.3"#))
            #expect(ledger.body.contains(#""enterprise_id":"\#(enterprise.id!)""#))
            let inventory = try await simulator.raw(.GET, "/_simulator/inventory", key: nil)
            let numbers = try JSONSerialization.jsonObject(with: Data(inventory.body.utf8)) as! [String: [String]]
            #expect(numbers["phone_numbers"]?.count == 29)

            try await simulator.setFaults(#"[{"status": 503}]"#)
            let failing = await #expect(throws: TelnyxError.self) { try await client.termsStatus() }
            #expect(failing?.status == 503)
            #expect(try await simulator.raw(.DELETE, "/_simulator/faults", key: nil).status == 204)
            #expect(try await client.termsStatus().hasAgreed)

            #expect(try await simulator.raw(.POST, "/_simulator/reset", key: nil).status == 204)
            #expect(try await client.termsStatus().hasAgreed == false)
            #expect(try await client.allEnterprises().isEmpty)
            #expect(try await simulator.ledger().isEmpty)
            #expect(simulator.world.inventory == numbers["phone_numbers"])
        }
    }

    @Test func adminInputIsChecked() async throws {
        try await withSimulator { simulator in
            #expect(try await simulator.raw(.PUT, "/_simulator/faults", json: #"{"status": 503}"#, key: nil).status == 400)
            #expect(try await simulator.raw(.POST, "/_simulator/clock/advance", json: #"{"seconds": -5}"#, key: nil).status == 400)
            let advanced = try await simulator.raw(.POST, "/_simulator/clock/advance", json: #"{"seconds": 86400}"#, key: nil)
            #expect(advanced.body.contains(#""now":"2027-01-02T00:00:00.000000Z""#))
            let unknown = try await simulator.raw(
                .PUT, "/_simulator/enterprises/4a6192a4-573d-446d-b3ce-aff9117272a6/gates", json: #"{"status": "approved"}"#, key: nil)
            #expect(unknown.status == 404)
        }
    }

    @Test func successAnswersCarryRateLimitHeaders() async throws {
        try await withSimulator({ $0.rateLimit = 50 }) { simulator in
            let answer = try await simulator.raw(.GET, "/v2/enterprises")
            #expect(answer.status == 200)
            #expect(answer.headers.first(name: "x-ratelimit-limit") == "50")
            #expect(answer.headers.first(name: "x-ratelimit-remaining") == "49")
            #expect(answer.headers.first(name: "x-ratelimit-reset") != nil)
            let admin = try await simulator.raw(.GET, "/_simulator/world", key: nil)
            #expect(admin.headers.first(name: "x-ratelimit-limit") == nil)
        }
    }
}

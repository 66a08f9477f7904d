import Foundation
import SimulatorTestSupport
import TelnyxAPI
import TelnyxSimulator
import Testing

/// `/documents` found again by `customer_reference` (how a lost upload is reconciled), read and
/// deleted; the query's array filter taken as repeated keys and as commas alike.
@Suite struct DocumentListTests {
    @Test func anUploadIsFoundAgainByItsReferenceReadAndDeleted() async throws {
        try await withSimulator { simulator in
            let client = try simulator.client()
            let first = try await client.uploadDocument(Fixtures.pdf, filename: "loa-a.pdf", customerReference: "onb-1")
            try await simulator.advanceClock(seconds: 1)
            let second = try await client.uploadDocument(Fixtures.pdf, filename: "loa-b.pdf", customerReference: "onb-1")
            _ = try await client.uploadDocument(Fixtures.pdf, filename: "other.pdf", customerReference: "onb-2")
            let mine = try await client.documents(customerReference: "onb-1")
            #expect(mine.items.map(\.value1.id) == [second.value1.id, first.value1.id], "newest first")
            #expect(mine.totalResults == 2)
            #expect(try await client.documents(filenameContains: "OTHER").items.map(\.value2.filename) == ["other.pdf"])
            #expect(try await client.document(id: first.value1.id!).value2.filename == "loa-a.pdf")
            try await client.deleteDocument(id: first.value1.id!)
            let gone = await #expect(throws: TelnyxError.self) { try await client.document(id: first.value1.id!) }
            #expect(gone?.status == 404)
            for query in [
                "filter[customer_reference][in][]=onb-1&filter[customer_reference][in][]=onb-2",
                "filter[customer_reference][in][]=onb-1,onb-2",
            ] {
                let listed = try await simulator.raw(.GET, "/v2/documents?\(query)")
                let object = try JSONSerialization.jsonObject(with: Data(listed.body.utf8)) as? [String: Any]
                #expect((object?["data"] as? [Any])?.count == 2, "\(query)")
            }
        }
    }

    @Test func aNumberWithoutAnalyticsStaysNullAndEveryReadOfItIsBilled() async throws {
        try await withSimulator { simulator in
            let client = try simulator.client()
            let id = try await Fixtures.approvedEnterprise(simulator, client).id!
            let numbers = Array(simulator.world.inventory.prefix(60))
            _ = try await client.associateNumbers(enterpriseId: id, numbers)
            var withoutData: [String] = []
            for number in numbers
            where try await client.numberReputation(enterpriseId: id, phoneNumber: number, mayBill: true).reputationData == nil {
                withoutData.append(number)
            }
            let number = try #require(withoutData.first, "the seed gives some numbers no analytics")
            let before = try await simulator.ledger().filter { $0["action"] as? String == "live_read" }.count
            let again = try await client.numberReputation(enterpriseId: id, phoneNumber: number, mayBill: true)
            #expect(again.reputationData == nil)
            let after = try await simulator.ledger().filter { $0["action"] as? String == "live_read" }.count
            #expect(after == before + 1, "a read of a number without data is live and billed again")
            let withData = try #require(numbers.first { !withoutData.contains($0) })
            _ = try await client.numberReputation(enterpriseId: id, phoneNumber: withData)
            #expect(try await simulator.ledger().filter { $0["action"] as? String == "live_read" }.count == after, "cached data is free")
        }
    }
}

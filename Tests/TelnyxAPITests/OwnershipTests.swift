import Foundation
import SimulatorTestSupport
import TelnyxAPI
import TelnyxSimulator
import Testing

/// Numbers hosted elsewhere: sorting with `verify_ownership`, the ownership proof and its review,
/// the daily check, confirmation both ways, tombstones and the webhook setting.
@Suite struct OwnershipTests {
    /// A US local number hosted at another carrier (not in the simulator's inventory).
    static let external = ["+13125550142", "+13125550143"]

    @Test func verifyOwnershipSplitsTheAccountsNumbersFromOthers() async throws {
        try await withSimulator { simulator in
            let client = try simulator.client()
            let owned = Array(simulator.world.inventory.prefix(2))
            let check = try await client.verifyOwnership(owned + Self.external)
            #expect(check.found?.map(\.numberValE164) == owned)
            #expect(check.found?.allSatisfy { $0.id != nil } == true)
            #expect(check.notFound == Self.external)
            #expect(check.recordType == "number_ownership_verification")
            let tooMany = await #expect(throws: TelnyxError.self) {
                try await client.verifyOwnership((0..<1001).map { String(format: "+1312555%04d", $0) })
            }
            #expect(tooMany?.kind == .invalidRequest(reason: "one check takes 1 to 1000 numbers, not 1001; split the list"))
            #expect(try await simulator.ledger().isEmpty, "checking ownership is free")
        }
    }

    @Test func externalNumbersWaitForTheOwnershipProofThenAreMonitored() async throws {
        try await withSimulator { simulator in
            let client = try simulator.client()
            let enterprise = try await Fixtures.approvedEnterprise(simulator, client)
            let id = enterprise.id!
            // Without a proof: refused with Telnyx's code word, nothing billed.
            let refused = await #expect(throws: TelnyxError.self) { try await client.associateNumbers(enterpriseId: id, Self.external) }
            #expect(refused?.status == 400)
            #expect(refused?.message.contains("external_verification_required") == true)
            #expect(try await client.externalVerification(enterpriseId: id) == nil, "404 before any proof")
            // The proof: evidence uploaded (a scan is accepted), submitted, pending, then approved on the clock.
            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]
            let invoice = try await client.uploadDocument(png, filename: "invoice.png", customerReference: "onb-own")
            #expect(invoice.value2.contentType == "image/png")
            let submitted = try await client.submitExternalVerification(
                enterpriseId: id, documentIds: [invoice.value1.id!], phoneNumbers: Self.external)
            #expect(submitted.status == .pending && submitted.phoneNumbers == Self.external)
            #expect(try await client.reputationSettings(enterpriseId: id).externalVerificationStatus == .pending)
            let linked = await #expect(throws: TelnyxError.self) { try await client.deleteDocument(id: invoice.value1.id!) }
            #expect(linked?.status == 422, "a document the proof uses is not deleted")
            try await simulator.advanceClock(seconds: 2 * 3600)
            let approved = try #require(try await client.externalVerification(enterpriseId: id))
            #expect(approved.status == .approved && approved.reviewedAt != nil)
            #expect(try await client.reputationSettings(enterpriseId: id).externalVerificationStatus == .approved)
            let frozen = await #expect(throws: TelnyxError.self) {
                try await client.submitExternalVerification(enterpriseId: id, documentIds: [invoice.value1.id!])
            }
            #expect(frozen?.status == 409, "an approved proof cannot be replaced")
            // A batch may mix both sources.
            let telnyx = simulator.world.inventory[0]
            let added = try await client.associateNumbers(enterpriseId: id, Self.external + [telnyx])
            #expect(added.map { $0.source?.rawValue } == ["external", "external", "telnyx"])
            #expect(added.allSatisfy { $0.ownershipStatus == .verified })
            let externalOnly = try await client.listNumbers(enterpriseId: id, source: .external)
            #expect(externalOnly.items.compactMap(\.phoneNumber) == Self.external)
            #expect(try await simulator.ledger().filter { $0["action"] as? String == "associate" }.count == 3)
        }
    }

    @Test func aRejectedProofSaysWhyAndAnotherReplacesIt() async throws {
        try await withSimulator({ $0.ownershipReview = .rejected }) { simulator in
            let client = try simulator.client()
            let id = try await Fixtures.approvedEnterprise(simulator, client).id!
            let first = try await client.uploadDocument(Fixtures.pdf, filename: "statement.pdf")
            _ = try await client.submitExternalVerification(enterpriseId: id, documentIds: [first.value1.id!])
            try await simulator.advanceClock(seconds: 2 * 3600)
            let rejected = try #require(try await client.externalVerification(enterpriseId: id))
            #expect(rejected.status == .rejected)
            #expect(rejected.rejectionReason == OwnershipReviewReason.text)
            let second = try await client.uploadDocument(Fixtures.pdf, filename: "invoice.pdf")
            let replaced = try await client.submitExternalVerification(enterpriseId: id, documentIds: [second.value1.id!])
            #expect(replaced.status == .pending && replaced.documentIds == [second.value1.id!])
            try await simulator.advanceClock(seconds: 2 * 3600)
            #expect(try await client.externalVerification(enterpriseId: id)?.status == .approved)
        }
    }

    @Test func aCarrierChangeAsksForAConfirmationByADeadline() async throws {
        try await withSimulator({ $0.ownershipReview = .approved }) { simulator in
            let client = try simulator.client()
            let id = try await Self.monitoringExternal(simulator, client)
            let number = Self.external[0]
            // Ported away: the next daily check flags it, with a deadline three days on.
            #expect(try await simulator.raw(.POST, "/_simulator/numbers/%2B13125550142/port-away", key: nil).status == 204)
            try await simulator.advanceClock(seconds: 24 * 3600)
            let flagged = try #require(try await client.listNumbers(enterpriseId: id, phoneNumber: number).items.first)
            #expect(flagged.ownershipStatus == .pendingConfirmation && flagged.flagReason == "carrier_changed")
            let detail = try await client.ownership(enterpriseId: id, phoneNumber: number)
            #expect(detail.history?.map(\.eventType) == ["flag", "added"], "newest first")
            #expect(detail.confirmBy == flagged.confirmBy && detail.lastCheckedAt != nil)
            // Confirmed: verified again, the new carrier the baseline.
            let kept = try await client.confirmOwnership(enterpriseId: id, phoneNumber: number, stillOwn: true)
            #expect(kept.ownershipStatus == .verified && kept.confirmBy == nil)
            #expect(try await client.ownership(enterpriseId: id, phoneNumber: number).baselineCarrier == "8888")
            let notAsked = await #expect(throws: TelnyxError.self) {
                try await client.confirmOwnership(enterpriseId: id, phoneNumber: number, stillOwn: true)
            }
            #expect(notAsked?.status == 400, "a number not waiting for a confirmation")
            // Unanswered by the deadline: removed, kept as a tombstone outside the count.
            let other = Self.external[1]
            #expect(try await simulator.raw(.POST, "/_simulator/numbers/%2B13125550143/port-away", key: nil).status == 204)
            try await simulator.advanceClock(seconds: 5 * 24 * 3600)
            let monitored = try await client.listNumbers(enterpriseId: id)
            #expect(monitored.items.compactMap(\.phoneNumber) == [number] && monitored.totalResults == 1)
            let removed = try await client.listNumbers(enterpriseId: id, ownershipStatus: .removed)
            #expect(removed.items.map(\.phoneNumber) == [other])
            #expect(removed.items.first?.removalReason == .unconfirmedOwnership && removed.items.first?.removedAt != nil)
        }
    }

    /// A Telnyx-hosted number follows the inventory, but what Telnyx asked about it and the
    /// answer are its history too.
    @Test func aTelnyxHostedNumbersHistoryKeepsItsFlagAndConfirmation() async throws {
        try await withSimulator { simulator in
            let client = try simulator.client()
            let id = try await Fixtures.approvedEnterprise(simulator, client).id!
            let number = simulator.world.inventory[0]
            _ = try await client.associateNumbers(enterpriseId: id, [number])
            let path = "/_simulator/numbers/\(number.replacingOccurrences(of: "+", with: "%2B"))/flag"
            #expect(try await simulator.raw(.POST, path, json: #"{"reason": "reverification_due"}"#, key: nil).status == 204)
            _ = try await client.confirmOwnership(enterpriseId: id, phoneNumber: number, stillOwn: true)
            let detail = try await client.ownership(enterpriseId: id, phoneNumber: number)
            #expect(detail.history?.map(\.eventType) == ["confirm", "flag", "added"], "newest first")
            #expect(detail.history?.map(\.outcome) == ["still_own", "reverification_due", nil])
            #expect(detail.source == .telnyx && detail.baselineCarrier == "073H", "Telnyx's SPID")
        }
    }

    @Test func givingANumberUpRemovesItAtOnceAndADeleteLeavesATombstone() async throws {
        try await withSimulator { simulator in
            let client = try simulator.client()
            let id = try await Self.monitoringExternal(simulator, client)
            let flag = try await simulator.raw(
                .POST, "/_simulator/numbers/%2B13125550142/flag", json: #"{"reason": "reverification_due"}"#, key: nil)
            #expect(flag.status == 204)
            let given = try await client.confirmOwnership(enterpriseId: id, phoneNumber: Self.external[0], stillOwn: false)
            #expect(given.ownershipStatus == .removed && given.removalReason == .customerReported)
            try await client.removeNumber(enterpriseId: id, phoneNumber: Self.external[1])
            let tombstones = try await client.listNumbers(enterpriseId: id, ownershipStatus: .removed).items
            #expect(tombstones.map(\.phoneNumber) == Self.external)
            #expect(tombstones.map { $0.removalReason?.rawValue } == ["customer_reported", "customer_removed"])
            let gone = await #expect(throws: TelnyxError.self) {
                try await client.ownership(enterpriseId: id, phoneNumber: Self.external[0])
            }
            #expect(gone?.status == 404)
        }
    }

    @Test func theWebhookIsSetAsHTTPSAndClearedWithNull() async throws {
        try await withSimulator { simulator in
            let client = try simulator.client()
            let id = try await Fixtures.enabledEnterprise(client).id!
            let set = try await client.setOwnershipWebhook(enterpriseId: id, url: "https://hooks.example.com/telnyx")
            #expect(set.webhookUrl == "https://hooks.example.com/telnyx")
            for refused in ["http://hooks.example.com/telnyx", "https://localhost/telnyx"] {
                let error = await #expect(throws: TelnyxError.self) { try await client.setOwnershipWebhook(enterpriseId: id, url: refused) }
                #expect(error?.status == 422, "\(refused)")
            }
            let cleared = try await client.setOwnershipWebhook(enterpriseId: id, url: nil)
            #expect(cleared.webhookUrl == nil)
            #expect(try await client.reputationSettings(enterpriseId: id).webhookUrl == nil)
        }
    }

    /// An approved enterprise whose ownership proof is approved, monitoring `external`.
    static func monitoringExternal(_ simulator: RunningSimulator, _ client: TelnyxClient) async throws -> String {
        let id = try await Fixtures.approvedEnterprise(simulator, client).id!
        let invoice = try await client.uploadDocument(Fixtures.pdf, filename: "invoice.pdf")
        _ = try await client.submitExternalVerification(enterpriseId: id, documentIds: [invoice.value1.id!])
        try await simulator.advanceClock(seconds: 2 * 3600)
        _ = try await client.associateNumbers(enterpriseId: id, external)
        return id
    }
}

/// The simulator's rejection reason, as its README states it.
enum OwnershipReviewReason {
    static let text =
        "The documents do not show the enterprise as the holder of the listed numbers; send a recent carrier invoice or statement naming them."
}

import Foundation
import SimulatorTestSupport
import TelnyxAPI
import TelnyxSimulator
import Testing

@Suite struct ReputationSettingsTests {
    @Test func enablingNeedsTheTermsAndAKnownEnterpriseAndBillsOnce() async throws {
        try await withSimulator { simulator in
            let client = try simulator.client()
            let enterprise = try await client.createEnterprise(Fixtures.enterprise())
            let document = try await client.uploadDocument(Fixtures.pdf, filename: "loa.pdf")
            let noTerms = await #expect(throws: TelnyxError.self) {
                try await client.enableReputation(enterpriseId: enterprise.id!, loaDocumentId: document.value1.id!)
            }
            #expect(noTerms?.status == 403)
            #expect(noTerms?.has(code: "10010") == true)
            _ = try await client.agreeToTerms()
            let unknown = await #expect(throws: TelnyxError.self) {
                try await client.enableReputation(enterpriseId: "4a6192a4-573d-446d-b3ce-aff9117272a6", loaDocumentId: document.value1.id!)
            }
            #expect(unknown?.status == 404)
            let settings = try await client.enableReputation(
                enterpriseId: enterprise.id!, loaDocumentId: document.value1.id!, checkFrequency: .init(.weekly))
            #expect(settings.status == .pending)
            #expect(settings.loaStatus == .pending)
            #expect(settings.checkFrequency == .weekly)
            #expect(try await client.enterprise(id: enterprise.id!).numberReputationEnabled == true)
            let second = try await client.uploadDocument(Fixtures.pdf, filename: "loa.pdf")
            let twice = await #expect(throws: TelnyxError.self) {
                try await client.enableReputation(enterpriseId: enterprise.id!, loaDocumentId: second.value1.id!)
            }
            #expect(twice?.status == 400)
            #expect(twice?.has(code: "10015") == true)
            let ledger = try await simulator.ledger()
            #expect(ledger.count == 1)
            #expect(ledger.first?["action"] as? String == "enable")
            #expect(ledger.first?["amount_usd"] as? Double == 100)
        }
    }

    @Test func unknownFieldsAndBadFrequenciesAreRejected() async throws {
        try await withSimulator { simulator in
            let client = try simulator.client()
            _ = try await client.agreeToTerms()
            let enterprise = try await client.createEnterprise(Fixtures.enterprise())
            let path = "/v2/enterprises/\(enterprise.id!)/reputation"
            let extra = try await simulator.raw(.POST, path, json: #"{"loa_document_id": "x", "colour": "blue"}"#)
            #expect(extra.status == 422)
            let frequency = try await simulator.raw(.POST, path, json: #"{"loa_document_id": "x", "check_frequency": "hourly"}"#)
            #expect(frequency.status == 422)
            #expect(frequency.body.contains("check_frequency"))
            #expect(try await simulator.ledger().isEmpty)
        }
    }

    @Test func frequencyChangesOnlyOnceApproved() async throws {
        try await withSimulator { simulator in
            let client = try simulator.client()
            let enterprise = try await Fixtures.enabledEnterprise(client)
            let pending = await #expect(throws: TelnyxError.self) {
                try await client.changeFrequency(enterpriseId: enterprise.id!, to: .init(.daily))
            }
            #expect(pending?.status == 400)
            #expect(pending?.has(code: "10015") == true)
            try await simulator.advanceClock(seconds: 61)
            let settings = try await client.changeFrequency(enterpriseId: enterprise.id!, to: .init(.daily))
            #expect(settings.checkFrequency == .daily)
        }
    }

    @Test func settingsAreNotFoundBeforeEnablingAndAfterDisabling() async throws {
        try await withSimulator { simulator in
            let client = try simulator.client()
            let enterprise = try await client.createEnterprise(Fixtures.enterprise())
            let never = await #expect(throws: TelnyxError.self) { try await client.reputationSettings(enterpriseId: enterprise.id!) }
            #expect(never?.status == 404)
            let other = try await Fixtures.approvedEnterprise(simulator, client, name: "Bravo Widgets Inc")
            let numbers = Fixtures.usableNumbers(simulator, count: 3)
            _ = try await client.associateNumbers(enterpriseId: other.id!, numbers)
            try await client.disableReputation(enterpriseId: other.id!)
            let after = await #expect(throws: TelnyxError.self) { try await client.reputationSettings(enterpriseId: other.id!) }
            #expect(after?.status == 404)
            let listing = await #expect(throws: TelnyxError.self) { try await client.listNumbers(enterpriseId: other.id!) }
            #expect(listing?.status == 404)
            #expect(try await client.listAccountNumbers().totalResults == 0)
            #expect(try await client.enterprise(id: other.id!).numberReputationEnabled == false)
            let disabledAgain = await #expect(throws: TelnyxError.self) { try await client.disableReputation(enterpriseId: other.id!) }
            #expect(disabledAgain?.status == 404)
            // The numbers were de-registered: another enterprise can take them.
            let third = try await Fixtures.approvedEnterprise(simulator, client, name: "Charlie Cables Co")
            #expect(try await client.associateNumbers(enterpriseId: third.id!, numbers).count == 3)
        }
    }

    @Test func enablingAgainNeedsANewLOA() async throws {
        try await withSimulator { simulator in
            let client = try simulator.client()
            _ = try await client.agreeToTerms()
            let enterprise = try await client.createEnterprise(Fixtures.enterprise())
            let document = try await client.uploadDocument(Fixtures.pdf, filename: "loa.pdf")
            _ = try await client.enableReputation(enterpriseId: enterprise.id!, loaDocumentId: document.value1.id!)
            try await client.disableReputation(enterpriseId: enterprise.id!)
            let reused = await #expect(throws: TelnyxError.self) {
                try await client.enableReputation(enterpriseId: enterprise.id!, loaDocumentId: document.value1.id!)
            }
            #expect(reused?.status == 422)
            let newLOA = try await client.uploadDocument(Fixtures.pdf, filename: "loa-2.pdf")
            _ = try await client.enableReputation(enterpriseId: enterprise.id!, loaDocumentId: newLOA.value1.id!)
        }
    }
}

@Suite struct GateScenarioTests {
    @Test func happyApprovesVettingAfterAMinuteAndTheLOAAfterFive() async throws {
        try await withSimulator { simulator in
            let client = try simulator.client()
            let enterprise = try await Fixtures.enabledEnterprise(client)
            try await simulator.advanceClock(seconds: 59)
            var settings = try await client.reputationSettings(enterpriseId: enterprise.id!)
            #expect(settings.status == .pending)
            try await simulator.advanceClock(seconds: 2)
            settings = try await client.reputationSettings(enterpriseId: enterprise.id!)
            #expect(settings.status == .approved)
            #expect(settings.loaStatus == .pending)
            try await simulator.advanceClock(seconds: 240)
            settings = try await client.reputationSettings(enterpriseId: enterprise.id!)
            #expect(settings.loaStatus == .approved)
            #expect(settings.rejectionReasons == nil)
        }
    }

    @Test func vettingRejectedGivesReasonsAndAResubmissionIsApproved() async throws {
        try await withSimulator({ $0.scenario = .vettingRejected }) { simulator in
            let client = try simulator.client()
            let enterprise = try await Fixtures.enabledEnterprise(client)
            try await simulator.advanceClock(seconds: 301)
            let rejected = try await client.reputationSettings(enterpriseId: enterprise.id!)
            #expect(rejected.status == .rejected)
            #expect((rejected.rejectionReasons ?? []).count >= 2)
            var fix = EnterpriseUpdate()
            fix.legalName = "Acme Plumbing Services LLC"
            // A new legal name is refused while reputation is enabled (api-notes, step 2).
            let refused = await #expect(throws: TelnyxError.self) { _ = try await client.updateEnterprise(id: enterprise.id!, fix) }
            #expect(refused?.status == 400)
            #expect(refused?.codes == ["10015"])
            try await client.disableReputation(enterpriseId: enterprise.id!)
            _ = try await client.updateEnterprise(id: enterprise.id!, fix)
            let document = try await client.uploadDocument(Fixtures.pdf, filename: "loa-2.pdf")
            _ = try await client.enableReputation(enterpriseId: enterprise.id!, loaDocumentId: document.value1.id!)
            try await simulator.advanceClock(seconds: 301)
            let approved = try await client.reputationSettings(enterpriseId: enterprise.id!)
            #expect(approved.status == .approved)
            #expect(approved.loaStatus == .approved)
        }
    }

    @Test func loaRejectedIsReplacedAndTheReplacementApproved() async throws {
        try await withSimulator({ $0.scenario = .loaRejected }) { simulator in
            let client = try simulator.client()
            let enterprise = try await Fixtures.enabledEnterprise(client)
            try await simulator.advanceClock(seconds: 301)
            let rejected = try await client.reputationSettings(enterpriseId: enterprise.id!)
            #expect(rejected.status == .approved)
            #expect(rejected.loaStatus == .rejected)
            let blocked = await #expect(throws: TelnyxError.self) {
                try await client.associateNumbers(enterpriseId: enterprise.id!, Fixtures.usableNumbers(simulator, count: 1))
            }
            #expect(blocked?.status == 400)
            let replacement = try await client.uploadDocument(Fixtures.pdf, filename: "loa-2.pdf")
            let pending = try await client.replaceLOA(enterpriseId: enterprise.id!, documentId: replacement.value1.id!)
            #expect(pending.loaStatus == .pending)
            #expect(pending.loaDocumentId == replacement.value1.id)
            try await simulator.advanceClock(seconds: 301)
            #expect(try await client.reputationSettings(enterpriseId: enterprise.id!).loaStatus == .approved)
            let another = try await client.uploadDocument(Fixtures.pdf, filename: "loa-3.pdf")
            let afterApproval = await #expect(throws: TelnyxError.self) {
                try await client.replaceLOA(enterpriseId: enterprise.id!, documentId: another.value1.id!)
            }
            #expect(afterApproval?.status == 400)
            #expect(afterApproval?.has(code: "10015") == true)
        }
    }

    @Test func slowReviewKeepsTheLOAPendingForDays() async throws {
        try await withSimulator({ $0.scenario = .slowReview }) { simulator in
            let client = try simulator.client()
            let enterprise = try await Fixtures.enabledEnterprise(client)
            try await simulator.advanceClock(seconds: 2 * 24 * 3600)
            let waiting = try await client.reputationSettings(enterpriseId: enterprise.id!)
            #expect(waiting.status == .approved)
            #expect(waiting.loaStatus == .pending)
            try await simulator.advanceClock(seconds: 24 * 3600 + 1)
            #expect(try await client.reputationSettings(enterpriseId: enterprise.id!).loaStatus == .approved)
        }
    }

    @Test func adminRouteSetsGatesByHand() async throws {
        try await withSimulator({ $0.scenario = .slowReview }) { simulator in
            let client = try simulator.client()
            let enterprise = try await Fixtures.enabledEnterprise(client)
            let answer = try await simulator.raw(
                .PUT, "/_simulator/enterprises/\(enterprise.id!)/gates",
                json: #"{"status": "rejected", "loa_status": "approved", "rejection_reasons": ["FEIN does not match"]}"#, key: nil)
            #expect(answer.status == 200)
            let settings = try await client.reputationSettings(enterpriseId: enterprise.id!)
            #expect(settings.status == .rejected)
            #expect(settings.loaStatus == .approved)
            #expect(settings.rejectionReasons == ["FEIN does not match"])
            try await simulator.advanceClock(seconds: 10 * 24 * 3600)
            #expect(try await client.reputationSettings(enterpriseId: enterprise.id!).status == .rejected)
            let invalid = try await simulator.raw(
                .PUT, "/_simulator/enterprises/\(enterprise.id!)/gates", json: #"{"status": ""}"#, key: nil)
            #expect(invalid.status == 422)
            // A value Telnyx may add later is set as it is, and the client reads it instead of failing.
            let added = try await simulator.raw(
                .PUT, "/_simulator/enterprises/\(enterprise.id!)/gates", json: #"{"status": "in_review"}"#, key: nil)
            #expect(added.status == 200)
            let tolerated = try await client.reputationSettings(enterpriseId: enterprise.id!)
            #expect(tolerated.status?.rawValue == "in_review" && tolerated.status?.known == nil)
            #expect(tolerated.loaStatus == .approved)
            let world = try await simulator.raw(.GET, "/_simulator/world", key: nil)
            #expect(world.body.contains(enterprise.id!))
        }
    }
}

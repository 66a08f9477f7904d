import Foundation
import Onboarding
import OnboardingEngine
import OnboardingStore
import SimulatorTestSupport
import TelnyxAPI
import Testing

@Suite struct AdoptionTests {
    @Test func anEnterpriseSetUpElsewhereLandsOnItsStep() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let client = try simulator.client()
                // Set up by hand, as another tool or a colleague would have.
                _ = try await client.agreeToTerms()
                let enterprise = try await client.createEnterprise(otherEnterprise())
                let fresh = try await OnboardingEngine.adopt(enterpriseId: enterprise.id!, store: store, client: client, id: "adopted-1")
                #expect(await fresh.state.step == .loaRender)
                await fresh.close()

                let document = try await client.uploadDocument(Array("%PDF-1.4\n%%EOF\n".utf8), filename: "loa.pdf")
                _ = try await client.enableReputation(
                    enterpriseId: enterprise.id!, loaDocumentId: document.value1.id!, checkFrequency: .init(.monthly))
                // One onboarding an enterprise in a store: each stage is adopted into a store of its own.
                try store.setArchived("adopted-1", true)
                await #expect(throws: StoreError.alreadyTracked(enterpriseId: enterprise.id!, onboardingId: "adopted-1")) {
                    _ = try await OnboardingEngine.adopt(enterpriseId: enterprise.id!, store: store, client: client, id: "adopted-2")
                }
                try await withStore { store in
                    let waiting = try await OnboardingEngine.adopt(
                        enterpriseId: enterprise.id!, store: store, client: client, id: "adopted-2")
                    #expect(await waiting.state.step == .gates)
                    #expect(await waiting.state.isWaitingOnTelnyx)
                    await waiting.close()
                }

                try await simulator.advanceClock(seconds: 301)
                let numbers = Array(simulator.world.inventory.prefix(3))
                _ = try await client.associateNumbers(enterpriseId: enterprise.id!, numbers)
                _ = try await client.numberReputation(enterpriseId: enterprise.id!, phoneNumber: numbers[0])
                let ledgerBefore = try await simulator.ledger().count
                try await withStore { store in
                    let running = try await OnboardingEngine.adopt(
                        enterpriseId: enterprise.id!, store: store, client: client, id: "adopted-3")
                    let state = await running.state
                    #expect(state.step == .manage)
                    #expect(state.monitoredNumbers == numbers)
                    #expect(state.queriedNumbers == [numbers[0]])
                    #expect(state.checkFrequency == .monthly)
                    #expect(try await simulator.ledger().count == ledgerBefore, "adopting only reads")
                    #expect(try store.auditLog("adopted-3").first?.result == "landed on step 9 Manage")
                    await running.close()
                }
            }
        }
    }

    @Test func missingTermsComeFirstThenTheStepTheFactsImply() {
        let facts = RemoteFacts(
            termsAgreed: false, termsVersion: "v1", enterpriseId: "ent-1", legalName: "Acme", gates: nil, checkFrequency: nil,
            loaDocumentId: nil, monitoredNumbers: [], numbersWithData: [])
        var state = OnboardingState.adopting(facts, id: "a")
        #expect(state.step == .terms)
        state = transition(state, .termsAgreed(version: "v1")).state
        #expect(state.step == .loaRender)
    }
}

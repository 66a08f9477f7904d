import Foundation
import Onboarding
import OnboardingEngine
import OnboardingStore
import SimulatorTestSupport
import StoreTestSupport
import Synchronization
import TelnyxAPI
import TelnyxSimulator
import Testing

/// A fresh store for one test: SQLite in a state directory, or (`REPUTATION_WIZARD_TEST_STORE=
/// postgres`, as `.ci/run`'s second pass) a fresh database on the throwaway PostgreSQL server.
func withStore<T>(_ body: (OnboardingStore) async throws -> T) async throws -> T {
    try await StoreBackend.chosen.withFreshAsyncStore(body)
}

/// The enterprise the diagram's events submit: a complete, valid form.
let enterpriseFields: [String: String] = {
    for case .submitEnterprise(let fields) in StateMachineDiagram.representativeEvents { return fields }
    return [:]
}()

func actions(_ ledger: [[String: Any]], _ action: String) -> [[String: Any]] {
    ledger.filter { $0["action"] as? String == action }
}

/// Walks an onboarding to step 3, the enterprise created.
func walkToLOA(_ engine: OnboardingEngine) async throws {
    try await engine.send(.begin)
    try await engine.send(.agreeToTerms)
    try await engine.send(.submitEnterprise(fields: enterpriseFields))
    #expect(await engine.state.step == .loaRender)
}

/// Walks an onboarding to step 5 with a signed LOA uploaded.
func walkToEnable(_ engine: OnboardingEngine) async throws {
    try await walkToLOA(engine)
    try await engine.send(.renderLOA(agent: nil, signature: nil))
    let rendered = try #require(await engine.state.renderedLOAPath)
    try await engine.send(.useSignedLOA(path: rendered))
    #expect(await engine.state.step == .enable)
}

@Suite struct OnboardingEngineTests {
    @Test func theLOAIsRenderedWithTheSignatureImageAndTheAgent() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-1")
                try await walkToLOA(engine)
                let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sig-\(UUID().uuidString)")
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                defer { try? FileManager.default.removeItem(at: directory) }
                let notPNG = directory.appendingPathComponent("signature.gif").path
                try Data("GIF89a".utf8).write(to: URL(fileURLWithPath: notPNG))
                try await engine.send(.renderLOA(agent: nil, signature: SignatureImage(path: notPNG, signerName: "Sam Owner")))
                #expect(await engine.state.lastError?.message == "Signature image: \(notPNG) is not a PNG image; save the signature as PNG")
                #expect(await engine.state.renderedLOAPath == nil)

                let png = directory.appendingPathComponent("signature.png").path
                try (Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data(count: 8)).write(to: URL(fileURLWithPath: png))
                let agent = [
                    "legal_name": "Resell Co", "street_address": "2 Side St", "city": "Austin", "administrative_area": "TX",
                    "postal_code": "73301", "country": "US", "contact_name": "Pat Agent", "contact_title": "Director",
                    "contact_email": "pat@resell.example.com", "contact_phone": "+15125550100",
                ]
                try await engine.send(.renderLOA(agent: agent, signature: SignatureImage(path: png, signerName: "Sam Owner")))
                let rendered = try #require(await engine.state.renderedLOAPath)
                let text = String(decoding: try #require(FileManager.default.contents(atPath: rendered)), as: UTF8.self)
                #expect(text.contains("Signed electronically by Sam Owner"))
                #expect(text.contains(#"Acting through agent: Resell Co, Pat Agent \(Director\), pat@resell.example.com"#))
                await engine.close()
            }
        }
    }

    @Test func addingNumbersReportsEachBatchAsItEnds() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-1")
                try await walkToApproved(engine, simulator)
                let enterpriseId = try #require(await engine.state.enterprise?.id)
                let heard = Mutex<[BatchProgress]>([])
                let numbers = Array(simulator.world.inventory.prefix(35)) + ["+13125550199"]
                let report = try await BulkAssociation(
                    client: try simulator.client(), enterpriseId: enterpriseId, batchSize: 10, concurrency: 2
                )
                .run(numbers) { progress in heard.withLock { $0.append(progress) } }
                let reports = heard.withLock { $0 }
                #expect(reports.first == BatchProgress(batches: 4, setAside: 1), "after the checks, before any batch")
                #expect(reports.last == BatchProgress(batchesDone: 4, batches: 4, added: 35, setAside: 1))
                #expect(reports.map(\.batchesDone) == [0, 1, 2, 3, 4])
                #expect(report.monitored.count == 35)
                #expect(engine.batchProgress == nil, "nothing under way")
                await engine.close()
            }
        }
    }

    @Test func aRefreshOfMoreThanAHundredGoesInRequestsOfAHundred() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-1")
                try await walkToManage(engine, simulator, numbers: 150)
                let numbers = await engine.state.monitoredNumbers
                #expect(numbers.count == 150)
                try await engine.send(.refresh(numbers))
                #expect(await engine.state.confirmation?.estimate.amount.description == "$15.00")
                try await engine.send(.confirm)
                #expect(await engine.state.lastError == nil)
                #expect(actions(try await simulator.ledger(), "refresh").count == 150, "each number refreshed and billed once")
                await engine.close()
            }
        }
    }

    /// A refresh whose first batch's answer is lost (Telnyx took it) stops there and settles
    /// that batch from the free list: the batches never sent are neither counted nor billed,
    /// and the audit says what Telnyx billed.
    /// The same whether the sandbox's clock moved since the last reading or not (each live
    /// check is stamped later than the last, as on Telnyx's clock).
    @Test(arguments: [60.0, 0.0])
    func aRefreshWhoseAnswerIsLostCountsOnlyTheBatchSent(clockMoves seconds: Double) async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-lost")
                try await walkToManage(engine, simulator, numbers: 250)
                let numbers = await engine.state.monitoredNumbers
                if seconds > 0 { try await simulator.advanceClock(seconds: seconds) }
                try await simulator.setFaults(
                    #"[{"method": "POST", "path": "/v2/enterprises/*/reputation/numbers/refresh", "drop": "after_commit", "times": 1}]"#)
                try await engine.send(.refresh(numbers))
                try await engine.send(.confirm)
                let state = await engine.state
                #expect(state.inFlight == nil, "settled at once from the list")
                let refreshes = actions(try await simulator.ledger(), "refresh").filter { $0["scheduled"] as? Bool != true }
                #expect(refreshes.count == 100, "the first batch reached Telnyx; the others were never sent")
                let audited = try store.auditLog("onb-lost").filter { $0.action.hasPrefix("refresh ") }
                #expect(audited.map(\.cost) == [Money(cents: 1_000)], "\(audited.map(\.action))")
                #expect(
                    state.lastError?.message.hasPrefix("150 of 250 numbers could not be refreshed: ") == true,
                    "\(String(describing: state.lastError))")
                await engine.close()
            }
        }
    }

    @Test func walksTheNineStepsAndBillsEachThingOnce() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-1")
                try await walkToEnable(engine)
                let rendered = try #require(await engine.state.renderedLOAPath)
                #expect(FileManager.default.contents(atPath: rendered)?.starts(with: Array("%PDF-".utf8)) == true)
                #expect((try FileManager.default.attributesOfItem(atPath: rendered)[.posixPermissions] as? NSNumber)?.intValue == 0o600)
                let world = simulator.world.snapshot()
                #expect(world.enterprises.first?.customerReference == "onb-1")

                try await engine.send(.chooseFrequency(.weekly, plannedNumbers: 5))
                #expect(try await simulator.ledger().isEmpty, "nothing is billed before the confirmation")
                try await engine.send(.confirm)
                #expect(await engine.state.step == .gates)
                try await simulator.advanceClock(seconds: 301)
                try await engine.send(.checkGatesNow)
                #expect(await engine.state.step == .associate)

                let numbers = Array(simulator.world.inventory.prefix(5))
                #expect(try await engine.addNumbers(numbers + ["+13125550199"]) == nil)
                // The number hosted elsewhere (no ownership proof) is set aside before the estimate, and named.
                let confirmation = try #require(await engine.state.confirmation)
                #expect(confirmation.action == .associate(numbers: numbers))
                #expect(confirmation.estimate.amount == Money(cents: 50))
                #expect(
                    confirmation.setAside == SetAsideNumbers(["+13125550199": NumberHostingReason.external]))
                try await engine.send(.confirm)
                let state = await engine.state
                #expect(state.step == .query)
                #expect(state.monitoredNumbers == numbers)
                #expect(try store.setAsideNumbers("onb-1").map(\.phoneNumber) == ["+13125550199"])

                try await engine.send(.query(numbers: numbers, fresh: false))
                try await engine.send(.confirm)
                #expect(await engine.state.step == .manage)
                #expect(try store.history("onb-1", phoneNumber: numbers[0]).count == 1)

                let ledger = try await simulator.ledger()
                #expect(actions(ledger, "enable").count == 1)
                #expect(actions(ledger, "associate").count == 5)
                #expect(actions(ledger, "live_read").count == 5)
                let audit = try store.auditLog("onb-1")
                #expect(audit.first { $0.action == "enable reputation" }?.cost == .dollars(100))
                // Six asked for, five estimated, confirmed, billed and audited: the one outside the
                // inventory was set aside first.
                #expect(audit.filter { $0.action.hasPrefix("add ") }.map(\.action) == ["add 5 numbers: \(Effect.sample(numbers))"])
                #expect(audit.first { $0.action.hasPrefix("add 5 numbers: +1") }?.cost == Money(cents: 50))
                #expect(audit.first { $0.action.hasPrefix("query of 5 numbers: +1") }?.cost == Money(cents: 50))
                #expect(try store.unfinishedIntents("onb-1").isEmpty)
                await engine.close()
            }
        }
    }

    @Test func aLostAnswerIsReconciledByReadingNeverBySendingAgain() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-1")
                try await walkToEnable(engine)
                try await simulator.setFaults(
                    #"[{"method": "POST", "path": "/v2/enterprises/*/reputation", "drop": "after_commit", "times": 1}]"#)
                try await engine.send(.chooseFrequency(.weekly, plannedNumbers: 5))
                try await engine.send(.confirm)
                let held = await engine.state
                #expect(held.inFlight != nil)
                #expect(held.lastError?.outcomeUnknown == true)
                #expect(try store.unfinishedIntents("onb-1").count == 1)
                #expect(try await engine.send(.chooseFrequency(.weekly, plannedNumbers: 5))?.hasPrefix("Waiting for") == true)
                await engine.close()

                // A new process opens the onboarding: it reads Telnyx and finds the enable done.
                let resumed = try OnboardingEngine(store: store, client: try simulator.client(), onboardingId: "onb-1")
                try await resumed.reconcile()
                #expect(await resumed.state.step == .gates)
                #expect(await resumed.state.inFlight == nil)
                #expect(try store.unfinishedIntents("onb-1").isEmpty)
                #expect(actions(try await simulator.ledger(), "enable").count == 1)
                #expect(try store.auditLog("onb-1").contains { $0.action == "reconcile enable reputation" })
                await resumed.close()
            }
        }
    }

    @Test func anIntentThatNeverLeftIsReportedAndCanBeConfirmedAgain() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-1")
                try await walkToEnable(engine)
                try await engine.send(.chooseFrequency(.weekly, plannedNumbers: 5))
                // The process dies right after committing the intent, before sending it.
                var state = await engine.state
                let effect = try #require(transition(state, .confirm).effects.first)
                state = transition(state, .confirm).state
                _ = try store.recordIntent(effect, state: state)
                await engine.close()

                let resumed = try OnboardingEngine(store: store, client: try simulator.client(), onboardingId: "onb-1")
                try await resumed.reconcile()
                let after = await resumed.state
                #expect(after.inFlight == nil)
                #expect(after.step == .enable)
                // Killed before any answer: the cause is said as the lost answer it was.
                #expect(
                    after.lastError?.message
                        == "“enable reputation” did not go through (its answer was lost); Telnyx shows no sign of it. Do it again when ready."
                )
                #expect(try await simulator.ledger().isEmpty)
                try await resumed.send(.chooseFrequency(.weekly, plannedNumbers: 5))
                try await resumed.send(.confirm)
                #expect(actions(try await simulator.ledger(), "enable").count == 1)
                await resumed.close()
            }
        }
    }

    @Test func aLostEnterpriseCreationIsFoundByItsReference() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-7")
                try await engine.send(.begin)
                try await engine.send(.agreeToTerms)
                try await simulator.setFaults(#"[{"method": "POST", "path": "/v2/enterprises", "drop": "after_commit", "times": 1}]"#)
                try await engine.send(.submitEnterprise(fields: enterpriseFields))
                #expect(await engine.state.lastError?.outcomeUnknown == true)
                try await engine.reconcile()
                #expect(await engine.state.step == .loaRender)
                #expect(simulator.world.snapshot().enterprises.count == 1)
                #expect(await engine.state.enterprise?.id == simulator.world.snapshot().enterprises.first?.id)
                await engine.close()
            }
        }
    }

    @Test func aLostBatchIsReconciledByListing() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-1")
                try await walkToEnable(engine)
                try await engine.send(.chooseFrequency(.weekly, plannedNumbers: 5))
                try await engine.send(.confirm)
                try await simulator.advanceClock(seconds: 301)
                try await engine.send(.checkGatesNow)
                let numbers = Array(simulator.world.inventory.prefix(150))
                try await simulator.setFaults(
                    #"[{"method": "POST", "path": "/v2/enterprises/*/reputation/numbers", "drop": "after_commit", "times": 1}]"#)
                try await engine.send(.addNumbers(numbers))
                try await engine.send(.confirm)
                #expect(await engine.state.lastError?.outcomeUnknown == true)
                try await engine.reconcile()
                let state = await engine.state
                #expect(state.inFlight == nil)
                // One batch of 100 landed before the connection dropped; the other 50 may or may
                // not have been sent by then. Whatever landed is monitored and billed once.
                let billed = actions(try await simulator.ledger(), "associate").compactMap { $0["phone_number"] as? String }
                #expect(Set(billed).count == billed.count)
                #expect(Set(state.monitoredNumbers) == Set(billed))
                #expect(state.monitoredNumbers.count + (state.lastError?.fieldProblems.count ?? 0) == 150)
                #expect(state.lastError?.outcomeUnknown != true, "the lost answer, once reconciled, is no longer shown as news")
                await engine.close()
            }
        }
    }

    @Test func namedBadNumbersAreSetAsideAndTheRestGoThrough() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let client = try simulator.client()
                let engine = try OnboardingEngine.create(store: store, client: client, id: "onb-1")
                try await walkToEnable(engine)
                try await engine.send(.chooseFrequency(.weekly, plannedNumbers: 5))
                try await engine.send(.confirm)
                try await simulator.advanceClock(seconds: 301)
                try await engine.send(.checkGatesNow)
                // A number another enterprise of the account already monitors: only Telnyx knows.
                let inventory = simulator.world.inventory
                let other = try await client.createEnterprise(otherEnterprise())
                let document = try await client.uploadDocument(Array("%PDF-1.4\n%%EOF\n".utf8), filename: "loa.pdf")
                _ = try await client.enableReputation(enterpriseId: other.id!, loaDocumentId: document.value1.id!)
                try await simulator.advanceClock(seconds: 301)
                _ = try await client.associateNumbers(enterpriseId: other.id!, [inventory[42]])
                let numbers = Array(inventory.prefix(250))
                try await engine.send(.addNumbers(numbers))
                try await engine.send(.confirm)
                let state = await engine.state
                #expect(state.monitoredNumbers.count == 249)
                #expect(state.lastError?.fieldProblems[inventory[42]]?.contains("already monitored") == true)
                #expect(actions(try await simulator.ledger(), "associate").count == 250)  // 249 + the other enterprise's
                await engine.close()
            }
        }
    }

    @Test func anOnboardingHeldByAnotherProcessIsRefused() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-1")
                await engine.close()
                let other = try store.lock("onb-1", pid: getppid())
                let refusal = #expect(throws: StoreError.self) {
                    try OnboardingEngine(store: store, client: try simulator.client(), onboardingId: "onb-1")
                }
                guard case .locked(let holder) = refusal else {
                    Issue.record("expected a lock refusal")
                    return
                }
                #expect(holder.pid == getppid() && holder.host == other.holder.host)
                other.release()
                let again = try OnboardingEngine(store: store, client: try simulator.client(), onboardingId: "onb-1")
                await again.close()
            }
        }
    }
}

func otherEnterprise() -> EnterpriseCreate {
    let address = PhysicalAddress(administrativeArea: "IL", city: "Chicago", country: "US", postalCode: "60601", streetAddress: "2 Main St")
    return EnterpriseCreate(
        billingAddress: address,
        billingContact: .init(email: "b@other.example.com", firstName: "B", lastName: "C", phoneNumber: "+13125550002"),
        countryCode: "US", doingBusinessAs: "Other", fein: "11-1111111", industry: .retail,
        jurisdictionOfIncorporation: "Illinois", legalName: "Other Shops Inc", numberOfEmployees: ._110,
        organizationContact: .init(
            email: "o@other.example.com", firstName: "O", jobTitle: "Owner", lastName: "P", phoneNumber: "+13125550003"),
        organizationLegalType: .corporation, organizationPhysicalAddress: address, organizationType: .commercial,
        website: "https://other.example.com")
}

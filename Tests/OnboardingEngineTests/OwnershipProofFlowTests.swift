import Foundation
import Onboarding
import OnboardingStore
import SimulatorTestSupport
import TelnyxAPI
import TelnyxSimulator
import Testing

@testable import OnboardingEngine

/// A scanned carrier statement: a PNG by its signature; another `text` makes another file.
func evidencePNG(_ text: String = "statement") throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("evidence-\(UUID().uuidString).png").path
    try (Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data(text.utf8)).write(to: URL(fileURLWithPath: path))
    return path
}

/// Numbers hosted at other carriers: US local, outside the simulator's inventory.
func externalNumbers(_ simulator: RunningSimulator, count: Int) -> [String] {
    let inventory = Set(simulator.world.inventory)
    return (0..<100).map { String(format: "+1312555%04d", 142 + $0) }.filter { !inventory.contains($0) }.prefix(count).map { $0 }
}

/// A list mixing the account's numbers with numbers hosted elsewhere: the first go ahead, the
/// others wait, set aside and unbilled, on the ownership proof, and are added once it is approved.
@Suite struct OwnershipProofFlowTests {
    /// Step 7 asks Telnyx where each number is hosted (`verify_ownership`), so it works with
    /// the account's inventory listing out of reach: nothing is sent that Telnyx refuses for
    /// `external_verification_required`, and a number in the account but not in service is
    /// set aside by Telnyx's own refusal of its batch, which bills nothing.
    @Test func step7SortsTheListWithVerifyOwnershipNotTheInventoryListing() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-sort")
                try await walkToApproved(engine, simulator)
                let enterpriseId = try #require(await engine.state.enterprise?.id)
                let inventory = simulator.world.inventory
                let local = Array(inventory.prefix(2))
                let tollFree = try #require(inventory.first { (try? USPhoneNumber($0))?.isTollFree == true })
                let notInService = try #require(inventory.last)
                let elsewhere = externalNumbers(simulator, count: 1)[0]
                let tollFreeElsewhere = try #require(
                    (0..<100).map { String(format: "+1888555%04d", $0) }.first { !inventory.contains($0) })
                try await simulator.setFaults(#"[{"method": "GET", "path": "/v2/phone_numbers", "status": 500}]"#)

                let association = BulkAssociation(client: try simulator.client(), enterpriseId: enterpriseId)
                let list = local + [tollFree, notInService, elsewhere, tollFreeElsewhere]
                let sorted = try await association.partition(list)
                #expect(sorted.addable == local + [tollFree, notInService])
                #expect(sorted.setAside == [elsewhere: NumberHosting.awaitingProof, tollFreeElsewhere: NumberHosting.tollFreeElsewhere])

                let report = try await association.run(list)
                #expect(report.monitored == local + [tollFree])
                #expect(
                    report.setAside == [
                        elsewhere: NumberHosting.awaitingProof, tollFreeElsewhere: NumberHosting.tollFreeElsewhere,
                        notInService: "'\(notInService)' is not in service (status: purchase-pending).",
                    ])
                #expect(actions(try await simulator.ledger(), "associate").count == 3, "only the three added are billed")
                await engine.close()
            }
        }
    }

    /// The waiting numbers added once the proof is approved, with the answer lost on the way:
    /// the reconciliation finds them added, and nothing waits on the proof any more (so `A`
    /// cannot offer, and bill, them again, even after one of them is given up).
    @Test func waitingNumbersFoundAddedAfterALostAnswerWaitNoMore() async throws {
        try await withSimulator({ $0.ownershipReview = .approved }) { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-lost-add")
                try await walkToApproved(engine, simulator)
                let hosted = Array(simulator.world.inventory.prefix(1))
                let elsewhere = externalNumbers(simulator, count: 2)
                #expect(try await engine.addNumbers(hosted + elsewhere) == nil)
                try await engine.send(.confirm)
                try await engine.send(.submitOwnershipProof(documents: [try evidencePNG()], numbers: elsewhere))
                try await simulator.advanceClock(seconds: 2 * 3600 + 1)
                try await engine.send(.checkGatesNow)
                #expect(await engine.state.gates?.externalVerificationStatus == .approved)

                try await simulator.setFaults(
                    #"[{"method": "POST", "path": "/v2/enterprises/*/reputation/numbers", "drop": "after_commit", "times": 1}]"#)
                #expect(try await engine.addNumbers(try await engine.numbersAwaitingOwnershipProof()) == nil)
                try await engine.send(.confirm)
                #expect(await engine.state.lastError?.outcomeUnknown == true)
                #expect(try await engine.reconcile())
                #expect(await engine.state.monitoredNumbers == hosted + elsewhere)
                #expect(try await engine.numbersAwaitingOwnershipProof() == [])
                #expect(try store.report("onb-lost-add").numbersAwaitingProof == 0)
                #expect(actions(try await simulator.ledger(), "associate").count == 3, "each number billed once")
                await engine.close()
            }
        }
    }

    @Test func aMixedListGoesAheadAndTheRestIsAddedOnceTheProofIsApproved() async throws {
        try await withSimulator({ $0.ownershipReview = .approved }) { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-proof")
                try await walkToApproved(engine, simulator)
                let hosted = Array(simulator.world.inventory.prefix(2))
                let elsewhere = externalNumbers(simulator, count: 2)
                #expect(try await engine.addNumbers(hosted + elsewhere) == nil)
                let asked = try #require(await engine.state.confirmation)
                #expect(asked.action == .associate(numbers: hosted))
                #expect(
                    asked.setAside == SetAsideNumbers(Dictionary(uniqueKeysWithValues: elsewhere.map { ($0, NumberHosting.awaitingProof) }))
                )
                try await engine.send(.confirm)
                #expect(await engine.state.monitoredNumbers == hosted)
                #expect(try await engine.numbersAwaitingOwnershipProof() == elsewhere)

                try await engine.send(.submitOwnershipProof(documents: [try evidencePNG()], numbers: elsewhere))
                #expect(await engine.state.gates?.externalVerificationStatus == .pending)
                let proof = try #require(try await simulator.client().externalVerification(enterpriseId: await engine.state.enterprise!.id))
                #expect(proof.phoneNumbers == elsewhere)
                // Still waiting: the numbers hosted elsewhere are set aside again, not sent.
                #expect(
                    try await engine.addNumbers(elsewhere)
                        == "No number can be added: \(SetAsideNumbers.summary(Dictionary(uniqueKeysWithValues: elsewhere.map { ($0, NumberHosting.awaitingProof) })))."
                )

                // `status` says where the proof stands and who waits on it.
                let report = try store.report("onb-proof")
                #expect(report.externalVerificationStatus == "pending" && report.numbersAwaitingProof == 2)
                let reviews = report.text.split(separator: "\n").drop { !$0.hasPrefix("Reviews (") }.prefix(4).dropFirst()
                #expect(
                    reviews == [
                        "  Vetting: approved", "  LOA review: approved",
                        "  Ownership proof: pending (2 numbers hosted at other carriers wait on it)",
                    ])

                try await simulator.advanceClock(seconds: 2 * 3600 + 1)
                try await engine.send(.checkGatesNow)
                #expect(await engine.state.gates?.externalVerificationStatus == .approved)
                // `status` says what to do next: add them.
                let approved = try store.report("onb-proof")
                #expect(
                    approved.next
                        == "Add the 2 numbers that waited on the ownership proof, now approved: A at step 9 of the wizard (billed, asked first), or run again with the answers and --yes. Check the reputation of the 2 monitored numbers."
                )
                #expect(approved.text.contains("\n  Ownership proof: approved (2 numbers hosted at other carriers to add)\n"))
                #expect(try await engine.addNumbers(try await engine.numbersAwaitingOwnershipProof()) == nil)
                #expect(await engine.state.confirmation?.action == .associate(numbers: elsewhere))
                #expect(await engine.state.confirmation?.estimate.amount == Money(cents: 20))
                try await engine.send(.confirm)
                #expect(await engine.state.monitoredNumbers == hosted + elsewhere)
                #expect(try await engine.numbersAwaitingOwnershipProof() == [])
                let atTelnyx = try await simulator.client().allNumbers(enterpriseId: await engine.state.enterprise!.id)
                #expect(Set(atTelnyx.compactMap(\.phoneNumber)) == Set(hosted + elsewhere))
            }
        }
    }

    @Test func aRejectedProofSaysWhyAndTheSameEvidenceIsNotSentAgain() async throws {
        try await withSimulator({ $0.ownershipReview = .rejected }) { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-rejected-proof")
                try await walkToApproved(engine, simulator)
                let evidence = try evidencePNG("an old bill")
                try await engine.send(.submitOwnershipProof(documents: [evidence], numbers: []))
                try await simulator.advanceClock(seconds: 2 * 3600 + 1)
                try await engine.send(.checkGatesNow)
                let reason =
                    "The documents do not show the enterprise as the holder of the listed numbers; send a recent carrier invoice or statement naming them."
                #expect(
                    await engine.state.gates
                        == GateReport(
                            status: "approved", loaStatus: "approved", externalVerificationStatus: "rejected",
                            externalVerificationRejection: reason))

                try await engine.send(.submitOwnershipProof(documents: [evidence], numbers: []))
                #expect(
                    await engine.state.lastError
                        == Failure(
                            message:
                                "Telnyx rejected this evidence (\(reason.dropLast())); give another document (a recent carrier invoice or statement that shows the numbers).",
                            fieldProblems: ["ownership_proof": "the same documents Telnyx rejected"]))
                let enterpriseId = await engine.state.enterprise!.id
                #expect(try await simulator.client().externalVerification(enterpriseId: enterpriseId)?.status == .rejected, "nothing sent")

                try await engine.send(.submitOwnershipProof(documents: [try evidencePNG("this month's invoice")], numbers: []))
                #expect(await engine.state.lastError == nil)
                #expect(await engine.state.gates?.externalVerificationStatus == .pending)
            }
        }
    }

    @Test func aFileThatIsNotADocumentIsRefusedByNameBeforeAnythingIsSent() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-bad-evidence")
                try await walkToApproved(engine, simulator)
                let path = FileManager.default.temporaryDirectory.appendingPathComponent("numbers-\(UUID().uuidString).csv").path
                try Data("+13125550142\n".utf8).write(to: URL(fileURLWithPath: path))
                try await engine.send(.submitOwnershipProof(documents: [path], numbers: []))
                let problem = "\(path) is not a PDF, PNG or JPEG; save or scan the carrier invoice or statement as one of those"
                #expect(
                    await engine.state.lastError
                        == Failure(message: "Ownership proof: \(problem)", fieldProblems: ["ownership_proof": problem]))
                #expect(await engine.state.gates?.externalVerificationStatus == nil)
                #expect(try await simulator.client().externalVerification(enterpriseId: await engine.state.enterprise!.id) == nil)
            }
        }
    }

    @Test func aServerErrorIsNamedWhenTheProofDidNotGoThrough() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-proof-500")
                try await walkToApproved(engine, simulator)
                try await simulator.setFaults(
                    #"[{"method": "POST", "path": "/v2/enterprises/*/reputation/external_verification", "status": 500, "times": 1}]"#)
                try await engine.send(.submitOwnershipProof(documents: [try evidencePNG()], numbers: []))
                try await engine.reconcile()
                #expect(
                    await engine.state.lastError?.message
                        == "“send the ownership proof (1 document)” did not go through (Telnyx answered HTTP 500); Telnyx shows no sign of it. Do it again when ready."
                )
                #expect(await engine.state.inFlight == nil)
            }
        }
    }
}

import Foundation
import Onboarding
import OnboardingEngine
import OnboardingStore
import SimulatorTestSupport
import Testing

/// Telnyx's ownership questions reach the onboarding: a check with Telnyx keeps the numbers it
/// asks about (with their deadline) and takes out of monitoring those it removed, with why;
/// `status` says both.
@Suite struct OwnershipAttentionTests {
    @Test func aCheckKeepsWhatTelnyxAsksAndWhatItRemoved() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-own")
                try await walkToManage(engine, simulator)
                let numbers = await engine.state.monitoredNumbers
                let asked = numbers[1]
                let ported = numbers[3]
                func admin(_ path: String, _ json: String? = nil) async throws {
                    #expect(try await simulator.raw(.POST, path, json: json, key: nil).status == 204, "\(path)")
                }
                try await admin(
                    "/_simulator/numbers/\(asked.replacingOccurrences(of: "+", with: "%2B"))/flag", #"{"reason": "carrier_changed"}"#)
                try await admin("/_simulator/numbers/\(ported.replacingOccurrences(of: "+", with: "%2B"))/port-away")
                #expect(try await engine.checkWithTelnyx() == nil)
                let state = await engine.state
                #expect(state.ownershipNotices?.map(\.phoneNumber) == [asked])
                #expect(state.ownershipNotices?.first?.status == .pendingConfirmation)
                #expect(state.ownershipNotices?.first?.flagReason == "carrier_changed")
                #expect(state.ownershipNotices?.first?.confirmBy != nil)
                #expect(state.removedByTelnyx == [ported: "ported_away"])
                #expect(state.monitoredNumbers == numbers.filter { $0 != ported }, "a removed number is not counted as monitored")
                await engine.close()
                let report = try store.report("onb-own")
                #expect(report.stalled?.hasPrefix("Telnyx asks about ownership: 1 number to confirm by ") == true)
                #expect(report.monitoredNumbers == 4)
                #expect(report.next.hasPrefix("Answer Telnyx's ownership question for 1 number by "), "\(report.next)")
                let text = report.text
                #expect(text.contains("Ownership: Telnyx asks about 1 number:\n  \(asked): to confirm, carrier changed; answer by "))
                #expect(text.contains("Removed by Telnyx (no longer monitored): 1\n  \(ported): ported away"))
            }
        }
    }

    @Test func ownershipIsAskedOnlyOfMonitoredNumbers() {
        var state = OnboardingState(id: "onb-early")
        state.step = .enable
        state.enterprise = .init(id: "ent-1", legalName: "Acme")
        #expect(transition(state, .checkOwnershipNow).refusal == "Ownership is tracked for monitored numbers, from step 8.")
    }
}

/// A number Telnyx asks about and no longer the customer's is given up through the removal's
/// confirmation, by answering Telnyx (`still_own: false`): Telnyx records it as ported away,
/// not as a plain removal; other numbers removed with it are removed as before.
@Suite struct GivingUpOwnershipTests {
    @Test func aNumberTelnyxAsksAboutIsGivenUpByAnsweringIt() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-give-up")
                try await walkToManage(engine, simulator)
                let numbers = await engine.state.monitoredNumbers
                let asked = numbers[1]
                let plain = numbers[2]
                let flag = try await simulator.raw(
                    .POST, "/_simulator/numbers/\(asked.replacingOccurrences(of: "+", with: "%2B"))/flag",
                    json: #"{"reason": "carrier_changed"}"#, key: nil)
                #expect(flag.status == 204)
                #expect(try await engine.checkWithTelnyx() == nil)
                try await engine.send(.removeNumbers([asked, plain]))
                #expect(await engine.state.confirmation?.action == .remove(numbers: [asked, plain]))
                try await engine.send(.confirm)
                let state = await engine.state
                #expect(state.monitoredNumbers == numbers.filter { $0 != asked && $0 != plain })
                #expect(state.ownershipNotices == nil, "the question is answered")
                let tombstones = try await simulator.client().allNumbers(enterpriseId: state.enterprise!.id, ownershipStatus: .removed)
                let reasons = Dictionary(
                    uniqueKeysWithValues: tombstones.compactMap { n in n.phoneNumber.map { ($0, n.removalReason?.rawValue) } })
                #expect(reasons == [asked: "ported_away", plain: "customer_removed"])
            }
        }
    }
}

/// Ownership confirmed with evidence: the document is uploaded once (found again by content
/// on a second answer) and sent with each answer; a wrong file is refused before anything is sent.
@Suite struct ConfirmingWithEvidenceTests {
    @Test func theEvidenceIsUploadedOnceAndSentWithTheAnswers() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-evidence")
                try await walkToManage(engine, simulator)
                let numbers = Array(await engine.state.monitoredNumbers.prefix(2))
                for number in numbers {
                    let flag = try await simulator.raw(
                        .POST, "/_simulator/numbers/\(number.replacingOccurrences(of: "+", with: "%2B"))/flag",
                        json: #"{"reason": "carrier_changed"}"#, key: nil)
                    #expect(flag.status == 204)
                }
                #expect(try await engine.checkWithTelnyx() == nil)
                let statement = try evidencePNG("November statement")
                try await engine.send(.confirmOwnership([numbers[0]], evidence: "/nonexistent/statement.png"))
                #expect(await engine.state.lastError?.message.hasPrefix("Evidence: /nonexistent/statement.png") == true)
                #expect(await engine.state.lastError?.fieldProblems.keys.sorted() == ["evidence"])
                #expect(await engine.state.ownershipNotices?.count == 2, "nothing answered")
                try await engine.send(.confirmOwnership([numbers[0]], evidence: statement))
                try await engine.send(.confirmOwnership([numbers[1]], evidence: statement))
                #expect(await engine.state.ownershipNotices == nil)
                let uploads = try await simulator.client().documents(customerReference: "onb-evidence").items
                let digest = SignedLOADigest.hex(try OwnershipEvidenceFile.read(statement).bytes)
                #expect(uploads.filter { $0.value2.sha256?.lowercased() == digest }.count == 1, "uploaded once")
                let enterpriseId = await engine.state.enterprise!.id
                for number in numbers {
                    let detail = try await simulator.client().ownership(enterpriseId: enterpriseId, phoneNumber: number)
                    #expect(detail.ownershipStatus?.rawValue == "verified")
                }
            }
        }
    }
}

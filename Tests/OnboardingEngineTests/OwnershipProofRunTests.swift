import Foundation
import Onboarding
import OnboardingStore
import SimulatorTestSupport
import Synchronization
import TelnyxSimulator
import Testing

@testable import OnboardingEngine

/// Progress lines a run says, in order.
final class Said: Sendable {
    private let said = Mutex<[String]>([])
    func append(_ line: String) { said.withLock { $0.append(line) } }
    var lines: [String] { said.withLock { $0 } }
}

/// A headless run with numbers hosted at other carriers: the Telnyx-hosted ones are onboarded,
/// the others wait on the ownership proof (`ownership_proof`), each stop with its exit code.
@Suite struct OwnershipProofRunTests {
    @Test func aMixedListIsOnboardedInRunsThatStopWhereTheyWait() async throws {
        try await withSimulator({ $0.ownershipReview = .approved }) { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-mixed")
                let hosted = Array(simulator.world.inventory.prefix(2))
                let elsewhere = externalNumbers(simulator, count: 2)
                let said = Said()
                func run(_ extra: [String: Any], wait: Bool) async throws -> NonInteractiveRun.Stop {
                    var run = NonInteractiveRun(
                        answers: try answers(["signed_loa": try signedPDF(), "numbers": hosted + elsewhere].merging(extra) { $1 }),
                        confirmBillable: true, wait: wait)
                    run.schedule = GatePollSchedule(random: { 0.5 })
                    run.pause = { seconds in try await simulator.advanceClock(seconds: seconds) }
                    run.progress = { said.append($0) }
                    return try await run.run(engine)
                }
                // No proof given: the Telnyx-hosted numbers are monitored and read, then the run
                // asks for the proof (10), since the others can be monitored with it.
                let unproven = try await run([:], wait: true)
                #expect(
                    unproven
                        == .inputNeeded(
                            "ownership_proof: 2 numbers of the answers (\(elsewhere.joined(separator: ", "))) are hosted at other carriers and not monitored: Telnyx monitors them once the enterprise's ownership proof is approved. To send it, give ownership_proof: the paths of a carrier invoice or statement that shows them (PDF, PNG or JPEG; not billed)."
                        ))
                #expect(unproven.exitCode == 10)
                #expect(await engine.state.monitoredNumbers == hosted)
                #expect(await engine.state.queriedNumbers == Set(hosted))

                // Given: sent, and the run waits on its review (11) unless told to wait.
                let sent = try await run(["ownership_proof": [try evidencePNG()]], wait: false)
                #expect(
                    sent
                        == .waitingOnTelnyx(
                            "Waiting on Telnyx's review of the ownership proof: 2 numbers of the answers (\(elsewhere.joined(separator: ", "))) are hosted at other carriers and wait on it. Run again later, or with --wait."
                        ))
                #expect(sent.exitCode == 11)
                #expect(await engine.state.gates?.externalVerificationStatus == .pending)

                // Approved meanwhile: the next run (no --wait) reads the review, then the rest are
                // added and read, each billed once, even with the add's answer lost on the way
                // (settled in the same run, which then goes on to read them).
                try await simulator.advanceClock(seconds: 2 * 3600 + 1)
                try await simulator.setFaults(
                    #"[{"method": "POST", "path": "/v2/enterprises/*/reputation/numbers", "drop": "after_commit", "times": 1}]"#)
                let done = try await run(["ownership_proof": [try evidencePNG()]], wait: false)
                #expect(done == .complete)
                #expect(await engine.state.monitoredNumbers == hosted + elsewhere)
                #expect(await engine.state.queriedNumbers == Set(hosted + elsewhere))
                let ledger = try await simulator.ledger()
                #expect(actions(ledger, "associate").count == 4)
                #expect(actions(ledger, "live_read").count == 4)
                #expect(actions(ledger, "enable").count == 1)
                await engine.close()
            }
        }
    }

    @Test func aRejectedProofStopsTheRunWithTheReasonAndNewEvidenceReplacesIt() async throws {
        try await withSimulator({ $0.ownershipReview = .rejected }) { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-proof-rejected")
                let elsewhere = externalNumbers(simulator, count: 1)
                let oldBill = try evidencePNG("an old bill")
                func run(_ proof: String) async throws -> NonInteractiveRun.Stop {
                    var run = NonInteractiveRun(
                        answers: try answers(["signed_loa": try signedPDF(), "numbers": elsewhere, "ownership_proof": [proof]]),
                        confirmBillable: true, wait: true)
                    run.schedule = GatePollSchedule(random: { 0.5 })
                    run.pause = { seconds in try await simulator.advanceClock(seconds: seconds) }
                    return try await run.run(engine)
                }
                let reason =
                    "The documents do not show the enterprise as the holder of the listed numbers; send a recent carrier invoice or statement naming them."
                let rejected = try await run(oldBill)
                #expect(
                    rejected
                        == .rejected(
                            what: "ownership proof", reasons: [reason],
                            fix:
                                "ownership_proof names the documents Telnyx rejected; give new evidence (a recent carrier invoice or statement that shows the numbers) and run again."
                        ))
                #expect(rejected.exitCode == 13)
                #expect(await engine.state.step == .associate, "nothing could be added yet")
                let done = try await run(try evidencePNG("this month's invoice"))
                #expect(done == .complete)
                #expect(await engine.state.monitoredNumbers == elsewhere)
            }
        }
    }

    @Test func theProofIsSentAtStep6BesideTheOtherReviews() async throws {
        try await withSimulator({ $0.ownershipReview = .approved }) { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-early-proof")
                let elsewhere = externalNumbers(simulator, count: 1)
                let run = NonInteractiveRun(
                    answers: try answers(["signed_loa": try signedPDF(), "numbers": elsewhere, "ownership_proof": [try evidencePNG()]]),
                    confirmBillable: true, wait: false)
                let stop = try await run.run(engine)
                #expect(
                    stop
                        == .waitingOnTelnyx(
                            "Waiting on Telnyx: vetting is pending, LOA review is pending, ownership proof is pending. Nothing to do until they decide."
                        ))
                #expect(stop.exitCode == 11)
            }
        }
    }
}

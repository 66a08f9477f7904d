import Foundation
import Testing
import Onboarding
import OnboardingEngine
import OnboardingStore
import SimulatorTestSupport
import TelnyxSimulator

func answers(_ extra: [String: Any] = [:], without: [String] = []) throws -> RunAnswers {
    var object: [String: Any] = ["accept_terms": true, "check_frequency": "weekly"]
    var enterprise: [String: Any] = [:]
    for (key, value) in enterpriseFields {
        let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
        if parts.count == 2 {
            var nested = enterprise[parts[0]] as? [String: String] ?? [:]
            nested[parts[1]] = value
            enterprise[parts[0]] = nested
        } else {
            enterprise[key] = value
        }
    }
    object["enterprise"] = enterprise
    object.merge(extra) { _, new in new }
    for key in without { object[key] = nil }
    return try JSONDecoder().decode(RunAnswers.self, from: JSONSerialization.data(withJSONObject: object))
}

func signedPDF() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("signed-\(UUID().uuidString).pdf").path
    try Data("%PDF-1.4\n%%EOF\n".utf8).write(to: URL(fileURLWithPath: path))
    return path
}

@Suite struct NonInteractiveRunTests {
    @Test func eachStopHasItsExitCode() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-1")
                let numbers = Array(simulator.world.inventory.prefix(3))
                let noTerms = try await NonInteractiveRun(answers: answers(without: ["accept_terms"]), confirmBillable: false, wait: false).run(engine)
                #expect(noTerms.exitCode == 10)
                #expect(noTerms.message.contains("accept_terms"))

                let noSignature = try await NonInteractiveRun(answers: answers(), confirmBillable: false, wait: false).run(engine)
                #expect(noSignature.exitCode == 10)
                #expect(noSignature.message.contains("signed_loa"))

                let everything = try answers(["signed_loa": try signedPDF(), "numbers": numbers])
                let unconfirmed = try await NonInteractiveRun(answers: everything, confirmBillable: false, wait: false).run(engine)
                #expect(unconfirmed == .confirmationRequired(unconfirmed.message.components(separatedBy: "Confirmation required: ")[1].components(separatedBy: " Run again")[0]))
                #expect(unconfirmed.exitCode == 12)
                #expect(unconfirmed.message.contains("$100.00"))
                #expect(try await simulator.ledger().isEmpty)

                let waiting = try await NonInteractiveRun(answers: everything, confirmBillable: true, wait: false).run(engine)
                #expect(waiting.exitCode == 11)
                #expect(waiting.message.contains("Waiting on Telnyx"))

                var patient = NonInteractiveRun(answers: everything, confirmBillable: true, wait: true)
                patient.schedule = GatePollSchedule(random: { 0.5 })
                patient.pause = { seconds in try await simulator.advanceClock(seconds: seconds) }
                let done = try await patient.run(engine)
                #expect(done == .complete)
                #expect(done.exitCode == 0)
                let ledger = try await simulator.ledger()
                #expect(actions(ledger, "enable").count == 1)
                #expect(actions(ledger, "associate").count == 3)
                #expect(actions(ledger, "live_read").count == 3)
                await engine.close()
            }
        }
    }

    @Test func aRejectionEndsWithItsReasons() async throws {
        try await withSimulator({ $0.scenario = .vettingRejected }) { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-1")
                var run = NonInteractiveRun(answers: try answers(["signed_loa": try signedPDF()]), confirmBillable: true, wait: true)
                run.pause = { seconds in try await simulator.advanceClock(seconds: seconds) }
                let stop = try await run.run(engine)
                guard case .rejected(let reasons) = stop else { Issue.record("expected a rejection, got \(stop)"); return }
                #expect(reasons.count >= 2)
                #expect(stop.exitCode == 13)
                let report = try store.report("onb-1")
                #expect(report.steps[5].marker == "attention")
                #expect(report.rejectionReasons == reasons)
                await engine.close()
            }
        }
    }

    @Test func badInputIsNamed() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-1")
                var fields = try answers()
                fields.enterprise?["fein"] = .string("12-34")
                let badEnterprise = try await NonInteractiveRun(answers: fields, confirmBillable: true, wait: false).run(engine)
                #expect(badEnterprise.exitCode == 10)
                #expect(badEnterprise.message.contains("fein"))
                #expect(simulator.world.snapshot().enterprises.isEmpty)

                let signerOnly = try await NonInteractiveRun(
                    answers: try answers(["loa": ["signer_name": "Sam Owner"]]), confirmBillable: true, wait: false
                ).run(engine)
                #expect(signerOnly.exitCode == 10)
                #expect(signerOnly.message.contains("loa.signature_image: Telnyx prints the signer's name only beside a signature image"))
                let badAgent = try await NonInteractiveRun(
                    answers: try answers(["loa": ["agent": ["legal_name": "Resell Co", "contact_email": "pat"]]]), confirmBillable: true, wait: false
                ).run(engine)
                #expect(badAgent.exitCode == 10)
                #expect(badAgent.message.contains("loa.agent.street_address is required"))
                #expect(badAgent.message.contains("loa.agent.contact_email must be an email address"))

                let notAPDF = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString).txt").path
                try Data("hello".utf8).write(to: URL(fileURLWithPath: notAPDF))
                let badLOA = try await NonInteractiveRun(answers: try answers(["signed_loa": notAPDF]), confirmBillable: true, wait: false).run(engine)
                #expect(badLOA.exitCode == 10)
                #expect(badLOA.message.contains("is not a PDF"))

                var wait = NonInteractiveRun(
                    answers: try answers(["signed_loa": try signedPDF(), "numbers": ["(312) 555-0134", "+44 20 7123 4567"]]), confirmBillable: true,
                    wait: true)
                wait.pause = { seconds in try await simulator.advanceClock(seconds: seconds) }
                let badNumber = try await wait.run(engine)
                #expect(badNumber.exitCode == 10)
                #expect(badNumber.message.contains("'+44 20 7123 4567' is not a US number"))
                #expect(try await simulator.ledger().isEmpty, "the list is checked before enabling is billed")
                await engine.close()
            }
        }
    }
}

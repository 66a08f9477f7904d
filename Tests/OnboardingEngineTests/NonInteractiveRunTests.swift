import Foundation
import Onboarding
import OnboardingEngine
import OnboardingStore
import SimulatorTestSupport
import Synchronization
import TelnyxSimulator
import Testing

func answers(_ extra: [String: Any] = [:], without: [String] = [], enterprise changed: [String: String] = [:]) throws -> RunAnswers {
    var object: [String: Any] = ["accept_terms": true, "check_frequency": "weekly"]
    var enterprise: [String: Any] = [:]
    for (key, value) in enterpriseFields.merging(changed, uniquingKeysWith: { _, new in new }) {
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

/// A signed PDF; another `signature` makes another file, as signing again does.
func signedPDF(signature: String = "") throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("signed-\(UUID().uuidString).pdf").path
    try Data("%PDF-1.4\n%\(signature)\n%%EOF\n".utf8).write(to: URL(fileURLWithPath: path))
    return path
}

@Suite struct NonInteractiveRunTests {
    /// The monthly estimate at step 5 counts the numbers that can be added: when Telnyx cannot
    /// say where they are hosted, the run stops before the billed enable (exit 1).
    @Test func anOutageWhileSortingTheNumbersStopsBeforeTheEnable() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-sort-outage")
                try await simulator.setFaults(#"[{"method": "POST", "path": "/v2/phone_numbers/actions/verify_ownership", "status": 500}]"#)
                let numbers = Array(simulator.world.inventory.prefix(2)) + ["+16465550142"]
                let stop = try await NonInteractiveRun(
                    answers: try answers(["signed_loa": try signedPDF(), "numbers": numbers]), confirmBillable: true, wait: false
                ).run(engine)
                #expect(stop.exitCode == 1)
                #expect(stop.message.contains("Asking Telnyx where the numbers are hosted failed: "), "\(stop.message)")
                #expect(try await simulator.ledger().isEmpty, "nothing billed")
                #expect(await engine.state.step == .enable)
                await engine.close()
            }
        }
    }

    @Test func eachStopHasItsExitCode() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-1")
                let numbers = Array(simulator.world.inventory.prefix(3))
                // Each step is said once as the run reaches it (the terms are read first, then said).
                let said = Mutex<[String]>([])
                var termless = NonInteractiveRun(answers: try answers(without: ["accept_terms"]), confirmBillable: false, wait: false)
                termless.progress = { line in said.withLock { $0.append(line) } }
                let noTerms = try await termless.run(engine)
                #expect(
                    said.withLock { $0 } == [
                        "step 1 Terms of Service: Agree to the Number Reputation terms of service (https://telnyx.com/terms/reputation-services)."
                    ])
                #expect(noTerms.exitCode == 10)
                #expect(noTerms.message.contains("accept_terms"))

                let noSignature = try await NonInteractiveRun(answers: answers(), confirmBillable: false, wait: false).run(engine)
                #expect(noSignature.exitCode == 10)
                #expect(noSignature.message.contains("signed_loa"))

                let everything = try answers(["signed_loa": try signedPDF(), "numbers": numbers])
                let unconfirmed = try await NonInteractiveRun(answers: everything, confirmBillable: false, wait: false).run(engine)
                #expect(
                    unconfirmed
                        == .confirmationRequired(
                            unconfirmed.message.components(separatedBy: "Confirmation required: ")[1].components(separatedBy: " Run again")[
                                0]))
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
                guard case .rejected("enterprise", let reasons, _) = stop else {
                    Issue.record("expected a rejection, got \(stop)")
                    return
                }
                // The vetting-rejected scenario's reasons, word for word, in the stop and the report.
                let scenarioReasons = [
                    "Legal name does not match IRS records for the given FEIN.",
                    "Website is unreachable or does not identify the business.",
                    "Organization contact email domain does not match the business website.",
                ]
                #expect(reasons == scenarioReasons)
                #expect(stop.exitCode == 13)
                let report = try store.report("onb-1")
                #expect(report.steps[5].marker == "attention")
                #expect(report.rejectionReasons == scenarioReasons)
                await engine.close()
            }
        }
    }

    /// A rejected vetting: the same answers stop with 13; a corrected `enterprise` block is sent
    /// as the correction (disable, update, new LOA, enable again) and the run completes.
    @Test func aCorrectedEnterpriseBlockGetsPastARejectedVetting() async throws {
        try await withSimulator({ $0.scenario = .vettingRejected }) { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-1")
                let numbers = Array(simulator.world.inventory.prefix(3))
                let first = try signedPDF()
                func run(_ answers: RunAnswers) async throws -> NonInteractiveRun.Stop {
                    var run = NonInteractiveRun(answers: answers, confirmBillable: true, wait: true)
                    run.pause = { seconds in try await simulator.advanceClock(seconds: seconds) }
                    return try await run.run(engine)
                }
                let rejected = try await run(try answers(["signed_loa": first, "numbers": numbers]))
                #expect(rejected.exitCode == 13)
                #expect(
                    rejected.message.hasSuffix(
                        "Correct the enterprise block of the answers as the reasons say and run again; it is sent as the correction, then a new LOA and the enable again (billed $100.00)."
                    ))
                #expect(
                    try await run(try answers(["signed_loa": first, "numbers": numbers])).exitCode == 13, "the same answers address nothing"
                )

                var corrected = try answers(["signed_loa": first, "numbers": numbers])
                corrected.enterprise?["organization_contact"] = .object([
                    "first_name": "Sam", "last_name": "Owner", "job_title": "Compliance Lead",
                    "email": "sam@acme-plumbing.example.com", "phone_number": "(312) 555-0000",
                ])
                // Without --yes nothing changes: the correction leads to a billed enable.
                let unconfirmed = try await NonInteractiveRun(answers: corrected, confirmBillable: false, wait: true).run(engine)
                #expect(unconfirmed.exitCode == 12)
                #expect(unconfirmed.message.contains("leads to enabling again, billed $100.00; nothing was changed yet."))
                #expect(try await engine.enterpriseRecord()?["organization_contact.email"] == "sam@acme.example.com")
                #expect(await engine.state.reputationEnabled)
                let stale = try await run(corrected)
                #expect(
                    stale
                        == .inputNeeded(
                            "signed_loa: \(first) is the LOA already uploaded for the rejected submission; sign the new LOA at \(await engine.state.renderedLOAPath ?? "") and give its path"
                        ))
                #expect(await engine.state.step == .signAndUpload)
                #expect(try await engine.enterpriseRecord()?["organization_contact.email"] == "sam@acme-plumbing.example.com")

                corrected.signedLoa = try signedPDF(signature: "signed again")
                #expect(try await run(corrected) == .complete)
                #expect(actions(try await simulator.ledger(), "enable").count == 2)
                await engine.close()
            }
        }
    }

    /// A rejected LOA: 13 until the answers give a newly signed LOA, which replaces it (not billed).
    @Test func aNewSignedLOAReplacesARejectedOne() async throws {
        try await withSimulator({ $0.scenario = .loaRejected }) { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-1")
                let numbers = Array(simulator.world.inventory.prefix(3))
                func run(_ answers: RunAnswers) async throws -> NonInteractiveRun.Stop {
                    var run = NonInteractiveRun(answers: answers, confirmBillable: true, wait: true)
                    run.pause = { seconds in try await simulator.advanceClock(seconds: seconds) }
                    return try await run.run(engine)
                }
                let signed = try signedPDF()
                let rejected = try await run(try answers(["signed_loa": signed, "numbers": numbers]))
                #expect(rejected.exitCode == 13)
                #expect(
                    rejected.message.hasPrefix(
                        "Telnyx rejected the LOA. signed_loa (\(signed)) is the LOA Telnyx rejected, under any name. Sign a new LOA (the rendered one is at "
                    ))
                // The same file under another name is still the rejected LOA.
                let copy = try signedPDF()
                #expect(try await run(try answers(["signed_loa": copy, "numbers": numbers])).exitCode == 13)
                #expect(try await run(try answers(["signed_loa": try signedPDF(signature: "new"), "numbers": numbers])) == .complete)
                let ledger = try await simulator.ledger()
                #expect(actions(ledger, "enable").count == 1)
                #expect(try store.auditLog("onb-1").filter { $0.action == "replace LOA" }.count == 1)
                await engine.close()
            }
        }
    }

    @Test func anAnswersFileOfTheWrongShapeIsWordedByField() {
        func problem(_ json: String) -> String {
            do {
                _ = try JSONDecoder().decode(RunAnswers.self, from: Data(json.utf8))
                return "decoded"
            } catch {
                return AnswersProblem.describe(error)
            }
        }
        #expect(problem(#"{"accept_terms": "yes"}"#) == "accept_terms must be true or false")
        #expect(problem(#"{"numbers": 5}"#) == "numbers must be a list")
        #expect(
            problem(#"{"enterprise": {"legal_name": true}}"#)
                == #"enterprise.legal_name must be text, or an object of text fields; quote numbers such as "60601""#)
        #expect(problem(#"{"enterprise": "#) == "is not valid JSON or YAML: The given data was not valid JSON.")
    }

    @Test func badInputIsNamed() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-1")
                var fields = try answers()
                fields.enterprise?["fein"] = .text("12-34")
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
                    answers: try answers(["loa": ["agent": ["legal_name": "Resell Co", "contact_email": "pat"]]]), confirmBillable: true,
                    wait: false
                ).run(engine)
                #expect(badAgent.exitCode == 10)
                #expect(badAgent.message.contains("loa.agent.street_address is required"))
                #expect(badAgent.message.contains("loa.agent.contact_email must be an email address"))

                let notAPDF = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString).txt").path
                try Data("hello".utf8).write(to: URL(fileURLWithPath: notAPDF))
                let badLOA = try await NonInteractiveRun(answers: try answers(["signed_loa": notAPDF]), confirmBillable: true, wait: false)
                    .run(engine)
                #expect(badLOA.exitCode == 10)
                #expect(badLOA.message.contains("is not a PDF"))

                var wait = NonInteractiveRun(
                    answers: try answers(["signed_loa": try signedPDF(), "numbers": ["(312) 555-0134", "+44 20 7123 4567"]]),
                    confirmBillable: true,
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

    /// A batch of a multi-batch addition refused with a 503 (Telnyx took nothing of it) is
    /// found not taken and sent again in the same run: every number is added and read once,
    /// none is left out of a run that says it completed.
    @Test func aBatchThatFailedIsSentAgainInTheSameRun() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-batch-503")
                let numbers = Array(simulator.world.inventory.prefix(200))
                let everything = try answers(["signed_loa": try signedPDF(), "numbers": numbers])
                var run = NonInteractiveRun(answers: everything, confirmBillable: true, wait: true)
                run.schedule = GatePollSchedule(random: { 0.5 })
                run.pause = { seconds in try await simulator.advanceClock(seconds: seconds) }
                let said = Mutex<[String]>([])
                run.progress = { line in said.withLock { $0.append(line) } }
                try await simulator.setFaults(
                    #"[{"method": "POST", "path": "/v2/enterprises/*/reputation/numbers", "status": 503, "times": 1}]"#)
                let done = try await run.run(engine)
                #expect(done == .complete, "\(done.message)")
                let ledger = try await simulator.ledger()
                let associated = actions(ledger, "associate").compactMap { $0["phone_number"] as? String }
                #expect(associated.sorted() == numbers.sorted(), "each number added once")
                let read = actions(ledger, "live_read").compactMap { $0["phone_number"] as? String }
                #expect(read.sorted() == numbers.sorted(), "each number read once")
                let state = await engine.state
                #expect(Set(state.monitoredNumbers) == Set(numbers))
                #expect(state.step == .manage)
                #expect(
                    said.withLock { $0 }.contains {
                        $0.hasPrefix("100 of the answers' numbers are not monitored yet (") && $0.hasSuffix("): adding them again")
                    }, "\(said.withLock { $0 })")
                await engine.close()
            }
        }
    }

    /// Numbers given of which none can be added (here: hosted at other carriers, with no
    /// ownership proof to send) stop the run before anything is made at Telnyx; given once the
    /// enterprise exists, before the monthly fee is billed.
    @Test func numbersNoneOfWhichCanBeAddedStopBeforeTheEnable() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-none")
                let outside = ["+13125550101", "+13125550102"].filter { !simulator.world.inventory.contains($0) }
                #expect(outside.count == 2)
                let first = try await NonInteractiveRun(
                    answers: try answers(["signed_loa": try signedPDF(), "numbers": outside]), confirmBillable: true, wait: false
                ).run(engine)
                #expect(
                    first
                        == .inputNeeded(
                            "numbers: none of the 2 numbers is an active number of this account's inventory; numbers hosted at other carriers are monitored once an ownership proof is approved (give ownership_proof: a carrier invoice or statement that shows them). Nothing was sent to Telnyx."
                        ))
                #expect(simulator.world.snapshot().enterprises.isEmpty, "no enterprise made")
                #expect(await engine.state.step == .terms)

                // Numbers that can be added take it to the enable's confirmation; then only outside ones.
                let inside = Array(simulator.world.inventory.prefix(1))
                let unconfirmed = try await NonInteractiveRun(
                    answers: try answers(["signed_loa": try signedPDF(), "numbers": inside]), confirmBillable: false, wait: false
                ).run(engine)
                #expect(unconfirmed.exitCode == 12)
                let stop = try await NonInteractiveRun(
                    answers: try answers(["signed_loa": try signedPDF(), "numbers": outside]), confirmBillable: true, wait: false
                ).run(engine)
                #expect(
                    stop
                        == .inputNeeded(
                            "ownership_proof: the 2 numbers that can be monitored are hosted at other carriers, and Telnyx monitors them only once an ownership proof is approved; give ownership_proof (a carrier invoice or statement that shows them) so that reputation ($100.00 a month) is not enabled for none. Nothing was billed."
                        ))
                #expect(try await simulator.ledger().isEmpty, "nothing billed")
                #expect(await engine.state.step == .enable)
                await engine.close()
            }
        }
    }

    /// An answers file's mistakes are named together, each with its fix, before anything is
    /// made: one round of fixes, not one a run.
    @Test func everyMistakeOfTheAnswersIsNamedAtOnce() throws {
        let wrong = try answers(
            ["numbers": ["1-800-FLOWERS"], "first_read": "scheduled", "check_frequency": "never"], enterprise: ["fein": "12345"])
        let problem = #expect(throws: RunInputError.self) {
            try NonInteractiveRun(answers: wrong, confirmBillable: true, wait: false).checkInputs()
        }
        let named = problem?.message.components(separatedBy: " · ") ?? []
        #expect(named.count == 3, "\(named)")
        #expect(named.first?.hasPrefix("enterprise fields: fein ") == true, "\(named)")
        #expect(named.dropFirst().first?.contains("'1-800-FLOWERS'") == true, "\(named)")
        #expect(
            named.last
                == "first_read: scheduled needs Telnyx's scheduled checks, and check_frequency is never: choose a frequency, or first_read: now"
        )
        #expect(throws: Never.self) { try NonInteractiveRun(answers: try answers(), confirmBillable: true, wait: false).checkInputs() }
    }
}

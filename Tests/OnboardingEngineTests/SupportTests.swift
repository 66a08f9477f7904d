import Foundation
import Onboarding
import OnboardingEngine
import OnboardingStore
import SimulatorTestSupport
import StoreTestSupport
import TelnyxAPI
import TelnyxSimulator
import Testing

/// What support staff read must be true now: checked with Telnyx, dated, never stale.
@Suite struct SupportTests {
    @Test func aCheckReadsWhatChangedBehindTheWizardsBack() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let client = try simulator.client()
                let engine = try OnboardingEngine.create(store: store, client: client, id: "onb-1")
                try await walkToGates(engine)
                let id = try #require(await engine.state.enterprise?.id)
                try simulator.world.setGates(
                    enterpriseId: id, status: "rejected", loaStatus: nil, rejectionReasons: ["FEIN does not match."])
                #expect(await engine.state.gates?.status == "pending", "nothing read yet")
                try await engine.checkWithTelnyx()
                #expect(
                    await engine.state.gates
                        == GateReport(status: "rejected", loaStatus: "pending", rejectionReasons: ["FEIN does not match."]))
                #expect(try store.report("onb-1").text.contains("  vetting rejected: FEIN does not match."))

                try await client.disableReputation(enterpriseId: id)
                try await engine.checkWithTelnyx()
                #expect(await !engine.state.reputationEnabled, "disabled at Telnyx, so disabled here")
                #expect(await engine.state.step == .loaRender)
                #expect(actions(try await simulator.ledger(), "enable").count == 1, "checking bills nothing")
                await engine.close()
            }
        }
    }

    /// Text from Telnyx reaches `status` and `list` without escape or control sequences.
    @Test func theReportStripsEscapeSequencesFromTelnyxText() {
        var state = OnboardingState(id: "onb-1")
        state.step = .gates
        state.enterprise = .init(id: "ent-1", legalName: "Acme\u{1B}]0;PWNED\u{07} LLC")
        state.reputationEnabled = true
        state.gates = GateReport(
            status: "rejected", loaStatus: "pending", rejectionReasons: ["Legal name\u{1B}[2J does not match.\u{9B}31m"],
            externalVerificationStatus: "rejected", externalVerificationRejection: "Invoice unreadable.\n  Vetting: approved")
        let text = OnboardingReport(state: state, audit: [], lastActivity: nil).text
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B })
        #expect(text.hasPrefix("Onboarding onb-1 — Acme LLC\n"))
        #expect(text.contains("\n  vetting rejected: Legal name does not match.\n"))
        // A line break in Telnyx's words cannot forge a line of the report.
        #expect(text.contains("\n  ownership proof rejected: Invoice unreadable.   Vetting: approved\n"))
        #expect(!text.contains("\n  Vetting: approved"))
    }

    /// A request that cannot be built is worded by its field, never a raw `DecodingError`.
    @Test func aRequestThatCannotBeBuiltIsWordedByField() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-1")
                try await walkToLOA(engine)
                try await engine.send(.renderLOA(agent: ["city": "Austin"], signature: nil))
                let error = try #require(await engine.state.lastError)
                #expect(error.message.hasPrefix("“render LOA” was not sent: "))
                #expect(error.message.hasSuffix(" is missing."))
                #expect(!error.message.contains("DecodingError") && !error.message.contains("keyNotFound"))
                #expect(error.fieldProblems.values.allSatisfy { $0 == "is missing or malformed" })
                #expect(error.fieldProblems.count == 1)
                await engine.close()
            }
        }
    }

    @Test func theReportSaysWhenEachFactWasReadAndHowLongEachReviewHasWaited() {
        let enabledAt = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18 11:06:40 UTC
        var state = OnboardingState(id: "onb-1")
        state.step = .gates
        state.terms = .agreed(version: "v1.0.0")
        state.enterprise = .init(id: "ent-1", legalName: "Acme Plumbing LLC")
        state.reputationEnabled = true
        state.gates = GateReport(status: "approved", loaStatus: "pending")
        state.gatesCheckedAt = enabledAt.addingTimeInterval(86_400)
        let audit = [
            AuditEntry(
                onboardingId: "onb-1", at: enabledAt, osUser: "sam", action: "enable reputation", billable: true, cost: .dollars(100),
                result: "ok")
        ]
        let now = enabledAt.addingTimeInterval(3 * 86_400 + 7_200)
        let report = OnboardingReport(state: state, audit: audit, lastActivity: enabledAt, savedAt: state.gatesCheckedAt, now: now)
        #expect(
            report.text == """
                Onboarding onb-1 — Acme Plumbing LLC
                Enterprise id: ent-1
                  ✔ 1. Terms of Service (done)
                  ✔ 2. Enterprise (done)
                  ✔ 3. Letter of authorization (done)
                  ✔ 4. Sign and upload (done)
                  ✔ 5. Enable reputation (done)
                  … 6. Telnyx review (waiting)
                    7. Add numbers (not reached)
                    8. Check reputation (not reached)
                    9. Manage (not reached)
                Reputation enabled: 2026-11-18 11:06 UTC, 3 days 2 h ago
                Reviews (as of 2026-11-19 11:06 UTC, 2 days 2 h ago):
                  Vetting: approved
                  LOA review: pending, waiting 3 days 2 h
                Next: Waiting on Telnyx: vetting is approved, LOA review is pending. Nothing to do until they decide.
                Billed so far: $100.00 in 1 action
                Saved here: 2026-11-19 11:06 UTC, 2 days 2 h ago
                """)
        // Not checked since: the enable's answer carried the reviews.
        state.gatesCheckedAt = nil
        let justEnabled = OnboardingReport(state: state, audit: audit, lastActivity: enabledAt, now: now)
        #expect(justEnabled.text.contains("\nReviews (as of 2026-11-18 11:06 UTC, 3 days 2 h ago):\n"))
    }

    @Test func anArchivedOnboardingIsHiddenButFoundByItsEnterpriseAndAnAdoptedOneSaysItsEarlierBillingIsUnknown() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let client = try simulator.client()
                let first = try OnboardingEngine.create(store: store, client: client, id: "onb-1")
                try await walkToGates(first)
                let enterpriseId = try #require(await first.state.enterprise?.id)
                await first.close()
                try store.setArchived("onb-1", true)
                #expect(try store.list().isEmpty, "archived: hidden from list")
                #expect(try store.list(includingArchived: true).map(\.state.id) == ["onb-1"])
                #expect(try store.onboardings(enterpriseId: enterpriseId).map(\.state.id) == ["onb-1"], "still found by its enterprise")
                #expect(try store.auditLog("onb-1").last?.action == "archive")

                // Archived, it still tracks the enterprise: a second tracker is refused, here.
                await #expect(throws: StoreError.alreadyTracked(enterpriseId: enterpriseId, onboardingId: "onb-1")) {
                    _ = try await OnboardingEngine.adopt(enterpriseId: enterpriseId, store: store, client: client, id: "onb-2")
                }
                try await withStore { desk in
                    let adopted = try await OnboardingEngine.adopt(enterpriseId: enterpriseId, store: desk, client: client, id: "onb-2")
                    await adopted.close()
                    let report = try desk.report("onb-2")
                    #expect(!report.billingHistoryComplete)
                    #expect(
                        report.text.contains("Billed through this wizard: $0.00 in 0 actions; what Telnyx billed before it was adopted ("))
                    #expect(report.text.contains("Reputation enabled: before this onboarding was adopted (when is not known here)"))
                }
            }
        }
    }
}

@Suite struct HandOverTests {
    /// Exported on one desk, imported on another, continued there: nothing billed twice, the
    /// audit log and the LOA come along, a second import is refused.
    @Test func anOnboardingExportedOnOneDeskIsContinuedOnAnother() async throws {
        try await withSimulator { simulator in
            try await withStore { first in
                try await withStore { second in
                    let client = try simulator.client()
                    let engine = try OnboardingEngine.create(store: first, client: client, id: "onb-1")
                    try await walkToGates(engine)
                    await engine.close()
                    try first.saveDraft("onb-1", form: "typed", fields: ["numbers": "+13125550134", "signed_loa_path": "/tmp/payroll.pdf"])
                    let bundle = try first.exportBundle("onb-1")
                    #expect(bundle.files.map(\.role) == ["rendered_loa", "signed_loa"])
                    let file = FileManager.default.temporaryDirectory.appendingPathComponent("handover-\(UUID().uuidString).json").path
                    defer { try? FileManager.default.removeItem(atPath: file) }
                    try bundle.encoded().write(to: URL(fileURLWithPath: file))
                    #expect(!String(decoding: try bundle.encoded(), as: UTF8.self).contains("KEY"), "no key in the file")

                    let read = try OnboardingBundle.decoded(try Data(contentsOf: URL(fileURLWithPath: file)), path: file)
                    #expect(try read.encoded() == bundle.encoded(), "the file reads back as written")
                    #expect(try second.importBundle(read, from: file) == "onb-1")
                    let moved = try second.load("onb-1")
                    #expect(moved.renderedLOAPath?.hasPrefix(second.directory.path) == true, "the LOA is in the new desk's folder")
                    #expect(FileManager.default.contents(atPath: moved.renderedLOAPath ?? "") == bundle.files.first?.contents)
                    #expect(try second.draft("onb-1", form: "typed") == ["numbers": "+13125550134"], "the other desk's paths are dropped")
                    let audit = try second.auditLog("onb-1")
                    #expect(Array(audit.dropLast()) == bundle.audit)
                    #expect(audit.last?.action == "import")
                    #expect(
                        throws: BundleProblem.duplicate(
                            path: file, onboardingId: "onb-1",
                            reason: StoreBackend.chosen == .postgres
                                ? "the shared store already has this onboarding" : "this state directory already has this onboarding")
                    ) {
                        try second.importBundle(read, from: file)
                    }

                    let continued = try OnboardingEngine(store: second, client: client, onboardingId: "onb-1")
                    try await simulator.advanceClock(seconds: 301)
                    try await continued.checkWithTelnyx()
                    #expect(await continued.state.step == .associate)
                    #expect(actions(try await simulator.ledger(), "enable").count == 1)
                    await continued.close()

                    #expect(throws: BundleProblem.self) { try OnboardingBundle.decoded(Data("{\"format\": 1}".utf8), path: "x.json") }
                    // An id that would name a folder elsewhere is refused before anything is written.
                    var hostile = read
                    hostile.state = hostile.state.replacingOccurrences(of: "\"id\":\"onb-1\"", with: "\"id\":\"..\\/..\\/victim\"")
                    #expect(hostile.state.contains("victim"))
                    #expect(throws: BundleProblem.notABundle(path: file, detail: "its onboarding id is not one reputation-wizard makes")) {
                        try second.importBundle(hostile, from: file)
                    }
                }
            }
        }
    }
}

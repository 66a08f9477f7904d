import Foundation
import Onboarding
import OnboardingEngine
import OnboardingStore
import SimulatorTestSupport
import TelnyxAPI
import TelnyxSimulator
import Testing

/// A valid value for `field` other than `current`, written as Telnyx holds it.
func correctedValue(_ field: EnterpriseField, current: String?) -> String {
    if case .choice(let options) = field.kind { return options.first { $0 != current }! }
    let values: [EnterpriseField: String] = [
        .legalName: "Acme Corrected LLC", .doingBusinessAs: "Acme Corrected", .fein: "98-7654321",
        .jurisdictionOfIncorporation: "Nevada", .website: "https://corrected.example.com",
        .contactFirstName: "Robin", .contactLastName: "Fixer", .contactJobTitle: "Owner",
        .contactEmail: "robin@acme.example.com", .contactPhone: "+13125550177",
        .billingFirstName: "Casey", .billingLastName: "Payer", .billingEmail: "pay@acme.example.com",
        .billingPhone: "+13125550178",
        .physicalStreet: "200 Lake St", .physicalExtended: "Suite 9", .physicalCity: "Evanston", .physicalState: "WI",
        .physicalPostalCode: "60201", .physicalCountry: "CA",
        .billingStreet: "300 Bill St", .billingExtended: "Floor 2", .billingCity: "Peoria", .billingState: "IN",
        .billingPostalCode: "61602", .billingCountry: "CA",
        .corporateRegistrationNumber: "C1234567", .dunBradstreetNumber: "123456789", .sicCode: "7389",
        .professionalLicenseNumber: "LIC-42",
    ]
    return values[field]!
}

/// Walks to a rejected vetting (the reviewer's verdict set by hand) for an enterprise of its own.
func walkToRejectedVetting(_ engine: OnboardingEngine, _ simulator: RunningSimulator, legalName: String) async throws {
    try await engine.send(.begin)
    try await engine.send(.agreeToTerms)
    var fields = enterpriseFields
    fields["legal_name"] = legalName
    try await engine.send(.submitEnterprise(fields: fields))
    try await engine.send(.renderLOA(agent: nil, signature: nil))
    try await engine.send(.useSignedLOA(path: try #require(await engine.state.renderedLOAPath)))
    try await engine.send(.chooseFrequency(.weekly, plannedNumbers: 5))
    try await engine.send(.confirm)
    let id = try #require(await engine.state.enterprise?.id)
    try simulator.world.setGates(
        enterpriseId: id, status: "rejected", loaStatus: nil, rejectionReasons: ["Legal name does not match IRS records."])
    try await engine.send(.checkGatesNow)
    #expect(await engine.state.gates?.vettingRejected == true)
}

/// An onboarding enabled under `vetting-rejected`, its review read once the reviewers rejected it.
func rejectedByTheScenario(_ store: OnboardingStore, _ simulator: RunningSimulator) async throws -> OnboardingEngine {
    let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-1")
    try await walkToGates(engine)
    try await simulator.advanceClock(seconds: 61)
    try await engine.send(.checkGatesNow)
    return engine
}

@Suite struct CorrectionTests {
    /// Every field of the form, as the only change, reaches Telnyx with nothing else changed;
    /// identity fields go through a disable first, the others while reputation stays enabled.
    @Test func everyFieldCorrectedAloneGoesThrough() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let client = try simulator.client()
                for (index, field) in EnterpriseField.allCases.enumerated() where !field.isImmutable {
                    let engine = try OnboardingEngine.create(store: store, client: client, id: "onb-\(index)")
                    try await walkToRejectedVetting(engine, simulator, legalName: "Field \(index) Test LLC")
                    let before = try #require(try await engine.enterpriseRecord())
                    let value = correctedValue(field, current: before[field.key])
                    let correction = EnterpriseCorrection(record: before, edited: before.merging([field.key: value]) { $1 })
                    #expect(correction.problems.isEmpty, "\(field)")
                    #expect(correction.fields == [field.key: value], "\(field)")
                    try await engine.send(.correctEnterprise(fields: correction.fields))
                    let state = await engine.state
                    #expect(state.lastError == nil, "\(field): \(state.lastError?.message ?? "")")
                    #expect(state.step == .loaRender, "\(field)")
                    #expect(state.loaRound == .resubmission, "\(field)")
                    #expect(state.reputationEnabled == !field.isIdentity, "\(field): disabled first only for identity fields")
                    var expected = before
                    expected[field.key] = value
                    #expect(try await engine.enterpriseRecord() == expected, "\(field): only this field changed")
                    await engine.close()
                }
            }
        }
    }

    @Test func telnyxRefusesNewIdentityFieldsWhileEnabled() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let client = try simulator.client()
                let engine = try OnboardingEngine.create(store: store, client: client, id: "onb-1")
                try await walkToRejectedVetting(engine, simulator, legalName: "Acme Plumbing LLC")
                let id = try #require(await engine.state.enterprise?.id)
                let record = try await client.enterprise(id: id)
                let refused = await #expect(throws: TelnyxError.self) {
                    _ = try await client.updateEnterprise(id: id, EnterpriseUpdate(fein: "98-7654321"))
                }
                #expect(refused?.status == 400)
                #expect(refused?.codes == ["10015"])
                // The value it holds is no change; a billing field is not identity.
                let same = try await client.updateEnterprise(id: id, EnterpriseUpdate(fein: record.fein))
                #expect(same.fein == record.fein)
                _ = try await client.updateEnterprise(id: id, EnterpriseUpdate(jurisdictionOfIncorporation: "Nevada"))
                await engine.close()
            }
        }
    }

    /// vetting-rejected, corrected through the organization contact's email: disabled, updated,
    /// a new LOA, enabled again (its cost said as "billed again"), approved.
    @Test func aContactEmailCorrectionLeadsToApproval() async throws {
        try await withSimulator({ $0.scenario = .vettingRejected }) { simulator in
            try await withStore { store in
                let engine = try await rejectedByTheScenario(store, simulator)
                #expect(await engine.state.gates?.vettingRejected == true)
                let record = try #require(try await engine.enterpriseRecord())
                let correction = EnterpriseCorrection(
                    record: record, edited: record.merging(["organization_contact.email": "sam@acme-plumbing.example.com"]) { $1 })
                #expect(correction.path(reputationEnabled: true) == .disableThenUpdate)
                try await engine.send(.correctEnterprise(fields: correction.fields))
                #expect(await engine.state.step == .loaRender)
                try await engine.send(.renderLOA(agent: nil, signature: nil))
                try await engine.send(.useSignedLOA(path: try signedPDF(signature: "again")))
                try await engine.send(.chooseFrequency(.weekly, plannedNumbers: 5))
                let estimate = try #require(await engine.state.confirmation?.estimate)
                #expect(estimate.amount.description == "$100.00")
                #expect(estimate.basis.hasPrefix("billed again: Telnyx reviews a corrected enterprise as a new registration; "))
                try await engine.send(.confirm)
                try await simulator.advanceClock(seconds: 301)
                try await engine.send(.checkGatesNow)
                #expect(await engine.state.step == .associate)
                #expect(actions(try await simulator.ledger(), "enable").count == 2)
                await engine.close()
            }
        }
    }

    /// The LOA of the rejected submission is not uploaded again for the corrected enterprise,
    /// under any name; a correction that changes none of the fields the reasons name is warned.
    @Test func theRejectedSubmissionsLOAIsRefusedAndAnUnaddressedReasonIsWarned() async throws {
        try await withSimulator({ $0.scenario = .vettingRejected }) { simulator in
            try await withStore { store in
                let engine = try await rejectedByTheScenario(store, simulator)
                #expect(try store.report("onb-1").stalled == "Telnyx rejected the enterprise (3 reasons): correct it", "list says why")
                let record = try #require(try await engine.enterpriseRecord())
                let billingOnly = EnterpriseCorrection(
                    record: record, edited: record.merging(["billing_contact.email": "ap@acme.example.com"]) { $1 })
                let reasons = try #require(await engine.state.gates?.rejectionReasons)
                #expect(
                    billingOnly.warning(reasons: reasons)
                        == "None of the fields Telnyx's reasons name (Legal name, FEIN, Website or Organisation contact email) is changed: the enterprise may well be rejected again, after an enable billed again."
                )
                let contact = EnterpriseCorrection(
                    record: record, edited: record.merging(["organization_contact.email": "sam@acme-plumbing.example.com"]) { $1 })
                #expect(contact.warning(reasons: reasons) == nil)
                try await engine.send(.correctEnterprise(fields: contact.fields))
                #expect(await engine.state.lastVettingRejection == reasons, "the reasons stay while it is corrected")
                try await engine.send(.renderLOA(agent: nil, signature: nil))
                let firstUpload = try #require(await engine.state.signedLOAPath)
                let copy = FileManager.default.temporaryDirectory.appendingPathComponent("copy-\(UUID().uuidString).pdf")
                try FileManager.default.copyItem(at: URL(fileURLWithPath: firstUpload), to: copy)
                try await engine.send(.useSignedLOA(path: copy.path))
                #expect(await engine.state.step == .signAndUpload)
                #expect(
                    await engine.state.lastError?.message.hasPrefix(
                        "The LOA of the rejected submission again (\(copy.lastPathComponent)): sign the new LOA at ") == true)
                await engine.close()
            }
        }
    }

    /// Enabling again after a disable needs a newly signed LOA: the one Telnyx had is refused.
    @Test func enablingAgainRefusesTheLOASubmittedBefore() async throws {
        try await withSimulator { simulator in
            try await withStore { store in
                let engine = try OnboardingEngine.create(store: store, client: try simulator.client(), id: "onb-1")
                try await walkToManage(engine, simulator)
                let submitted = try #require(await engine.state.signedLOAPath)
                try await engine.send(.disable)
                try await engine.send(.confirm)
                try await engine.send(.enableAgain)
                try await engine.send(.renderLOA(agent: nil, signature: nil))
                try await engine.send(.useSignedLOA(path: submitted))
                #expect(await engine.state.step == .signAndUpload)
                #expect(await engine.state.lastError?.message.hasPrefix("The LOA submitted before reputation was disabled again (") == true)
                try await engine.send(.useSignedLOA(path: try signedPDF(signature: "signed anew")))
                #expect(await engine.state.step == .enable)
                await engine.close()
            }
        }
    }

    /// A billing field is updated while reputation stays enabled; the rejected registration is
    /// disabled only right before the new enable.
    @Test func aBillingCorrectionIsUpdatedThenResubmitted() async throws {
        try await withSimulator({ $0.scenario = .vettingRejected }) { simulator in
            try await withStore { store in
                let engine = try await rejectedByTheScenario(store, simulator)
                let record = try #require(try await engine.enterpriseRecord())
                let correction = EnterpriseCorrection(
                    record: record, edited: record.merging(["billing_contact.email": "ap@acme.example.com"]) { $1 })
                #expect(correction.path(reputationEnabled: true) == .update)
                try await engine.send(.correctEnterprise(fields: correction.fields))
                #expect(await engine.state.reputationEnabled, "still enabled: nothing disabled before it is needed")
                try await engine.send(.renderLOA(agent: nil, signature: nil))
                try await engine.send(.useSignedLOA(path: try signedPDF(signature: "again")))
                try await engine.send(.chooseFrequency(.weekly, plannedNumbers: 5))
                try await engine.send(.confirm)
                #expect(await engine.state.step == .gates)
                #expect(await engine.state.lastError == nil)
                #expect(actions(try await simulator.ledger(), "enable").count == 2)
                await engine.close()
            }
        }
    }
}

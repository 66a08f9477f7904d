import Foundation
import Onboarding
import OnboardingStore
import StoreTestSupport
import Testing

/// A hand-over file is another desk's word: one that is damaged or forged (a cost no action
/// has, a reading that is not one) is refused by name before anything is written, so it can
/// neither crash a listing nor defeat the monthly budget.
@Suite struct DamagedBundleTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    /// A sound bundle of one onboarding with one billed action, one reading and one watch mark.
    static func soundBundle(in directory: URL) throws -> OnboardingBundle {
        let store = try OnboardingStore(directory: directory.appendingPathComponent("first"))
        try store.create(OnboardingState(id: "onb-handed"), at: t0)
        try store.appendAudit(
            onboardingId: "onb-handed", action: "add 1 number: +13125550101", billable: true, cost: Money(cents: 10), result: "ok", at: t0)
        try store.recordSnapshots("onb-handed", [ReputationSnapshot(phoneNumber: "+13125550101", data: #"{"spam_risk":"low"}"#, at: t0)])
        try store.recordWatch("onb-handed", at: t0, ownership: [:])
        return try store.exportBundle("onb-handed", at: t0)
    }

    /// One way a hand-over file can be damaged, and the refusal that names it.
    enum Damage: CaseIterable, Sendable {
        case hugeCost, costPastTheAction, negativeCost, notANumber, notReputationData, negativeMark, negativeVersion, fileNamedDotDot

        func apply(to bundle: inout OnboardingBundle) {
            switch self {
            case .hugeCost: bundle.audit[0].cost = Money(cents: Int.max)
            case .costPastTheAction: bundle.audit[0].cost = Money(cents: 10_101)
            case .negativeCost: bundle.audit[0].cost = Money(cents: -100_000)
            case .notANumber: bundle.readings[0].phoneNumber = "1-800-FLOWERS"
            case .notReputationData: bundle.readings[0].data = "[1, 2]"
            case .negativeMark: bundle.marks?[0].readingsSeen = -5
            case .negativeVersion: bundle.version = -1
            case .fileNamedDotDot:
                bundle.files.append(OnboardingBundle.File(role: "signed_loa", name: "..", contents: Data("%PDF-1.4".utf8)))
            }
        }

        var refusal: String {
            switch self {
            case .hugeCost:
                "audit entry 1 (“add 1 number: +13125550101”) costs $92,233,720,368,547,758.07, more than that action can cost; the file is damaged"
            case .costPastTheAction:
                "audit entry 1 (“add 1 number: +13125550101”) costs $101.01, more than that action can cost; the file is damaged"
            case .negativeCost:
                "audit entry 1 (“add 1 number: +13125550101”) costs -$1,000.00, more than that action can cost; the file is damaged"
            case .notANumber: "reading 1's phone_number is not an E.164 number (+ and 7 to 15 digits); the file is damaged"
            case .notReputationData: "reading 1 (+13125550101) is not Telnyx's reputation_data (a JSON object or null); the file is damaged"
            case .negativeMark: "the watch mark saw -5 readings, fewer than none; the file is damaged"
            case .negativeVersion: "its version -1 is not one reputation-wizard writes (1 to 1)"
            case .fileNamedDotDot: "its signed_loa file is named “..”, which is not a file name"
            }
        }
    }

    @Test(arguments: Damage.allCases, StoreBackend.available)
    func aDamagedBundleIsRefusedByNameAndWritesNothing(_ damage: Damage, _ backend: StoreBackend) throws {
        var bundle = try withStateDirectory { try Self.soundBundle(in: $0) }
        damage.apply(to: &bundle)
        let damaged = bundle
        try backend.withFreshStore { (second: OnboardingStore) throws in
            #expect(throws: BundleProblem.notABundle(path: "handed.json", detail: damage.refusal)) {
                try second.importBundle(damaged, from: "handed.json")
            }
            #expect(try second.list(includingArchived: true).isEmpty, "nothing imported")
            #expect(try second.auditLog().isEmpty, "nothing written")
        }
    }

    @Test(arguments: StoreBackend.available)
    func aSoundBundleImports(_ backend: StoreBackend) throws {
        let bundle = try withStateDirectory { try Self.soundBundle(in: $0) }
        try backend.withFreshStore { (second: OnboardingStore) throws in
            #expect(try second.importBundle(bundle, from: "handed.json") == "onb-handed")
            #expect(try second.billed("onb-handed", from: Self.t0, to: Self.t0 + 1) == Money(cents: 10))
            #expect(try second.auditLog("onb-handed").map(\.action) == ["add 1 number: +13125550101", "import"])
            #expect(try second.latestReadings("onb-handed").mapValues(\.data) == ["+13125550101": #"{"spam_risk":"low"}"#])
        }
    }
}

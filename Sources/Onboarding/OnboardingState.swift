import Foundation

/// Where one onboarding stands. Codable and versioned: it is what the store keeps, and what a
/// resumed session (or support staff) starts from.
public struct OnboardingState: Codable, Equatable, Sendable {
    public static let currentVersion = 1

    public enum Terms: Codable, Equatable, Sendable {
        case unknown
        case required(version: String)
        case agreed(version: String)
    }

    public struct EnterpriseRef: Codable, Equatable, Sendable {
        public var id: String
        public var legalName: String

        public init(id: String, legalName: String) {
            self.id = id
            self.legalName = legalName
        }
    }

    /// Why the person is going through the LOA steps again.
    public enum LOARound: String, Codable, Sendable {
        /// The first time, before enabling.
        case first
        /// Replacing a rejected or pending LOA (PATCH, not billed).
        case replacement
        /// Submitting again after vetting was rejected: disable, then enable with a new LOA.
        case resubmission

        /// What the LOA Telnyx already has is, in this round: the one a newly signed LOA must differ from.
        public var submittedLOA: String {
            switch self {
            case .first: "the LOA submitted before reputation was disabled"
            case .replacement: "the LOA Telnyx has (rejected or under review)"
            case .resubmission: "the LOA of the rejected submission"
            }
        }
    }

    /// Reputation turned off for the enterprise: a state of its own, left only by choosing to
    /// enable it again (a newly signed LOA, then the enable, billed again).
    public struct DisabledReputation: Codable, Equatable, Sendable {
        /// Numbers that were monitored when it was disabled, and are no longer.
        public var numbersDropped: Int
        /// Found disabled at Telnyx (404 on reading the reviews) rather than disabled here.
        public var outsideWizard: Bool

        public init(numbersDropped: Int, outsideWizard: Bool) {
            self.numbersDropped = numbersDropped
            self.outsideWizard = outsideWizard
        }
    }

    public var version = OnboardingState.currentVersion
    /// The onboarding's id; sent as `customer_reference` so its enterprise can be found again.
    public var id: String
    public var step: Step = .terms
    public var terms: Terms = .unknown
    /// Where to go back to once the terms are agreed, when an enable found them missing.
    public var stepAfterTerms: Step?
    public var enterprise: EnterpriseRef?
    public var loaRound: LOARound = .first
    public var renderedLOAPath: String?
    /// Whether the rendered LOA carries a signature image (so it can be uploaded as signed).
    public var renderedLOASigned: Bool?
    public var signedLOAPath: String?
    public var loaDocumentId: String?
    /// Hex SHA-256 of the signed LOA last uploaded.
    public var uploadedLOASHA256: String?
    /// Hex SHA-256 of the signed LOA Telnyx has (enabled with, or replaced by): after a
    /// rejection, only a file that differs from it is uploaded.
    public var submittedLOASHA256: String?
    /// A correction accepted after a rejected vetting that has not reached Telnyx yet (its
    /// fields as sent); no LOA is rendered for the corrected enterprise until it has.
    public var pendingCorrection: [String: String]?
    /// Set while reputation is disabled (by `D`, or found so at Telnyx) until enabled again.
    public var disabledReputation: DisabledReputation?
    /// Telnyx's reasons for the last rejected vetting, kept while it is corrected (the disable a
    /// correction may need clears the reviews); nil once vetting is approved.
    public var lastVettingRejection: [String]?
    /// Set from choosing to enable again after a disable until the enable goes through: its
    /// confirmation says the enable is billed again.
    public var enablingAgain: Bool?
    public var checkFrequency: CheckFrequency = .businessDaily
    public var reputationEnabled = false
    public var gates: GateReport?
    public var gatesCheckedAt: Date?
    public var monitoredNumbers: [String] = []
    public var queriedNumbers: Set<String> = []
    /// Numbers whose last read found no analytics data (Telnyx keeps `reputation_data` null):
    /// each read of them is live and billed until data comes. Optional so that a state saved
    /// before it still loads; read through `numbersWithoutData`.
    public var readWithoutData: Set<String>?
    /// The enterprise's ownership webhook as last set or read (nil: none).
    public var webhookURL: String?
    /// Monitored numbers Telnyx asks about, as last read (nil: none).
    public var ownershipNotices: [OwnershipNotice]?
    /// Numbers Telnyx removed from monitoring (number → `removal_reason`), as last read.
    public var removedByTelnyx: [String: String]?
    /// SHA-256 (hex) of each document of the ownership proof last sent: after a rejection, the
    /// same evidence is not sent again. Nil before any.
    public var submittedProofSHA256: [String]?
    /// The paths of the ownership proof's documents Telnyx last took, as given (for an answers
    /// file written from the wizard, `ownership_proof`); nil before any was sent.
    public var submittedProofPaths: [String]?
    /// Remediation requests sent through this onboarding, oldest first (nil: none).
    public var remediations: [RemediationRecord]?
    public var confirmation: PendingConfirmation?
    /// Numbers left at step 8 for Telnyx's first scheduled check instead of a billed first read
    /// (nil: none); a number leaves it once read here.
    public var awaitingFirstCheck: Set<String>?
    /// The most this onboarding may bill in a calendar month without an explicit override
    /// (nil: no budget).
    public var monthlyBudget: Money?
    /// This month's spend as the audit records it, supplied by the engine before each decision
    /// (nil until then).
    public var monthSpend: MonthSpend?
    /// The effect sent and not yet answered; nothing else is sent meanwhile.
    public var inFlight: Effect?
    /// An effect already confirmed that runs once the one in flight succeeds.
    public var queued: Effect?
    public var lastError: Failure?
    public var prices: PriceTable

    public init(id: String, prices: PriceTable = .listPrices) {
        self.id = id
        self.prices = prices
    }

    public var isComplete: Bool { step == .manage }
}

extension OnboardingState {
    /// Numbers whose last read found no analytics data yet: every read of them is billed.
    public var numbersWithoutData: Set<String> { readWithoutData ?? [] }

    /// Whether reading `number` (not fresh) is billed: its first read, or any read while the
    /// analytics networks have no data for it ("reputation_data will still be null", Telnyx's docs).
    public func nextReadIsBilled(_ number: String) -> Bool {
        !queriedNumbers.contains(number) || numbersWithoutData.contains(number)
    }

    /// After `read` were read: those in `withoutData` have none yet, the others now have data.
    mutating func noteData(read: [String], withoutData: [String]) {
        if let awaiting = awaitingFirstCheck?.subtracting(read) { awaitingFirstCheck = awaiting.isEmpty ? nil : awaiting }
        var without = numbersWithoutData.subtracting(read).union(withoutData)
        without.formIntersection(monitoredNumbers)
        readWithoutData = without.isEmpty ? nil : without
    }
}

import Foundation
import TelnyxAPI

typealias Schemas = Components.Schemas

/// A reviewer's decision, made when the simulated clock reaches `at`.
struct ReviewDecision: Codable, Sendable {
    var at: Date
    var approve: Bool
}

/// Reputation settings of one enterprise, with the reviewers' pending decisions.
struct SettingsRecord: Codable, Sendable {
    var reputation: Schemas.EnterpriseReputationPublic
    /// When vetting decides, and what; nil once decided or set by hand.
    var vettingDecision: ReviewDecision?
    var loaDecision: ReviewDecision?

    /// `public_` is the key sandbox world files already hold.
    enum CodingKeys: String, CodingKey {
        case reputation = "public_"
        case vettingDecision, loaDecision
    }
}

struct DocumentRecord: Codable, Sendable {
    var document: Schemas.DocServiceDocument
    var createdAt: Date
    /// Set once an enable or LOA replacement used it; unlinked documents expire.
    var linkedTo: String?
}

struct MonitoredNumber: Codable, Sendable {
    var record: Schemas.ReputationPhoneNumber
    var lookups: Int
}

/// The whole simulated account. Only `SimulatorWorld` touches it, under its lock, so every
/// operation sees and leaves a consistent world even when requests arrive together. Codable,
/// so a sandbox's account outlives the process that runs it.
struct WorldState: Codable, Sendable {
    var tosAgreement: Schemas.TosAgreement?
    var enterprises: [String: Schemas.EnterprisePublic] = [:]
    var enterpriseOrder: [String] = []
    var settings: [String: SettingsRecord] = [:]
    var documents: [String: DocumentRecord] = [:]
    var numbers: [String: MonitoredNumber] = [:]
    /// Phone numbers of each enterprise, in the order they were associated.
    var numbersByEnterprise: [String: [String]] = [:]
    var inventory: [InventoryNumber] = []
    var inventoryIndex: [String: Int] = [:]
    var ledger: [LedgerEntry] = []
    var vettingSubmissions = 0
    var loaSubmissions = 0
    var refreshRequests: [String: [Date]] = [:]
    var idGenerator: SeededGenerator
    /// Stored optional so that a world saved before the additions still decodes; read and
    /// written through `additions`.
    var storedAdditions: WorldAdditions?

    init(options: SimulatorOptions) {
        idGenerator = SeededGenerator(seed: options.seed ^ 0x5eed_1d5)
        inventory = InventoryGenerator.generate(
            seed: options.seed, usLocalCount: options.inventorySize,
            purchasedAt: options.clockStart.addingTimeInterval(-90 * 24 * 3600))
        for (index, number) in inventory.enumerated() { inventoryIndex[number.phoneNumber] = index }
    }

    /// A UUID drawn from the seed, so two worlds with one seed hand out the same ids.
    mutating func newID() -> String {
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in stride(from: 0, to: 16, by: 8) {
            var word = idGenerator.next()
            for offset in 0..<8 {
                bytes[index + offset] = UInt8(word & 0xff)
                word >>= 8
            }
        }
        bytes[6] = (bytes[6] & 0x0f) | 0x40
        bytes[8] = (bytes[8] & 0x3f) | 0x80
        let uuid = UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
        return uuid.uuidString.lowercased()
    }

    mutating func bill(
        _ action: LedgerEntry.Action, enterpriseId: String, phoneNumber: String? = nil, amount: Double, at: Date, scheduled: Bool = false
    ) {
        ledger.append(
            LedgerEntry(
                action: action, enterpriseId: enterpriseId, phoneNumber: phoneNumber, amountUSD: amount, at: at,
                scheduled: scheduled ? true : nil))
    }

    /// Moves everything time decides: reviewers' verdicts and expiring documents.
    mutating func settle(now: Date) {
        for (id, var record) in settings {
            var changed = false
            if let decision = record.vettingDecision, decision.at <= now {
                record.reputation.status = .init(decision.approve ? .approved : .rejected)
                record.reputation.rejectionReasons = decision.approve ? nil : Scenario.vettingRejectionReasons
                record.vettingDecision = nil
                changed = true
            }
            if let decision = record.loaDecision, decision.at <= now {
                record.reputation.loaStatus = .init(decision.approve ? .approved : .rejected)
                record.loaDecision = nil
                changed = true
            }
            if changed {
                record.reputation.updatedAt = now
                settings[id] = record
            }
        }
        let expiry: TimeInterval = 30 * 60
        documents = documents.filter { $0.value.linkedTo != nil || now.timeIntervalSince($0.value.createdAt) < expiry }
        settleExternalVerifications(now: now)
        settleOwnership(now: now)
        settleRemediations(now: now)
    }
}

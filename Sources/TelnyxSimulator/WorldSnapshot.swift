import Foundation
import TelnyxAPI

/// `GET /_simulator/world`: a readable summary of the whole account, for people and tests.
public struct WorldSnapshot: Encodable, Sendable {
    public struct Enterprise: Encodable, Sendable {
        public var id: String
        public var legalName: String?
        public var customerReference: String?
        public var reputation: Components.Schemas.EnterpriseReputationPublic?
        public var numbers: Int
        enum CodingKeys: String, CodingKey {
            case id, reputation, numbers
            case legalName = "legal_name"
            case customerReference = "customer_reference"
        }
    }

    public var now: Date
    public var scenario: String
    public var seed: UInt64
    public var termsAgreed: Bool
    public var enterprises: [Enterprise]
    public var documents: Int
    public var inventory: Int
    public var ledgerEntries: Int

    enum CodingKeys: String, CodingKey {
        case now, scenario, seed, enterprises, documents, inventory
        case termsAgreed = "terms_agreed"
        case ledgerEntries = "ledger_entries"
    }
}

extension SimulatorWorld {
    public func snapshot() -> WorldSnapshot {
        read { state, now in
            WorldSnapshot(
                now: now, scenario: options.scenario.rawValue, seed: options.seed, termsAgreed: state.tosAgreement != nil,
                enterprises: state.enterpriseOrder.compactMap { id in
                    state.enterprises[id].map {
                        .init(
                            id: id, legalName: $0.legalName, customerReference: $0.customerReference,
                            reputation: state.settings[id]?.reputation, numbers: state.numbersByEnterprise[id]?.count ?? 0)
                    }
                },
                documents: state.documents.count, inventory: state.inventory.count, ledgerEntries: state.ledger.count)
        }
    }
}

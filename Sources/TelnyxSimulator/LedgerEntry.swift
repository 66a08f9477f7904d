import Foundation

/// One billable event, at list price, as `GET /_simulator/ledger` reports it.
public struct LedgerEntry: Codable, Sendable, Equatable {
    public enum Action: String, Codable, Sendable {
        case enable, associate
        case liveRead = "live_read"
        case refresh
        case remediation
    }

    public var action: Action
    public var enterpriseId: String
    public var phoneNumber: String?
    public var amountUSD: Double
    public var at: Date
    /// True for a refresh Telnyx ran on its own schedule (`check_frequency`); absent otherwise.
    public var scheduled: Bool?

    enum CodingKeys: String, CodingKey {
        case action, at, scheduled
        case enterpriseId = "enterprise_id"
        case phoneNumber = "phone_number"
        case amountUSD = "amount_usd"
    }
}

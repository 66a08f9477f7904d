import Foundation

/// Everything that shapes a simulated world; the command line and tests fill it in.
public struct SimulatorOptions: Sendable {
    public var scenario: Scenario = .happy
    /// How the reviewer decides an enterprise's ownership proof for numbers hosted elsewhere.
    public var ownershipReview: OwnershipReview = .approved
    public var seed: UInt64 = 1
    /// Active US local numbers in the account's inventory (a few extra numbers of other kinds
    /// are always added so the rules against them can be exercised).
    public var inventorySize: Int = 1000
    public var prices = PriceList()
    /// Added to every answer, to make benchmarks meet a realistic network.
    public var latencyMs: Int = 0
    /// Requests per second before answering 429.
    public var rateLimit: Int = 1000
    /// Refresh requests per enterprise per simulated minute before answering 429.
    public var refreshLimitPerMinute: Int = 10
    /// When set, only this bearer key is accepted; otherwise any non-empty key is.
    public var requiredAPIKey: String?
    public var clockStart = Date(timeIntervalSince1970: 1_798_761_600)
    public var clockMode: SimulatedClock.Mode = .manual

    public init() {}
}

import Foundation

/// What the table of step 8 and 9 shows for one monitored number (the latest reading kept).
public struct NumberReading: Equatable, Sendable {
    public var phoneNumber: String
    /// `low`, `medium`, `high`, or nil before the first read.
    public var spamRisk: String?
    public var category: String?
    public var maturity: Int?
    public var connection: Int?
    public var engagement: Int?
    public var sentiment: Int?
    public var lastRefreshedAt: Date?

    public init(
        phoneNumber: String, spamRisk: String? = nil, category: String? = nil, maturity: Int? = nil, connection: Int? = nil,
        engagement: Int? = nil, sentiment: Int? = nil, lastRefreshedAt: Date? = nil
    ) {
        self.phoneNumber = phoneNumber
        self.spamRisk = spamRisk
        self.category = category
        self.maturity = maturity
        self.connection = connection
        self.engagement = engagement
        self.sentiment = sentiment
        self.lastRefreshedAt = lastRefreshedAt
    }
}

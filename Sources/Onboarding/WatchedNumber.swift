import Foundation

/// A monitored number as the free list shows it to `watch`: its reading and its ownership.
public struct WatchedNumber: Equatable, Sendable {
    /// All fields nil when Telnyx has no data (`reputation_data: null`).
    public var reading: NumberReading
    /// Telnyx's `ownership_status` (`verified`, `pending_confirmation`, `flagged`, …), if sent.
    public var ownershipStatus: String?
    /// Telnyx's `confirm_by`: the deadline of an ownership confirmation.
    public var confirmBy: Date?
    /// Telnyx's `flag_reason` (`carrier_changed`, `reverification_due`, …).
    public var flagReason: String?

    public init(reading: NumberReading, ownershipStatus: String? = nil, confirmBy: Date? = nil, flagReason: String? = nil) {
        self.reading = reading
        self.ownershipStatus = ownershipStatus
        self.confirmBy = confirmBy
        self.flagReason = flagReason
    }
}

extension NumberReading {
    /// Whether Telnyx had analytics for the number (any field of `reputation_data` set).
    public var hasData: Bool {
        spamRisk != nil || category != nil || maturity != nil || connection != nil || engagement != nil || sentiment != nil
            || lastRefreshedAt != nil
    }
}

import Foundation

/// A monitored number Telnyx asks about (its ownership tracking, since SDK 4.189.0): waiting
/// for a confirmation by `confirmBy`, or flagged after one went unanswered (still monitored).
public struct OwnershipNotice: Codable, Equatable, Sendable {
    public enum Status: String, Codable, Sendable {
        /// Telnyx asks whether the enterprise still owns the number; unanswered by `confirmBy`, a
        /// number whose carrier changed is removed.
        case pendingConfirmation = "pending_confirmation"
        /// A re-verification went unanswered; still monitored.
        case flagged
    }

    /// E.164.
    public var phoneNumber: String
    public var status: Status
    /// Why Telnyx asks, as sent (`carrier_changed`, `reverification_due`, or one added later).
    public var flagReason: String?
    public var confirmBy: Date?

    public init(phoneNumber: String, status: Status, flagReason: String? = nil, confirmBy: Date? = nil) {
        self.phoneNumber = phoneNumber
        self.status = status
        self.flagReason = flagReason
        self.confirmBy = confirmBy
    }

    /// The reason in words (`carrier changed`).
    public var reason: String { flagReason.map { $0.replacingOccurrences(of: "_", with: " ") } ?? "ownership check" }
}

extension [OwnershipNotice] {
    /// `2 numbers to confirm by 2026-12-06 12:00 UTC; 1 flagged`: what needs attention first (the
    /// earliest deadline), or nil when nothing does.
    public func summary(now: Date) -> String? {
        guard !isEmpty else { return nil }
        let asked = filter { $0.status == .pendingConfirmation }
        let flagged = count - asked.count
        var parts: [String] = []
        if !asked.isEmpty {
            let deadline = asked.compactMap(\.confirmBy).min().map { " by \(ReportTime.stamp($0))" } ?? ""
            parts.append("\(asked.count) \(asked.count == 1 ? "number" : "numbers") to confirm\(deadline)")
        }
        if flagged > 0 { parts.append("\(flagged) flagged (a re-verification went unanswered)") }
        return parts.joined(separator: "; ")
    }
}

extension OnboardingState {
    /// Whether Telnyx may ask about this onboarding's numbers, so an open wizard reads its
    /// questions now and then: numbers monitored at steps 8-9, reputation on, and no answer
    /// lost on the way (that is reconciled first).
    public var ownershipWatched: Bool {
        step >= .query && reputationEnabled && disabledReputation == nil && enterprise != nil && !monitoredNumbers.isEmpty
            && !(inFlight != nil && lastError?.outcomeUnknown == true)
    }
}

extension OwnershipNotice {
    /// What Telnyx does when a question of `flagReason` is not answered by its deadline
    /// (api-notes, since SDK 4.189.0): after a carrier change the number is removed; after a
    /// periodic re-verification it is flagged and stays monitored.
    public static func unanswered(_ flagReason: String?) -> String {
        switch flagReason {
        case "reverification_due": "or it is flagged (it stays monitored)"
        case "carrier_changed": "or it is removed"
        default: "or Telnyx may remove it"
        }
    }
}

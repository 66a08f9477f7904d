import Foundation

/// One thing `watch` reports about a monitored number: a change since the last watch, or a
/// standing matter (a deadline, no data yet) said each time until it is resolved.
public struct ReadingChange: Equatable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// `spam_risk` moved to a worse level (`from`, `to`: low, medium, high).
        case riskWorse = "risk_worse"
        case riskBetter = "risk_better"
        /// `spam_category` appeared (`to`), changed (`from`, `to`) or went away (`from`).
        case categoryAppeared = "category_appeared"
        case categoryChanged = "category_changed"
        case categoryCleared = "category_cleared"
        /// One of the four scores fell by at least the threshold: `detail` names it
        /// (`maturity_score`, …), `from` and `to` are the scores (0 to 100).
        case scoreDropped = "score_dropped"
        /// The first reading with data (`to`: its risk).
        case dataArrived = "data_arrived"
        /// Still `reputation_data: null` (standing; not a change).
        case stillWithoutData = "still_without_data"
        /// Monitored at the last watch and no longer listed; `detail`: Telnyx's `removal_reason`
        /// when known.
        case removed
        /// Telnyx asks to confirm ownership (`ownership_status: pending_confirmation`); `to`: the
        /// `confirm_by` deadline (ISO 8601), `detail`: `flag_reason` (standing until answered).
        case ownershipDeadline = "ownership_deadline"
        /// `ownership_status` became `flagged` (monitored, but no longer verified).
        case ownershipFlagged = "ownership_flagged"
    }

    /// How much a change asks of a person: a script branches on the highest of a watch.
    public enum Severity: String, Sendable, Comparable {
        /// Standing information: nothing new.
        case info
        /// Something changed since the last watch.
        case change
        /// Act now: a number turned high risk, Telnyx asks about ownership, or removed one.
        case attention

        private var rank: Int {
            switch self {
            case .info: 0
            case .change: 1
            case .attention: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var phoneNumber: String
    public var kind: Kind
    public var from: String?
    public var to: String?
    public var detail: String?
    public var severity: Severity
    /// For `ownershipDeadline`: the deadline is already past (Telnyx acts on it at its next check).
    public var deadlinePassed: Bool

    public init(
        phoneNumber: String, kind: Kind, from: String? = nil, to: String? = nil, detail: String? = nil, severity: Severity,
        deadlinePassed: Bool = false
    ) {
        self.phoneNumber = phoneNumber
        self.kind = kind
        self.from = from
        self.to = to
        self.detail = detail
        self.severity = severity
        self.deadlinePassed = deadlinePassed
    }

    /// One line for people, without the number: "risk medium → high (robocall)".
    public var said: String {
        let category = detail.map { " (\($0))" } ?? ""
        // Telnyx's reasons are snake_case words; categories are labels, shown as sent.
        let reason = detail.map { " (\($0.replacingOccurrences(of: "_", with: " ")))" } ?? ""
        switch kind {
        case .riskWorse, .riskBetter: return "risk \(from ?? "?") → \(to ?? "?")\(category)"
        case .categoryAppeared: return "category appeared: \(to ?? "?")"
        case .categoryChanged: return "category \(from ?? "?") → \(to ?? "?")"
        case .categoryCleared: return "category \(from ?? "?") cleared"
        case .scoreDropped:
            let fall = (Int(from ?? "") ?? 0) - (Int(to ?? "") ?? 0)
            return "\((detail ?? "score").replacingOccurrences(of: "_", with: " ")) \(from ?? "?") → \(to ?? "?") (−\(fall))"
        case .dataArrived: return "first data: risk \(to ?? "?")"
        case .stillWithoutData: return "still without data"
        case .removed: return "no longer monitored\(reason)"
        case .ownershipDeadline:
            guard deadlinePassed else { return "Telnyx asks to confirm ownership by \(to ?? "?")\(reason)" }
            return "the deadline to confirm ownership passed at \(to ?? "?")\(reason); Telnyx acts on it at its next check"
        case .ownershipFlagged: return "ownership flagged\(reason)"
        }
    }
}

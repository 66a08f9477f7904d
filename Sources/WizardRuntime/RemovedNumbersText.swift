import Foundation
import Onboarding
import TelnyxAPI

/// The numbers Telnyx keeps as removed (tombstones: `filter[ownership_status]=removed`), in
/// lines for the wizard's box and plain mode: newest first, each with why (`removal_reason`)
/// and when. They are never counted as monitored.
enum RemovedNumbersText {
    static func lines(_ tombstones: [ReputationNumber]) -> [String] {
        guard !tombstones.isEmpty else { return ["No number was removed."] }
        let sorted = tombstones.sorted {
            ($0.removedAt ?? .distantPast, $0.phoneNumber ?? "") > ($1.removedAt ?? .distantPast, $1.phoneNumber ?? "")
        }
        return ["\(sorted.count) \(sorted.count == 1 ? "number" : "numbers"), newest first:"]
            + sorted.map { number in
                let why = RemoteText.sanitized(number.removalReason?.rawValue ?? "removed").replacingOccurrences(of: "_", with: " ")
                let when = number.removedAt.map { " on \(ReportTime.stamp($0))" } ?? ""
                return "\(RemoteText.sanitized(number.phoneNumber ?? "?"))  \(why)\(when)"
            }
    }
}

import Foundation
import Onboarding
import TelnyxAPI

/// A monitored number's ownership tracking as Telnyx reports it (`GET
/// .../numbers/{n}/ownership`), in lines for the wizard's history box and plain mode: where it
/// is hosted, its status and deadline, its baseline carrier and last check, then each event,
/// newest first. Text from Telnyx is made safe to draw.
enum OwnershipHistoryText {
    static func lines(_ detail: OwnershipDetail) -> [String] {
        func words(_ value: String?) -> String { RemoteText.sanitized(value ?? "").replacingOccurrences(of: "_", with: " ") }
        let number = RemoteText.sanitized(detail.phoneNumber ?? "")
        let hosted = detail.source?.rawValue == "external" ? "hosted at another carrier" : "hosted at Telnyx"
        var lines = ["\(number) · \(hosted)"]
        var status = "Ownership: \(words(detail.ownershipStatus?.rawValue ?? "verified"))"
        if let reason = detail.flagReason { status += " (\(words(reason)))" }
        if let deadline = detail.confirmBy {
            status += "; answer by \(ReportTime.stamp(deadline)), \(OwnershipNotice.unanswered(detail.flagReason))"
        }
        lines.append(status)
        var baseline = "Baseline carrier: \(RemoteText.sanitized(detail.baselineCarrier ?? "not known"))"
        if let since = detail.baselineRecordedAt { baseline += " since \(ReportTime.stamp(since))" }
        lines.append(baseline)
        lines.append("Last checked: \(detail.lastCheckedAt.map(ReportTime.stamp) ?? "not yet")")
        let history = detail.history ?? []
        lines.append("")
        lines.append(history.isEmpty ? "No events yet." : "History, newest first:")
        for event in history {
            let when = event.occurredAt.map(ReportTime.stamp) ?? "(no date)"
            let outcome = event.outcome.map { "  \(words($0))" } ?? ""
            lines.append("  \(when)  \(words(event.eventType))\(outcome)")
        }
        return lines
    }
}

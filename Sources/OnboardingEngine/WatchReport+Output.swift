import Foundation
import NumberFiles
import Onboarding

extension WatchReport {
    /// One change as `watch --json` prints it (snake_case keys, as Telnyx's).
    public struct Line: Encodable, Equatable, Sendable {
        public var onboardingId: String
        public var enterpriseId: String?
        public var phoneNumber: String
        public var kind: String
        public var severity: String
        public var from: String?
        public var to: String?
        public var detail: String?
        public var said: String
        public var observedAt: Date

        enum CodingKeys: String, CodingKey {
            case kind, severity, from, to, detail, said
            case onboardingId = "onboarding_id"
            case enterpriseId = "enterprise_id"
            case phoneNumber = "phone_number"
            case observedAt = "observed_at"
        }
    }

    /// Every change and standing matter, one line each.
    public var lines: [Line] {
        changes.map {
            Line(
                onboardingId: onboardingId, enterpriseId: enterpriseId, phoneNumber: $0.phoneNumber, kind: $0.kind.rawValue,
                severity: $0.severity.rawValue, from: $0.from, to: $0.to, detail: $0.detail, said: $0.said, observedAt: at)
        }
    }

    /// The heading of `watch --csv`.
    public static let csvHeader = [
        "observed_at", "onboarding_id", "enterprise_id", "phone_number", "kind", "severity", "from", "to", "detail", "said",
    ]

    /// The rows of `watch --csv` (see `SpreadsheetCSV` for how cells are written).
    public var csvRows: [[SpreadsheetCSV.Cell]] {
        lines.map { line in
            [
                .text(ISO8601DateFormatter().string(from: line.observedAt)), .text(line.onboardingId), .text(line.enterpriseId ?? ""),
                .phoneNumber(line.phoneNumber), .text(line.kind), .text(line.severity), .text(line.from ?? ""), .text(line.to ?? ""),
                .text(line.detail ?? ""), .text(line.said),
            ]
        }
    }

    /// For people: a heading naming the onboarding and the last look, the changes needing
    /// attention first (marked `!`), then the other changes, then standing matters summed up.
    public func text(now: Date) -> String {
        let name = RemoteText.sanitized(legalName ?? "onboarding \(onboardingId)")
        if let notWatched { return "\(name) (\(onboardingId)): not watched, \(notWatched).\n" }
        let since =
            previousAt.map { "since the last watch (\(ReportTime.said($0, now: now)))" } ?? "first watch: compared with the readings kept"
        var out = "\(name) (\(onboardingId)): \(numbersListed) number\(numbersListed == 1 ? "" : "s") monitored, \(since)\n"
        let attention = changes.filter { $0.severity == .attention }
        let changed = changes.filter { $0.severity == .change }
        for change in attention + changed {
            out += "  \(change.severity == .attention ? "!" : " ") \(change.phoneNumber)  \(RemoteText.sanitized(change.said))\n"
        }
        let withoutData = changes.filter { $0.kind == .stillWithoutData }.map(\.phoneNumber)
        if !withoutData.isEmpty {
            let shown = withoutData.prefix(3).joined(separator: ", ")
            let more = withoutData.count > 3 ? " and \(withoutData.count - 3) more" : ""
            out += "    still without data: \(shown)\(more)\n"
        }
        let flagged = changes.filter { $0.kind == .ownershipFlagged && $0.severity == .info }.count
        if flagged > 0 { out += "    ownership flagged (as before): \(flagged) number\(flagged == 1 ? "" : "s")\n" }
        if attention.isEmpty && changed.isEmpty {
            out += "  Nothing new.\n"
        } else {
            var counts: [String] = []
            if !attention.isEmpty { counts.append("\(attention.count) need\(attention.count == 1 ? "s" : "") attention now") }
            if !changed.isEmpty {
                counts.append("\(changed.count)\(attention.isEmpty ? "" : " other") change\(changed.count == 1 ? "" : "s")")
            }
            out += "  " + counts.joined(separator: ", ")
            if attention.contains(where: { $0.kind == .ownershipDeadline }) {
                out += "; answer Telnyx with `reputation-wizard confirm-ownership --id \(onboardingId) NUMBER…` (or `C` at step 9)"
            }
            out += ".\n"
        }
        return out
    }
}

import Foundation
import NumberFiles
import Onboarding
import OnboardingStore

extension NumberHistory {
    /// The readings of `phoneNumber` kept for onboarding `onboardingId`, priced with its table.
    /// - Throws: `StoreError` when the onboarding or its readings cannot be read.
    public static func kept(store: OnboardingStore, onboardingId: String, phoneNumber: String) throws(StoreError) -> NumberHistory {
        let prices = try store.load(onboardingId).prices
        let readings = try store.history(onboardingId, phoneNumber: phoneNumber).compactMap { snapshot in
            ReadingDecoding.reading(snapshot).map { (reading: $0, keptAt: snapshot.at) }
        }
        return NumberHistory(phoneNumber: phoneNumber, readings: readings, liveCheck: prices.liveCheck)
    }

    /// One reading as `history --json` prints it (Telnyx's field names).
    public struct Line: Encodable, Equatable, Sendable {
        public var at: Date
        public var spamRisk: String?
        public var spamCategory: String?
        public var maturityScore: Int?
        public var connectionScore: Int?
        public var engagementScore: Int?
        public var sentimentScore: Int?
        public var costUSD: String
        public var riskChange: String?
        public var categoryChange: String?

        enum CodingKeys: String, CodingKey {
            case at
            case spamRisk = "spam_risk"
            case spamCategory = "spam_category"
            case maturityScore = "maturity_score"
            case connectionScore = "connection_score"
            case engagementScore = "engagement_score"
            case sentimentScore = "sentiment_score"
            case costUSD = "cost_usd"
            case riskChange = "risk_change"
            case categoryChange = "category_change"
        }
    }

    public var lines: [Line] {
        entries.map {
            Line(
                at: $0.at, spamRisk: $0.reading.spamRisk, spamCategory: $0.reading.category, maturityScore: $0.reading.maturity,
                connectionScore: $0.reading.connection, engagementScore: $0.reading.engagement, sentimentScore: $0.reading.sentiment,
                costUSD: $0.cost.plainDecimal, riskChange: $0.riskChange, categoryChange: $0.categoryChange)
        }
    }

    public static let csvHeader = [
        "phone_number", "at", "spam_risk", "spam_category", "maturity_score", "connection_score", "engagement_score", "sentiment_score",
        "cost_usd", "risk_change", "category_change",
    ]

    public var csvRows: [[SpreadsheetCSV.Cell]] {
        lines.map { line in
            [
                .phoneNumber(phoneNumber), .text(ISO8601DateFormatter().string(from: line.at)),
                .text(RemoteText.sanitized(line.spamRisk ?? "")), .text(RemoteText.sanitized(line.spamCategory ?? "")),
                .integer(line.maturityScore), .integer(line.connectionScore),
                .integer(line.engagementScore), .integer(line.sentimentScore), .text(line.costUSD), .text(line.riskChange ?? ""),
                .text(line.categoryChange ?? ""),
            ]
        }
    }

    /// For people: a heading, one row per reading (risk and category changes marked), then each
    /// score as a sparkline over the last 60 readings.
    public func text(owner: String) -> String {
        guard let first = entries.first, let last = entries.last else {
            return "\(phoneNumber) · \(owner): no readings kept yet (the first read, or `watch` after Telnyx's first check, keeps one).\n"
        }
        let span = entries.count == 1 ? ReportTime.stamp(first.at) : "\(ReportTime.stamp(first.at)) to \(ReportTime.stamp(last.at))"
        var out =
            "\(phoneNumber) · \(owner) · \(entries.count) reading\(entries.count == 1 ? "" : "s"), \(span) · \(totalCost) (one live check each)\n"
        if let note = uncountedChecksNote { out += "Note: \(note).\n" }
        out += "When                  Risk     Category               Mat  Con  Eng  Sen  Cost\n"
        func pad(_ text: String, _ width: Int) -> String {
            text.count >= width ? String(text.prefix(width)) : text + String(repeating: " ", count: width - text.count)
        }
        func score(_ value: Int?) -> String {
            let text = value.map(String.init) ?? "—"
            return String(repeating: " ", count: max(0, 3 - text.count)) + text
        }
        for entry in entries {
            let reading = entry.reading
            let risk = reading.hasData ? (reading.spamRisk ?? "—") + (entry.riskChange == nil ? "" : "*") : "no data"
            let category = RemoteText.sanitized(reading.category ?? "—") + (entry.categoryChange == nil ? "" : "*")
            out += "\(pad(ReportTime.stamp(entry.at), 22))\(pad(risk, 9))\(pad(category, 21))  "
            out += [reading.maturity, reading.connection, reading.engagement, reading.sentiment].map(score).joined(separator: "  ")
            out += "  \(entry.cost)\n"
        }
        let changes = entries.filter { $0.riskChange != nil || $0.categoryChange != nil }
        for entry in changes {
            let what = [entry.riskChange.map { "risk \($0)" }, entry.categoryChange.map { "category \(RemoteText.sanitized($0))" }]
            out += "* \(ReportTime.stamp(entry.at)): \(what.compactMap { $0 }.joined(separator: ", "))\n"
        }
        if entries.count > 1 {
            for (name, values) in scores {
                out += "\(pad(name.replacingOccurrences(of: "_score", with: ""), 11)) \(Sparkline.line(values, width: 60))\n"
            }
        }
        return out
    }
}

extension Money {
    /// `1.40`: dollars with two decimals, no sign or grouping (for JSON and CSV).
    public var plainDecimal: String { "\(cents / 100).\(String(format: "%02d", abs(cents % 100)))" }
}

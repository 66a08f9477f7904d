import Foundation
import NumberFiles
import Onboarding
import TelnyxAPI

/// Every monitored number as a spreadsheet row (`numbers --csv`, `E` at step 9): risk,
/// category, the four scores, last refreshed, source and ownership, under Telnyx's field names.
/// The file reads back as a numbers list (its `phone_number` column).
public enum NumberSheet {
    public static let header = [
        "phone_number", "spam_risk", "spam_category", "maturity_score", "connection_score", "engagement_score", "sentiment_score",
        "last_refreshed_at", "source", "ownership_status", "confirm_by",
    ]

    /// One row of the sheet.
    public struct Row: Equatable, Sendable {
        public var reading: NumberReading
        /// `telnyx` or `external`, as Telnyx lists it; nil when not known here.
        public var source: String?
        public var ownershipStatus: String?
        public var confirmBy: Date?

        public init(reading: NumberReading, source: String? = nil, ownershipStatus: String? = nil, confirmBy: Date? = nil) {
            self.reading = reading
            self.source = source
            self.ownershipStatus = ownershipStatus
            self.confirmBy = confirmBy
        }
    }

    /// The rows of Telnyx's list of numbers, by number.
    public static func rows(_ listed: [ReputationNumber]) -> [Row] {
        listed.compactMap { number in
            number.phoneNumber.map {
                Row(
                    reading: ReadingDecoding.reading(phoneNumber: $0, number.reputationData), source: number.source?.rawValue,
                    ownershipStatus: number.ownershipStatus?.rawValue, confirmBy: number.confirmBy)
            }
        }.sorted { $0.reading.phoneNumber < $1.reading.phoneNumber }
    }

    /// The CSV file's bytes (see `SpreadsheetCSV`).
    /// - Throws: `CSVError` when CSV.swift cannot write.
    public static func csv(_ rows: [Row]) throws -> [UInt8] {
        let stamp = ISO8601DateFormatter()
        return try SpreadsheetCSV.bytes(
            header: header,
            rows: rows.map { row in
                let reading = row.reading
                return [
                    .phoneNumber(reading.phoneNumber), .text(reading.spamRisk ?? ""), .text(reading.category ?? ""),
                    .integer(reading.maturity), .integer(reading.connection), .integer(reading.engagement), .integer(reading.sentiment),
                    .text(reading.lastRefreshedAt.map(stamp.string) ?? ""), .text(row.source ?? ""), .text(row.ownershipStatus ?? ""),
                    .text(row.confirmBy.map(stamp.string) ?? ""),
                ]
            })
    }
}

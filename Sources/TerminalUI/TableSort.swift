import Foundation
import Onboarding

/// How the number table of steps 8 and 9 is ordered: by number, by risk (worst first), by one
/// of the four scores (lowest first), or by when Telnyx last refreshed (oldest first).
/// Numbers without the value sort last either way.
public struct TableSort: Equatable, Sendable {
    public enum Column: CaseIterable, Sendable {
        case number, risk, maturity, connection, engagement, sentiment, refreshed

        var label: String {
            switch self {
            case .number: "number"
            case .risk: "risk"
            case .maturity: "maturity"
            case .connection: "connection"
            case .engagement: "engagement"
            case .sentiment: "sentiment"
            case .refreshed: "refreshed"
            }
        }

        /// The direction that puts what needs looking at first.
        var worstFirst: Bool { self == .risk }

        func key(_ reading: NumberReading?) -> Double? {
            guard let reading else { return nil }
            switch self {
            case .number: return nil
            case .risk:
                switch reading.spamRisk {
                case "high": return 3
                case "medium": return 2
                case "low": return 1
                default: return nil
                }
            case .maturity: return reading.maturity.map(Double.init)
            case .connection: return reading.connection.map(Double.init)
            case .engagement: return reading.engagement.map(Double.init)
            case .sentiment: return reading.sentiment.map(Double.init)
            case .refreshed: return reading.lastRefreshedAt?.timeIntervalSince1970
            }
        }
    }

    public var column: Column = .number
    public var descending = false

    public init(column: Column = .number, descending: Bool = false) {
        self.column = column
        self.descending = descending
    }

    /// The next column, in its most useful direction.
    public func next() -> TableSort {
        let all = Column.allCases
        let column = all[((all.firstIndex(of: column) ?? 0) + 1) % all.count]
        return TableSort(column: column, descending: column.worstFirst)
    }

    public var arrow: String { descending ? "▼" : "▲" }

    public var description: String { "by \(column.label) \(arrow)" }

    public func apply(_ numbers: [String], readings: [String: NumberReading]) -> [String] {
        if column == .number { return descending ? numbers.sorted(by: >) : numbers.sorted() }
        // Keys computed once, signed so one ascending sort serves both directions, and missing
        // values past every real one.
        let sign = descending ? -1.0 : 1.0
        let keys = numbers.map { number in column.key(readings[number]).map { $0 * sign } ?? .infinity }
        return numbers.indices.sorted { first, second in
            keys[first] != keys[second] ? keys[first] < keys[second] : numbers[first] < numbers[second]
        }.map { numbers[$0] }
    }
}

import Foundation

/// A kept reading's `reputation_data` as columns instead of JSON text: about a sixth of the
/// bytes (a year of business-daily readings of 10,000 numbers is 2.6 million rows).
///
/// Only JSON that the columns give back byte for byte is stored as columns: the keys Telnyx
/// sends today (`spam_risk` of `low`/`medium`/`high`, `spam_category`, the four scores and
/// `last_refreshed_at`, as the client writes them: sorted keys, the date as seconds since
/// 2001). Anything else (a field or a risk level Telnyx adds later, odd text) is kept as the
/// JSON it was, so nothing Telnyx sent is lost.
struct CompactReading: Equatable, Sendable {
    /// 1 `low`, 2 `medium`, 3 `high`; nil when absent.
    var spamRisk: Int?
    var spamCategory: String?
    var maturityScore: Int?
    var connectionScore: Int?
    var engagementScore: Int?
    var sentimentScore: Int?
    /// `last_refreshed_at` in seconds since 2001-01-01 (how `JSONEncoder` writes a `Date`).
    var lastRefreshedAt: Double?

    static let riskNames = ["low", "medium", "high"]

    /// The name of a risk level's number; nil for none of them.
    static func riskName(_ level: Int) -> String? { (1...riskNames.count).contains(level) ? riskNames[level - 1] : nil }

    private struct Fields: Decodable {
        var spamRisk: String?
        var spamCategory: String?
        var maturityScore: Int?
        var connectionScore: Int?
        var engagementScore: Int?
        var sentimentScore: Int?
        var lastRefreshedAt: Double?

        enum CodingKeys: String, CodingKey {
            case spamRisk = "spam_risk"
            case spamCategory = "spam_category"
            case maturityScore = "maturity_score"
            case connectionScore = "connection_score"
            case engagementScore = "engagement_score"
            case sentimentScore = "sentiment_score"
            case lastRefreshedAt = "last_refreshed_at"
        }
    }

    /// The columns of `json` when they give it back exactly; nil otherwise (keep the text).
    init?(json: String) {
        guard json.hasPrefix("{"), let fields = try? JSONDecoder().decode(Fields.self, from: Data(json.utf8)) else { return nil }
        var risk: Int?
        if let name = fields.spamRisk {
            guard let index = Self.riskNames.firstIndex(of: name) else { return nil }
            risk = index + 1
        }
        self.init(
            spamRisk: risk, spamCategory: fields.spamCategory, maturityScore: fields.maturityScore,
            connectionScore: fields.connectionScore, engagementScore: fields.engagementScore,
            sentimentScore: fields.sentimentScore, lastRefreshedAt: fields.lastRefreshedAt)
        guard self.json == json else { return nil }
    }

    init(
        spamRisk: Int?, spamCategory: String?, maturityScore: Int?, connectionScore: Int?, engagementScore: Int?,
        sentimentScore: Int?, lastRefreshedAt: Double?
    ) {
        self.spamRisk = spamRisk
        self.spamCategory = spamCategory
        self.maturityScore = maturityScore
        self.connectionScore = connectionScore
        self.engagementScore = engagementScore
        self.sentimentScore = sentimentScore
        self.lastRefreshedAt = lastRefreshedAt
    }

    /// The JSON these columns stand for: keys sorted, absent ones left out.
    var json: String {
        var members: [String] = []
        func add(_ key: String, _ value: String?) {
            if let value { members.append("\"\(key)\":\(value)") }
        }
        add("connection_score", connectionScore.map(String.init))
        add("engagement_score", engagementScore.map(String.init))
        add("last_refreshed_at", lastRefreshedAt.map(Self.number))
        add("maturity_score", maturityScore.map(String.init))
        add("sentiment_score", sentimentScore.map(String.init))
        add("spam_category", spamCategory.map(Self.quoted))
        add("spam_risk", spamRisk.flatMap(Self.riskName).map { "\"\($0)\"" })
        return "{" + members.joined(separator: ",") + "}"
    }

    /// A number as `JSONEncoder` writes a `Double`: no `.0` on a whole one.
    private static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// Text that needs no escaping in JSON, quoted; anything else does not round-trip (its
    /// reading is kept as JSON text).
    private static func quoted(_ text: String) -> String { isPlain(text) ? "\"\(text)\"" : "\u{0}" }

    /// Printable ASCII that JSON writes as it is (no quote, backslash or slash to escape).
    static func isPlain(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F && $0 != "\"" && $0 != "\\" && $0 != "/" }
    }
}

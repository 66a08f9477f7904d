import Foundation
import Onboarding
import OnboardingStore
import TelnyxAPI

/// Telnyx's `reputation_data` as the wizard's `NumberReading`, from the API or from a reading
/// kept in the store (its JSON).
public enum ReadingDecoding {
    /// All fields nil when `data` is nil (Telnyx has no analytics for the number).
    public static func reading(phoneNumber: String, _ data: ReputationData?) -> NumberReading {
        NumberReading(
            phoneNumber: phoneNumber, spamRisk: data?.spamRisk?.rawValue, category: data?.spamCategory, maturity: data?.maturityScore,
            connection: data?.connectionScore, engagement: data?.engagementScore, sentiment: data?.sentimentScore,
            lastRefreshedAt: data?.lastRefreshedAt)
    }

    /// `reputation_data` as the store keeps it (JSON, keys sorted; `null` without data).
    public static func json(_ data: ReputationData?) -> String { TelnyxMapping.json(data) }

    /// A kept reading; `null` data is a reading without data; nil when the JSON is not
    /// `reputation_data`.
    public static func reading(_ snapshot: ReputationSnapshot) -> NumberReading? {
        if snapshot.data == "null" { return reading(phoneNumber: snapshot.phoneNumber, nil) }
        guard let data = try? JSONDecoder().decode(ReputationData.self, from: Data(snapshot.data.utf8)) else { return nil }
        return reading(phoneNumber: snapshot.phoneNumber, data)
    }
}

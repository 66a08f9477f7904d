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

    /// Telnyx's numbers as readings to keep, stamped `at` (a number without a phone number is
    /// left out).
    public static func snapshots(_ numbers: [ReputationNumber], at: Date) -> [ReputationSnapshot] {
        numbers.compactMap { number in
            guard let phoneNumber = number.phoneNumber else { return nil }
            // As the store's columns when they fit (no JSON written or parsed), else as JSON.
            if let data = number.reputationData,
                let kept = ReputationSnapshot(
                    phoneNumber: phoneNumber, at: at, spamRisk: data.spamRisk?.rawValue, spamCategory: data.spamCategory,
                    maturityScore: data.maturityScore, connectionScore: data.connectionScore, engagementScore: data.engagementScore,
                    sentimentScore: data.sentimentScore, lastRefreshedAt: data.lastRefreshedAt)
            {
                return kept
            }
            return ReputationSnapshot(phoneNumber: phoneNumber, data: TelnyxMapping.json(number.reputationData), at: at)
        }
    }

    /// A kept reading; `null` data is a reading without data; nil when the JSON is not
    /// `reputation_data`.
    public static func reading(_ snapshot: ReputationSnapshot) -> NumberReading? {
        if let kept = snapshot.columnReading { return kept }
        if snapshot.data == "null" { return reading(phoneNumber: snapshot.phoneNumber, nil) }
        guard let data = try? JSONDecoder().decode(ReputationData.self, from: Data(snapshot.data.utf8)) else { return nil }
        return reading(phoneNumber: snapshot.phoneNumber, data)
    }
}

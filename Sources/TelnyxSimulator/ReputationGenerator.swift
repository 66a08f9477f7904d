import Foundation

/// What a live lookup finds for a number, deterministic from the seed, the number and how many
/// lookups it has had (so refreshes move the figures a little, as real ones do).
struct ReputationSample: Sendable, Equatable {
    var spamRisk: String?
    var spamCategory: String?
    var maturityScore: Int?
    var connectionScore: Int?
    var engagementScore: Int?
    var sentimentScore: Int?
}

enum ReputationGenerator {
    static let categories = ["telemarketing", "robocall", "debt_collection", "political", "survey", "scam_likely"]

    static func sample(seed: UInt64, phoneNumber: String, lookup: Int) -> ReputationSample {
        var stable = SeededGenerator(seed: seed, key: phoneNumber)
        var drift = SeededGenerator(seed: seed, key: "\(phoneNumber)#\(lookup)")
        let roll = Int(stable.next() % 100)
        // About one number in twelve has no analytics yet: every field comes back null.
        if roll < 8 { return ReputationSample() }
        let risk: String
        let base: Int
        switch roll {
        case ..<70: (risk, base) = ("low", 78)
        case ..<90: (risk, base) = ("medium", 52)
        default: (risk, base) = ("high", 24)
        }
        let category: String? =
            risk == "low" ? nil : categories[Int(stable.next() % UInt64(categories.count))]
        func score() -> Int? {
            if stable.next() % 20 == 0 { return nil }
            let spread = Int(stable.next() % 31) - 15
            let wobble = Int(drift.next() % 7) - 3
            return min(100, max(0, base + spread + wobble))
        }
        return ReputationSample(
            spamRisk: risk, spamCategory: category, maturityScore: score(), connectionScore: score(),
            engagementScore: score(), sentimentScore: score())
    }
}

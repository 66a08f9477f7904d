import Foundation

/// What a live lookup finds for a number, deterministic from the seed, the number and how many
/// lookups it has had: refreshes move the scores a little, and about one number in ten turns a
/// risk level worse or better after a few lookups, as real reputations drift.
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

    static let risks = ["low", "medium", "high"]
    static let baseScores = [78, 52, 24]

    /// - Parameter steeredRisk: a risk an admin route set for the number (`low`, `medium`,
    ///   `high`), found by every lookup instead of the drawn one.
    static func sample(seed: UInt64, phoneNumber: String, lookup: Int, steeredRisk: String? = nil) -> ReputationSample {
        var stable = SeededGenerator(seed: seed, key: phoneNumber)
        var drift = SeededGenerator(seed: seed, key: "\(phoneNumber)#\(lookup)")
        let roll = Int(stable.next() % 100)
        // About one number in twelve has no analytics yet: every field comes back null.
        if roll < 8 && steeredRisk == nil { return ReputationSample() }
        var level: Int
        switch roll {
        case ..<70: level = 0
        case ..<90: level = 1
        default: level = 2
        }
        // The turn is drawn apart from the figures, so numbers that never turn read as before.
        var turning = SeededGenerator(seed: seed, key: "\(phoneNumber)#turn")
        let turn = turning.next() % 100
        let turnsAt = 3 + Int(turning.next() % 12)
        if lookup >= turnsAt {
            if turn < 6 { level = min(2, level + 1) } else if turn < 10 { level = max(0, level - 1) }
        }
        if let steeredRisk, let steered = risks.firstIndex(of: steeredRisk) { level = steered }
        let risk = risks[level]
        let base = baseScores[level]
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

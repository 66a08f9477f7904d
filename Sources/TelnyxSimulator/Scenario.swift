/// How Telnyx's human reviewers behave in a simulated world.
public enum Scenario: String, Sendable, CaseIterable, Codable {
    /// Vetting approves after about a minute, the LOA after about five.
    case happy
    /// The first vetting is rejected with several reasons; a later submission is approved.
    case vettingRejected = "vetting-rejected"
    /// The first LOA is rejected; a replacement is approved.
    case loaRejected = "loa-rejected"
    /// Vetting approves quickly but the LOA stays pending for days.
    case slowReview = "slow-review"

    static let vettingDelay: Double = 60
    static let loaReviewDelay: Double = 300
    static let slowLoaReviewDelay: Double = 3 * 24 * 3600

    static let vettingRejectionReasons = [
        "Legal name does not match IRS records for the given FEIN.",
        "Website is unreachable or does not identify the business.",
        "Organization contact email domain does not match the business website.",
    ]
}

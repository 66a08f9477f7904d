/// How often Telnyx re-checks every monitored number, each check billed as a live check.
public enum CheckFrequency: String, CaseIterable, Sendable, Codable {
    case businessDaily = "business_daily"
    case daily
    case weekly
    case biweekly
    case monthly
    case never

    /// Scheduled checks per number in an average month, in hundredths (business days:
    /// 261 a year; weeks: 52.18 a year).
    var checksPerMonthHundredths: Int {
        switch self {
        case .businessDaily: 2175
        case .daily: 3000
        case .weekly: 435
        case .biweekly: 217
        case .monthly: 100
        case .never: 0
        }
    }

    public var label: String {
        switch self {
        case .businessDaily: "every business day"
        case .daily: "every day"
        case .weekly: "every week"
        case .biweekly: "every two weeks"
        case .monthly: "every month"
        case .never: "never (only when asked)"
        }
    }
}

/// The nine steps of an onboarding, in order.
public enum Step: Int, CaseIterable, Codable, Sendable, Comparable {
    case terms = 1
    case enterprise
    case loaRender
    case signAndUpload
    case enable
    case gates
    case associate
    case query
    case manage

    public static func < (lhs: Step, rhs: Step) -> Bool { lhs.rawValue < rhs.rawValue }

    public var title: String {
        switch self {
        case .terms: "Terms of Service"
        case .enterprise: "Enterprise"
        case .loaRender: "Letter of authorization"
        case .signAndUpload: "Sign and upload"
        case .enable: "Enable reputation"
        case .gates: "Telnyx review"
        case .associate: "Add numbers"
        case .query: "Check reputation"
        case .manage: "Manage"
        }
    }
}

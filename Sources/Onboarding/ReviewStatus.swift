/// Where one of Telnyx's reviews stands (`status` for the enterprise's vetting, `loa_status`
/// for the signed LOA; Telnyx's API, `EnterpriseReputationPublic`). Telnyx may add values: one
/// this program does not know is kept as it came (`other`) and treated as still pending.
/// Written as its string, as Telnyx writes it, so saved onboardings read the same.
public enum ReviewStatus: Hashable, Sendable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    case pending
    case approved
    case rejected
    /// Vetting only: Telnyx deleted the enterprise's registration.
    case deleted
    /// A value Telnyx added since: shown as it is, waited on like `pending`.
    case other(String)

    public init(_ raw: String) {
        switch raw {
        case "pending": self = .pending
        case "approved": self = .approved
        case "rejected": self = .rejected
        case "deleted": self = .deleted
        default: self = .other(raw)
        }
    }

    public init(stringLiteral value: String) { self.init(value) }

    /// As Telnyx writes it.
    public var rawValue: String {
        switch self {
        case .pending: "pending"
        case .approved: "approved"
        case .rejected: "rejected"
        case .deleted: "deleted"
        case .other(let raw): raw
        }
    }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

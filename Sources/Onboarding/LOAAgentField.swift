/// The reseller or BPO (`agent`) a LOA may name as acting for the enterprise: every field of
/// Telnyx's `AgentInput`, with its rule. Keys are the API's names.
public enum LOAAgentField: String, CaseIterable, Sendable, Hashable {
    case legalName = "legal_name"
    case dba
    case streetAddress = "street_address"
    case extendedAddress = "extended_address"
    case city
    case administrativeArea = "administrative_area"
    case postalCode = "postal_code"
    case country
    case contactName = "contact_name"
    case contactTitle = "contact_title"
    case contactEmail = "contact_email"
    case contactPhone = "contact_phone"

    public var key: String { rawValue }

    public var isRequired: Bool { self != .dba && self != .extendedAddress }

    public var label: String {
        switch self {
        case .legalName: "Legal name"
        case .dba: "Doing business as"
        case .streetAddress: "Street address"
        case .extendedAddress: "Suite, floor"
        case .city: "City"
        case .administrativeArea: "State or region"
        case .postalCode: "Postal code"
        case .country: "Country"
        case .contactName: "Contact's name"
        case .contactTitle: "Contact's title"
        case .contactEmail: "Contact's email"
        case .contactPhone: "Contact's phone"
        }
    }

    /// The spec's limits; an agent may be outside the US, so addresses are free text.
    var kind: EnterpriseField.Kind {
        switch self {
        case .legalName, .dba, .contactName, .contactTitle: .text(minimum: 1, maximum: 200)
        case .streetAddress, .extendedAddress: .text(minimum: 1, maximum: 255)
        case .city, .administrativeArea: .text(minimum: 1, maximum: 120)
        case .postalCode: .text(minimum: 1, maximum: 30)
        case .country: .country
        case .contactEmail: .email
        case .contactPhone: .phone
        }
    }

    /// The value as Telnyx should receive it, or why it cannot be accepted.
    public func check(_ raw: String) -> Result<String, ValueProblem> {
        EnterpriseValidation.check(kind, raw, required: isRequired)
    }

    /// Every field checked: the accepted values keyed by the API's names, and the problems.
    public static func check(_ values: [LOAAgentField: String]) -> (accepted: [String: String], problems: [LOAAgentField: ValueProblem]) {
        var accepted: [String: String] = [:]
        var problems: [LOAAgentField: ValueProblem] = [:]
        for field in allCases {
            switch field.check(values[field] ?? "") {
            case .success(let value): if !value.isEmpty { accepted[field.key] = value }
            case .failure(let problem): problems[field] = problem
            }
        }
        return (accepted, problems)
    }
}
